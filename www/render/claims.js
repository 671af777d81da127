// @ts-check
// The claim table: one row per claim group (`report.groups`). With up to COLUMN_LIMIT articles
// there is one column per article, holding the sentence each article carries; with more, one
// column lists every article's version under its article number, so a hundred articles do not
// make a hundred columns. A cell shows the claimed content, the speaker (the resolved entity's
// name) and the kind of claim, and a "Show in text" button. The row's relation (agree /
// reworded / conflict / unique) is written out as a label with a symbol, never shown by colour
// only; reworded groups show their word diffs and conflicting groups their values side by side,
// each conflict with its kind, whether its values cannot all hold or may all hold (drawn with a
// dashed border), and the report's note saying why.
//
// Rows are appended page by page (app.js asks for more as the table scrolls into view), so the
// table never builds thousands of rows at once. Sorting and filtering work on the report's
// groups (`orderGroups`), not on the DOM.

import { el, markedText, plural, replace, spanFits, srOnly } from '../dom.js';
import { Job } from '../schedule.js';

export const RELATIONS = [
  ['agree', '✓', 'Agree', 'the articles carry the same claim'],
  ['reworded', '≈', 'Reworded', 'the same claim in different words'],
  ['conflict', '✕', 'Conflict', 'the articles disagree'],
  ['unique', '•', 'Unique', 'only one article carries it'],
];

/** Articles up to which the table has one column per article. */
export const COLUMN_LIMIT = 6;

/** Versions of a claim shown at first in the one-column layout; a button shows the rest. */
export const FIRST_VERSIONS = 8;
const VERSIONS_PER_FRAME = 12;

const KIND_LABEL = { quote: 'Quote', statement: 'Statement', numeric: 'Figure', event: 'Event' };

/** Conflict kinds (`report.groups[].conflicts[].kind`) in words; shared with the brief. */
export const CONFLICT_LABEL = {
  number: 'Figures that cannot all hold',
  range: 'Figures that differ but may all hold',
  unknown: 'A figure against “not known”',
  time: 'Different times',
  day: 'Different days',
  detail: 'A name or number changed',
  status: 'Statuses that exclude each other',
  speaker: 'Quote given to different speakers',
  negation: 'Said and denied',
};

/** Whether a conflict's values can all hold, in words (`may_hold`). */
export function holdsLabel(conflict) {
  return conflict.may_hold ? 'may all hold' : 'cannot all hold';
}

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

const RELATION_RANK = { conflict: 0, reworded: 1, agree: 2, unique: 3 };

/**
 * The groups to show, in order. `filters`: `{shown: Set of relations, kind, article, entity,
 * sort}` (`kind`/`article`/`entity` empty for any); `sort` is `carried` (the report's order:
 * most widely carried first), `conflict`, `order` (where the claim first appears) or `fewest`.
 */
export function orderGroups(view, filters) {
  const groups = view.report.groups ?? [];
  const article = filters.article === '' || filters.article == null ? null : Number(filters.article);
  const entityClaims = filters.entity ? view.claimsMentioning(filters.entity) : null;
  const claimsOf = (g) => (g.claims ?? []).map((id) => view.claimById.get(id)).filter(Boolean);
  const kept = groups.filter((g) => {
    if (!filters.shown.has(g.relation)) return false;
    if (article != null && !(g.docs ?? []).includes(article)) return false;
    const claims = claimsOf(g);
    if (filters.kind && !claims.some((c) => c.kind === filters.kind)) return false;
    if (entityClaims && !claims.some((c) => entityClaims.has(c.id))) return false;
    return true;
  });
  const position = new Map(groups.map((g, i) => [g, i]));
  const first = (g) => {
    let best = Infinity;
    for (const c of claimsOf(g)) best = Math.min(best, c.doc * 1e9 + (c.sentence?.start ?? 0));
    return best;
  };
  const byReport = (a, b) => position.get(a) - position.get(b);
  if (filters.sort === 'conflict') {
    kept.sort((a, b) => (RELATION_RANK[a.relation] ?? 9) - (RELATION_RANK[b.relation] ?? 9) || byReport(a, b));
  } else if (filters.sort === 'order') {
    const keys = new Map(kept.map((g) => [g, first(g)]));
    kept.sort((a, b) => keys.get(a) - keys.get(b) || byReport(a, b));
  } else if (filters.sort === 'fewest') {
    kept.sort((a, b) => (a.docs?.length ?? 0) - (b.docs?.length ?? 0) || byReport(a, b));
  } else {
    kept.sort(byReport);
  }
  return kept;
}

