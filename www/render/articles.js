// @ts-check
// The article list (name, detected title, rename, remove) and the article texts.
//
// Texts are rendered from the exact strings that were analysed, with elements placed by the
// report's UTF-16 offsets (dom.js `markedText`): every entity mention is a `<mark class="ment">`
// carrying its entity id (`data-e`) and mention number (`data-m`); every claim sentence a span
// carrying its claim ids (`data-s`); boilerplate a dimmed span. Highlighting an entity or a
// claim then only adds classes to the pieces that carry its id: nothing is re-rendered.
// Each article is a <details> block whose text is filled in separately (app.js fills them a
// slice at a time), so a hundred articles never render in one task.

import { el, markedText, plural, replace, spanFits } from '../dom.js';

const ORIGIN = { demo: 'sample article', paste: 'pasted', file: 'file', html: 'HTML file', report: 'from a report', url: 'preloaded' };

/**
 * The list of loaded articles.
 * - `articles`: `[{id, name, text, origin}]` in order (position = article number - 1).
 * - `titleOf(id)`: the detected title from the latest report, or null.
 * - `onRename(id, name)`, `onRemove(id)`.
 */
export function renderArticleList(container, articles, titleOf, onRename, onRemove) {
  if (articles.length === 0) {
    replace(container, el('li', { class: 'empty', text: 'No articles yet: paste one or add files above.' }));
    return;
  }
  replace(
    container,
    articles.map((article, i) => {
      const title = titleOf(article.id);
      const inputId = `name-${article.id}`;
      const size = article.missing ? 'text not in the imported report' : `${article.text.length.toLocaleString('en')} characters`;
      return el(
        'li',
        { class: 'article-item', dataset: { article: article.id } },
        el('span', { class: 'doc-num', 'aria-hidden': 'true', text: String(i + 1) }),
        el(
          'div',
          { class: 'article-main' },
          el('p', { class: 'article-title' }, title ?? el('span', { class: 'pending', text: 'Not analysed yet' })),
          el(
            'div',
            { class: 'article-name' },
            el('label', { for: inputId, text: `Name of article ${i + 1}` }),
            el('input', {
              id: inputId,
              type: 'text',
              value: article.name,
              autocomplete: 'off',
              spellcheck: 'false',
              onchange: (event) => onRename(article.id, event.target.value),
            }),
          ),
          el('p', { class: 'meta', text: `${size} · ${ORIGIN[article.origin] ?? article.origin}` }),
        ),
        el('button', {
          type: 'button',
          class: 'secondary remove',
          'aria-label': `Remove article ${i + 1}: ${article.name}`,
          onclick: () => onRemove(article.id),
          text: 'Remove',
        }),
      );
    }),
  );
}

/** One empty block per article (summary only); `fillText` renders a block's text. */
export function renderTextShells(container, view) {
  replace(
    container,
    view.docs.map((doc) =>
      el(
        'details',
        { class: 'doc-text-block', id: `doc-text-${doc.index}`, dataset: { doc: String(doc.index) } },
        el(
          'summary',
          {},
          el('span', { class: 'doc-num', text: view.docShort(doc.index) }),
          ' ',
          el('span', { class: 'summary-title', text: view.docHeading(doc.index) }),
          el('span', { class: 'summary-marks' }),
        ),
        el('div', { class: 'doc-text', lang: 'en' }),
      ),
    ),
  );
}

/** Renders the text of `doc` into its block (boilerplate, mentions, claim sentences). */
export function fillText(block, view, doc) {
  const target = block.querySelector('.doc-text');
  block.dataset.filled = 'true';
  if (doc.missing) {
    replace(target, el('p', { class: 'empty', text: 'The text of this article is not in the imported report.' }));
    return;
  }
  const ranges = [];
  for (const b of doc.boilerplate ?? []) {
    if (spanFits(doc.text, b)) {
      ranges.push({ start: b.start, end: b.end, tag: 'span', className: 'boilerplate', title: `left out of the analysis: ${b.kind}` });
    }
  }
  for (const m of view.mentionsByDoc[doc.index] ?? []) {
    ranges.push({
      start: m.start,
      end: m.end,
      tag: 'mark',
      className: `ment t-${m.type}`,
      title: `${m.type}: ${m.name}`,
      tokens: { e: m.entity, m: `${m.entity}:${m.i}` },
    });
  }
  for (const c of view.claimsByDoc[doc.index] ?? []) {
    if (spanFits(doc.text, c.sentence)) ranges.push({ start: c.sentence.start, end: c.sentence.end, tag: 'span', className: 'sent', tokens: { s: c.id } });
  }
  replace(target, markedText(doc.text, 0, ranges));
}

/**
 * Marks the pieces of `entity`'s mentions under `scope` with `cls` (and, for the selection,
 * `data-mention` = the mention's number), after clearing it from the previous ones.
 * Returns the number of distinct mentions per document marked.
 */
export function markEntity(scope, entity, cls) {
  for (const node of scope.querySelectorAll(`.${cls}`)) {
    node.classList.remove(cls);
    if (cls === 'entity') delete node.dataset.mention;
  }
  if (!entity) return;
  const prefix = `${entity.id}:`;
  for (const node of scope.querySelectorAll(`[data-e~="${CSS.escape(entity.id)}"]`)) {
    node.classList.add(cls);
    if (cls === 'entity') {
      const token = (node.dataset.m ?? '').split(' ').find((t) => t.startsWith(prefix));
      if (token) node.dataset.mention = token.slice(prefix.length);
    }
  }
}

/** Marks the sentence pieces of the given claim ids under `scope` with `cls`. */
export function markSentences(scope, claimIds, cls) {
  for (const node of scope.querySelectorAll(`.${cls}`)) node.classList.remove(cls);
  const found = [];
  for (const id of claimIds) {
    for (const node of scope.querySelectorAll(`[data-s~="${CSS.escape(id)}"]`)) {
      node.classList.add(cls);
      found.push(node);
    }
  }
  return found;
}

/** Writes "— N mentions" after each block's title for the selected entity (or clears it). */
export function summaryCounts(container, view, entity) {
  const counts = new Map();
  for (const m of entity?.mentions ?? []) counts.set(m.doc, (counts.get(m.doc) ?? 0) + 1);
  for (const block of container.querySelectorAll('details.doc-text-block')) {
    const n = counts.get(Number(block.dataset.doc)) ?? 0;
    block.querySelector('.summary-marks').textContent = entity && n > 0 ? ` — ${plural(n, 'mention')}` : '';
  }
  return counts;
}
