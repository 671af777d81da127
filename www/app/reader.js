// @ts-check
// The article texts: the reader modes (one below the other, one at a time, side by side), the
// text blocks filled with their marked text when shown, and opening the article that holds a
// mention or a claim. Split from app.js so that how texts reach the page reads in one place.

import { el, replace } from '../dom.js';
import { readHash } from '../hash.js';
import { fillText, markEntity } from '../render/articles.js';
import { Job } from '../schedule.js';
import { EAGER_TEXTS } from './view.js';

/** Article texts on screen added between two painted frames. */
const TEXTS_PER_FRAME = 3;

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createReader(app) {
  const { $, root, state, useHash } = app;

  function renderReaderOptions(view) {
    state.readerDoc = Math.min(state.readerDoc, view.docs.length - 1);
    replace($('reader-doc'), view.docs.map((d) => el('option', { value: String(d.index), text: view.docLabel(d.index) })));
    $('reader-doc').value = String(state.readerDoc);
  }

  /** The reader-mode radio buttons. */
  function readerModes() {
    return /** @type {NodeListOf<HTMLInputElement>} */ (root.querySelectorAll('input[name="reader-mode"]'));
  }

  function blocks() {
    return [.../** @type {NodeListOf<HTMLDetailsElement>} */ ($('texts').querySelectorAll('details.doc-text-block'))];
  }

  function ensureFilled(block) {
    if (block.dataset.filled === 'true' || !state.view) return;
    fillText(block, state.view, state.view.docs[Number(block.dataset.doc)]);
    const entity = app.selectedEntity();
    if (entity) markEntity(block, entity, 'entity');
  }

  /**
   * Fills article texts a slice at a time: every one when there are at most EAGER_TEXTS
   * articles, else only those on screen (the others when they are opened), so a hundred
   * articles never put a hundred texts in the page at once. Blocks on screen get a painted
   * frame every few texts, so that their layout is spread too.
   */
  async function fillTexts(job, list = null) {
    const all = list ?? blocks();
    const showing = (b) => b.open && !b.hidden;
    const wanted = list || all.length <= EAGER_TEXTS ? all : all.filter(showing);
    const order = [...wanted.filter(showing), ...wanted.filter((b) => !showing(b))];
    let done = 0;
    let sinceFrame = 0;
    for (const block of order) {
      if (!(await (sinceFrame >= TEXTS_PER_FRAME ? job.frame() : job.step()))) return false;
      if (sinceFrame >= TEXTS_PER_FRAME) sinceFrame = 0;
      if (block.dataset.filled !== 'true' && state.view) {
        ensureFilled(block);
        if (showing(block)) sinceFrame++;
      }
      done++;
      if (done % 5 === 0 && !list) app.setProgress(done / order.length);
    }
    return true;
  }

  /** Fills the given blocks in the background (replacing an earlier background fill). */
  function fillLater(list) {
    app.fillJob?.cancel();
    app.fillJob = new Job();
    return fillTexts(app.fillJob, list);
  }

  function applyReaderMode() {
    const mode = state.readerMode;
    $('texts').className = `texts mode-${mode}`;
    $('reader-nav').hidden = mode !== 'single';
    const shown = [];
    for (const block of blocks()) {
      const index = Number(block.dataset.doc);
      block.hidden = mode === 'single' && index !== state.readerDoc;
      if (mode !== 'stack' && !block.hidden) {
        block.open = true;
        shown.push(block);
      }
    }
    if (mode === 'single' && shown[0]) ensureFilled(shown[0]);
    else if (shown.length) fillLater(shown);
    for (const radio of readerModes()) radio.checked = radio.value === mode;
    if (state.view) {
      $('reader-doc').value = String(state.readerDoc);
      $('reader-prev').disabled = state.readerDoc <= 0;
      $('reader-next').disabled = state.readerDoc >= state.view.docs.length - 1;
    }
  }

  function showSingle(index) {
    if (!state.view) return;
    state.readerDoc = Math.max(0, Math.min(state.view.docs.length - 1, index));
    applyReaderMode();
  }

  /** Opens an article's text (switching the one-at-a-time view to it) and returns its block. */
  function revealDoc(index) {
    if (state.readerMode === 'single') showSingle(index);
    const block = /** @type {HTMLDetailsElement | null} */ ($(`doc-text-${index}`));
    if (!block) return null;
    block.open = true;
    ensureFilled(block);
    return block;
  }

  /** Opens an article's text and brings the selected entity's first mention there into view. */
  function showDoc(index) {
    const list = state.view && state.selected ? state.view.mentionsOf(state.selected) : [];
    const k = list.findIndex((m) => m.doc === index);
    if (k >= 0 && app.goToMention(k)) {
      $(`doc-text-${index}`)?.querySelector('summary')?.focus({ preventScroll: true });
      return;
    }
    const block = revealDoc(index);
    if (!block) return;
    block.scrollIntoView({ block: 'start' });
    block.querySelector('summary')?.focus({ preventScroll: true });
  }

  function wireReader() {
    for (const radio of readerModes()) {
      radio.addEventListener('change', () => {
        if (!radio.checked) return;
        state.readerMode = radio.value;
        applyReaderMode();
        app.saveHash();
      });
    }
    $('reader-doc').addEventListener('change', (event) => {
      showSingle(Number($('reader-doc').value));
      app.saveHash();
    });
    $('reader-prev').addEventListener('click', () => {
      showSingle(state.readerDoc - 1);
      app.saveHash();
    });
    $('reader-next').addEventListener('click', () => {
      showSingle(state.readerDoc + 1);
      app.saveHash();
    });
    $('back-to-claim').addEventListener('click', () => app.backToClaim());
    // a hash with no `key=value` is an in-page link (the skip links), not a place
    if (useHash) window.addEventListener('popstate', () => {
      if (location.hash.length <= 1 || location.hash.includes('=')) app.applyHash(readHash(location.hash));
    });
    // a block opened by hand gets its text at once
    $('texts').addEventListener('toggle', (event) => {
      const block = event.target;
      if (block instanceof HTMLDetailsElement && block.open) ensureFilled(block);
    }, true);
  }

  return { renderReaderOptions, readerModes, blocks, ensureFilled, fillTexts, fillLater, applyReaderMode, showSingle, revealDoc, showDoc, wireReader };
}
