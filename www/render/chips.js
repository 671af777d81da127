// @ts-check
// Entity chips: the report's entities grouped by type, each a toggle button showing the name,
// the mention count and the articles that mention it. Pressing a chip selects the entity (the
// app then highlights its mentions in the article texts and the claim table, and goes to the
// first one); in merge mode (app.js) pressing a chip picks it for merging instead, and
// aria-pressed says whether it is picked. A chip whose entity came out of a merge the reader
// asked for also lists its other names, so the merge shows on the chip itself.

import { el, plural, replace, srOnly } from '../dom.js';

/** Display order and headings of entity types; unknown types follow, under their own name. */
export const TYPE_HEADINGS = [
  ['person', 'People'],
  ['organization', 'Organizations'],
  ['place', 'Places'],
  ['group', 'Groups and nationalities'],
  ['event', 'Events'],
  ['work', 'Works'],
  ['other', 'Other names'],
  ['date', 'Dates'],
  ['time', 'Times'],
  ['quantity', 'Quantities'],
  ['money', 'Money'],
  ['percent', 'Percentages'],
];

/**
 * Renders the chips into `container`, one type group at a time.
 * - `view`: the analysed view (app.js `makeView`): `report`, `docLabel(i)`, `docShort(i)`,
 *   `merged(entity)` (true when a merge edit made it).
 * - `isPressed(id)`: whether a chip starts pressed (selected, or picked for a merge).
 * - `onPress(id, wasPressed)`: called when a chip is pressed.
 * - `job`: a schedule.js Job (the browser gets a frame between groups); resolves false when
 *   it was cancelled.
 */
export async function renderChips(container, view, isPressed, onPress, job) {
  const entities = view.report.entities ?? [];
  if (entities.length === 0) {
    replace(container, el('p', { class: 'empty', text: 'No entities were found.' }));
    return true;
  }
  const byType = new Map();
  for (const entity of entities) {
    const type = entity.type || 'other';
    if (!byType.has(type)) byType.set(type, []);
    byType.get(type).push(entity);
  }
  const order = TYPE_HEADINGS.filter(([type]) => byType.has(type));
  for (const type of byType.keys()) {
    if (!TYPE_HEADINGS.some(([t]) => t === type)) order.push([type, type]);
  }
  replace(container);
  for (const [type, heading] of order) {
    const list = byType.get(type);
    const headingId = `chips-${type.replace(/[^a-z0-9_-]/gi, '_')}`;
    container.append(
      el(
        'section',
        { class: `chip-group type-${type}`, 'aria-labelledby': headingId, dataset: { type } },
        el('h3', { id: headingId }, heading, ' ', el('span', { class: 'count', text: `(${list.length})` })),
        el('ul', { class: 'chips', role: 'list' }, list.map((e) => el('li', {}, chip(e, view, isPressed, onPress)))),
      ),
    );
    // a large group gets a frame of its own to be laid out in
    if (job && !(await (list.length > 40 ? job.frame() : job.step()))) return false;
  }
  return true;
}

/** Article numbers shown on a chip; the rest are counted ("+12"). */
const MAX_CHIP_DOCS = 8;

/** Other names listed on a merged chip; the rest are counted. */
const MAX_CHIP_ALIASES = 3;

function chip(entity, view, isPressed, onPress) {
  const mentions = entity.mentions?.length ?? 0;
  const docs = entity.docs ?? [];
  const shownDocs = docs.length > MAX_CHIP_DOCS ? MAX_CHIP_DOCS - 2 : docs.length;
  const pressed = isPressed(entity.id);
  const aliases = entity.aliases ?? [];
  const merged = view.merged?.(entity) && aliases.length > 0;
  const details = [];
  if (entity.aliases?.length) details.push(`also: ${entity.aliases.join(', ')}`);
  if (entity.roles?.length) details.push(`roles: ${entity.roles.join(', ')}`);
  if (entity.value != null) details.push(`value: ${entity.value}`);
  return el(
    'button',
    {
      type: 'button',
      class: `chip type-${entity.type}`,
      'aria-pressed': String(pressed),
      title: details.join(' · ') || null,
      dataset: { entity: entity.id },
      // read the state at click time: the app flips aria-pressed without re-rendering the chips
      onclick: (event) => onPress(entity.id, event.currentTarget.getAttribute('aria-pressed') === 'true'),
    },
    el('span', { class: 'chip-name', text: entity.name }),
    merged
      ? el(
          'span',
          { class: 'chip-also' },
          srOnly(', merged with '),
          el('span', { 'aria-hidden': 'true', text: '+ ' }),
          aliases.slice(0, MAX_CHIP_ALIASES).join(', '),
          aliases.length > MAX_CHIP_ALIASES ? ` +${aliases.length - MAX_CHIP_ALIASES}` : '',
        )
      : null,
    el('span', { class: 'chip-count' }, String(mentions), srOnly(mentions === 1 ? ' mention' : ' mentions')),
    el(
      'span',
      { class: 'chip-docs' },
      srOnly(docs.length === 1 ? ', in article ' : ', in articles '),
      docs.slice(0, shownDocs).map((d, i) => [
        i > 0 ? srOnly(', ') : null,
        el('span', { class: 'doc-num', title: view.docTip(d), text: view.docShort(d) }),
      ]),
      docs.length > shownDocs ? el('span', { class: 'doc-more' }, srOnly(' and '), `+${docs.length - shownDocs}`, srOnly(' more')) : null,
    ),
  );
}

