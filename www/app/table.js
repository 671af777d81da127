// @ts-check
// The claim table: its filters, the note on one-source claims, and paging (a page of rows at a
// time, more as the table scrolls into view). Split from app.js because the table is the one
// part of the page whose size grows with the report, and it pages itself.

import { el, plural, replace } from '../dom.js';
import { markEntity } from '../render/articles.js';
import { COLUMN_LIMIT, orderGroups, RELATIONS, startClaimTable } from '../render/claims.js';
import { Job } from '../schedule.js';
import { isLarge } from './view.js';

/** Claims added to the table per page (a page ends after the group that passes this). */
const PAGE_CLAIMS = 250;

/** Claims added to the table between two painted frames. */
const FRAME_CLAIMS = 16;

/**
 * Relations the claim table shows at first: one-source (`unique`) rows are collapsed to a count
 * per article (in the digest and under the table), shown with their filter box.
 */
export const SHOWN_AT_FIRST = RELATIONS.map(([r]) => r).filter((r) => r !== 'unique');

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createTable(app) {
  const { $, state } = app;

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
          app.saveHash();
        },
      }),
    );
  }

  /** Restarts the table with the current filters and order; shows its first page. */
  async function renderClaimTable(job) {
    const view = state.view;
    if (!view) return true;
    renderUniqueNote(view);
    if (app.table?.job && app.table.job !== job) app.table.job.cancel();
    const groups = orderGroups(view, state.filters);
    if (groups.length === 0) {
      const any = (view.report.groups ?? []).length > 0;
      replace($('claims'), el('p', { class: 'empty', text: any ? 'No claim group matches these filters.' : 'No claims were found.' }));
      app.table = null;
      updateMore();
      return true;
    }
    const layout = view.docs.length <= COLUMN_LIMIT ? 'columns' : 'list';
    app.table = { groups, shown: 0, job, append: startClaimTable($('claims'), view, layout, groups.length) };
    return showMoreClaims(job);
  }

  async function showMoreClaims(job = new Job()) {
    const t = app.table;
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
      if (!go || app.table !== t) return false;
      if (sinceFrame >= FRAME_CLAIMS) sinceFrame = 0;
      const drawn = t.append(t.groups[t.shown++]);
      claims += drawn;
      sinceFrame += drawn;
    }
    button.disabled = false;
    markEntity($('claims'), app.selectedEntity(), 'entity');
    updateMore();
    return true;
  }

  function updateMore() {
    const t = app.table;
    const more = $('claims-more');
    if (!t || t.shown >= t.groups.length) {
      more.hidden = true;
      return;
    }
    more.hidden = false;
    $('claims-count').textContent = `Showing ${t.shown.toLocaleString('en')} of ${plural(t.groups.length, 'claim group')}; more are added as you scroll.`;
  }

  function wireTable() {
    const filter = (id, key) =>
      $(id).addEventListener('change', (event) => {
        state.filters[key] = event.target.value;
        renderClaimTable(new Job());
        app.saveHash();
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

  return { fillFilterOptions, renderUniqueNote, renderClaimTable, showMoreClaims, updateMore, wireTable };
}
