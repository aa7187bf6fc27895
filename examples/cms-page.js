// The host page's half of the iframe embed (README, "Where the CMS strips
// scripts"): each Opeka frame posts {type: 'opeka-height', height}; the frame
// that sent it is resized to fit its chart. Only messages from the origin
// that serves embed.html count (here the page's own), and the height is
// kept within 120–4000 px, so no other frame or page can resize anything.
const OPEKA_ORIGIN = location.origin;
addEventListener('message', (e) => {
  if (e.origin !== OPEKA_ORIGIN || e.data?.type !== 'opeka-height') return;
  const height = Math.min(4000, Math.max(120, Math.ceil(Number(e.data.height)) || 0));
  for (const f of document.querySelectorAll('iframe')) if (f.contentWindow === e.source) f.style.height = height + 'px';
});