/**
 * Starts the table in `container` and returns `append(group)`, which adds one group's rows and
 * returns the number of claims it drew. `layout` is `columns` (one column per article: an HTML
 * table) or `list` (many articles: each group is a block with ARIA table roles, laid out only
 * when it comes near the screen (`content-visibility: auto`), and a group widely carried shows
 * its first FIRST_VERSIONS versions and a button that adds the others a slice at a time).
 */
export function startClaimTable(container, view, layout, total) {
  return layout === 'columns' ? startColumns(container, view, total) : startList(container, view, total);
}

function rowHeader(group, tag, props) {
  return el(
    tag,
    { class: 'col-relation', ...props },
    relationLabel(group.relation),
    el('p', { class: 'reason', text: group.reason ?? '' }),
    el('p', { class: 'carried', text: `in ${plural(group.docs?.length ?? 0, 'article')}` }),
  );
}

function claimsOf(view, group) {
  return (group.claims ?? []).map((id) => view.claimById.get(id)).filter(Boolean);
}

function startColumns(container, view, total) {
  const docs = view.docs;
  const table = el(
    'table',
    { class: 'claims layout-columns', 'aria-rowcount': String(total + 1) },
    el('caption', { class: 'sr-only', text: 'Claims aligned across articles: one row per claim, one column per article.' }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', class: 'col-relation', text: 'Relation' }),
        docs.map((doc) =>
          el(
            'th',
            { scope: 'col', class: 'col-doc', title: view.docTip(doc.index) },
            el('span', { class: 'col-title' }, el('span', { class: 'doc-num', text: view.docShort(doc.index) }), ' ', view.docHeading(doc.index)),
          ),
        ),
      ),
    ),
  );
  replace(container, el('div', { class: 'table-scroll', role: 'region', 'aria-label': 'Claim table (scrolls sideways)', tabindex: '0' }, table));
  let rowIndex = 1;
  return function append(group) {
    const claims = claimsOf(view, group);
    const held = heldOf(group);
    rowIndex++;
    const cells = docs.map((doc) => {
      const here = claims.filter((c) => c.doc === doc.index);
      if (here.length === 0) {
        return el('td', { class: 'no-claim' }, el('span', { 'aria-hidden': 'true', text: '—' }), srOnly('not in this article'));
      }
      return el('td', { class: 'has-claim', dataset: { doc: String(doc.index), label: view.docLabel(doc.index) } }, bySentence(here).map((c) => claimCell(c, view, false, held)));
    });
    const detail = groupDetail(group, view);
    table.append(
      el(
        'tbody',
        { class: `group rel-${group.relation}`, dataset: { group: group.id, relation: group.relation } },
        el('tr', { class: 'group-row', 'aria-rowindex': String(rowIndex) }, rowHeader(group, 'th', { scope: 'row' }), cells),
        detail ? el('tr', { class: 'group-detail' }, el('td', { colspan: String(docs.length + 1) }, detail)) : null,
      ),
    );
    return claims.length;
  };
}

