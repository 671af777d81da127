// @ts-check
// The reader's place in the URL hash (filters, selected entity, reader mode, the sentence
// shown): written as it changes, applied at start and on back/forward. Split from app.js so
// that what a link to the page restores reads in one place.

import { writeHash } from '../hash.js';
import { Job } from '../schedule.js';
import { SHOWN_AT_FIRST } from './table.js';

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createPlace(app) {
  const { $, state, useHash } = app;

  /** Writes the reader's place into the URL hash (a new history entry when `push`). */
  function saveHash(push = false) {
    if (!useHash || app.pendingHash || !state.view) return;
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
      app.applyReaderMode();
    }
    const chip = place.chip && view.entityById.has(place.chip) ? place.chip : null;
    if (chip !== state.selected) app.selectEntity(chip, { history: 'none', filter: false });
    app.renderClaimTable(new Job()).then(() => {
      if (place.at && view.claimById.has(place.at)) app.jumpToClaim(place.at, { history: 'none' });
      else if (state.back) app.backToClaim({ history: 'none' });
    });
  }

  return { saveHash, applyHash };
}
