// @ts-check
// The page's controller: holds the loaded articles, asks the worker (through client.js) to
// analyse them, and hands the report to the render modules. It never builds HTML from strings:
// article text only ever reaches the page through the render modules (textContent + <mark>).
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

/** @import { Article, Edit, Report } from '../types/report.js' */
/** @import { openStore } from './store.js' */
import { AnalyzerClient } from './client.js';
import { el, plural, replace } from './dom.js';
import { briefMarkdown, claimsCsv, download, reportJson } from './export.js';
import { ACCEPT, checkPastedText, MAX_FILE_LABEL, readArticleFile } from './input/files.js';
import { readReportFile } from './input/report.js';
import { fillText, markEntity, markSentences, renderArticleList, renderTextShells, summaryCounts } from './render/articles.js';
import { renderChips, renderSelection } from './render/chips.js';
import { describeEdit, renderEdits, renderMergeBar, validEdit } from './render/edits.js';
import { COLUMN_LIMIT, orderGroups, RELATIONS, renderClaimFilters, startClaimTable } from './render/claims.js';
import { renderDigest } from './render/digest.js';
import { readHash, writeHash } from './hash.js';
import { renderPairs } from './render/pairs.js';
import { Job, yieldToBrowser } from './schedule.js';
import { controls } from './layout.js';

/** Claims added to the table per page (a page ends after the group that passes this). */
const PAGE_CLAIMS = 250;
/** Claims added to the table between two painted frames. */
const FRAME_CLAIMS = 16;
/** Articles up to which every text is rendered at once; past it, texts render when shown. */
const EAGER_TEXTS = 12;
/** Article texts on screen added between two painted frames. */
const TEXTS_PER_FRAME = 3;
/** Milliseconds after the last keystroke in the paste form before the draft is saved. */
const DRAFT_SAVE_MS = 600;
/**
 * Relations the claim table shows at first: one-source (`unique`) rows are collapsed to a count
 * per article (in the digest and under the table), shown with their filter box.
 */
const SHOWN_AT_FIRST = RELATIONS.map(([r]) => r).filter((r) => r !== 'unique');
/** Claims past which an analysis counts as large even with few articles. */
const LARGE_CLAIMS = 600;
/**
 * The core's analysis stages in its order (`pipeline::STAGES`, the worker's `progress`
 * notices): what the status line calls each, and its share of an analysis in per cent
 * (bench-pipeline's CPU medians over the PolNeAR texts), so the bar moves at an even pace.
 */
/** @type {Record<string, [string, number]>} */
const STAGES = {
  prepare: ['reading the articles', 3],
  figures: ['finding dates and figures', 13],
  entities: ['finding entities', 43],
  claims: ['finding claims', 7],
  spans: ['writing the report', 1],
  compare: ['comparing the claims', 33],
};

/**
 * The nearest element matching `selector` from where `event` happened (its target or an
 * ancestor), or null.
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLElement | null}
 */
function closestTo(event, selector) {
  const hit = event.target instanceof Element ? event.target.closest(selector) : null;
  return hit instanceof HTMLElement ? hit : null;
}

/**
 * The SHA-256 of `text` (UTF-8) as hex, or null where the browser has no `crypto.subtle` (a
 * page served over plain HTTP from another host than localhost): then texts are compared whole.
 */
