// @ts-check
// The app's markup, built with DOM calls so that the same tree can be mounted in the page
// (index.html's <main>) and inside the <corroborate-widget> element's shadow root, where no
// HTML file can be parsed into. app.js finds everything by id under the root it is given.
//
// `buildLayout({compact, view})` returns the app root element (`div.app`). `compact` (the
// widget) leaves out the long explanations; `view` (the widget's `mode="view"`) leaves out every
// input and editing control: the status line and the results only.

import { el } from './dom.js';
import { RELATIONS } from './render/claims.js';
import { TYPE_HEADINGS } from './render/chips.js';

/** A results panel: `entities-section` gets the heading `entities-heading`. */
function panel(id, heading, ...children) {
  const headingId = `${id.replace(/-section$/, '')}-heading`;
  return el('section', { id, class: 'panel', 'aria-labelledby': headingId }, el('h2', { id: headingId, text: heading }), children);
}

/** The view-only panel (`mode="view"`): the status line, messages and notes, no controls. */
function statusPanel() {
  return el(
    'section',
    { id: 'input', class: 'panel status-panel', 'aria-labelledby': 'input-heading' },
    el('h2', { id: 'input-heading', class: 'sr-only', text: 'Analysis' }),
    el('ul', { id: 'messages', class: 'messages', 'aria-live': 'polite' }),
    el(
      'div',
      { class: 'status-row' },
      el('p', { id: 'status', class: 'status', role: 'status', text: 'Loading…' }),
      el('progress', { id: 'progress', class: 'progress', 'aria-label': 'Progress', hidden: true }),
    ),
    el('ul', { id: 'notes', class: 'notes', 'aria-label': 'Notes from the analysis', hidden: true }),
  );
}

function inputPanel(compact) {
  return el(
    'section',
    { id: 'input', class: 'panel', 'aria-labelledby': 'input-heading' },
    el(
      'div',
      { class: 'panel-head' },
      el('h2', { id: 'input-heading', text: 'Articles' }),
      el(
        'div',
        { class: 'display-settings' },
        el('label', { for: 'theme', text: 'Theme' }),
        el(
          'select',
          { id: 'theme' },
          el('option', { value: 'auto', text: 'Same as the system' }),
          el('option', { value: 'light', text: 'Light' }),
          el('option', { value: 'dark', text: 'Dark' }),
        ),
      ),
    ),
    el(
      'details',
      { id: 'add-fold', class: 'add-fold', open: true },
      el('summary', { id: 'add-summary', text: 'Add articles: paste, pick files or import a report' }),
    el(
      'div',
      { class: 'input-grid' },
      el(
        'form',
        { id: 'paste-form', class: 'paste' },
        el('label', { for: 'paste-text', text: 'Paste the text of an article' }),
        el('textarea', { id: 'paste-text', rows: compact ? '4' : '7', spellcheck: 'false', 'aria-describedby': 'paste-hint' }),
        el(
          'div',
          { class: 'paste-row' },
          el('label', { for: 'paste-name' }, 'Name ', el('span', { class: 'optional', text: '(optional)' })),
          el('input', { id: 'paste-name', type: 'text', autocomplete: 'off' }),
          el('button', { type: 'submit', text: 'Add article' }),
        ),
        el('p', { id: 'paste-hint', class: 'hint', text: 'Plain text, headline first. Ctrl+Enter adds it.' }),
      ),
      el(
        'div',
        { id: 'drop-zone', class: 'drop-zone' },
        el(
          'p',
          { class: 'drop-title' },
          'Drop ',
          el('strong', { text: '.txt' }),
          ', ',
          el('strong', { text: '.md' }),
          ' or ',
          el('strong', { text: '.html' }),
          ' files here, or pick them:',
        ),
        el('label', { for: 'file-input', text: 'Article files' }),
        el('input', { id: 'file-input', type: 'file', multiple: true, 'aria-describedby': 'file-hint' }),
        el('p', { id: 'file-hint', class: 'hint' }, 'Up to ', el('span', { id: 'file-limit', text: '5 MB' }), ' per file. HTML pages are reduced to their article text; their scripts never run.'),
        el('label', { for: 'import-input', text: 'Import a saved report (.json)' }),
        el('input', { id: 'import-input', type: 'file', accept: '.json,application/json', 'aria-describedby': 'import-hint' }),
        el('p', { id: 'import-hint', class: 'hint', text: 'A report exported from here or printed by the command-line tool (corroborate/report@1).' }),
      ),
    ),
    ),
    el('ul', { id: 'messages', class: 'messages', 'aria-live': 'polite' }),
    el('p', { id: 'samples-question', class: 'samples-question', hidden: true }),
    el(
      'div',
      { class: 'list-head' },
      el('h3', { id: 'list-heading', tabindex: '-1', text: 'Loaded articles' }),
      el(
        'div',
        { class: 'list-actions' },
        el('button', { type: 'button', id: 'load-demo', class: 'secondary', text: 'Load the sample articles' }),
        el('button', { type: 'button', id: 'clear-all', class: 'secondary', text: 'Remove all' }),
      ),
    ),
    el('ol', { id: 'article-list', class: 'article-list' }),
    el(
      'div',
      { class: 'status-row' },
      el('p', { id: 'status', class: 'status', role: 'status', text: 'Loading…' }),
      el('progress', { id: 'progress', class: 'progress', 'aria-label': 'Progress', hidden: true }),
    ),
    el('ul', { id: 'notes', class: 'notes', 'aria-label': 'Notes from the analysis', hidden: true }),
  );
}