function startList(container, view, total) {
  const list = el(
    'div',
    { class: 'claims layout-list', role: 'table', 'aria-label': 'Claims aligned across articles: one row per claim, each article’s version under its number', 'aria-rowcount': String(total + 1) },
    el(
      'div',
      { class: 'list-head', role: 'rowgroup' },
      el(
        'div',
        { class: 'list-row', role: 'row', 'aria-rowindex': '1' },
        el('div', { class: 'col-relation', role: 'columnheader', text: 'Relation' }),
        el('div', { class: 'col-claims', role: 'columnheader', text: 'What each article says' }),
      ),
    ),
  );
  replace(container, list);
  let rowIndex = 1;
  return function append(group) {
    const claims = bySentence(claimsOf(view, group));
    const held = heldOf(group);
    rowIndex++;
    const first = claims.slice(0, FIRST_VERSIONS);
    const rest = claims.slice(FIRST_VERSIONS);
    const box = el('div', { class: 'claim-box' }, first.map((c) => claimCell(c, view, true, held)));
    let more = null;
    if (rest.length) {
      more = el('button', {
        type: 'button',
        class: 'secondary more-versions',
        text: `Show the other ${plural(rest.length, 'version')}`,
        onclick: async () => {
          more.disabled = true;
          // a few versions per painted frame, so the layout of each frame stays small
          const job = new Job();
          for (const [i, c] of rest.entries()) {
            if (!(await (i % VERSIONS_PER_FRAME === 0 ? job.frame() : job.step()))) return;
            box.append(claimCell(c, view, true, held));
          }
          more.remove();
          /** @type {HTMLButtonElement | null} */ (box.querySelector(`.claim[data-claim="${CSS.escape(rest[0][0].id)}"] button.jump`))?.focus();
        },
      });
    }
    const detail = groupDetail(group, view);
    list.append(
      el(
        'div',
        { class: `group rel-${group.relation}`, role: 'rowgroup', dataset: { group: group.id, relation: group.relation } },
        el(
          'div',
          { class: 'list-row group-row', role: 'row', 'aria-rowindex': String(rowIndex) },
          rowHeader(group, 'div', { role: 'rowheader' }),
          el('div', { class: 'claim-list', role: 'cell' }, box, more),
        ),
        detail ? el('div', { class: 'list-row group-detail', role: 'row' }, el('div', { class: 'detail-cell', role: 'cell' }, detail)) : null,
      ),
    );
    return first.length;
  };
}

/** The entity mentions that fall inside `span` of document `doc`, as highlight ranges. */
function mentionRanges(view, doc, span) {
  const out = [];
  for (const m of view.mentionsByDoc[doc] ?? []) {
    if (m.start >= span.end) break;
    if (m.end > span.start && m.start < span.end) out.push({ start: m.start, end: m.end, tag: 'span', className: 'ment', tokens: { e: m.entity, m: `${m.entity}:${m.i}` } });
  }
  return out;
}

/**
 * The group's claims told in one sentence of one article, in the group's order: a sentence
 * holding several of a row's claims (two figures, or a statement and its figure) is drawn once,
 * with every claim's marks in it.
 */
function bySentence(claims) {
  const out = [];
  const at = new Map();
  for (const c of claims) {
    const key = `${c.doc}:${c.sentence?.start}:${c.sentence?.end}`;
    const k = at.get(key);
    if (k === undefined) {
      at.set(key, out.length);
      out.push([c]);
    } else out[k].push(c);
  }
  return out;
}

/**
 * Claim id → the pieces of it the group holds, for claims told in several pieces that the
 * group holds only in part (`group.pieces`): the row marks those words, not the whole quote.
 */
function heldOf(group) {
  return new Map((group.pieces ?? []).map((p) => [p.claim, p.spans ?? []]));
}

/**
 * What claim `c` tells in group `g`: the words of the pieces the group holds of a claim told
 * in pieces (`group.pieces`), else its content. Shared with the digest and the brief.
 */
export function toldIn(g, c) {
  const held = (g?.pieces ?? []).find((p) => p.claim === c?.id);
  return held?.spans?.length ? held.spans.map((s) => s.text).join(' … ') : c?.content?.text;
}

/** The distinct values of `items`, in order. */
function distinct(items) {
  return [...new Set(items)];
}

/**
 * One sentence of one article with the claims of the row it holds (see `bySentence`); `held`
 * (see `heldOf`) narrows a claim told in pieces to the pieces this row is about.
 */
