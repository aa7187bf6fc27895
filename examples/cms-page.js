// The host page's half of the iframe embed (README, "Where the CMS strips
// scripts"): each Opeka frame posts {type: 'opeka-height', height}; the frame
// that sent it is resized to fit its chart.
addEventListener('message', (e) => {
  if (e.data?.type === 'opeka-height') {
    for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = e.data.height + 'px';
  }
});