function exportBar() {
  return el(
    'div',
    { id: 'export-bar', class: 'export-bar', role: 'group', 'aria-label': 'Export the analysis' },
    el('span', { class: 'export-label', text: 'Export:' }),
    el('button', { type: 'button', id: 'export-json', class: 'secondary', text: 'Report (JSON)' }),
    el('button', { type: 'button', id: 'export-csv', class: 'secondary', text: 'Claim table (CSV)' }),
    el('button', { type: 'button', id: 'export-md', class: 'secondary', text: 'Brief (Markdown)' }),
  );
}

/** The key to colours and marks (colours always come with a word or a shape too). */
function legend() {
  const item = (sample, text) => el('li', {}, sample, ' ', text);
  return el(
    'details',
    { id: 'legend', class: 'legend-box' },
    el('summary', { text: 'How to read the colours and marks' }),
    el(
      'div',
      { class: 'legend-grid' },
      el(
        'div',
        {},
        el('h3', { text: 'Claim groups' }),
        el(
          'ul',
          { class: 'legend-list' },
          RELATIONS.map(([r, symbol, label, help]) =>
            item(el('span', { class: `relation rel-${r}` }, el('span', { class: 'relation-symbol', 'aria-hidden': 'true', text: symbol }), ` ${label}`), help),
          ),
        ),
      ),
      el(
        'div',
        {},
        el('h3', { text: 'Inside a sentence' }),
        el(
          'ul',
          { class: 'legend-list' },
          item(el('span', { class: 'content', text: 'tinted' }), 'the words that are claimed (violet for a direct quote)'),
          item(el('span', { class: 'source', text: 'bold' }), 'who the article says is speaking'),
          item(el('span', { class: 'cue', text: 'dotted' }), 'the reporting words (said, according to)'),
          item(el('span', { class: 'quantity', text: 'underlined' }), 'a figure'),
          item(el('mark', { class: 'ment entity', text: 'yellow' }), 'mentions of the highlighted entity'),
          item(el('span', { class: 'sent hl', text: 'outlined' }), 'the sentences of the claim under the pointer or focus'),
          item(el('span', { class: 'boilerplate', text: 'striped' }), 'left out of the analysis (bylines, credits, teasers)'),
          item([el('del', { text: 'struck' }), ' ', el('ins', { text: 'underlined' })], 'words removed and added between two versions of a quote'),
          item(el('span', { class: 'conflict-kind', text: 'number' }), 'values that cannot all hold, side by side'),
        ),
      ),
      el(
        'div',
        {},
        el('h3', { text: 'Entity types' }),
        el(
          'p',
          { class: 'hint', text: 'In the article texts every mention is underlined in its type’s colour and style; hover over it for its type and name.' },
        ),
        el(
          'ul',
          { class: 'legend-list' },
          TYPE_HEADINGS.slice(0, 8).map(([type, heading]) => item(el('mark', { class: `ment t-${type}`, text: heading }), '')),
        ),
      ),
    ),
  );
}

/**
 * Above the chips: the button that starts a merge, the merge bar (what is picked, "Merge",
 * "Cancel"), and the list of the reader's corrections with an "Undo" for each.
 */
