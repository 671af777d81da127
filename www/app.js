// @ts-check
// The page's controller: holds the loaded articles, asks the worker (through client.js) to
// analyse them, and hands the report to the render modules. It never builds HTML from strings:
// article text only ever reaches the page through the render modules (textContent + <mark>).
//
// This file is the entry: `createApp` owns the state and wires the modules in app/, each a
// factory of functions on one shared context, `app` (the root, its elements by id, the state,
// the client, the options, and every module's functions), through which they call each other:
// app/session.js (the articles and their keeping), app/analysis.js (the latest-wins runner),
// app/view.js (a report made readable, pure), app/results.js (rendering in slices),
// app/table.js (claim table), app/reader.js (article texts), app/selection.js (highlighting),
// app/edits.js (merges and splits), app/place.js (the URL hash), app/status.js (status,
// messages, dialog), app/input.js (every way in, and the exports).
//
// Flow: input (paste, files, demo, preloaded URLs, an imported report) -> state.articles ->
// analyse() -> worker -> report -> makeView(report, the exact texts analysed) -> render. Analyses
// never overlap: a change made while one runs marks the state dirty and one more analysis
// follows. Rendering runs in slices (schedule.js): chips, filters and pairs, then the first
// page of the claim table, then the article texts (all of them for a few articles, those on
// screen for many; the others when opened); the state turns `ready` when that is on the page.
// More claim rows are added as the table scrolls into view.
//
// Highlighting never re-renders: every mention and claim sentence carries its ids
// (render/articles.js), and selecting, previewing or pointing at something adds classes.
// Selecting an entity also goes to its first mention in the article texts (opening the article
// if needed); the highlight bar steps to the next and previous ones, in article then text order.
// Clicking a claim (or its "Show in text") goes to its sentence.
//
// Edits (render/edits.js): the reader's merges and splits of entities are kept with the
// articles, saved with them, and passed to every analysis (`analyze(articles, {edits})`), so
// chips, speakers and claim groups are all recomputed with them. Undoing one analyses again
// without it. A new set of articles (the samples, preloaded URLs, an imported report, "Remove
// all") starts with no edits; adding or removing one article keeps them.
//
// `createApp(root)` works on any root that holds layout.js's tree (the document, or the
// <corroborate-widget> element's shadow root).

/** @import { Article } from '../types/report.js' */
/** @import { openStore } from './store.js' */
import { AnalyzerClient } from './client.js';
import { readHash } from './hash.js';
import { controls } from './layout.js';
import { createAnalysis } from './app/analysis.js';
import { createEdits } from './app/edits.js';
import { createInput } from './app/input.js';
import { createPlace } from './app/place.js';
import { createReader } from './app/reader.js';
import { createResults } from './app/results.js';
import { createSelection } from './app/selection.js';
import { createSession } from './app/session.js';
import { createStatus } from './app/status.js';
import { createTable, SHOWN_AT_FIRST } from './app/table.js';

/**
 * `createApp`'s options (see there).
 * @typedef {{
 *   dropTarget?: Window | HTMLElement,
 *   client?: AnalyzerClient,
 *   demo?: () => Promise<Article[]>,
 *   store?: ReturnType<typeof openStore> | null,
 *   preload?: string[],
 *   stateElements?: HTMLElement[],
 *   themeTargets?: HTMLElement[],
 *   theme?: string,
 *   onTheme?: (theme: string) => void,
 *   mode?: 'view' | 'edit',
 *   hash?: boolean,
 * }} AppOptions
 */

/**
 * Wires the controls under `root` (a Document or ShadowRoot holding layout.js's tree).
 * Options:
 * - `dropTarget`: where dropped files are accepted (default: the window);
 * - `client`: an AnalyzerClient (default: a new worker);
 * - `demo`: `async () => [{name, text}]`, the sample articles (default: fetch pkg/demo.json);
 * - `store`: a promise of store.js's `{load, save}`, or null for no persistence;
 * - `preload`: article URLs to load at start instead of the samples; a saved session wins
 *   when it was saved with the same list (so a reload neither loads them twice nor loses what
 *   the reader added, removed or corrected), else the URLs are loaded afresh; on such a return
 *   visit each URL is fetched again (revalidated) and an article whose text hash changed is
 *   taken in before the analysis, with a note naming it;
 * - `stateElements`: elements that get `data-state` (default: the app root, and the body when
 *   `root` is the document);
 * - `themeTargets`, `theme`, `onTheme(theme)`: where `data-theme` goes, its first value, and
 *   who remembers a change.
 * Returns `{start, settled, loadDemo, loadUrls, addArticles, setTheme, state}` (`settled`: a
 * promise, resolved when the first results, the empty page or an error are shown).
 * @param {Document | ShadowRoot} [root]
 * @param {AppOptions} [options]
 */
