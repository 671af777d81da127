// The claim table: one row per claim group (`report.groups`), one column per article. A cell
// holds the sentence each article carries for that claim, with the claimed content, the
// speaker (the resolved entity's name) and the kind of claim marked. The row's relation
// (agree / reworded / conflict / unique) is written out as a label, never shown by colour only;
// reworded groups show their word diffs and conflicting groups their values side by side.

import { el, markedText, plural, replace, spanFits, srOnly } from '../dom.js';

export const RELATIONS = [
  ['agree', '✓', 'Agree', 'the articles carry the same claim'],
  ['reworded', '≈', 'Reworded', 'the same claim in different words'],
  ['conflict', '✕', 'Conflict', 'the articles disagree'],
  ['unique', '•', 'Unique', 'only one article carries it'],
];

const KIND_LABEL = { quote: 'Quote', statement: 'Statement', numeric: 'Figure', event: 'Event' };

export function relationLabel(relation) {
  const known = RELATIONS.find(([r]) => r === relation);
  const [, symbol, label] = known ?? [relation, '?', relation];
  return el(
    'span',
    { class: `relation rel-${relation}` },
    el('span', { class: 'relation-symbol', 'aria-hidden': 'true', text: symbol }),
    ` ${label}`,
  );
}

/** Relation filter checkboxes with counts. `onChange(shownSet)`. */
export function renderClaimFilters(container, view, shown, onChange) {
  const counts = new Map();
  for (const g of view.report.groups ?? []) counts.set(g.relation, (counts.get(g.relation) ?? 0) + 1);
  const relations = RELATIONS.map(([r]) => r);
  for (const r of counts.keys()) if (!relations.includes(r)) relations.push(r);
  replace(
    container,
    el(
      'fieldset',
      { class: 'filters' },
      el('legend', { text: 'Show claim groups that' }),
      relations.map((r) =>
        el(
          'label',
          { class: 'filter' },
          el('input', {
            type: 'checkbox',
            name: 'relation',
            value: r,
            checked: shown.has(r),
            onchange: (event) => {
              if (event.target.checked) shown.add(r);
              else shown.delete(r);
              onChange(shown);
            },
          }),
          ' ',
          relationLabel(r),
          ` (${counts.get(r) ?? 0})`,
        ),
      ),
    ),
  );
}

/** Shows / hides the rendered groups by relation without rebuilding the table. */
export function applyClaimFilter(container, shown) {
  for (const body of container.querySelectorAll('tbody.group')) {
    body.hidden = !shown.has(body.dataset.relation);
  }
}

/**
 * Renders the table.
 * - `view`: the analysed view (app.js `makeView`).
 * - `entity`: the selected entity or null (its mentions are marked inside the sentences).
 */
export function renderClaims(container, view, entity, shown) {
  const groups = view.report.groups ?? [];
  if (groups.length === 0) {
    replace(container, el('p', { class: 'empty', text: 'No claims were found.' }));
    return;
  }
  const docs = view.docs;
  const head = el(
    'thead',
    {},
    el(
      'tr',
      {},
      el('th', { scope: 'col', class: 'col-relation', text: 'Relation' }),
      docs.map((doc) =>
        el(
          'th',
          { scope: 'col', class: 'col-doc', title: view.docLabel(doc.index) },
          el('span', { class: 'col-title' }, el('span', { class: 'doc-num', text: view.docShort(doc.index) }), ' ', view.docTitle(doc.index)),
        ),
      ),
    ),
  );
  const bodies = groups.map((group) => {
    const claims = (group.claims ?? []).map((id) => view.claimById.get(id)).filter(Boolean);
    const row = el(
      'tr',
      { class: 'group-row' },
      el(
        'th',
        { scope: 'row', class: 'col-relation' },
        relationLabel(group.relation),
        el('p', { class: 'reason', text: group.reason ?? '' }),
        el('p', { class: 'carried', text: `in ${plural(group.docs?.length ?? 0, 'article')}` }),
      ),
      docs.map((doc) => {
        const here = claims.filter((c) => c.doc === doc.index);
        if (here.length === 0) {
          return el('td', { class: 'no-claim' }, el('span', { 'aria-hidden': 'true', text: '—' }), srOnly('not in this article'));
        }
        return el('td', { class: 'has-claim', dataset: { doc: String(doc.index) } }, here.map((c) => claimCell(c, view, entity)));
      }),
    );
    const detail = groupDetail(group, view);
    return el(
      'tbody',
      { class: `group rel-${group.relation}`, dataset: { group: group.id, relation: group.relation }, hidden: !shown.has(group.relation) },
      row,
      detail ? el('tr', { class: 'group-detail' }, el('td', { colspan: String(docs.length + 1) }, detail)) : null,
    );
  });
  replace(
    container,
    el(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': 'Claim table (scrolls sideways)', tabindex: '0' },
      el(
        'table',
        { class: 'claims' },
        el('caption', { class: 'sr-only', text: 'Claims aligned across articles: one row per claim, one column per article.' }),
        head,
        bodies,
      ),
    ),
  );
}

