// The page's controller: holds the loaded articles, asks the worker (through client.js) to
// analyse them, and hands the report to the render modules. It never builds HTML from strings:
// article text only ever reaches the page through the render modules (textContent + <mark>).
//
// Flow: input (paste, files, demo) -> state.articles -> analyse() -> worker -> report ->
// makeView(report, the exact texts analysed) -> render*(). Analyses never overlap: a change
// made while one runs marks the state dirty and one more analysis follows.
//
// `createApp(root)` works on any root that has the page's element ids (the document, or later
// a custom element's shadow root); main.js mounts it on the document.

import { AnalyzerClient } from './client.js';
import { el, plural, replace } from './dom.js';
import { ACCEPT, checkPastedText, MAX_FILE_LABEL, readArticleFile } from './input/files.js';
import { renderArticleList, renderTexts } from './render/articles.js';
import { renderChips, renderSelection } from './render/chips.js';
import { applyClaimFilter, RELATIONS, renderClaimFilters, renderClaims } from './render/claims.js';
import { renderPairs } from './render/pairs.js';

/**
 * Wires the controls under `root` (a Document or ShadowRoot holding index.html's ids).
 * Options: `dropTarget` (where dropped files are accepted; default: the window), `client`
 * (an AnalyzerClient; default: a new worker), `demoUrl`.
 * Returns `{start, loadDemo, addArticles, state}`.
 */