function claimCell(claims, view, withDoc, held = new Map()) {
  const [claim] = claims;
  const text = view.docs[claim.doc]?.text ?? '';
  const sentence = claim.sentence;
  const fits = spanFits(text, sentence) && text.length > 0;
  const meta = [];
  if (withDoc) meta.push(docRef(view, claim.doc), ' ');
  for (const [i, kind] of distinct(claims.map((c) => c.kind)).entries()) {
    meta.push(i ? ' ' : null, el('span', { class: `kind kind-${kind}`, text: KIND_LABEL[kind] ?? kind }));
  }
  const speakers = new Map();
  for (const c of claims) {
    const entity = c.speaker != null ? view.entityById.get(c.speaker) : null;
    if (entity) speakers.set(`e:${entity.id}`, { name: entity.name, written: c.source?.text, resolved: true });
    else if (c.source?.text) speakers.set(`s:${c.source.text}`, { name: c.source.text, resolved: false });
  }
  for (const s of speakers.values()) {
    meta.push(
      ' ',
      s.resolved
        ? el('span', { class: 'speaker', title: s.written ? `written as “${s.written}”` : null }, srOnly('speaker: '), s.name)
        : el('span', { class: 'speaker unresolved', title: 'speaker not resolved to an entity' }, srOnly('source: '), s.name),
    );
  }
  for (const c of claims) {
    const spans = held.get(c.id);
    if (!spans?.length || !(c.pieces?.length > 1)) continue;
    const at = spans.map((sp) => c.pieces.findIndex((p) => p.start === sp.start && p.end === sp.end) + 1).filter((k) => k > 0);
    const which = at.length === 1 ? `piece ${at[0]}` : `pieces ${at.join(', ')}`;
    meta.push(' ', el('span', { class: 'piece-note', text: `${which} of ${c.pieces.length}; the others are in other rows` }));
  }
  const cited = distinct(claims.flatMap((c) => (c.cited ?? []).map((x) => x.text)));
  if (cited.length) meta.push(' ', el('span', { class: 'cited', text: `according to ${cited.join(', ')}` }));
  if (fits) {
    meta.push(
      ' ',
      el(
        'button',
        { type: 'button', class: 'link jump', dataset: { claim: claim.id } },
        'Show in text',
        srOnly(` of article ${view.docShort(claim.doc)}: ${view.docHeading(claim.doc)}`),
      ),
    );
  }
  const data = { claim: claim.id, claims: claims.map((c) => c.id).join(' '), kind: claim.kind, kinds: distinct(claims.map((c) => c.kind)).join(' '), doc: String(claim.doc) };
  const box = (...children) => el('div', { class: `claim claim-${claim.kind}`, dataset: data }, el('p', { class: 'claim-meta' }, meta), ...children);
  if (!fits) return box(el('p', { class: 'sentence', text: sentence?.text ?? '' }));
  const ranges = [];
  for (const c of claims) {
    const content = c.content;
    const spans = held.get(c.id);
    if (spans?.length) {
      for (const sp of spans) {
        if (spanFits(text, sp)) ranges.push({ start: sp.start, end: sp.end, tag: 'span', className: c.kind === 'quote' ? 'content quote' : 'content' });
      }
    } else if (spanFits(text, content) && !(content.start === sentence.start && content.end === sentence.end)) {
      ranges.push({ start: content.start, end: content.end, tag: 'span', className: c.kind === 'quote' ? 'content quote' : 'content' });
    }
    if (c.source && spanFits(text, c.source)) ranges.push({ ...c.source, tag: 'span', className: 'source' });
    if (c.cue && spanFits(text, c.cue)) ranges.push({ ...c.cue, tag: 'span', className: 'cue' });
    for (const q of c.quantities ?? []) {
      if (spanFits(text, q)) ranges.push({ start: q.start, end: q.end, tag: 'span', className: 'quantity' });
    }
  }
  ranges.push(...mentionRanges(view, claim.doc, sentence));
  return box(el('p', { class: 'sentence' }, markedText(text.slice(sentence.start, sentence.end), sentence.start, dedupe(ranges))));
}

