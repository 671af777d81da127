// @ts-check
// Highlighting: selecting an entity (its mentions marked, stepped through in article order),
// previewing one on pointing, a claim group's rows lit on hover, and going to a claim's
// sentence and back. It never re-renders: every mention and claim sentence carries its ids and
// only classes change. Split from app.js so that the page's pointer and focus wiring is one place.

import { markEntity, markSentences, summaryCounts } from '../render/articles.js';
import { renderSelection } from '../render/chips.js';
import { Job } from '../schedule.js';
import { EAGER_TEXTS } from './view.js';

/**
 * The nearest element matching `selector` from where `event` happened (its target or an
 * ancestor), or null.
 * @param {Event} event
 * @param {string} selector
 * @returns {HTMLElement | null}
 */
function closestTo(event, selector) {
  const hit = event.target instanceof Element ? event.target.closest(selector) : null;
  return hit instanceof HTMLElement ? hit : null;
}

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createSelection(app) {
  const { $, appRoot, root, state, viewOnly } = app;

  /**
   * Shows mention `k` (wrapping around) of the selected entity: opens its article (switching
   * the one-at-a-time view to it), marks it `current`, scrolls it to the middle of the window
   * and says which it is in the highlight bar. Focus stays where it is. Returns false when the
   * entity has no mention drawn in the texts.
   */
  function goToMention(k) {
    const view = state.view;
    const entity = app.selectedEntity();
    const list = entity ? view.mentionsOf(entity.id) : [];
    for (const node of $('texts').querySelectorAll('.ment.current')) node.classList.remove('current');
    if (list.length === 0) return false;
    const index = ((k % list.length) + list.length) % list.length;
    const m = list[index];
    const block = app.revealDoc(m.doc);
    if (!block) return false;
    state.mention = index;
    const pieces = [...block.querySelectorAll(`[data-m~="${CSS.escape(`${entity.id}:${m.i}`)}"]`)];
    for (const node of pieces) node.classList.add('current');
    pieces[0]?.scrollIntoView({ block: 'center' });
    const pos = $('selection').querySelector('.mention-pos');
    if (pos) pos.textContent = `${index + 1} of ${list.length}, article ${view.docShort(m.doc)}`;
    return pieces.length > 0;
  }

  function stepMention(delta) {
    goToMention(state.mention < 0 ? (delta > 0 ? 0 : -1) : state.mention + delta);
  }

  function renderSelectionBar() {
    const entity = app.selectedEntity();
    const canEdit = Boolean(state.view) && !state.imported && !viewOnly;
    renderSelection($('selection'), state.view, entity, {
      onClear: () => selectEntity(null),
      onShowDoc: app.showDoc,
      onStep: stepMention,
      onSplit: entity && canEdit && (entity.aliases?.length ?? 0) > 0 ? () => app.addEdit({ split: entity.name }) : null,
      onRename: entity && canEdit ? (name) => app.addEdit({ rename: [entity.name, name] }) : null,
    });
  }

  /**
   * Highlights an entity (or none) and filters the claim table to its claims. `history`:
   * 'push' (a new history entry), 'replace' or 'none'; `filter`: false leaves the table's
   * entity filter as it is (a place restored from the hash brings its own).
   */
  function selectEntity(id, { history: mode = 'push', filter = true } = {}) {
    state.selected = id;
    state.mention = -1;
    if (filter && state.view) {
      const select = $('filter-entity');
      select.value = id ?? '';
      if (select.value !== (id ?? '')) select.value = '';
      if (state.filters.entity !== select.value) {
        state.filters.entity = select.value;
        app.renderClaimTable(new Job());
      }
    }
    if (mode !== 'none') app.saveHash(mode === 'push');
    if (!state.merging) {
      for (const chip of chipButtons()) {
        chip.setAttribute('aria-pressed', String(chip.dataset.entity === id));
      }
    }
    const entity = app.selectedEntity();
    renderSelectionBar();
    applySelection();
    // with a few articles, the ones that mention the entity open; with many, their titles say
    // how many mentions each has and the highlight bar's buttons open them
    if (entity && state.readerMode === 'stack' && state.view.docs.length <= EAGER_TEXTS) {
      const docs = new Set((entity.mentions ?? []).map((m) => m.doc));
      for (const block of app.blocks()) {
        if (docs.has(Number(block.dataset.doc))) {
          block.open = true;
          app.ensureFilled(block);
        }
      }
    }
    if (entity) goToMention(0);
    else for (const node of $('texts').querySelectorAll('.ment.current')) node.classList.remove('current');
  }

  function applySelection() {
    if (!state.view) return;
    const entity = app.selectedEntity();
    markEntity($('texts'), entity, 'entity');
    markEntity($('claims'), entity, 'entity');
    summaryCounts($('texts'), state.view, entity);
  }

  /** Outlines an entity's mentions while its chip is pointed at or focused. */
  function preview(id) {
    if (id === app.previewId || !state.view) return;
    app.previewId = id;
    const entity = id ? state.view.entityById.get(id) : null;
    markEntity($('texts'), entity, 'preview');
    markEntity($('claims'), entity, 'preview');
  }

  /** Outlines the sentences of a claim group in every article while a claim is pointed at. */
  function hover(groupId) {
    if (groupId === app.hoverGroup || !state.view) return;
    app.hoverGroup = groupId;
    const group = groupId ? (state.view.report.groups ?? []).find((g) => g.id === groupId) : null;
    markSentences($('texts'), group?.claims ?? [], 'hl');
  }

  /**
   * Pointer and keyboard focus each name a chip or a claim group; the pointer's wins while it
   * is over one, else the focused one shows (so a page scrolled under a resting pointer does
   * not undo what keyboard focus shows).
   */
  function tracker(apply) {
    let pointed = null;
    let focused = null;
    const update = () => apply(pointed ?? focused);
    return {
      point(id) {
        pointed = id;
        update();
      },
      focus(id) {
        focused = id;
        update();
      },
    };
  }

  function wireHighlighting() {
    const chips = $('chips');
    /** @param {Event} event */
    const chipOf = (event) => closestTo(event, 'button.chip')?.dataset.entity ?? null;
    const chipTrack = tracker(preview);
    chips.addEventListener('pointerover', (event) => chipTrack.point(chipOf(event)));
    chips.addEventListener('pointerleave', () => chipTrack.point(null));
    chips.addEventListener('focusin', (event) => chipTrack.focus(chipOf(event)));
    chips.addEventListener('focusout', (event) => {
      if (!chips.contains(/** @type {Node | null} */ (event.relatedTarget))) chipTrack.focus(null);
    });

    const claims = $('claims');
    // anywhere on a claim group's rows (its claims, its relation cell, its diffs)
    /** @param {Event} event */
    const groupOf = (event) => closestTo(event, '.group')?.dataset.group ?? null;
    const claimTrack = tracker(hover);
    claims.addEventListener('pointerover', (event) => claimTrack.point(groupOf(event)));
    claims.addEventListener('pointerleave', () => claimTrack.point(null));
    claims.addEventListener('focusin', (event) => claimTrack.focus(groupOf(event)));
    claims.addEventListener('focusout', (event) => {
      if (!claims.contains(/** @type {Node | null} */ (event.relatedTarget))) claimTrack.focus(null);
    });
    claims.addEventListener('click', (event) => {
      const jump = closestTo(event, 'button.jump');
      if (jump) {
        jumpToClaim(jump.dataset.claim);
        return;
      }
      // a click anywhere else on a claim goes there too, unless it was on another control or
      // ended a text selection
      const claim = closestTo(event, '.claim');
      if (!claim || closestTo(event, 'button, a, input, select, summary, label')) return;
      if (String(/** @type {{getSelection?: () => Selection | null}} */ (root).getSelection?.() ?? document.getSelection() ?? '').trim()) return;
      jumpToClaim(claim.dataset.claim);
    });

    appRoot.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || $('confirm-dialog').open) return;
      if (state.merging) {
        app.setMerging(false);
        $('merge-mode').focus();
      } else if (state.selected) selectEntity(null);
    });

    if (viewOnly) return;
    $('merge-mode').addEventListener('click', () => app.setMerging(!state.merging));
    $('merge-apply').addEventListener('click', app.applyMerge);
    $('merge-cancel').addEventListener('click', () => {
      app.setMerging(false);
      $('merge-mode').focus();
    });
  }

  /** The chips' buttons. */
  function chipButtons() {
    return /** @type {NodeListOf<HTMLButtonElement>} */ ($('chips').querySelectorAll('button.chip'));
  }

  /**
   * Goes to a claim's sentence in its article's text, outlines it and moves focus there; "Back
   * to the claim" then returns to where it was asked from (the claim's row, or the digest).
   * `history`: 'push' adds an entry to the browser history (so Back returns), 'none' does not.
   */
  function jumpToClaim(id, { history: mode = 'push' } = {}) {
    const claim = state.view?.claimById.get(id);
    if (!claim) return;
    const active = root.activeElement;
    const from = active && active !== document.body && appRoot.contains(active) && !$('texts').contains(active) ? active : null;
    const block = app.revealDoc(claim.doc);
    if (!block) return;
    const pieces = markSentences($('texts'), [id], 'pinned');
    const target = pieces.find((p) => block.contains(p));
    if (!target) return;
    state.back = { claim: id, from: from ?? state.back?.from ?? null };
    $('back-to-claim').hidden = false;
    target.tabIndex = -1;
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    if (mode === 'push') app.saveHash(true);
  }

  /** Returns from a claim's sentence to where "Show in text" was pressed (or the claim's row). */
  function backToClaim({ history: mode = 'replace' } = {}) {
    const back = state.back;
    state.back = null;
    $('back-to-claim').hidden = true;
    if (!back) return;
    const row = $('claims').querySelector(`.claim[data-claim="${CSS.escape(back.claim)}"] button.jump`);
    const target = back.from?.isConnected ? back.from : row ?? $('claims-heading');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    if (mode === 'replace') app.saveHash();
  }

  return { goToMention, stepMention, renderSelectionBar, selectEntity, applySelection, preview, hover, tracker, wireHighlighting, chipButtons, jumpToClaim, backToClaim };
}
