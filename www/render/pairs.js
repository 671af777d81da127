// How much each pair of articles has in common: a small matrix of shared claim groups
// (`report.pairs`), with the overlap as a percentage of the smaller article's groups.

import { el, replace } from '../dom.js';

export function renderPairs(container, view) {
  const pairs = view.report.pairs ?? [];
  if (view.docs.length < 2 || pairs.length === 0) {
    replace(container, el('p', { class: 'empty', text: 'Add at least two articles to compare them.' }));
    return;
  }
  const key = (a, b) => (a < b ? `${a}:${b}` : `${b}:${a}`);
  const byKey = new Map(pairs.map((p) => [key(p.a, p.b), p]));
  replace(
    container,
    el(
      'div',
      { class: 'table-scroll fit', role: 'region', 'aria-label': 'Shared claims (scrolls sideways)', tabindex: '0' },
      el(
        'table',
        { class: 'pairs' },
        el('caption', { text: 'Claim groups each pair of articles shares (overlap: share of the smaller article’s groups)' }),
        el('thead', {}, el('tr', {}, el('td'), view.docs.map((d) => el('th', { scope: 'col', title: view.docLabel(d.index) }, el('span', { class: 'doc-num', text: view.docShort(d.index) }))))),
        el(
          'tbody',
          {},
          view.docs.map((row) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row', class: 'pair-row-head' }, el('span', { class: 'col-title' }, el('span', { class: 'doc-num', text: view.docShort(row.index) }), ' ', view.docTitle(row.index))),
              view.docs.map((col) => {
                if (col.index === row.index) return el('td', { class: 'self', 'aria-label': 'same article', text: '·' });
                const p = byKey.get(key(row.index, col.index));
                if (!p) return el('td', { text: '0' });
                return el('td', {}, String(p.shared), el('span', { class: 'overlap', text: ` (${Math.round(p.overlap * 100)} %)` }));
              }),
            ),
          ),
        ),
      ),
    ),
  );
}