export function createApp(root = document, options = {}) {
  const $ = controls(root);
  const appRoot = $('app');
  const dropTarget = options.dropTarget ?? window;
  const stateElements = options.stateElements ?? (root === document ? [document.body, appRoot] : [appRoot]);
  const themeTargets = options.themeTargets ?? [appRoot];
  const loadDemoData =
    options.demo ??
    (async () => {
      const response = await fetch(new URL('./pkg/demo.json', import.meta.url));
      if (!response.ok) throw new Error(`pkg/demo.json: HTTP ${response.status}`);
      return response.json();
    });

  const state = {
    /** `[{id, name, text, origin, missing?}]`, in the order they are analysed. */
    articles: [],
    nextId: 1,
    pasteCount: 0,
    /** The latest analysis (makeView), or null. */
    view: null,
    /** The core's digest of the latest analysis (what differs), or null. */
    digest: null,
    /** After the next analysis: fold the input away and bring the digest into view. */
    reveal: false,
    /** Where "Back to the claim" returns after "Show in text": `{claim, from}` or null. */
    back: null,
    /** A report read from a file, shown until the articles change. */
    imported: null,
    /** Id of the entity whose mentions are highlighted, or null. */
    selected: null,
    /** Position of the mention shown (in `mentionsOf(selected)`), or -1. */
    mention: -1,
    /** The reader's merges and splits (render/edits.js), applied in order by every analysis. */
    edits: [],
    /** Merge mode: chips are picked for a merge instead of selected. */
    merging: false,
    /** Ids of the chips picked for a merge, in the order picked. */
    mergePick: [],
    /** The article URLs the session was loaded from (the widget's `articles`), or null. */
    preload: null,
    filters: { shown: new Set(SHOWN_AT_FIRST), kind: '', article: '', entity: '', sort: 'carried' },
    readerMode: 'stack',
    readerDoc: 0,
    running: false,
    dirty: false,
    /** Bumped by every change of the article set; an analysis of an older set is dropped. */
    version: 0,
  };

  const client = options.client ?? new AnalyzerClient();
  /** `mode: 'view'` (the widget for readers): results only, no input and no editing. */
  const viewOnly = options.mode === 'view';
  /** Resolves when the first analysis (or the empty page, or an error) is shown. */
  /** @type {(value?: unknown) => void} */
  let markSettled = () => {};
  const settled = new Promise((resolve) => {
    markSettled = resolve;
  });
  /** Filters, chip, view and the sentence shown live in the URL hash (the page only). */
  const useHash = options.hash ?? root === document;

  // ---------------------------------------------------------------- articles

  /**
   * The context every module in app/ works on: what is set up above, the controller's
   * variables, and every module's functions (added below).
   */
  const app = {
    root,
    options,
    $,
    appRoot,
    dropTarget,
    stateElements,
    themeTargets,
    loadDemoData,
    state,
    client,
    viewOnly,
    settled,
    markSettled,
    useHash,
    /** The hash read at start, applied once the first analysis is on the page. */
    pendingHash: useHash && location.hash.includes('=') ? readHash(location.hash) : null,
    /** Whether the input has been folded away once (it folds when the first results show). */
    folded: false,
    /** store.js's `{load, save}` once opened, or null. */
    store: null,
    renderJob: null,
    table: null,
    previewId: null,
    hoverGroup: null,
    /** Whether the reader was told that the articles could not be saved. */
    storageWarned: false,
    /** The background fill of article texts (reader.js `fillLater`), or null. */
    fillJob: null,
  };
  Object.assign(
    app,
    createSession(app),
    createAnalysis(app),
    createResults(app),
    createTable(app),
    createReader(app),
    createSelection(app),
    createEdits(app),
    createPlace(app),
    createStatus(app),
    createInput(app),
  );

  /**
   * Wires the controls, then loads the preloaded URLs, or the saved session, or the samples,
   * and analyses them.
   */
  async function start() {
    app.wireInput();
    app.wireHighlighting();
    app.wireTable();
    app.wireReader();
    app.setTheme(options.theme ?? 'auto');
    app.renderList();
    app.renderResults();
    let session = null;
    if (options.store) {
      try {
        app.store = await options.store;
        session = await app.store.load();
      } catch (err) {
        console.warn('corroborate: articles will not be kept across reloads here:', err?.message ?? err);
        app.showMessage('note', `Articles will not be kept across reloads here: this browser refused storage (${err?.message ?? err}).`);
        app.store = null;
      }
    }
    app.restoreDraft(session?.draft);
    const saved = session && Array.isArray(session.articles);
    const preload = options.preload ?? [];
    if (preload.length) {
      // the same URLs as when the session was saved: it already holds them, with the reader's
      // changes; other URLs: the host page changed what it shows, so they load afresh
      const same = saved && Array.isArray(session.preload) && session.preload.join(' ') === preload.join(' ');
      if (!same) return app.loadUrls(preload);
      // a return visit: an article changed at its URL since is taken in before the analysis
      app.setStatus('busy', 'Checking the articles for changes…');
      const changed = await app.refreshSaved(session.articles.filter((a) => a && typeof a.text === 'string'));
      await app.restore(session);
      if (changed.length) {
        app.persist();
        app.showMessage('info', `Updated since your last visit: ${changed.join(', ')}.`);
      }
      return;
    }
    if (saved) return app.restore(session);
    return app.loadDemo({ ask: false });
  }

  return { start, settled, loadDemo: app.loadDemo, loadUrls: app.loadUrls, addArticles: app.addArticles, setTheme: app.setTheme, state };
}