function entityTools() {
  return [
    el(
      'div',
      { class: 'entity-tools' },
      el('button', {
        type: 'button',
        id: 'merge-mode',
        class: 'secondary',
        'aria-pressed': 'false',
        'aria-controls': 'merge-bar',
        text: 'Merge names…',
      }),
      el('p', {
        id: 'entity-tools-hint',
        class: 'hint',
        text: 'Two chips for the same person or thing? Merge them. One chip for two? Press it, then “Split”. The analysis is redone with your corrections.',
      }),
    ),
    el(
      'div',
      { id: 'merge-bar', class: 'merge-bar', role: 'group', 'aria-label': 'Merge names', hidden: true },
      el('p', { id: 'merge-status', class: 'merge-status', role: 'status' }),
      el('div', { class: 'merge-actions' }, el('button', { type: 'button', id: 'merge-apply', class: 'merge-apply', disabled: true, text: 'Merge' }), el('button', { type: 'button', id: 'merge-cancel', class: 'secondary', text: 'Cancel' })),
    ),
    el(
      'section',
      { id: 'edits', class: 'edits', 'aria-labelledby': 'edits-heading', hidden: true },
      el('h3', { id: 'edits-heading', tabindex: '-1' }, 'Your corrections ', el('span', { class: 'edit-count count' })),
      el('ol', { id: 'edit-list', class: 'edit-list' }),
    ),
  ];
}

function claimControls() {
  const select = (id, label, options) =>
    el(
      'span',
      { class: 'control' },
      el('label', { for: id, text: label }),
      el('select', { id }, options.map(([value, text]) => el('option', { value, text }))),
    );
  return el(
    'div',
    { id: 'claim-controls', class: 'claim-controls', tabindex: '-1' },
    el('div', { id: 'claim-filters' }),
    el(
      'div',
      { class: 'controls-row' },
      select('filter-kind', 'Kind', [
        ['', 'Any kind'],
        ['quote', 'Quotes'],
        ['statement', 'Statements'],
        ['numeric', 'Figures'],
        ['event', 'Events'],
      ]),
      select('filter-article', 'Article', [['', 'Any article']]),
      select('filter-entity', 'Entity', [['', 'Any entity']]),
      select('sort-claims', 'Sort', [
        ['carried', 'Most widely carried first'],
        ['conflict', 'Conflicts and rewordings first'],
        ['order', 'In article order'],
        ['fewest', 'Least widely carried first'],
      ]),
    ),
  );
}

function readerControls() {
  const mode = (value, text, checked) =>
    el('label', { class: 'filter' }, el('input', { type: 'radio', name: 'reader-mode', value, checked }), ` ${text}`);
  return el(
    'div',
    { id: 'reader-controls', class: 'reader-controls' },
    el('fieldset', { class: 'filters' }, el('legend', { text: 'Show the articles' }), mode('stack', 'one below the other', true), mode('single', 'one at a time'), mode('columns', 'side by side')),
    el(
      'div',
      { id: 'reader-nav', class: 'reader-nav', hidden: true },
      el('button', { type: 'button', id: 'reader-prev', class: 'secondary', 'aria-label': 'Previous article', text: '←' }),
      el('label', { for: 'reader-doc', class: 'sr-only', text: 'Article shown' }),
      el('select', { id: 'reader-doc' }),
      el('button', { type: 'button', id: 'reader-next', class: 'secondary', 'aria-label': 'Next article', text: '→' }),
    ),
  );
}

function confirmDialog() {
  return el(
    'dialog',
    { id: 'confirm-dialog', class: 'dialog', 'aria-labelledby': 'confirm-title', 'aria-describedby': 'confirm-text' },
    el(
      'form',
      { method: 'dialog' },
      el('h2', { id: 'confirm-title', text: 'Are you sure?' }),
      el('p', { id: 'confirm-text' }),
      el(
        'div',
        { class: 'dialog-actions' },
        el('button', { type: 'submit', value: 'cancel', class: 'secondary', id: 'confirm-cancel', text: 'Cancel' }),
        el('button', { type: 'submit', value: 'ok', id: 'confirm-ok', class: 'danger', text: 'Remove' }),
      ),
    ),
  );
}