async function textHash(text) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

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
  let markSettled;
  const settled = new Promise((resolve) => {
    markSettled = resolve;
  });
  /** Filters, chip, view and the sentence shown live in the URL hash (the page only). */
  const useHash = options.hash ?? root === document;
  /** The hash read at start, applied once the first analysis is on the page. */
  let pendingHash = useHash && location.hash.includes('=') ? readHash(location.hash) : null;
  /** Whether the input has been folded away once (it folds when the first results show). */
  let folded = false;
  let store = null;
  let renderJob = null;
  let table = null;
  let previewId = null;
  let hoverGroup = null;

  // ---------------------------------------------------------------- articles

  function addArticles(items) {
    // a reader's own article added to the samples: ask (without a modal) whether to compare
    // only their own articles, so it is never silently compared with the samples
    const onlySamples = state.articles.length > 0 && state.articles.every((a) => a.origin === 'demo');
    const own = items.filter((i) => !['demo', 'url', 'report'].includes(i.origin)).length;
    if (onlySamples && own > 0) askAboutSamples();
    else if (!own || items.every((i) => i.origin === 'demo')) hideSamplesQuestion();
    for (const item of items) {
      state.articles.push({ id: `a${state.nextId++}`, name: item.name, text: item.text, origin: item.origin, url: item.url, hash: item.hash });
    }
    articlesChanged();
  }

  function askAboutSamples() {
    const box = $('samples-question');
    if (!box) return;
    const samples = state.articles.filter((a) => a.origin === 'demo').length;
    replace(
      box,
      el('span', { text: `Your article was added to the ${plural(samples, 'sample article')}. ` }),
      el('button', {
        type: 'button',
        class: 'secondary',
        text: 'Compare only my articles',
        onclick: () => {
          hideSamplesQuestion();
          state.articles = state.articles.filter((a) => a.origin !== 'demo');
          state.edits = [];
          state.selected = null;
          articlesChanged();
        },
      }),
      ' ',
      el('button', { type: 'button', class: 'link', text: 'Keep the samples too', onclick: hideSamplesQuestion }),
    );
    box.hidden = false;
  }

  function hideSamplesQuestion() {
    const box = $('samples-question');
    if (!box) return;
    box.hidden = true;
    replace(box);
  }

  function removeArticle(id) {
    state.articles = state.articles.filter((a) => a.id !== id);
    articlesChanged();
    $('list-heading').focus();
  }

  function renameArticle(id, name) {
    const article = state.articles.find((a) => a.id === id);
    if (!article) return;
    article.name = name.trim() || article.name;
    renderList();
    persist();
    if (state.view) renderResults();
  }

  function currentName(id, fallback) {
    return state.articles.find((a) => a.id === id)?.name ?? fallback;
  }

  /** After any change of the article set: forget an imported report, save, re-analyse. */
  function articlesChanged() {
    state.version++;
    state.reveal = state.articles.length > 0;
    if (state.imported) {
      state.imported = null;
      const missing = state.articles.filter((a) => a.missing);
      if (missing.length) {
        state.articles = state.articles.filter((a) => !a.missing);
        showMessage('info', `${plural(missing.length, 'article')} from the imported report had no text and ${missing.length === 1 ? 'was' : 'were'} left out of the new analysis.`);
      }
    }
    renderList();
    persist();
    analyse();
  }

  let storageWarned = false;

  function persist() {
    if (!store) return;
    const session = {
      version: 1,
      articles: state.articles.map(({ id, name, text, origin, missing, url, hash }) => ({ id, name, text, origin, missing: Boolean(missing), url, hash })),
      nextId: state.nextId,
      pasteCount: state.pasteCount,
      imported: state.imported,
      edits: state.edits,
      preload: state.preload,
      // the article being pasted and not yet added: a reload keeps it
      draft: viewOnly ? null : { text: $('paste-text')?.value ?? '', name: $('paste-name')?.value ?? '' },
    };
    store.save(session).then(
      (result) => {
        storageWarned = false;
        // articles another tab saved meanwhile: taken in, so neither tab loses its work
        const others = result?.others ?? [];
        if (others.length) {
          showMessage('note', `Kept ${plural(others.length, 'article')} saved in another tab: ${others.map((a) => a.name).join(', ')}.`);
          addArticles(others.map(({ name, text, origin }) => ({ name, text, origin })));
        }
      },
      (err) => {
        console.warn('corroborate: the articles could not be saved:', err?.message ?? err);
        if (storageWarned) return;
        storageWarned = true;
        showMessage('note', `Your articles could not be saved in this browser (${err?.message ?? err}); they will be lost when the page is closed.`);
      },
    );
  }

  // ---------------------------------------------------------------- analysis

  /**
   * The report plus what the render modules need to read it: the exact texts that were analysed
   * (offsets point into them), lookups by id, mentions and claims by document, and labels for
   * article numbers.
   * @param {Report} report
   * @param {Array<{id?: number, name: string, text: string, missing?: boolean}>} snapshot the articles analysed, in order
   * @param {Edit[]} [edits]
   */
  function makeView(report, snapshot, edits = []) {
    const mergedNames = new Set(edits.flatMap((e) => ('merge' in e ? e.merge : [])));
    const docs = (report.documents ?? []).map((d, i) => ({
      index: i,
      id: snapshot[i]?.id,
      name: snapshot[i]?.name ?? d.name,
      text: snapshot[i]?.text ?? '',
      missing: Boolean(snapshot[i]?.missing),
      title: d.title,
      outlet: d.outlet?.text ?? null,
      boilerplate: d.boilerplate ?? [],
    }));
    const mentionsByDoc = docs.map(() => []);
    for (const e of report.entities ?? []) {
      (e.mentions ?? []).forEach((m, i) => {
        const doc = docs[m.doc];
        if (!doc || m.end <= m.start || m.end > doc.text.length || (m.text != null && doc.text.slice(m.start, m.end) !== m.text)) return;
        mentionsByDoc[m.doc].push({ start: m.start, end: m.end, entity: e.id, i, type: e.type, name: e.name });
      });
    }
    for (const list of mentionsByDoc) list.sort((a, b) => a.start - b.start || b.end - a.end);
    const claimsByDoc = docs.map(() => []);
    for (const c of report.claims ?? []) claimsByDoc[c.doc]?.push(c);
    let mentioning = null;
    const view = {
      report,
      docs,
      mentionsByDoc,
      claimsByDoc,
      entityById: new Map((report.entities ?? []).map((e) => [e.id, e])),
      claimById: new Map((report.claims ?? []).map((c) => [c.id, c])),
      docShort: (i) => String(i + 1),
      docName: (i) => currentName(docs[i]?.id, docs[i]?.name ?? `article ${i + 1}`),
      docTitle: (i) => docs[i]?.title || view.docName(i),
      /** How the article is named: the outlet its dateline or byline credits (from the core), then its headline. */
      docHeading: (i) => (docs[i]?.outlet ? `${docs[i].outlet} — ${view.docTitle(i)}` : view.docTitle(i)),
      /** Numbered, as the core's explanations name it: "2 · Reuters — Headline". */
      docLabel: (i) => `${i + 1} · ${view.docHeading(i)}`,
      /** For tooltips: the label and the file name. */
      docTip: (i) => `${view.docLabel(i)} (${view.docName(i)})`,
      /** True when one of the reader's merges made this entity. */
      merged: (e) => mergedNames.has(e.name) || (e.aliases ?? []).some((a) => mergedNames.has(a)),
      /** The entity's mentions that are drawn in the texts, in article then text order. */
      mentionsOf(entityId) {
        return mentionsByDoc.flatMap((list, doc) => list.filter((m) => m.entity === entityId).map((m) => ({ ...m, doc })));
      },
      /** Ids of the claims whose speaker is the entity or whose sentence mentions it. */
      claimsMentioning(entityId) {
        mentioning ??= new Map();
        if (!mentioning.has(entityId)) {
          const ids = new Set();
          for (const c of report.claims ?? []) {
            if (c.speaker === entityId) ids.add(c.id);
            else if ((mentionsByDoc[c.doc] ?? []).some((m) => m.entity === entityId && m.start < c.sentence.end && m.end > c.sentence.start)) ids.add(c.id);
          }
          mentioning.set(entityId, ids);
        }
        return mentioning.get(entityId);
      },
    };
    return view;
  }

  async function analyse() {
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.dirty = false;
    const snapshot = state.articles.filter((a) => !a.missing).map(({ id, name, text }) => ({ id, name, text }));
    const edits = state.edits.slice();
    if (snapshot.length === 0) {
      state.view = null;
      state.selected = null;
      renderList();
      renderResults();
      setProgress(false);
      setStatus('idle', 'Add articles to compare them.');
      return;
    }
    state.running = true;
    const version = state.version;
    const chars = snapshot.reduce((n, a) => n + a.text.length, 0);
    const busy = `Analysing ${plural(snapshot.length, 'article')} (${formatChars(chars)})`;
    setStatus('busy', `${busy}…`);
    setProgress(0);
    // the worker's notices (one per stage, else at most one per 50 ms): bar and stage named
    const onProgress = ({ stage, step, steps, done, total }) => {
      if (!state.running || version !== state.version) return;
      const shares = Object.values(STAGES).map(([, share]) => share);
      const before = shares.slice(0, step - 1).reduce((a, b) => a + b, 0);
      setProgress(Math.min(1, (before + (shares[step - 1] ?? 0) * (total ? done / total : 1)) / 100));
      // the text node only: the Cancel button after it stays
      const line = $('status').firstChild;
      const text = `${busy}: ${STAGES[stage]?.[0] ?? stage}… (stage ${step} of ${steps})`;
      if (line?.nodeType === Node.TEXT_NODE && line.nodeValue !== text) line.nodeValue = text;
    };
    // An analysis still running after a second can be cancelled (the client stops its worker).
    const offerCancel = typeof client.cancel === 'function'
      ? setTimeout(() => {
          if (!state.running) return;
          $('status').append(' ', el('button', { type: 'button', class: 'link cancel-analysis', text: 'Cancel', onclick: () => client.cancel() }));
        }, 1000)
      : null;
    let outcome;
    try {
      // One failing article (a lone surrogate, a trap) does not fail the others: the client
      // finds it, restarts its worker, analyses the rest and says which were left out.
      const ask = typeof client.analyzeSkipping === 'function' ? client.analyzeSkipping.bind(client) : client.analyze.bind(client);
      outcome = await ask(
        snapshot.map(({ name, text }) => ({ name, text })),
        edits.length ? { edits } : undefined,
        { onProgress },
      );
    } catch (err) {
      outcome = { error: err };
    }
    clearTimeout(offerCancel);
    state.running = false;
    if (outcome.error?.cancelled) {
      state.dirty = false;
      state.view = null;
      state.selected = null;
      renderList();
      renderResults();
      setProgress(false);
      setStatus('idle', 'The analysis was cancelled. Remove or shorten the longest articles, or add or change one to analyse again.');
      return;
    }
    if (state.dirty) {
      analyse();
      return;
    }
    if (version !== state.version) return; // an imported report took over meanwhile
    if (outcome.error) {
      state.view = null;
      state.selected = null;
      renderList();
      renderResults();
      setProgress(false);
      setStatus('error', `The analysis failed: ${outcome.error.message}`);
      return;
    }
    const previous = state.view && state.selected ? state.view.entityById.get(state.selected) : null;
    await yieldToBrowser();
    if (version !== state.version) return; // changed meanwhile: a newer analysis is on its way
    const left = new Set((outcome.skipped ?? []).map((s) => s.index));
    const analysed = left.size ? snapshot.filter((_, i) => !left.has(i)) : snapshot;
    state.view = makeView(outcome.report, analysed, edits);
    state.digest = outcome.digest ?? null;
    state.selected = previous ? findSame(state.view, previous) : null;
    state.mention = -1;
    state.mergePick = [];
    await yieldToBrowser();
    renderList();
    const r = outcome.report;
    const leftOut = (outcome.skipped ?? []).map((s) => `${s.name} (${s.message})`);
    // one message per left-out article, with a button to remove it from the list
    for (const old of $('messages').querySelectorAll('.message-skipped')) old.remove();
    for (const s of outcome.skipped ?? []) {
      const id = snapshot[s.index]?.id;
      const item = el(
        'li',
        { class: 'message message-note message-skipped' },
        el('span', { class: 'message-kind', text: 'Left out:' }),
        ' ',
        el('span', { class: 'message-text', text: `${s.name}: its analysis failed (${s.message}).` }),
        ' ',
        el('button', { type: 'button', class: 'link', text: `Remove ${s.name}`, onclick: () => { item.remove(); if (id) removeArticle(id); } }),
      );
      $('messages').append(item);
    }
    await showResults(
      `Analysed ${plural(analysed.length, 'article')} in ${Math.round(outcome.ms)} ms: ` +
        `${plural(r.entities?.length ?? 0, 'entity', 'entities')}, ${plural(r.claims?.length ?? 0, 'claim')} ` +
        `in ${plural(r.groups?.length ?? 0, 'group')}.` +
        (leftOut.length ? ` Left out, its analysis failed (remove it to stop this message): ${leftOut.join('; ')}.` : ''),
    );
  }

  /** Renders the current view, then reports `ready` with `message` (unless superseded). */
  async function showResults(message) {
    setStatus('busy', 'Showing the results…');
    const done = await renderResults();
    if (!done) return;
    setProgress(false);
    setStatus('ready', message);
    // the form folds away once, unless the reader is in the middle of pasting an article
    if (state.view && (state.reveal || !folded) && $('add-fold') && !$('paste-text')?.value) {
      $('add-fold').open = false;
      folded = true;
    }
    if (pendingHash) {
      const wanted = pendingHash;
      pendingHash = null;
      applyHash(wanted);
    } else if (state.reveal && state.view && !viewOnly) revealResults();
    state.reveal = false;
  }

  /** Moves focus (and the window) to the digest. */
  function revealResults() {
    const heading = $('digest-heading') ?? $('results');
    heading.focus({ preventScroll: true });
    heading.scrollIntoView({ block: 'start' });
  }

  function formatChars(n) {
    return n < 10_000 ? `${n.toLocaleString('en')} characters` : `${Math.round(n / 1000).toLocaleString('en')} thousand characters`;
  }

  /** After a new analysis, the entity with the same name and type as the old selection, if any. */
  function findSame(view, entity) {
    return (view.report.entities ?? []).find((e) => e.name === entity.name && e.type === entity.type)?.id ?? null;
  }

  // ---------------------------------------------------------------- rendering

  function renderList() {
    if (viewOnly) return;
    const titles = new Map((state.view?.docs ?? []).map((d) => [d.id, d.title]));
    renderArticleList($('article-list'), state.articles, (id) => titles.get(id) ?? null, renameArticle, removeArticle);
    $('clear-all').disabled = state.articles.length === 0;
  }

  /** Renders everything for the current view; resolves false if a newer render took over. */
  async function renderResults() {
    renderJob?.cancel();
    const job = (renderJob = new Job());
    const view = state.view;
    $('results').hidden = !view;
    for (const id of /** @type {const} */ (['export-json', 'export-csv', 'export-md'])) $(id).disabled = !view;
    if (!view) {
      renderDigest($('digest'), null, null);
      for (const id of ['chips', 'selection', 'claim-filters', 'claims', 'pairs', 'texts', 'notes']) replace($(id));
      $('claims-more').hidden = true;
      table = null;
      renderEditTools();
      return true;
    }
    // a large analysis gets one painted frame per part, so that no frame lays out everything
    // at once; a small one just yields between parts
    const pause = () => (isLarge(view) ? job.frame() : job.step());
    if (!(await pause())) return false;
    const notes = view.report.notes ?? [];
    replace($('notes'), notes.map((n) => el('li', { text: n })));
    $('notes').hidden = notes.length === 0;
    renderDigest($('digest'), view, state.digest, (id) => jumpToClaim(id));
    renderEditTools();
    if (!(await renderChips($('chips'), view, chipPressed, pressChip, job))) return false;
    if (!(await pause())) return false;
    renderSelectionBar();
    renderClaimFilters($('claim-filters'), view, state.filters.shown, () => {
      renderClaimTable(new Job());
      saveHash();
    });
    fillFilterOptions(view);
    renderPairs($('pairs'), view);
    if (!(await pause())) return false;
    renderReaderOptions(view);
    renderTextShells($('texts'), view);
    applyReaderMode();
    if (!(await pause())) return false;
    if (!(await renderClaimTable(job))) return false;
    if (!(await fillTexts(job))) return false;
    applySelection();
    return true;
  }

  /** Large enough that rendering waits for painted frames (see schedule.js). */
  function isLarge(view) {
    return view.docs.length > EAGER_TEXTS || (view.report.claims?.length ?? 0) > LARGE_CLAIMS;
  }

  function selectedEntity() {
    return state.selected && state.view ? state.view.entityById.get(state.selected) ?? null : null;
  }

  // ---------------------------------------------------------------- claim table

  function fillFilterOptions(view) {
    const keep = (select, options) => {
      const value = select.value;
      replace(select, options.map(([v, text]) => el('option', { value: v, text })));
      select.value = options.some(([v]) => v === value) ? value : '';
    };
    keep($('filter-article'), [['', 'Any article'], ...view.docs.map((d) => [String(d.index), view.docLabel(d.index)])]);
    const inClaims = new Set();
    for (const c of view.report.claims ?? []) if (c.speaker) inClaims.add(c.speaker);
    for (const list of view.mentionsByDoc) for (const m of list) inClaims.add(m.entity);
    const entities = (view.report.entities ?? []).filter((e) => inClaims.has(e.id)).sort((a, b) => a.name.localeCompare(b.name));
    keep($('filter-entity'), [['', 'Any entity'], ...entities.map((e) => [e.id, `${e.name} (${e.type})`])]);
    state.filters.article = $('filter-article').value;
    state.filters.entity = $('filter-entity').value;
  }

  /** Under the filters: how many one-source rows are folded, per article, and a way to show them. */
  function renderUniqueNote(view) {
    const note = $('unique-note');
    const unique = (view.report.groups ?? []).filter((g) => g.relation === 'unique');
    if (state.filters.shown.has('unique') || unique.length === 0) {
      note.hidden = true;
      replace(note);
      return;
    }
    const per = new Map();
    for (const g of unique) for (const d of g.docs ?? []) per.set(d, (per.get(d) ?? 0) + 1);
    note.hidden = false;
    replace(
      note,
      `${plural(unique.length, 'claim')} carried by one article only ${unique.length === 1 ? 'is' : 'are'} folded away (`,
      [...per].sort((a, b) => a[0] - b[0]).map(([d, n], i) => `${i ? ', ' : ''}article ${view.docShort(d)}: ${n}`),
      '). ',
      el('button', {
        type: 'button',
        class: 'link',
        text: 'Show them',
        onclick: () => {
          state.filters.shown.add('unique');
          const box = /** @type {HTMLInputElement | null} */ ($('claim-filters').querySelector('input[value="unique"]'));
          if (box) box.checked = true;
          renderClaimTable(new Job());
          saveHash();
        },
      }),
    );
  }

  /** Restarts the table with the current filters and order; shows its first page. */
  async function renderClaimTable(job) {
    const view = state.view;
    if (!view) return true;
    renderUniqueNote(view);
    if (table?.job && table.job !== job) table.job.cancel();
    const groups = orderGroups(view, state.filters);
    if (groups.length === 0) {
      const any = (view.report.groups ?? []).length > 0;
      replace($('claims'), el('p', { class: 'empty', text: any ? 'No claim group matches these filters.' : 'No claims were found.' }));
      table = null;
      updateMore();
      return true;
    }
    const layout = view.docs.length <= COLUMN_LIMIT ? 'columns' : 'list';
    table = { groups, shown: 0, job, append: startClaimTable($('claims'), view, layout, groups.length) };
    return showMoreClaims(job);
  }

  async function showMoreClaims(job = new Job()) {
    const t = table;
    if (!t) return true;
    t.job = job;
    let claims = 0;
    let sinceFrame = 0;
    const button = $('claims-more-button');
    button.disabled = true;
    const large = isLarge(state.view);
    while (t.shown < t.groups.length && claims < PAGE_CLAIMS) {
      // for a large analysis, rows are laid out a frame at a time, FRAME_CLAIMS claims per frame
      const go = large && sinceFrame >= FRAME_CLAIMS ? await job.frame() : await job.step();
      if (!go || table !== t) return false;
      if (sinceFrame >= FRAME_CLAIMS) sinceFrame = 0;
      const drawn = t.append(t.groups[t.shown++]);
      claims += drawn;
      sinceFrame += drawn;
    }
    button.disabled = false;
    markEntity($('claims'), selectedEntity(), 'entity');
    updateMore();
    return true;
  }

  function updateMore() {
    const t = table;
    const more = $('claims-more');
    if (!t || t.shown >= t.groups.length) {
      more.hidden = true;
      return;
    }
    more.hidden = false;
    $('claims-count').textContent = `Showing ${t.shown.toLocaleString('en')} of ${plural(t.groups.length, 'claim group')}; more are added as you scroll.`;
  }

  // ---------------------------------------------------------------- article texts

  function renderReaderOptions(view) {
    state.readerDoc = Math.min(state.readerDoc, view.docs.length - 1);
    replace($('reader-doc'), view.docs.map((d) => el('option', { value: String(d.index), text: view.docLabel(d.index) })));
    $('reader-doc').value = String(state.readerDoc);
  }

  /** The reader-mode radio buttons. */
  function readerModes() {
    return /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="reader-mode"]'));
  }

  /** The chips' buttons. */
  function chipButtons() {
    return /** @type {NodeListOf<HTMLButtonElement>} */ ($('chips').querySelectorAll('button.chip'));
  }

  function blocks() {
    return [.../** @type {NodeListOf<HTMLDetailsElement>} */ ($('texts').querySelectorAll('details.doc-text-block'))];
  }

  function ensureFilled(block) {
    if (block.dataset.filled === 'true' || !state.view) return;
    fillText(block, state.view, state.view.docs[Number(block.dataset.doc)]);
    const entity = selectedEntity();
    if (entity) markEntity(block, entity, 'entity');
  }

  /**
   * Fills article texts a slice at a time: every one when there are at most EAGER_TEXTS
   * articles, else only those on screen (the others when they are opened), so a hundred
   * articles never put a hundred texts in the page at once. Blocks on screen get a painted
   * frame every few texts, so that their layout is spread too.
   */
  async function fillTexts(job, list = null) {
    const all = list ?? blocks();
    const showing = (b) => b.open && !b.hidden;
    const wanted = list || all.length <= EAGER_TEXTS ? all : all.filter(showing);
    const order = [...wanted.filter(showing), ...wanted.filter((b) => !showing(b))];
    let done = 0;
    let sinceFrame = 0;
    for (const block of order) {
      if (!(await (sinceFrame >= TEXTS_PER_FRAME ? job.frame() : job.step()))) return false;
      if (sinceFrame >= TEXTS_PER_FRAME) sinceFrame = 0;
      if (block.dataset.filled !== 'true' && state.view) {
        ensureFilled(block);
        if (showing(block)) sinceFrame++;
      }
      done++;
      if (done % 5 === 0 && !list) setProgress(done / order.length);
    }
    return true;
  }

  /** Fills the given blocks in the background (replacing an earlier background fill). */
  let fillJob = null;
  function fillLater(list) {
    fillJob?.cancel();
    fillJob = new Job();
    return fillTexts(fillJob, list);
  }

  function applyReaderMode() {
    const mode = state.readerMode;
    $('texts').className = `texts mode-${mode}`;
    $('reader-nav').hidden = mode !== 'single';
    const shown = [];
    for (const block of blocks()) {
      const index = Number(block.dataset.doc);
      block.hidden = mode === 'single' && index !== state.readerDoc;
      if (mode !== 'stack' && !block.hidden) {
        block.open = true;
        shown.push(block);
      }
    }
    if (mode === 'single' && shown[0]) ensureFilled(shown[0]);
    else if (shown.length) fillLater(shown);
    for (const radio of readerModes()) radio.checked = radio.value === mode;
    if (state.view) {
      $('reader-doc').value = String(state.readerDoc);
      $('reader-prev').disabled = state.readerDoc <= 0;
      $('reader-next').disabled = state.readerDoc >= state.view.docs.length - 1;
    }
  }

  function showSingle(index) {
    if (!state.view) return;
    state.readerDoc = Math.max(0, Math.min(state.view.docs.length - 1, index));
    applyReaderMode();
  }

  /** Opens an article's text (switching the one-at-a-time view to it) and returns its block. */
  function revealDoc(index) {
    if (state.readerMode === 'single') showSingle(index);
    const block = /** @type {HTMLDetailsElement | null} */ ($(`doc-text-${index}`));
    if (!block) return null;
    block.open = true;
    ensureFilled(block);
    return block;
  }

  /** Opens an article's text and brings the selected entity's first mention there into view. */
  function showDoc(index) {
    const list = state.view && state.selected ? state.view.mentionsOf(state.selected) : [];
    const k = list.findIndex((m) => m.doc === index);
    if (k >= 0 && goToMention(k)) {
      $(`doc-text-${index}`)?.querySelector('summary')?.focus({ preventScroll: true });
      return;
    }
    const block = revealDoc(index);
    if (!block) return;
    block.scrollIntoView({ block: 'start' });
    block.querySelector('summary')?.focus({ preventScroll: true });
  }

  /**
   * Shows mention `k` (wrapping around) of the selected entity: opens its article (switching
   * the one-at-a-time view to it), marks it `current`, scrolls it to the middle of the window
   * and says which it is in the highlight bar. Focus stays where it is. Returns false when the
   * entity has no mention drawn in the texts.
   */
  function goToMention(k) {
    const view = state.view;
    const entity = selectedEntity();
    const list = entity ? view.mentionsOf(entity.id) : [];
    for (const node of $('texts').querySelectorAll('.ment.current')) node.classList.remove('current');
    if (list.length === 0) return false;
    const index = ((k % list.length) + list.length) % list.length;
    const m = list[index];
    const block = revealDoc(m.doc);
    if (!block) return false;
    state.mention = index;
    const pieces = [...block.querySelectorAll(`[data-m~="${CSS.escape(`${entity.id}:${m.i}`)}"]`)];
    for (const node of pieces) node.classList.add('current');
    pieces[0]?.scrollIntoView({ block: 'center' });
    const pos = $('selection').querySelector('.mention-pos');
    if (pos) pos.textContent = `${index + 1} of ${list.length}, article ${view.docShort(m.doc)}`;
    return pieces.length > 0;
  }

  function stepMention(delta) {
    goToMention(state.mention < 0 ? (delta > 0 ? 0 : -1) : state.mention + delta);
  }

  function renderSelectionBar() {
    const entity = selectedEntity();
    const canEdit = Boolean(state.view) && !state.imported && !viewOnly;
    renderSelection($('selection'), state.view, entity, {
      onClear: () => selectEntity(null),
      onShowDoc: showDoc,
      onStep: stepMention,
      onSplit: entity && canEdit && (entity.aliases?.length ?? 0) > 0 ? () => addEdit({ split: entity.name }) : null,
      onRename: entity && canEdit ? (name) => addEdit({ rename: [entity.name, name] }) : null,
    });
  }

  // ---------------------------------------------------------------- edits (merge, split)

  function chipPressed(id) {
    return state.merging ? state.mergePick.includes(id) : id === state.selected;
  }

  function pressChip(id, wasPressed) {
    if (!state.merging) {
      selectEntity(wasPressed ? null : id);
      return;
    }
    state.mergePick = wasPressed ? state.mergePick.filter((x) => x !== id) : [...state.mergePick, id];
    for (const chip of chipButtons()) {
      chip.setAttribute('aria-pressed', String(state.mergePick.includes(chip.dataset.entity)));
    }
    renderMergeBar($('merge-bar'), pickedNames());
  }

  function pickedNames() {
    return state.mergePick.map((id) => state.view?.entityById.get(id)?.name).filter(Boolean);
  }

  function setMerging(on) {
    if (on && (!state.view || state.imported || viewOnly)) return;
    state.merging = on;
    state.mergePick = [];
    if (on) selectEntity(null);
    $('chips').classList.toggle('merging', on);
    for (const chip of chipButtons()) {
      chip.setAttribute('aria-pressed', String(chipPressed(chip.dataset.entity)));
    }
    renderEditTools();
  }

  /** The merge button, the merge bar and the list of edits, for the current state. */
  function renderEditTools() {
    if (viewOnly) return;
    const canEdit = Boolean(state.view) && !state.imported;
    if (!canEdit && state.merging) {
      state.merging = false;
      state.mergePick = [];
      $('chips').classList.remove('merging');
    }
    const mode = $('merge-mode');
    mode.disabled = !canEdit;
    mode.setAttribute('aria-pressed', String(state.merging));
    mode.title = state.imported ? 'An imported report is shown as it was saved: add or remove an article to analyse again and edit.' : '';
    $('merge-bar').hidden = !state.merging;
    if (state.merging) renderMergeBar($('merge-bar'), pickedNames());
    renderEdits($('edits'), state.edits, undoEdit, !canEdit);
  }

  function applyMerge() {
    const names = pickedNames();
    if (names.length < 2) return;
    setMerging(false);
    addEdit({ merge: names });
  }

  /** Adds an edit, saves it and analyses again; the status says what was done. */
  function addEdit(edit) {
    if (!validEdit(edit) || state.imported) return;
    state.edits = [...state.edits, edit];
    state.selected = null;
    afterEdits(`${describeEdit(edit)}.`);
  }

  function undoEdit(index) {
    const [edit] = state.edits.splice(index, 1);
    if (!edit) return;
    state.edits = [...state.edits];
    afterEdits(`Undone: ${describeEdit(edit)}.`);
    // focus stays near: on the undo button now in that place, else (no edit left) on "Merge"
    const next = $('edit-list').querySelectorAll('button.undo')[Math.min(index, state.edits.length - 1)];
    (/** @type {HTMLButtonElement | undefined} */ (next) ?? $('merge-mode')).focus();
  }

  function afterEdits(message) {
    renderEditTools();
    persist();
    showMessage('info', message);
    analyse();
  }

  /**
   * Goes to a claim's sentence in its article's text, outlines it and moves focus there; "Back
   * to the claim" then returns to where it was asked from (the claim's row, or the digest).
   * `history`: 'push' adds an entry to the browser history (so Back returns), 'none' does not.
   */
  function jumpToClaim(id, { history: mode = 'push' } = {}) {
    const claim = state.view?.claimById.get(id);
    if (!claim) return;
    const active = root.activeElement;
    const from = active && active !== document.body && appRoot.contains(active) && !$('texts').contains(active) ? active : null;
    const block = revealDoc(claim.doc);
    if (!block) return;
    const pieces = markSentences($('texts'), [id], 'pinned');
    const target = pieces.find((p) => block.contains(p));
    if (!target) return;
    state.back = { claim: id, from: from ?? state.back?.from ?? null };
    $('back-to-claim').hidden = false;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    if (mode === 'push') saveHash(true);
  }

  /** Returns from a claim's sentence to where "Show in text" was pressed (or the claim's row). */
  function backToClaim({ history: mode = 'replace' } = {}) {
    const back = state.back;
    state.back = null;
    $('back-to-claim').hidden = true;
    if (!back) return;
    const row = $('claims').querySelector(`.claim[data-claim="${CSS.escape(back.claim)}"] button.jump`);
    const target = back.from?.isConnected ? back.from : row ?? $('claims-heading');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    if (mode === 'replace') saveHash();
  }

  // ---------------------------------------------------------------- the URL hash

  /** Writes the reader's place into the URL hash (a new history entry when `push`). */
  function saveHash(push = false) {
    if (!useHash || pendingHash || !state.view) return;
    const f = state.filters;
    const hash = writeHash(
      { rel: [...f.shown], kind: f.kind, article: f.article, entity: f.entity, sort: f.sort, chip: state.selected, view: state.readerMode, doc: state.readerDoc, at: state.back?.claim },
      SHOWN_AT_FIRST,
    );
    if (hash === location.hash || (!hash && !location.hash)) return;
    const url = hash || `${location.pathname}${location.search}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Restores a place read from the hash (after a reload, or Back and Forward). */
  function applyHash(place) {
    const view = state.view;
    if (!view) return;
    const f = state.filters;
    f.shown.clear();
    for (const r of place.rel ?? SHOWN_AT_FIRST) f.shown.add(r);
    for (const box of /** @type {NodeListOf<HTMLInputElement>} */ ($('claim-filters').querySelectorAll('input[name="relation"]'))) box.checked = f.shown.has(box.value);
    const pick = (id, key, value, fallback) => {
      const select = $(id);
      select.value = value ?? fallback;
      if (select.value !== (value ?? fallback)) select.value = fallback;
      f[key] = select.value;
    };
    pick('filter-kind', 'kind', place.kind, '');
    pick('filter-article', 'article', place.article, '');
    pick('filter-entity', 'entity', place.entity, '');
    pick('sort-claims', 'sort', place.sort, 'carried');
    const mode = ['stack', 'single', 'columns'].includes(place.view) ? place.view : 'stack';
    if (mode !== state.readerMode || (mode === 'single' && place.doc != null && place.doc !== state.readerDoc)) {
      state.readerMode = mode;
      if (place.doc != null) state.readerDoc = Math.min(place.doc, view.docs.length - 1);
      applyReaderMode();
    }
    const chip = place.chip && view.entityById.has(place.chip) ? place.chip : null;
    if (chip !== state.selected) selectEntity(chip, { history: 'none', filter: false });
    renderClaimTable(new Job()).then(() => {
      if (place.at && view.claimById.has(place.at)) jumpToClaim(place.at, { history: 'none' });
      else if (state.back) backToClaim({ history: 'none' });
    });
  }

  // ---------------------------------------------------------------- highlighting

  /**
   * Highlights an entity (or none) and filters the claim table to its claims. `history`:
   * 'push' (a new history entry), 'replace' or 'none'; `filter`: false leaves the table's
   * entity filter as it is (a place restored from the hash brings its own).
   */
  function selectEntity(id, { history: mode = 'push', filter = true } = {}) {
    state.selected = id;
    state.mention = -1;
    if (filter && state.view) {
      const select = $('filter-entity');
      select.value = id ?? '';
      if (select.value !== (id ?? '')) select.value = '';
      if (state.filters.entity !== select.value) {
        state.filters.entity = select.value;
        renderClaimTable(new Job());
      }
    }
    if (mode !== 'none') saveHash(mode === 'push');
    if (!state.merging) {
      for (const chip of chipButtons()) {
        chip.setAttribute('aria-pressed', String(chip.dataset.entity === id));
      }
    }
    const entity = selectedEntity();
    renderSelectionBar();
    applySelection();
    // with a few articles, the ones that mention the entity open; with many, their titles say
    // how many mentions each has and the highlight bar's buttons open them
    if (entity && state.readerMode === 'stack' && state.view.docs.length <= EAGER_TEXTS) {
      const docs = new Set((entity.mentions ?? []).map((m) => m.doc));
      for (const block of blocks()) {
        if (docs.has(Number(block.dataset.doc))) {
          block.open = true;
          ensureFilled(block);
        }
      }
    }
    if (entity) goToMention(0);
    else for (const node of $('texts').querySelectorAll('.ment.current')) node.classList.remove('current');
  }

  function applySelection() {
    if (!state.view) return;
    const entity = selectedEntity();
    markEntity($('texts'), entity, 'entity');
    markEntity($('claims'), entity, 'entity');
    summaryCounts($('texts'), state.view, entity);
  }

  /** Outlines an entity's mentions while its chip is pointed at or focused. */
  function preview(id) {
    if (id === previewId || !state.view) return;
    previewId = id;
    const entity = id ? state.view.entityById.get(id) : null;
    markEntity($('texts'), entity, 'preview');
    markEntity($('claims'), entity, 'preview');
  }

  /** Outlines the sentences of a claim group in every article while a claim is pointed at. */
  function hover(groupId) {
    if (groupId === hoverGroup || !state.view) return;
    hoverGroup = groupId;
    const group = groupId ? (state.view.report.groups ?? []).find((g) => g.id === groupId) : null;
    markSentences($('texts'), group?.claims ?? [], 'hl');
  }

  /**
   * Pointer and keyboard focus each name a chip or a claim group; the pointer's wins while it
   * is over one, else the focused one shows (so a page scrolled under a resting pointer does
   * not undo what keyboard focus shows).
   */
  function tracker(apply) {
    let pointed = null;
    let focused = null;
    const update = () => apply(pointed ?? focused);
    return {
      point(id) {
        pointed = id;
        update();
      },
      focus(id) {
        focused = id;
        update();
      },
    };
  }

  function wireHighlighting() {
    const chips = $('chips');
    /** @param {Event} event */
    const chipOf = (event) => closestTo(event, 'button.chip')?.dataset.entity ?? null;
    const chipTrack = tracker(preview);
    chips.addEventListener('pointerover', (event) => chipTrack.point(chipOf(event)));
    chips.addEventListener('pointerleave', () => chipTrack.point(null));
    chips.addEventListener('focusin', (event) => chipTrack.focus(chipOf(event)));
    chips.addEventListener('focusout', (event) => {
      if (!chips.contains(/** @type {Node | null} */ (event.relatedTarget))) chipTrack.focus(null);
    });

    const claims = $('claims');
    // anywhere on a claim group's rows (its claims, its relation cell, its diffs)
    /** @param {Event} event */
    const groupOf = (event) => closestTo(event, '.group')?.dataset.group ?? null;
    const claimTrack = tracker(hover);
    claims.addEventListener('pointerover', (event) => claimTrack.point(groupOf(event)));
    claims.addEventListener('pointerleave', () => claimTrack.point(null));
    claims.addEventListener('focusin', (event) => claimTrack.focus(groupOf(event)));
    claims.addEventListener('focusout', (event) => {
      if (!claims.contains(/** @type {Node | null} */ (event.relatedTarget))) claimTrack.focus(null);
    });
    claims.addEventListener('click', (event) => {
      const jump = closestTo(event, 'button.jump');
      if (jump) {
        jumpToClaim(jump.dataset.claim);
        return;
      }
      // a click anywhere else on a claim goes there too, unless it was on another control or
      // ended a text selection
      const claim = closestTo(event, '.claim');
      if (!claim || closestTo(event, 'button, a, input, select, summary, label')) return;
      if (String(/** @type {{getSelection?: () => Selection | null}} */ (root).getSelection?.() ?? document.getSelection() ?? '').trim()) return;
      jumpToClaim(claim.dataset.claim);
    });

    appRoot.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || $('confirm-dialog').open) return;
      if (state.merging) {
        setMerging(false);
        $('merge-mode').focus();
      } else if (state.selected) selectEntity(null);
    });

    if (viewOnly) return;
    $('merge-mode').addEventListener('click', () => setMerging(!state.merging));
    $('merge-apply').addEventListener('click', applyMerge);
    $('merge-cancel').addEventListener('click', () => {
      setMerging(false);
      $('merge-mode').focus();
    });
  }

  function wireTable() {
    const filter = (id, key) =>
      $(id).addEventListener('change', (event) => {
        state.filters[key] = event.target.value;
        renderClaimTable(new Job());
        saveHash();
      });
    filter('filter-kind', 'kind');
    filter('filter-article', 'article');
    filter('filter-entity', 'entity');
    filter('sort-claims', 'sort');
    $('claims-more-button').addEventListener('click', () => showMoreClaims());
    if ('IntersectionObserver' in globalThis) {
      // more rows as the end of the table comes near
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting) && !$('claims-more-button').disabled) showMoreClaims();
        },
        { rootMargin: '600px 0px' },
      );
      observer.observe($('claims-more'));
    }
  }

  function wireReader() {
    for (const radio of readerModes()) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        state.readerMode = radio.value;
        applyReaderMode();
        saveHash();
      });
    }
    $('reader-doc').addEventListener('change', (event) => {
      showSingle(Number($('reader-doc').value));
      saveHash();
    });
    $('reader-prev').addEventListener('click', () => {
      showSingle(state.readerDoc - 1);
      saveHash();
    });
    $('reader-next').addEventListener('click', () => {
      showSingle(state.readerDoc + 1);
      saveHash();
    });
    $('back-to-claim').addEventListener('click', () => backToClaim());
    // a hash with no `key=value` is an in-page link (the skip links), not a place
    if (useHash) window.addEventListener('popstate', () => {
      if (location.hash.length <= 1 || location.hash.includes('=')) applyHash(readHash(location.hash));
    });
    // a block opened by hand gets its text at once
    $('texts').addEventListener('toggle', (event) => {
      const block = event.target;
      if (block instanceof HTMLDetailsElement && block.open) ensureFilled(block);
    }, true);
  }

  // ---------------------------------------------------------------- status, messages, dialog

  function setStatus(kind, text) {
    if (kind !== 'busy') markSettled();
    for (const node of stateElements) node.dataset.state = kind;
    $('status').textContent = text;
    $('status').className = `status status-${kind}`;
    $('input').setAttribute('aria-busy', String(kind === 'busy'));
  }

  /** `false` hides the bar, `null` makes it indeterminate, a number from 0 to 1 fills it. */
  function setProgress(value) {
    const bar = $('progress');
    bar.hidden = value === false;
    if (value === false || value == null) bar.removeAttribute('value');
    else {
      bar.max = 1;
      bar.value = value;
    }
  }

  function clearMessages() {
    replace($('messages'));
  }

  function showMessage(kind, text) {
    const item = el(
      'li',
      { class: `message message-${kind}` },
      el('span', { class: 'message-kind', text: kind === 'error' ? 'Not loaded:' : 'Note:' }),
      ' ',
      el('span', { class: 'message-text', text }),
      ' ',
      el('button', { type: 'button', class: 'link dismiss', 'aria-label': `Dismiss: ${text}`, text: 'Dismiss', onclick: () => item.remove() }),
    );
    $('messages').append(item);
  }

  /** Asks in the page's own dialog (never `confirm()`); resolves true when confirmed. */
  function confirmAction({ title, text, ok }) {
    const dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    $('confirm-ok').textContent = ok;
    dialog.returnValue = '';
    return new Promise((resolve) => {
      dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
      dialog.showModal();
      $('confirm-cancel').focus();
    });
  }

  // ---------------------------------------------------------------- input

  async function addFiles(fileList) {
    const files = [...fileList];
    if (files.length === 0) return;
    clearMessages();
    const reports = files.filter((f) => /\.json$/i.test(f.name) || f.type === 'application/json');
    const articles = files.filter((f) => !reports.includes(f));
    if (reports.length > 1) showMessage('error', 'Import one report at a time.');
    else if (reports.length === 1 && articles.length === 0) return importReport(reports[0]);
    else if (reports.length === 1) showMessage('error', `${reports[0].name}: a report is imported on its own, not with article files.`);
    if (articles.length === 0) return;
    let read = 0;
    if (articles.length > 3) {
      setStatus('busy', `Reading ${plural(articles.length, 'file')}…`);
      setProgress(0);
    }
    const results = await Promise.all(
      articles.map(async (f) => {
        const r = await readArticleFile(f, (bytes) => client.read(bytes));
        read++;
        if (articles.length > 3) setProgress(read / articles.length);
        return r;
      }),
    );
    const good = [];
    for (const r of results) {
      if (r.ok) good.push({ name: r.name, text: r.text, origin: r.kind === 'html' ? 'html' : 'file' });
      else showMessage('error', r.message);
    }
    if (good.length) addArticles(good);
    else if (articles.length > 3) {
      setProgress(false);
      setStatus(state.view ? 'ready' : 'idle', 'No file could be read.');
    }
  }

  function addPasted() {
    clearMessages();
    const area = $('paste-text');
    const checked = checkPastedText(area.value);
    if (!checked.ok) {
      showMessage('error', checked.message);
      area.focus();
      return;
    }
    state.pasteCount++;
    const name = $('paste-name').value.trim() || `Pasted article ${state.pasteCount}`;
    // emptied first, so the session saved with the new article holds no draft
    area.value = '';
    $('paste-name').value = '';
    addArticles([{ name, text: checked.text, origin: 'paste' }]);
  }

  /** Replaces the articles with the samples (asking first when the user's own are loaded). */
  async function loadDemo({ ask = true } = {}) {
    clearMessages();
    const own = state.articles.filter((a) => a.origin !== 'demo').length;
    if (ask && own > 0) {
      const yes = await confirmAction({
        title: 'Replace the loaded articles?',
        text: `The sample articles replace the ${plural(state.articles.length, 'article')} now loaded, ${own === state.articles.length ? 'all' : own} of them your own.`,
        ok: 'Replace',
      });
      if (!yes) return;
    }
    let demo;
    try {
      demo = await loadDemoData();
    } catch (err) {
      showMessage('error', `The sample articles could not be loaded (${err.message}).`);
      setStatus('error', 'No sample articles.');
      return;
    }
    state.articles = [];
    state.selected = null;
    state.edits = [];
    state.preload = null;
    addArticles(demo.map((d) => ({ name: d.name, text: d.text, origin: 'demo' })));
  }

  /**
   * Fetches one article URL and reads it as a file: `{ok, name, text, url, hash}` (`hash`: the
   * text's SHA-256, hex, or null where the browser has no `crypto.subtle`), else `{ok: false,
   * message}`. `init` goes to fetch (`cache: 'no-cache'` revalidates with the server).
   */
  async function fetchArticle(url, init = {}) {
    const name = decodeURIComponent(url.pathname.split('/').pop() || url.hostname);
    try {
      const response = await fetch(url, { credentials: 'same-origin', ...init });
      if (!response.ok) return { ok: false, message: `${name}: could not be loaded (HTTP ${response.status})` };
      const blob = await response.blob();
      const r = await readArticleFile(new File([blob], name, { type: blob.type.split(';')[0] }), (bytes) => client.read(bytes));
      return r.ok ? { ...r, url: url.href, hash: await textHash(r.text) } : r;
    } catch (err) {
      return { ok: false, message: `${name}: could not be loaded (${err.message})` };
    }
  }

  /**
   * A return visit: fetches every saved article that came from a URL again (revalidated, so an
   * unchanged file costs a 304) and takes in the ones whose text hash changed, keeping the
   * reader's name for them. The reader's entity edits stay as they are: the core applies those
   * that still name an entity and skips the others with a note. Resolves with the names of
   * the articles that changed. A URL that cannot be fetched keeps its saved text.
   */
  async function refreshSaved(articles) {
    const changed = [];
    await Promise.all(
      articles.map(async (a) => {
        if (a.origin !== 'url' || typeof a.url !== 'string') return;
        let url;
        try {
          url = new URL(a.url);
        } catch {
          return;
        }
        if (url.origin !== location.origin) return;
        const r = await fetchArticle(url, { cache: 'no-cache' });
        if (!r.ok) return;
        const same = r.hash && a.hash ? r.hash === a.hash : r.text === a.text;
        if (same) return;
        a.text = r.text;
        a.hash = r.hash;
        changed.push(a.name);
      }),
    );
    return changed;
  }

  /** Loads articles from URLs on this page's origin (the widget's `articles` attribute). */
  async function loadUrls(urls, base = document.baseURI) {
    clearMessages();
    const good = [];
    setStatus('busy', `Loading ${plural(urls.length, 'article')}…`);
    setProgress(null);
    const results = await Promise.all(
      urls.map(async (raw) => {
        let url;
        try {
          url = new URL(raw, base);
        } catch {
          return { ok: false, message: `${raw}: is not a URL` };
        }
        if (url.origin !== location.origin) return { ok: false, message: `${raw}: only articles on this site (${location.origin}) can be loaded` };
        return fetchArticle(url);
      }),
    );
    for (const r of results) {
      if (r.ok) good.push({ name: r.name, text: r.text, origin: 'url', url: r.url, hash: r.hash });
      else showMessage('error', r.message);
    }
    state.articles = [];
    state.selected = null;
    state.edits = [];
    state.preload = urls.slice();
    addArticles(good);
  }

  async function importReport(file) {
    clearMessages();
    const r = await readReportFile(file);
    if (!r.ok) {
      showMessage('error', r.message);
      return;
    }
    if (state.articles.some((a) => a.origin !== 'demo')) {
      const yes = await confirmAction({
        title: 'Replace the loaded articles?',
        text: `The report ${file.name} replaces the ${plural(state.articles.length, 'article')} now loaded.`,
        ok: 'Replace',
      });
      if (!yes) return;
    }
    const { texts } = r;
    const report = { ...r.report };
    delete report.texts;
    state.version++;
    state.dirty = false;
    state.selected = null;
    state.articles = report.documents.map((d, i) => ({
      id: `a${state.nextId++}`,
      name: d.name,
      text: texts[i] ?? '',
      origin: 'report',
      missing: texts[i] == null,
    }));
    state.imported = report;
    state.edits = [];
    state.preload = null;
    persist();
    await showImported(file.name);
    const missing = texts.filter((t) => t == null).length;
    if (missing) showMessage('info', `${file.name} has no text for ${plural(missing, 'article')}: the analysis is shown without ${missing === 1 ? 'it' : 'them'}.`);
  }

  async function showImported(name) {
    state.view = makeView(state.imported, state.articles);
    state.digest = null;
    if (typeof client.digest === 'function') {
      try {
        state.digest = await client.digest(state.imported);
      } catch (err) {
        showMessage('note', `No digest for this report (${err.message}).`);
      }
    }
    renderList();
    const r = state.imported;
    await showResults(`Imported ${name ? `${name}: ` : 'a report: '}${plural(r.documents.length, 'article')}, ${plural(r.entities.length, 'entity', 'entities')}, ${plural(r.claims.length, 'claim')} in ${plural(r.groups.length, 'group')}.`);
  }

  async function clearAll() {
    const yes = await confirmAction({
      title: 'Remove all articles?',
      text: `This removes the ${plural(state.articles.length, 'article')} and their analysis from this page and from this browser’s storage.`,
      ok: 'Remove all',
    });
    if (!yes) return;
    state.articles = [];
    state.edits = [];
    clearMessages();
    articlesChanged();
    $('list-heading').focus();
  }

  function exportAs(kind) {
    const view = state.view;
    if (!view) return;
    const stamp = new Date().toISOString().slice(0, 10);
    if (kind === 'json') download(`corroborate-report-${stamp}.json`, 'application/json', reportJson(view));
    else if (kind === 'csv') download(`corroborate-claims-${stamp}.csv`, 'text/csv', claimsCsv(view));
    else download(`corroborate-brief-${stamp}.md`, 'text/markdown', briefMarkdown(view));
  }

  function setTheme(theme) {
    const value = ['light', 'dark'].includes(theme) ? theme : 'auto';
    for (const target of themeTargets) target.dataset.theme = value;
    if ($('theme')) $('theme').value = value;
    return value;
  }

  function wireInput() {
    $('export-json').addEventListener('click', () => exportAs('json'));
    $('export-csv').addEventListener('click', () => exportAs('csv'));
    $('export-md').addEventListener('click', () => exportAs('md'));
    if (viewOnly) return;
    $('paste-form').addEventListener('submit', (event) => {
      event.preventDefault();
      addPasted();
    });
    // the draft is saved a moment after typing stops, so a reload keeps it
    let draftTimer = 0;
    const saveDraft = () => {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(persist, DRAFT_SAVE_MS);
    };
    $('paste-text').addEventListener('input', saveDraft);
    $('paste-name').addEventListener('input', saveDraft);
    $('paste-text').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        addPasted();
      }
    });
    const input = $('file-input');
    input.accept = ACCEPT;
    input.addEventListener('change', async () => {
      const files = [...input.files];
      input.value = '';
      await addFiles(files);
    });
    const importInput = $('import-input');
    importInput.addEventListener('change', async () => {
      const [file] = importInput.files;
      importInput.value = '';
      if (file) await importReport(file);
    });
    $('file-limit').textContent = MAX_FILE_LABEL;
    $('load-demo').addEventListener('click', () => loadDemo());
    $('clear-all').addEventListener('click', clearAll);
    $('theme').addEventListener('change', () => options.onTheme?.(setTheme($('theme').value)));

    // Files dropped anywhere on the page are read as articles; the browser must never open them
    // itself (that would navigate to the file, and run an HTML file's scripts).
    const zone = $('drop-zone');
    let depth = 0;
    const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
    dropTarget.addEventListener('dragenter', (event) => {
      if (!hasFiles(event)) return;
      depth++;
      zone.classList.add('dragging');
    });
    dropTarget.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) zone.classList.remove('dragging');
    });
    dropTarget.addEventListener('dragover', /** @param {DragEvent} event */ (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = hasFiles(event) ? 'copy' : 'none';
    });
    dropTarget.addEventListener('drop', /** @param {DragEvent} event */ (event) => {
      event.preventDefault();
      depth = 0;
      zone.classList.remove('dragging');
      if (event.dataTransfer?.files?.length) addFiles(event.dataTransfer.files);
    });
  }

  /** Puts back the article that was being pasted when the page was left (see `persist`). */
  function restoreDraft(draft) {
    if (viewOnly || !draft || typeof draft.text !== 'string' || typeof draft.name !== 'string') return;
    if (!$('paste-text').value) $('paste-text').value = draft.text;
    if (!$('paste-name').value) $('paste-name').value = draft.name;
  }

  async function restore(session) {
    state.articles = session.articles
      .filter((a) => a && typeof a.text === 'string' && typeof a.name === 'string')
      .map((a) => ({ id: a.id, name: a.name, text: a.text, origin: a.origin ?? 'paste', missing: Boolean(a.missing), url: a.url, hash: a.hash }));
    state.nextId = Math.max(Number(session.nextId) || 1, state.articles.length + 1);
    state.pasteCount = Number(session.pasteCount) || 0;
    state.edits = Array.isArray(session.edits) ? session.edits.filter(validEdit) : [];
    state.preload = Array.isArray(session.preload) ? session.preload : null;
    if (session.imported) {
      state.imported = session.imported;
      renderList();
      await showImported();
      return;
    }
    renderList();
    await analyse();
  }

  /**
   * Wires the controls, then loads the preloaded URLs, or the saved session, or the samples,
   * and analyses them.
   */
  async function start() {
    wireInput();
    wireHighlighting();
    wireTable();
    wireReader();
    setTheme(options.theme ?? 'auto');
    renderList();
    renderResults();
    let session = null;
    if (options.store) {
      try {
        store = await options.store;
        session = await store.load();
      } catch (err) {
        console.warn('corroborate: articles will not be kept across reloads here:', err?.message ?? err);
        showMessage('note', `Articles will not be kept across reloads here: this browser refused storage (${err?.message ?? err}).`);
        store = null;
      }
    }
    restoreDraft(session?.draft);
    const saved = session && Array.isArray(session.articles);
    const preload = options.preload ?? [];
    if (preload.length) {
      // the same URLs as when the session was saved: it already holds them, with the reader's
      // changes; other URLs: the host page changed what it shows, so they load afresh
      const same = saved && Array.isArray(session.preload) && session.preload.join(' ') === preload.join(' ');
      if (!same) return loadUrls(preload);
      // a return visit: an article changed at its URL since is taken in before the analysis
      setStatus('busy', 'Checking the articles for changes…');
      const changed = await refreshSaved(session.articles.filter((a) => a && typeof a.text === 'string'));
      await restore(session);
      if (changed.length) {
        persist();
        showMessage('info', `Updated since your last visit: ${changed.join(', ')}.`);
      }
      return;
    }
    if (saved) return restore(session);
    return loadDemo({ ask: false });
  }

  return { start, settled, loadDemo, loadUrls, addArticles, setTheme, state };
}
