// @ts-check
// The reader's corrections to entity merging: merge mode (chips picked instead of selected),
// adding and undoing a merge or split, and the analysis that follows each. Split from app.js
// because edits are state the reader owns, saved with the articles and sent to every analysis.

import { describeEdit, renderEdits, renderMergeBar, validEdit } from '../render/edits.js';

/** This module's functions, for `app` (app.js): through it they reach the other modules'. */
export function createEdits(app) {
  const { $, state, viewOnly } = app;

  function chipPressed(id) {
    return state.merging ? state.mergePick.includes(id) : id === state.selected;
  }

  function pressChip(id, wasPressed) {
    if (!state.merging) {
      app.selectEntity(wasPressed ? null : id);
      return;
    }
    state.mergePick = wasPressed ? state.mergePick.filter((x) => x !== id) : [...state.mergePick, id];
    for (const chip of app.chipButtons()) {
      chip.setAttribute('aria-pressed', String(state.mergePick.includes(chip.dataset.entity)));
    }
    renderMergeBar($('merge-bar'), pickedNames());
  }

  function pickedNames() {
    return state.mergePick.map((id) => state.view?.entityById.get(id)?.name).filter(Boolean);
  }

  function setMerging(on) {
    if (on && (!state.view || state.imported || viewOnly)) return;
    state.merging = on;
    state.mergePick = [];
    if (on) app.selectEntity(null);
    $('chips').classList.toggle('merging', on);
    for (const chip of app.chipButtons()) {
      chip.setAttribute('aria-pressed', String(chipPressed(chip.dataset.entity)));
    }
    renderEditTools();
  }

  /** The merge button, the merge bar and the list of edits, for the current state. */
  function renderEditTools() {
    if (viewOnly) return;
    const canEdit = Boolean(state.view) && !state.imported;
    if (!canEdit && state.merging) {
      state.merging = false;
      state.mergePick = [];
      $('chips').classList.remove('merging');
    }
    const mode = $('merge-mode');
    mode.disabled = !canEdit;
    mode.setAttribute('aria-pressed', String(state.merging));
    mode.title = state.imported ? 'An imported report is shown as it was saved: add or remove an article to analyse again and edit.' : '';
    $('merge-bar').hidden = !state.merging;
    if (state.merging) renderMergeBar($('merge-bar'), pickedNames());
    renderEdits($('edits'), state.edits, undoEdit, !canEdit);
  }

  function applyMerge() {
    const names = pickedNames();
    if (names.length < 2) return;
    setMerging(false);
    addEdit({ merge: names });
  }

  /** Adds an edit, saves it and analyses again; the status says what was done. */
  function addEdit(edit) {
    if (!validEdit(edit) || state.imported) return;
    state.edits = [...state.edits, edit];
    state.selected = null;
    afterEdits(`${describeEdit(edit)}.`);
  }

  function undoEdit(index) {
    const [edit] = state.edits.splice(index, 1);
    if (!edit) return;
    state.edits = [...state.edits];
    afterEdits(`Undone: ${describeEdit(edit)}.`);
    // focus stays near: on the undo button now in that place, else (no edit left) on "Merge"
    const next = $('edit-list').querySelectorAll('button.undo')[Math.min(index, state.edits.length - 1)];
    (/** @type {HTMLButtonElement | undefined} */ (next) ?? $('merge-mode')).focus();
  }

  function afterEdits(message) {
    renderEditTools();
    app.persist();
    app.showMessage('info', message);
    app.analyse();
  }

  return { chipPressed, pressChip, pickedNames, setMerging, renderEditTools, applyMerge, addEdit, undoEdit, afterEdits };
}