export function createApp(root = document, options = {}) {
  const $ = (id) => root.getElementById(id);
  const dropTarget = options.dropTarget ?? window;
  const demoUrl = options.demoUrl ?? new URL('./pkg/demo.json', import.meta.url);

  const state = {
    /** `[{id, name, text, origin}]`, in the order they are analysed. */
    articles: [],
    nextId: 1,
    pasteCount: 0,
    /** The latest analysis (makeView), or null. */
    view: null,
    /** Id of the entity whose mentions are highlighted, or null. */
    selected: null,
    /** Relations shown in the claim table. */
    shown: new Set(RELATIONS.map(([r]) => r)),
    running: false,
    dirty: false,
  };

  const client = options.client ?? new AnalyzerClient();

  // ---------------------------------------------------------------- articles

  function addArticles(items) {
    for (const item of items) {
      state.articles.push({ id: `a${state.nextId++}`, name: item.name, text: item.text, origin: item.origin });
    }
    renderList();
    analyse();
  }

  function removeArticle(id) {
    state.articles = state.articles.filter((a) => a.id !== id);
    renderList();
    $('list-heading').focus();
    analyse();
  }

  function renameArticle(id, name) {
    const article = state.articles.find((a) => a.id === id);
    if (!article) return;
    article.name = name.trim() || article.name;
    renderList();
    if (state.view) renderResults();
  }

  function currentName(id, fallback) {
    return state.articles.find((a) => a.id === id)?.name ?? fallback;
  }

  // ---------------------------------------------------------------- analysis

  /**
   * The report plus what the render modules need to read it: the exact texts that were analysed
   * (offsets point into them), lookups by id, and labels for article numbers.
   */
  function makeView(report, snapshot) {
    const docs = (report.documents ?? []).map((d, i) => ({
      index: d.index ?? i,
      id: snapshot[i]?.id,
      name: snapshot[i]?.name ?? d.name,
      text: snapshot[i]?.text ?? '',
      title: d.title,
      boilerplate: d.boilerplate ?? [],
    }));
    const view = {
      report,
      docs,
      entityById: new Map((report.entities ?? []).map((e) => [e.id, e])),
      claimById: new Map((report.claims ?? []).map((c) => [c.id, c])),
      docShort: (i) => String(i + 1),
      docName: (i) => currentName(docs[i]?.id, docs[i]?.name ?? `article ${i + 1}`),
      docTitle: (i) => docs[i]?.title || view.docName(i),
      docLabel: (i) => `${i + 1}. ${view.docTitle(i)} (${view.docName(i)})`,
    };
    return view;
  }

  async function analyse() {
    if (state.running) {
      state.dirty = true;
      return;
    }
    state.dirty = false;
    if (state.articles.length === 0) {
      state.view = null;
      state.selected = null;
      renderList();
      renderResults();
      setStatus('idle', 'Add articles to compare them.');
      return;
    }
    state.running = true;
    const snapshot = state.articles.map(({ id, name, text }) => ({ id, name, text }));
    setStatus('busy', `Analysing ${plural(snapshot.length, 'article')}…`);
    let outcome;
    try {
      const { report, ms } = await client.analyze(snapshot.map(({ name, text }) => ({ name, text })));
      outcome = { report, ms };
    } catch (err) {
      outcome = { error: err };
    }
    state.running = false;
    if (state.dirty) {
      analyse();
      return;
    }
    if (outcome.error) {
      state.view = null;
      state.selected = null;
      renderList();
      renderResults();
      setStatus('error', `The analysis failed: ${outcome.error.message}`);
      return;
    }
    const previous = state.view && state.selected ? state.view.entityById.get(state.selected) : null;
    state.view = makeView(outcome.report, snapshot);
    state.selected = previous ? findSame(state.view, previous) : null;
    renderList();
    renderResults();
    const r = outcome.report;
    setStatus(
      'ready',
      `Analysed ${plural(snapshot.length, 'article')} in ${Math.round(outcome.ms)} ms: ` +
        `${plural(r.entities?.length ?? 0, 'entity', 'entities')}, ${plural(r.claims?.length ?? 0, 'claim')} ` +
        `in ${plural(r.groups?.length ?? 0, 'group')}.`,
    );
  }

  /** After a new analysis, the entity with the same name and type as the old selection, if any. */
  function findSame(view, entity) {
    return (view.report.entities ?? []).find((e) => e.name === entity.name && e.type === entity.type)?.id ?? null;
  }

  // ---------------------------------------------------------------- rendering

  function renderList() {
    const titles = new Map((state.view?.docs ?? []).map((d) => [d.id, d.title]));
    renderArticleList($('article-list'), state.articles, (id) => titles.get(id) ?? null, renameArticle, removeArticle);
    $('clear-all').disabled = state.articles.length === 0;
  }

  function renderResults() {
    const view = state.view;
    $('results').hidden = !view;
    if (!view) {
      for (const id of ['chips', 'selection', 'claim-filters', 'claims', 'pairs', 'texts', 'notes']) replace($(id));
      return;
    }
    const notes = view.report.notes ?? [];
    replace($('notes'), notes.map((n) => el('li', { text: n })));
    $('notes').hidden = notes.length === 0;
    renderChips($('chips'), view, state.selected, selectEntity);
    renderHighlights();
    renderClaimFilters($('claim-filters'), view, state.shown, (shown) => applyClaimFilter($('claims'), shown));
    renderPairs($('pairs'), view);
  }

  /** Everything that depends on the selected entity. */
  function renderHighlights() {
    const view = state.view;
    const entity = state.selected ? view.entityById.get(state.selected) : null;
    renderSelection($('selection'), view, entity, () => selectEntity(null), showDoc);
    renderClaims($('claims'), view, entity, state.shown);
    renderTexts($('texts'), view, entity);
  }

  function selectEntity(id) {
    state.selected = id;
    for (const chip of $('chips').querySelectorAll('button.chip')) {
      chip.setAttribute('aria-pressed', String(chip.dataset.entity === id));
    }
    renderHighlights();
  }

  /** Opens an article's text and brings its first highlighted mention into view. */
  function showDoc(index) {
    const block = $(`doc-text-${index}`);
    if (!block) return;
    block.open = true;
    const target = block.querySelector('mark.entity') ?? block;
    target.scrollIntoView({ block: 'center' });
    block.querySelector('summary')?.focus();
  }

  function setStatus(kind, text) {
    document.body.dataset.state = kind;
    $('status').textContent = text;
    $('status').className = `status status-${kind}`;
    $('input').setAttribute('aria-busy', String(kind === 'busy'));
  }

  // ---------------------------------------------------------------- messages

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

  // ---------------------------------------------------------------- input

  async function addFiles(fileList) {
    const files = [...fileList];
    if (files.length === 0) return;
    clearMessages();
    const results = await Promise.all(files.map((f) => readArticleFile(f)));
    const good = [];
    for (const r of results) {
      if (r.ok) good.push({ name: r.name, text: r.text, origin: r.kind === 'html' ? 'html' : 'file' });
      else showMessage('error', r.message);
    }
    if (good.length) addArticles(good);
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
    addArticles([{ name, text: checked.text, origin: 'paste' }]);
    area.value = '';
    $('paste-name').value = '';
  }

  async function loadDemo() {
    clearMessages();
    let demo;
    try {
      const response = await fetch(demoUrl);
      if (!response.ok) throw new Error(`pkg/demo.json: HTTP ${response.status}`);
      demo = await response.json();
    } catch (err) {
      showMessage('error', `The sample articles could not be loaded (${err.message}).`);
      setStatus('error', 'No sample articles.');
      return;
    }
    state.articles = [];
    state.selected = null;
    addArticles(demo.map((d) => ({ name: d.name, text: d.text, origin: 'demo' })));
  }

  function clearAll() {
    state.articles = [];
    clearMessages();
    renderList();
    $('list-heading').focus();
    analyse();
  }

  function wireInput() {
    $('paste-form').addEventListener('submit', (event) => {
      event.preventDefault();
      addPasted();
    });
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
    $('file-limit').textContent = MAX_FILE_LABEL;
    $('load-demo').addEventListener('click', loadDemo);
    $('clear-all').addEventListener('click', clearAll);

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
    dropTarget.addEventListener('dragover', (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = hasFiles(event) ? 'copy' : 'none';
    });
    dropTarget.addEventListener('drop', (event) => {
      event.preventDefault();
      depth = 0;
      zone.classList.remove('dragging');
      if (event.dataTransfer?.files?.length) addFiles(event.dataTransfer.files);
    });
  }

  /** Wires the controls, then loads and analyses the sample articles. */
  function start() {
    wireInput();
    renderList();
    renderResults();
    return loadDemo();
  }

  return { start, loadDemo, addArticles, state };
}
