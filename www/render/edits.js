// @ts-check
// The reader's corrections to the entity merging, and the bar used to make a merge.
//
// An edit is what the core takes in `analyze(articles, {edits})`: `{merge: [name, …]}` joins
// the entities with these names into one (named after the first), `{split: name}` splits an
// entity into one per name it was written as, `{rename: [name, new name]}` gives an entity the
// reader's own name (the old one stays an alias, so later edits naming it still apply). Edits name entities by `entity.name`, not by id,
// because ids change with every analysis and names survive it. They are applied in order after
// the automatic merging; one that names no entity any more is skipped and the report's notes
// say so. The list below shows every edit in order with an "Undo" button; undoing one removes
// it and the app analyses again with the others.

import { el, plural, replace } from '../dom.js';

const nonEmpty = (n) => typeof n === 'string' && n.trim() !== '';

/**
 * True for `{merge: [two or more names]}`, `{split: name}` or `{rename: [name, new name]}`
 * (anything else is dropped).
 */
export function validEdit(edit) {
  if (!edit || typeof edit !== 'object') return false;
  if (Array.isArray(edit.rename)) return edit.rename.length === 2 && edit.rename.every(nonEmpty) && edit.rename[0] !== edit.rename[1];
  if (Array.isArray(edit.merge)) return edit.merge.length >= 2 && edit.merge.every((n) => typeof n === 'string' && n.trim() !== '');
  return typeof edit.split === 'string' && edit.split.trim() !== '';
}

const quote = (name) => `“${name}”`;

/** One line for an edit: `Merged “A” and “B”` / `Split “A”` / `Renamed “A” to “B”`. */
export function describeEdit(edit) {
  if (edit.rename) return `Renamed ${quote(edit.rename[0])} to ${quote(edit.rename[1])}`;
  if (edit.merge) {
    const names = edit.merge.map(quote);
    return `Merged ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : names[0]}`;
  }
  return `Split ${quote(edit.split)} into one entity per name`;
}

/**
 * Renders the list of edits into `section` (a block holding `ol#edit-list`), hidden when there
 * are none. `onUndo(index)`; `disabled`: edits cannot be undone now (an imported report is
 * shown: its articles are not re-analysed).
 */
export function renderEdits(section, edits, onUndo, disabled = false) {
  section.hidden = edits.length === 0;
  const list = section.querySelector('ol');
  replace(
    list,
    edits.map((edit, i) =>
      el(
        'li',
        { class: 'edit', dataset: { edit: String(i) } },
        el('span', { class: 'edit-text', text: describeEdit(edit) }),
        ' ',
        el('button', {
          type: 'button',
          class: 'link undo',
          'aria-label': `Undo: ${describeEdit(edit)}`,
          disabled,
          onclick: () => onUndo(i),
          text: 'Undo',
        }),
      ),
    ),
  );
  const count = section.querySelector('.edit-count');
  if (count) count.textContent = `(${edits.length})`;
}

/**
 * Updates the merge bar: what is picked (`names`, in the order picked) and whether "Merge" can
 * be pressed (two or more names).
 */
export function renderMergeBar(bar, names) {
  const status = bar.querySelector('.merge-status');
  const apply = bar.querySelector('.merge-apply');
  if (names.length === 0) status.textContent = 'Press the names to merge (two or more), then “Merge”.';
  else if (names.length === 1) status.textContent = `Picked ${quote(names[0])}: press one more name or several.`;
  else status.textContent = `${plural(names.length, 'name')} picked: ${names.map(quote).join(', ')}. They become one entity named ${quote(names[0])}.`;
  apply.disabled = names.length < 2;
  apply.textContent = names.length >= 2 ? `Merge ${names.length} names` : 'Merge';
}
