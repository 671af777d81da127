// The article list (name, detected title, rename, remove) and the article texts with the
// selected entity's mentions highlighted. Texts are rendered from the exact strings that were
// analysed, with `<mark>` elements placed by the report's UTF-16 offsets (dom.js `markedText`).

import { el, markedText, plural, replace, spanFits } from '../dom.js';

const ORIGIN = { demo: 'sample article', paste: 'pasted', file: 'file', html: 'HTML file' };

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
          el('p', { class: 'meta', text: `${article.text.length.toLocaleString('en')} characters · ${ORIGIN[article.origin] ?? article.origin}` }),
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

/**
 * The analysed texts, one collapsible block per article. With `entity` set, its mentions are
 * `<mark>`ed and the blocks that contain one are opened. Boilerplate the analysis left out is
 * shown dimmed, with the reason as its title.
 */
export function renderTexts(container, view, entity) {
  const blocks = view.docs.map((doc) => {
    const ranges = [];
    for (const b of doc.boilerplate ?? []) {
      if (spanFits(doc.text, b)) {
        ranges.push({ start: b.start, end: b.end, tag: 'span', className: 'boilerplate', title: `left out of the analysis: ${b.kind}` });
      }
    }
    let marks = 0;
    if (entity) {
      (entity.mentions ?? []).forEach((m, i) => {
        if (m.doc !== doc.index || !spanFits(doc.text, m)) return;
        marks++;
        ranges.push({ start: m.start, end: m.end, tag: 'mark', className: 'entity', data: { mention: String(i) } });
      });
    }
    const open = container.querySelector(`details[data-doc="${doc.index}"]`)?.open ?? false;
    return el(
      'details',
      { class: 'doc-text-block', id: `doc-text-${doc.index}`, dataset: { doc: String(doc.index) }, open: open || marks > 0 },
      el(
        'summary',
        {},
        el('span', { class: 'doc-num', text: view.docShort(doc.index) }),
        ' ',
        el('span', { class: 'summary-title', text: view.docTitle(doc.index) }),
        entity && marks > 0 ? el('span', { class: 'summary-marks', text: ` — ${plural(marks, 'mention')}` }) : null,
      ),
      el('div', { class: 'doc-text', lang: 'en' }, markedText(doc.text, 0, ranges)),
    );
  });
  replace(container, blocks);
}
