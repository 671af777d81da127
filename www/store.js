// Keeps the session (the loaded articles, their names, an imported report) in IndexedDB so
// that pasted articles and edits survive a reload. One record, written whole after every
// change: the articles are the user's work, the analysis is recomputed from them on load.
//
// A browser that refuses storage (private mode, a file:// page with storage off, a full disk)
// leaves the app working without persistence: every failure becomes a rejected promise that
// app.js reports as a warning, never an error dialog.

const VERSION = 1;
const STORE = 'sessions';

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/** Opens (creating if needed) the database `name`; resolves to `{load, save}`. */
export async function openStore(name = 'corroborate', key = 'current') {
  if (!globalThis.indexedDB) throw new Error('IndexedDB is not available');
  const open = indexedDB.open(name, VERSION);
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(STORE)) open.result.createObjectStore(STORE);
  };
  const db = await request(open);
  const run = (mode, fn) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const result = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(result.result);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  let queue = Promise.resolve();
  return {
    /** The saved session, or null when nothing was ever saved. */
    load: () => run('readonly', (s) => s.get(key)).then((v) => v ?? null),
    /** Saves `session` (writes are queued so they land in order). */
    save(session) {
      const value = { ...session, savedAt: Date.now() };
      queue = queue.catch(() => {}).then(() => run('readwrite', (s) => s.put(value, key)));
      return queue;
    },
  };
}

const THEME_KEY = 'corroborate-theme';

/**
 * The app options that keep the page's theme choice in localStorage (`theme`, `onTheme`,
 * `themeTargets`), shared by the served page and the single file. Storage that is off just
 * means the choice is not remembered.
 */
export function rememberedTheme(doc = document) {
  let theme = 'auto';
  try {
    theme = localStorage.getItem(THEME_KEY) ?? 'auto';
  } catch {
    // storage off: follow the system
  }
  return {
    themeTargets: [doc.documentElement],
    theme,
    onTheme(choice) {
      try {
        localStorage.setItem(THEME_KEY, choice);
      } catch {
        // the choice just is not remembered
      }
    },
  };
}
