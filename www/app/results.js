// @ts-check
// Rendering orchestration: after an analysis (or an import), draws the article list, the digest,
// chips, filters, pairs, the first page of the claim table and the article texts, in slices
// (schedule.js) so that a large report never blocks the page. Split from app.js so that the
// order in which the results reach the screen reads in one place.

import { el, replace } from '../dom.js';
import { renderArticleList, renderTextShells } from '../render/articles.js';
import { renderChips } from '../render/chips.js';
import { renderClaimFilters } from '../render/claims.js';
import { renderDigest } from '../render/digest.js';
import { renderPairs } from '../render/pairs.js';
import { Job } from '../schedule.js';
import { isLarge } from './view.js';

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createResults(app) {
  const { $, state, viewOnly } = app;

  function renderList() {
    if (viewOnly) return;
    const titles = new Map((state.view?.docs ?? []).map((d) => [d.id, d.title]));
    renderArticleList($('article-list'), state.articles, (id) => titles.get(id) ?? null, app.renameArticle, app.removeArticle);
    $('clear-all').disabled = state.articles.length === 0;
  }

  /** Renders everything for the current view; resolves false if a newer render took over. */
  async function renderResults() {
    app.renderJob?.cancel();
    const job = (app.renderJob = new Job());
    const view = state.view;
    $('results').hidden = !view;
    for (const id of /** @type {const} */ (['export-json', 'export-csv', 'export-md'])) $(id).disabled = !view;
    if (!view) {
      renderDigest($('digest'), null, null);
      for (const id of ['chips', 'selection', 'claim-filters', 'claims', 'pairs', 'texts', 'notes']) replace($(id));
      $('claims-more').hidden = true;
      app.table = null;
      app.renderEditTools();
      return true;
    }
    // a large analysis gets one painted frame per part, so that no frame lays out everything
    // at once; a small one just yields between parts
    const pause = () => (isLarge(view) ? job.frame() : job.step());
    if (!(await pause())) return false;
    const notes = view.report.notes ?? [];
    replace($('notes'), notes.map((n) => el('li', { text: n })));
    $('notes').hidden = notes.length === 0;
    renderDigest($('digest'), view, state.digest, (id) => app.jumpToClaim(id));
    app.renderEditTools();
    if (!(await renderChips($('chips'), view, app.chipPressed, app.pressChip, job))) return false;
    if (!(await pause())) return false;
    app.renderSelectionBar();
    renderClaimFilters($('claim-filters'), view, state.filters.shown, () => {
      app.renderClaimTable(new Job());
      app.saveHash();
    });
    app.fillFilterOptions(view);
    renderPairs($('pairs'), view);
    if (!(await pause())) return false;
    app.renderReaderOptions(view);
    renderTextShells($('texts'), view);
    app.applyReaderMode();
    if (!(await pause())) return false;
    if (!(await app.renderClaimTable(job))) return false;
    if (!(await app.fillTexts(job))) return false;
    app.applySelection();
    return true;
  }

  function selectedEntity() {
    return state.selected && state.view ? state.view.entityById.get(state.selected) ?? null : null;
  }

  return { renderList, renderResults, selectedEntity };
}
