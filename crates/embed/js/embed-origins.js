// What the iframe pages (embed.html, deck.html) may show: their own
// origin's feeds and decks, and those of the origins embed-config.json
// beside them lists: {"feeds": ["https://data.example.ru"]}. Otherwise any
// page could frame this site's pages and make them show anything.

/** The origins whose feeds may be drawn: this one, and those the site lists. */
async function allowedOrigins() {
  const allowed = [location.origin];
  try {
    const response = await fetch(new URL('embed-config.json', import.meta.url), { cache: 'no-cache' });
    if (response.ok) {
      const config = await response.json();
      for (const origin of Array.isArray(config?.feeds) ? config.feeds : []) {
        try {
          allowed.push(new URL(origin).origin);
        } catch {
          console.warn('opeka embed: not an origin in embed-config.json:', origin);
        }
      }
    }
  } catch (error) {
    console.warn('opeka embed: embed-config.json could not be read; same-origin feeds only', error);
  }
  return allowed;
}

/** Whether the page may show `src` (a URL relative to the page): its origin is allowed. */
export async function mayShow(src) {
  let origin = location.origin;
  try {
    if (src !== null) origin = new URL(src, location.href).origin;
  } catch {
    // Not a URL at all: the widget or deck reports it like any file it cannot fetch.
  }
  return { origin, allowed: origin === location.origin || (await allowedOrigins()).includes(origin) };
}

/** Puts `message` (why a file is refused) where the page's content goes, as an alert. */
export function refuse(message) {
  const box = document.createElement('p');
  box.className = 'opeka-refused';
  box.setAttribute('role', 'alert');
  box.textContent = message;
  document.querySelector('main').append(box);
}