/**
 * The highlight bar for the selected entity (it stays at the top of the window while the
 * results scroll): name, type, roles, aliases, value, the number of mentions, buttons to step
 * through the mentions in the article texts, one button per article that mentions it (which
 * shows its first mention in that article), and "Split" when the entity has several names.
 * `actions`: `{onClear, onShowDoc(doc), onStep(delta), onSplit (or null: no split offered),
 * onRename(newName) (or null: no rename offered)}`; renaming is a small form (a text field
 * holding the current name and a "Rename" button).
 * The element with class `mention-pos` is where app.js writes which mention is shown.
 */
export function renderSelection(container, view, entity, actions) {
  if (!entity) {
    replace(container);
    container.hidden = true;
    return;
  }
  container.hidden = false;
  const counts = new Map();
  for (const m of entity.mentions ?? []) counts.set(m.doc, (counts.get(m.doc) ?? 0) + 1);
  const facts = [entity.type];
  if (entity.roles?.length) facts.push(entity.roles.join(', '));
  if (entity.aliases?.length) facts.push(`also written: ${entity.aliases.join(', ')}`);
  if (entity.value != null) facts.push(`value: ${entity.value}`);
  const total = entity.mentions?.length ?? 0;
  const step = (delta, label, symbol) =>
    el('button', { type: 'button', class: 'secondary mention-step', 'aria-label': label, title: label, onclick: () => actions.onStep(delta) }, el('span', { 'aria-hidden': 'true', text: symbol }));
  replace(
    container,
    el(
      'div',
      { class: 'selection-main' },
      el(
        'p',
        { class: 'selection-title' },
        el('strong', { text: 'Highlighting' }),
        ' ',
        el('mark', { class: 'entity', text: entity.name }),
        ' ',
        el('span', { class: 'selection-facts', text: facts.join(' · ') }),
      ),
      el(
        'p',
        { class: 'selection-docs' },
        `${plural(total, 'mention')} in ${plural(counts.size, 'article')}: `,
        [...counts].map(([doc, n]) =>
          el(
            'button',
            {
              type: 'button',
              class: 'secondary doc-jump',
              title: view.docTip(doc),
              onclick: () => actions.onShowDoc(doc),
            },
            srOnly('Show article '),
            el('span', { class: 'doc-num', text: view.docShort(doc) }),
            ` ×${n}`,
            srOnly(` (${n === 1 ? 'mention' : 'mentions'}): ${view.docHeading(doc)}`),
          ),
        ),
      ),
    ),
    el(
      'div',
      { class: 'selection-actions' },
      total > 0
        ? el(
            'div',
            { class: 'mention-nav', role: 'group', 'aria-label': `Mentions of ${entity.name} in the article texts` },
            step(-1, 'Previous mention', '↑'),
            el('span', { class: 'mention-pos', 'aria-live': 'polite', text: '' }),
            step(1, 'Next mention', '↓'),
          )
        : null,
      actions.onSplit
        ? el('button', {
            type: 'button',
            class: 'secondary split',
            title: `One entity per name: ${[entity.name, ...(entity.aliases ?? [])].join(', ')}`,
            'aria-label': `Split ${entity.name} into one entity per name`,
            onclick: actions.onSplit,
            text: 'Split',
          })
        : null,
      actions.onRename ? renameForm(entity, actions.onRename) : null,
      el('button', { type: 'button', class: 'secondary clear-selection', onclick: actions.onClear, text: 'Clear highlight' }),
    ),
  );
}

/** "Rename": a text field with the entity's name and a submit button; an unchanged or empty
 * name does nothing. */
function renameForm(entity, onRename) {
  const input = el('input', {
    type: 'text',
    class: 'rename-input',
    value: entity.name,
    'aria-label': `New name for ${entity.name}`,
  });
  return el(
    'form',
    {
      class: 'rename',
      onsubmit: (event) => {
        event.preventDefault();
        const name = input.value.trim();
        if (name && name !== entity.name) onRename(name);
      },
    },
    input,
    ' ',
    el('button', { type: 'submit', class: 'secondary', 'aria-label': `Rename ${entity.name}`, text: 'Rename' }),
  );
}