/**
 * The elements of the tree that are not plain HTMLElements, by id: what `controls(root)`
 * (below) gives the app for each id it asks for.
 * @typedef {{
 *   'add-fold': HTMLDetailsElement, 'article-list': HTMLOListElement, 'back-to-claim': HTMLButtonElement,
 *   'claims-more-button': HTMLButtonElement, 'clear-all': HTMLButtonElement, 'confirm-cancel': HTMLButtonElement,
 *   'confirm-dialog': HTMLDialogElement, 'confirm-ok': HTMLButtonElement, 'edit-list': HTMLOListElement,
 *   'export-csv': HTMLButtonElement, 'export-json': HTMLButtonElement, 'export-md': HTMLButtonElement,
 *   'file-input': HTMLInputElement, 'filter-article': HTMLSelectElement, 'filter-entity': HTMLSelectElement,
 *   'import-input': HTMLInputElement, 'load-demo': HTMLButtonElement, 'merge-apply': HTMLButtonElement,
 *   'merge-cancel': HTMLButtonElement, 'merge-mode': HTMLButtonElement, 'paste-form': HTMLFormElement,
 *   'paste-name': HTMLInputElement, 'paste-text': HTMLTextAreaElement, progress: HTMLProgressElement,
 *   'reader-doc': HTMLSelectElement, 'reader-next': HTMLButtonElement, 'reader-prev': HTMLButtonElement,
 *   'sort-claims': HTMLSelectElement, theme: HTMLSelectElement,
 * }} Controls
 */

/**
 * The element with `id` in `root` (a Document or ShadowRoot holding this tree), typed as
 * `Controls` says (an HTMLElement for any other id). The tree is built here, so the id's element
 * is known to be there and of that type.
 * @param {Document | ShadowRoot} root
 * @returns {<K extends string>(id: K) => K extends keyof Controls ? Controls[K] : HTMLElement}
 */
export function controls(root) {
  return (id) => /** @type {any} */ (root.getElementById(id));
}

/**
 * Builds the page's tree.
 * @param {{compact?: boolean, view?: boolean}} [how]
 */
export function buildLayout({ compact = false, view = false } = {}) {
  return el(
    'div',
    { id: 'app', class: `app${compact ? ' compact' : ''}${view ? ' view-only' : ''}`, dataset: { state: 'loading' } },
    view ? statusPanel() : inputPanel(compact),
    el(
      'div',
      { id: 'results', hidden: true },
      el('section', { id: 'digest', class: 'panel digest', 'aria-labelledby': 'digest-heading', hidden: true }),
      el('div', { id: 'selection', class: 'selection', role: 'region', 'aria-label': 'Highlighted entity', hidden: true }),
      exportBar(),
      panel(
        'entities-section',
        'Entities',
        compact
          ? null
          : el('p', {
              class: 'hint',
              text:
                'Who and what the articles name, merged across articles. Each name shows its number of mentions and the articles that mention it; press it to highlight every mention in the claims and in the article texts, point at it to preview them.',
            }),
        view ? null : entityTools(),
        el('div', { id: 'chips', class: 'chip-groups' }),
      ),
      panel(
        'claims-section',
        'Claims',
        compact
          ? null
          : el(
              'p',
              { class: 'hint' },
              'One row per claim: the sentence each article carries, with the claimed words ',
              el('span', { class: 'content', text: 'tinted' }),
              ' and the speaker named. Reworded quotes show the changed words (',
              el('del', { text: 'removed' }),
              ' ',
              el('ins', { text: 'added' }),
              '); conflicts show the values side by side. Point at a claim to outline its sentences in the article texts; “Show in text” goes there.',
            ),
        legend(),
        claimControls(),
        el('p', { id: 'unique-note', class: 'hint unique-note', hidden: true }),
        el('div', { id: 'claims' }),
        el(
          'div',
          { id: 'claims-more', class: 'claims-more', hidden: true },
          el('p', { id: 'claims-count', class: 'hint', role: 'status' }),
          el('button', { type: 'button', id: 'claims-more-button', class: 'secondary', text: 'Show more claims' }),
        ),
      ),
      panel('pairs-section', 'Shared claims', el('div', { id: 'pairs' })),
      panel(
        'texts-section',
        'Article texts',
        compact
          ? null
          : el(
              'p',
              { class: 'hint' },
              'The texts as analysed, every entity mention underlined. ',
              el('span', { class: 'boilerplate', text: 'Striped' }),
              ' parts (bylines, credits, teasers, comment prompts) were left out of the analysis.',
            ),
        readerControls(),
        el('div', { id: 'texts', class: 'texts mode-stack' }),
      ),
      el('button', { type: 'button', id: 'back-to-claim', class: 'back-to-claim', hidden: true, text: 'Back to the claim' }),
    ),
    confirmDialog(),
  );
}
