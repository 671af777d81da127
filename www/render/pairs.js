// @ts-check
// How much each pair of articles has in common: a small matrix of shared claim groups
// (`report.pairs`), with the overlap as a percentage of the smaller article's groups. Past
// MATRIX_LIMIT articles the matrix would have thousands of cells: the closest TOP_PAIRS pairs
// are listed instead.

import { el, replace } from '../dom.js';

export const MATRIX_LIMIT = 12;
const TOP_PAIRS = 30;

export function renderPairs(container, view) {
  const pairs = view.report.pairs ?? [];
  if (view.docs.length < 2 || pairs.length === 0) {
    replace(container, el('p', { class: 'empty', text: 'Add at least two articles to compare them.' }));
    return;
  }
  if (view.docs.length > MATRIX_LIMIT) {
    renderTopPairs(container, view, pairs);
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
        el('thead', {}, el('tr', {}, el('td'), view.docs.map((d) => el('th', { scope: 'col', title: view.docTip(d.index) }, el('span', { class: 'doc-num', text: view.docShort(d.index) }))))),
        el(
          'tbody',
          {},
          view.docs.map((row) =>
            el(
              'tr',
              {},
              el('th', { scope: 'row', class: 'pair-row-head' }, el('span', { class: 'col-title' }, el('span', { class: 'doc-num', text: view.docShort(row.index) }), ' ', view.docHeading(row.index))),
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

function renderTopPairs(container, view, pairs) {
  const top = [...pairs].sort((x, y) => y.shared - x.shared || y.overlap - x.overlap || x.a - y.a || x.b - y.b).slice(0, TOP_PAIRS);
  const cell = (i) => el('td', { class: 'pair-doc', title: view.docTip(i) }, el('span', { class: 'doc-num', text: view.docShort(i) }), ' ', view.docHeading(i));
  replace(
    container,
    el(
      'div',
      { class: 'table-scroll fit', role: 'region', 'aria-label': 'Closest pairs of articles (scrolls sideways)', tabindex: '0' },
      el(
        'table',
        { class: 'pairs top-pairs' },
        el('caption', { text: `The ${top.length} pairs of articles that share the most claim groups (of ${pairs.length} pairs; overlap: share of the smaller article’s groups)` }),
        el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Article' }), el('th', { scope: 'col', text: 'Article' }), el('th', { scope: 'col', text: 'Shared' }), el('th', { scope: 'col', text: 'Overlap' }))),
        el(
          'tbody',
          {},
          top.map((p) => el('tr', {}, cell(p.a), cell(p.b), el('td', { class: 'num', text: String(p.shared) }), el('td', { class: 'num', text: `${Math.round(p.overlap * 100)} %` }))),
        ),
      ),
    ),
  );
}
