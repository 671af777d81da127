// @ts-check
// Entry point of index.html: builds the app into <main>, keeps the session in IndexedDB, follows
// the theme chosen last time, and registers the service worker that lets the page work offline
// after its first visit.
import { createApp } from './app.js';
import { buildLayout } from './layout.js';
import { openStore, rememberedTheme } from './store.js';

document.getElementById('main').append(buildLayout());
const app = createApp(document, {
  store: openStore('corroborate'),
  ...rememberedTheme(document),
});
app.start();

// Offline after the first visit (not on file://, where service workers do not exist). The
// worker is registered once the first analysis is shown, so its install finds the page's files
// (wasm included) in the HTTP cache instead of downloading them again (sw.js).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  app.settled
    .then(() => navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)))
    .catch((err) => {
      console.warn('corroborate: no offline copy of the page:', err?.message ?? err);
    });
}
