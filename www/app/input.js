// @ts-check
// Getting articles in: files (dropped or picked), the paste form, the samples, preloaded URLs,
// an imported report, "Remove all", and the export buttons and theme. Split from app.js so that
// every way in, and its checks and messages, reads in one place.

import { plural } from '../dom.js';
import { briefMarkdown, claimsCsv, download, reportJson } from '../export.js';
import { ACCEPT, checkPastedText, MAX_FILE_LABEL, readArticleFile } from '../input/files.js';
import { readReportFile } from '../input/report.js';
import { makeView } from './view.js';

/** Milliseconds after the last keystroke in the paste form before the draft is saved. */
const DRAFT_SAVE_MS = 600;

/**
 * The SHA-256 of `text` (UTF-8) as hex, or null where the browser has no `crypto.subtle` (a
 * page served over plain HTTP from another host than localhost): then texts are compared whole.
 */
async function textHash(text) {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createInput(app) {
  const { $, client, dropTarget, loadDemoData, options, state, themeTargets, viewOnly } = app;

  async function addFiles(fileList) {
    const files = [...fileList];
    if (files.length === 0) return;
    app.clearMessages();
    const reports = files.filter((f) => /\.json$/i.test(f.name) || f.type === 'application/json');
    const articles = files.filter((f) => !reports.includes(f));
    if (reports.length > 1) app.showMessage('error', 'Import one report at a time.');
    else if (reports.length === 1 && articles.length === 0) return importReport(reports[0]);
    else if (reports.length === 1) app.showMessage('error', `${reports[0].name}: a report is imported on its own, not with article files.`);
    if (articles.length === 0) return;
    let read = 0;
    if (articles.length > 3) {
      app.setStatus('busy', `Reading ${plural(articles.length, 'file')}…`);
      app.setProgress(0);
    }
    const results = await Promise.all(
      articles.map(async (f) => {
        const r = await readArticleFile(f, (bytes) => client.read(bytes));
        read++;
        if (articles.length > 3) app.setProgress(read / articles.length);
        return r;
      }),
    );
    const good = [];
    for (const r of results) {
      if (r.ok) good.push({ name: r.name, text: r.text, origin: r.kind === 'html' ? 'html' : 'file' });
      else app.showMessage('error', r.message);
    }
    if (good.length) app.addArticles(good);
    else if (articles.length > 3) {
      app.setProgress(false);
      app.setStatus(state.view ? 'ready' : 'idle', 'No file could be read.');
    }
  }

  function addPasted() {
    app.clearMessages();
    const area = $('paste-text');
    const checked = checkPastedText(area.value);
    if (!checked.ok) {
      app.showMessage('error', checked.message);
      area.focus();
      return;
    }
    state.pasteCount++;
    const name = $('paste-name').value.trim() || `Pasted article ${state.pasteCount}`;
    // emptied first, so the session saved with the new article holds no draft
    area.value = '';
    $('paste-name').value = '';
    app.addArticles([{ name, text: checked.text, origin: 'paste' }]);
  }

  /** Replaces the articles with the samples (asking first when the user's own are loaded). */
  async function loadDemo({ ask = true } = {}) {
    app.clearMessages();
    const own = state.articles.filter((a) => a.origin !== 'demo').length;
    if (ask && own > 0) {
      const yes = await app.confirmAction({
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
      app.showMessage('error', `The sample articles could not be loaded (${err.message}).`);
      app.setStatus('error', 'No sample articles.');
      return;
    }
    state.articles = [];
    state.selected = null;
    state.edits = [];
    state.preload = null;
    app.addArticles(demo.map((d) => ({ name: d.name, text: d.text, origin: 'demo' })));
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
    app.clearMessages();
    const good = [];
    app.setStatus('busy', `Loading ${plural(urls.length, 'article')}…`);
    app.setProgress(null);
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
      else app.showMessage('error', r.message);
    }
    state.articles = [];
    state.selected = null;
    state.edits = [];
    state.preload = urls.slice();
    app.addArticles(good);
  }

  async function importReport(file) {
    app.clearMessages();
    const r = await readReportFile(file);
    if (!r.ok) {
      app.showMessage('error', r.message);
      return;
    }
    if (state.articles.some((a) => a.origin !== 'demo')) {
      const yes = await app.confirmAction({
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
    app.persist();
    await showImported(file.name);
    const missing = texts.filter((t) => t == null).length;
    if (missing) app.showMessage('info', `${file.name} has no text for ${plural(missing, 'article')}: the analysis is shown without ${missing === 1 ? 'it' : 'them'}.`);
  }

  async function showImported(name) {
    state.view = makeView(state.imported, state.articles, [], app.currentName);
    state.digest = null;
    if (typeof client.digest === 'function') {
      try {
        state.digest = await client.digest(state.imported);
      } catch (err) {
        app.showMessage('note', `No digest for this report (${err.message}).`);
      }
    }
    app.renderList();
    const r = state.imported;
    await app.showResults(`Imported ${name ? `${name}: ` : 'a report: '}${plural(r.documents.length, 'article')}, ${plural(r.entities.length, 'entity', 'entities')}, ${plural(r.claims.length, 'claim')} in ${plural(r.groups.length, 'group')}.`);
  }

  async function clearAll() {
    const yes = await app.confirmAction({
      title: 'Remove all articles?',
      text: `This removes the ${plural(state.articles.length, 'article')} and their analysis from this page and from this browser’s storage.`,
      ok: 'Remove all',
    });
    if (!yes) return;
    state.articles = [];
    state.edits = [];
    app.clearMessages();
    app.articlesChanged();
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
      draftTimer = setTimeout(app.persist, DRAFT_SAVE_MS);
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

  return { addFiles, addPasted, loadDemo, fetchArticle, refreshSaved, loadUrls, importReport, showImported, clearAll, exportAs, setTheme, wireInput };
}