/** Drops ranges given twice (two claims of one sentence with one source or one figure). */
function dedupe(ranges) {
  const seen = new Set();
  return ranges.filter((r) => {
    const key = `${r.start}:${r.end}:${r.className}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Distinct wordings shown at first in a group's detail; the others on request. */
const FIRST_WORDINGS = 3;
/** Values of a conflict shown at first; the others on request. */
const FIRST_VALUES = 10;

/** A button that replaces itself with more content, built only when pressed. */
function moreButton(label, build) {
  const button = el('button', {
    type: 'button',
    class: 'link more-detail',
    text: label,
    onclick: () => {
      const content = build();
      button.replaceWith(content);
      content.querySelector?.('button, [tabindex]')?.focus();
    },
  });
  return button;
}

/**
 * Word diffs and conflicts of a group. Diffs with the same words (the same wording in several
 * articles) are shown once, with every pair of articles it joins; past FIRST_WORDINGS wordings
 * and FIRST_VALUES conflicting values, a button shows the rest.
 */
export function groupDetail(group, view) {
  const parts = [];
  const docOf = (claimId) => view.claimById.get(claimId)?.doc;
  const wordings = new Map();
  for (const diff of group.diffs ?? []) {
    const key = JSON.stringify(diff.ops ?? []);
    if (!wordings.has(key)) wordings.set(key, { ops: diff.ops ?? [], pairs: [] });
    wordings.get(key).pairs.push([docOf(diff.from), docOf(diff.to)]);
  }
  const wordingNode = ({ ops, pairs }) =>
    el(
      'div',
      { class: 'diff' },
      el(
        'p',
        { class: 'diff-head' },
        'Wording: ',
        pairs.map(([from, to], i) => [i > 0 ? ', ' : null, docRef(view, from), ' → ', docRef(view, to)]),
      ),
      el(
        'p',
        { class: 'diff-ops' },
        ops.map((op, i) => {
          const sep = i > 0 ? ' ' : '';
          if (op.op === 'removed') return [sep, el('del', {}, srOnly('[removed: '), op.text, srOnly(']'))];
          if (op.op === 'added') return [sep, el('ins', {}, srOnly('[added: '), op.text, srOnly(']'))];
          return [sep, op.text];
        }),
      ),
    );
  const all = [...wordings.values()];
  parts.push(all.slice(0, FIRST_WORDINGS).map(wordingNode));
  if (all.length > FIRST_WORDINGS) {
    const rest = all.slice(FIRST_WORDINGS);
    parts.push(moreButton(`Show ${plural(rest.length, 'other wording')}`, () => el('div', {}, rest.map(wordingNode))));
  }
  for (const conflict of group.conflicts ?? []) {
    const values = conflict.values ?? [];
    const valueNodes = (list, offset) =>
      list.map((v, i) => [
        offset + i > 0 ? el('li', { class: 'versus', 'aria-hidden': 'true', text: 'vs.' }) : null,
        el('li', {}, docRef(view, v.doc), ' ', el('span', { class: 'value', text: v.text })),
      ]);
    const shown = values.slice(0, FIRST_VALUES);
    const rest = values.slice(FIRST_VALUES);
    const holds = holdsLabel(conflict);
    const ul = el('ul', { class: 'conflict-values', 'aria-label': `Values that ${holds}` }, valueNodes(shown, 0));
    parts.push(
      el(
        'div',
        { class: `conflict conflict-${conflict.kind} ${conflict.may_hold ? 'may-hold' : 'cannot-hold'}` },
        el(
          'p',
          { class: 'conflict-head' },
          el('span', { class: 'conflict-kind', text: conflict.kind }),
          ' ',
          el('strong', { text: CONFLICT_LABEL[conflict.kind] ?? 'Conflict' }),
          conflict.about ? `: ${conflict.about}` : '',
          ' ',
          el('span', { class: 'conflict-holds', text: `(${holds})` }),
        ),
        conflict.note ? el('p', { class: 'conflict-note', text: conflict.note }) : null,
        ul,
        rest.length
          ? moreButton(`Show ${plural(rest.length, 'other value')}`, () => {
              ul.append(...valueNodes(rest, shown.length).flat().filter(Boolean));
              return document.createTextNode('');
            })
          : null,
      ),
    );
  }
  return (group.diffs ?? []).length || (group.conflicts ?? []).length ? parts : null;
}

function docRef(view, index) {
  if (index == null || !view.docs[index]) return el('span', { class: 'doc-ref', text: '?' });
  return el('span', { class: 'doc-ref', title: view.docTip(index) }, el('span', { class: 'doc-num', text: view.docShort(index) }), srOnly(` ${view.docLabel(index)}`));
}