function claimCell(claim, view, entity) {
  const text = view.docs[claim.doc]?.text ?? '';
  const sentence = claim.sentence;
  const meta = [el('span', { class: `kind kind-${claim.kind}`, text: KIND_LABEL[claim.kind] ?? claim.kind })];
  const speaker = claim.speaker != null ? view.entityById.get(claim.speaker) : null;
  if (speaker) {
    meta.push(
      ' ',
      el('span', { class: 'speaker', title: claim.source?.text ? `written as “${claim.source.text}”` : null }, srOnly('speaker: '), speaker.name),
    );
  } else if (claim.source?.text) {
    meta.push(' ', el('span', { class: 'speaker unresolved', title: 'speaker not resolved to an entity' }, srOnly('source: '), claim.source.text));
  }
  if (claim.cited?.length) {
    meta.push(' ', el('span', { class: 'cited', text: `according to ${claim.cited.map((c) => c.text).join(', ')}` }));
  }
  if (!spanFits(text, sentence)) {
    return el('div', { class: 'claim', dataset: { claim: claim.id, kind: claim.kind } }, el('p', { class: 'claim-meta' }, meta), el('p', { class: 'sentence', text: sentence?.text ?? '' }));
  }
  const ranges = [];
  const content = claim.content;
  if (spanFits(text, content) && !(content.start === sentence.start && content.end === sentence.end)) {
    ranges.push({ start: content.start, end: content.end, tag: 'span', className: claim.kind === 'quote' ? 'content quote' : 'content' });
  }
  if (claim.source && spanFits(text, claim.source)) ranges.push({ ...claim.source, tag: 'span', className: 'source' });
  if (claim.cue && spanFits(text, claim.cue)) ranges.push({ ...claim.cue, tag: 'span', className: 'cue' });
  for (const q of claim.quantities ?? []) {
    if (spanFits(text, q)) ranges.push({ start: q.start, end: q.end, tag: 'span', className: 'quantity' });
  }
  if (entity) {
    for (const m of entity.mentions ?? []) {
      if (m.doc === claim.doc && spanFits(text, m)) ranges.push({ start: m.start, end: m.end, tag: 'mark', className: 'entity' });
    }
  }
  return el(
    'div',
    { class: `claim claim-${claim.kind}`, dataset: { claim: claim.id, kind: claim.kind } },
    el('p', { class: 'claim-meta' }, meta),
    el('p', { class: 'sentence' }, markedText(sentence.text ?? text.slice(sentence.start, sentence.end), sentence.start, ranges)),
  );
}

function groupDetail(group, view) {
  const parts = [];
  const docOf = (claimId) => view.claimById.get(claimId)?.doc;
  for (const diff of group.diffs ?? []) {
    const from = docOf(diff.from);
    const to = docOf(diff.to);
    parts.push(
      el(
        'div',
        { class: 'diff' },
        el('p', { class: 'diff-head' }, 'Wording: ', docRef(view, from), ' → ', docRef(view, to)),
        el(
          'p',
          { class: 'diff-ops' },
          (diff.ops ?? []).map((op, i) => {
            const sep = i > 0 ? ' ' : '';
            if (op.op === 'removed') return [sep, el('del', {}, srOnly('[removed: '), op.text, srOnly(']'))];
            if (op.op === 'added') return [sep, el('ins', {}, srOnly('[added: '), op.text, srOnly(']'))];
            return [sep, op.text];
          }),
        ),
      ),
    );
  }
  for (const conflict of group.conflicts ?? []) {
    parts.push(
      el(
        'div',
        { class: 'conflict' },
        el('p', { class: 'conflict-head' }, el('span', { class: 'conflict-kind', text: conflict.kind }), ' ', conflict.about ?? ''),
        el(
          'ul',
          { class: 'conflict-values' },
          (conflict.values ?? []).map((v) => el('li', {}, docRef(view, v.doc), ' ', el('span', { class: 'value', text: v.text }))),
        ),
      ),
    );
  }
  return parts.length ? parts : null;
}

function docRef(view, index) {
  if (index == null || !view.docs[index]) return el('span', { class: 'doc-ref', text: '?' });
  return el('span', { class: 'doc-ref', title: view.docLabel(index) }, el('span', { class: 'doc-num', text: view.docShort(index) }), srOnly(` ${view.docLabel(index)}`));
}
