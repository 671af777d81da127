// @ts-check
// Keeps the session (the loaded articles, their names, an imported report) in IndexedDB so
// that pasted articles and edits survive a reload. One record, written whole after every
// change: the articles are the user's work, the analysis is recomputed from them on load.
//
// A browser that refuses storage (private mode, a file:// page with storage off, a full disk)
// leaves the app working without persistence: every failure becomes a rejected promise that
// app.js shows the reader as a note (never an error dialog). Two tabs do not overwrite each
// other's articles: see `save`.

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
  // Two tabs share one record. Each save reads the record first, in the same transaction: when
  // another tab wrote it since this tab last loaded or saved it, the articles only that tab
  // holds are kept in the record and returned, so the app can take them in (no tab overwrites
  // another's articles).
  const tab = globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random()}`;
  let seen = 0;
  let queue = Promise.resolve();
  const saveNow = (session) =>
    new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, 'readwrite');
      const objects = tx.objectStore(STORE);
      let others = [];
      const get = objects.get(key);
      get.onsuccess = () => {
        const old = get.result;
        const value = { ...session, tab, savedAt: Math.max(Date.now(), (old?.savedAt ?? 0) + 1) };
        if (old && old.tab !== tab && old.savedAt > seen && Array.isArray(old.articles)) {
          const have = new Set((session.articles ?? []).map((a) => a.text));
          others = old.articles.filter((a) => !have.has(a.text));
          value.articles = [...(session.articles ?? []), ...others];
        }
        objects.put(value, key);
        seen = value.savedAt;
      };
      tx.oncomplete = () => resolve({ others });
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    });
  return {
    /** The saved session, or null when nothing was ever saved. */
    load: () =>
      run('readonly', (s) => s.get(key)).then((v) => {
        seen = v?.savedAt ?? 0;
        return v ?? null;
      }),
    /**
     * Saves `session` (writes are queued so they land in order); resolves with `{others}`: the
     * articles another tab saved meanwhile that this session lacks (kept in the record).
     */
    save(session) {
      queue = queue.catch(() => {}).then(() => saveNow(session));
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
