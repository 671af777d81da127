// Entry point of index.html: builds the app into <main>, keeps the session in IndexedDB, follows
// the theme chosen last time, and registers the service worker that lets the page work offline
// after its first visit.
import { createApp } from './app.js';
import { buildLayout } from './layout.js';
import { openStore } from './store.js';

const THEME_KEY = 'corroborate-theme';

function savedTheme() {
  try {
    return localStorage.getItem(THEME_KEY) ?? 'auto';
  } catch {
    return 'auto';
  }
}

document.getElementById('main').append(buildLayout());
createApp(document, {
  store: openStore('corroborate'),
  themeTargets: [document.documentElement],
  theme: savedTheme(),
  onTheme(theme) {
    try {
      localStorage.setItem(THEME_KEY, theme);
    } catch {
      // the choice just is not remembered
    }
  },
}).start();

// Offline after the first visit (not on file://, where service workers do not exist).
if ('serviceWorker' in navigator && /^https?:$/.test(location.protocol)) {
  navigator.serviceWorker.register(new URL('./sw.js', import.meta.url)).catch((err) => {
    console.warn('corroborate: no offline copy of the page:', err?.message ?? err);
  });
}
