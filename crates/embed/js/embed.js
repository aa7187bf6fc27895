// The iframe form: embed.html?src=…&view=…&lang=…&theme=…&height=…
// draws one widget filling the frame and tells the parent its height:
//   parent.postMessage({ type: 'opeka-height', height }, '*')
const params = new URLSearchParams(location.search);
const chart = document.createElement('opeka-chart');
for (const name of ['src', 'view', 'lang', 'theme', 'height', 'refresh']) {
  const value = params.get(name);
  if (value !== null) chart.setAttribute(name, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');
document.body.append(chart);

let lastHeight = -1;
function postHeight() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== lastHeight && window.parent !== window) {
    lastHeight = height;
    // The height is not a secret, and the parent's origin is unknown here.
    window.parent.postMessage({ type: 'opeka-height', height }, '*');
  }
}
new ResizeObserver(postHeight).observe(document.documentElement);
chart.addEventListener('opeka-rendered', postHeight);
chart.addEventListener('opeka-error', postHeight);
