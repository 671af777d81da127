// @ts-check
// The digest: what differs between the articles, shown first after an analysis so that a
// reader meets the point before the full claim table. The selection comes from the core
// (`markdown::digest`, through the worker's `digestJson`): conflicts and rewordings (group ids),
// headlines, what most articles carry and one leaves out, the article pairs by overlap, and the
// groups each article alone carries. This module only draws it: each conflict with its kind and
// every article's value side by side, each reworded quote with its word diff, the headlines in
// one list (each after the outlet its dateline or byline credits, the file name in a tooltip),
// the omissions, the pairs with their share of claims, and per article a count of its
// one-source claims that opens to list them. Above all of it, a notice when some articles share
// almost no names or claims with the others (the core's `apart_note`: probably other events).
// Article text only reaches the page as text nodes.

import { el, plural, replace } from '../dom.js';
import { groupDetail, relationLabel, toldIn } from './claims.js';

/** Omissions listed before a "show all" button. */
const FIRST_OMISSIONS = 8;
/** Article pairs listed. */
const FIRST_PAIRS = 6;

/**
 * Draws `digest` (or nothing when it is null) into `container` for `view`. `onJump(claimId)`
 * goes to a claim's sentence in its article.
 */
export function renderDigest(container, view, digest, onJump) {
  if (!digest) {
    replace(container);
    container.hidden = true;
    return;
  }
  container.hidden = false;
  const groups = new Map((view.report.groups ?? []).map((g) => [g.id, g]));
  const first = (g) => view.claimById.get(g?.claims?.[0]);
  const speakerOf = (c) => (c?.speaker != null ? view.entityById.get(c.speaker)?.name : null) ?? c?.source?.text ?? null;
  const docRef = (i) => el('span', { class: 'doc-ref', title: view.docTip(i) }, el('span', { class: 'doc-num', text: view.docShort(i) }));
  const jump = (c) =>
    c ? el('button', { type: 'button', class: 'link jump', dataset: { claim: c.id }, onclick: () => onJump(c.id) }, 'Show in text', el('span', { class: 'sr-only', text: ` of article ${view.docShort(c.doc)}` })) : null;
  const section = (id, title, count, ...body) =>
    el('section', { class: `digest-part ${id}`, 'aria-labelledby': `${id}-heading` }, el('h3', { id: `${id}-heading` }, title, count == null ? null : el('span', { class: 'count', text: ` (${count})` })), body);

  const conflicts = digest.conflicts.map((id) => groups.get(id)).filter(Boolean);
  const reworded = digest.reworded.map((id) => groups.get(id)).filter(Boolean);
  const n = view.docs.length;

  const headlines = section(
    'digest-headlines',
    'Headlines',
    null,
    el(
      'ol',
      { class: 'headline-list' },
      digest.headlines.map((h) =>
        el(
          'li',
          { dataset: { doc: String(h.doc) }, title: view.docTip(h.doc) },
          docRef(h.doc),
          ' ',
          view.docs[h.doc]?.outlet ? [el('span', { class: 'outlet', text: view.docs[h.doc].outlet }), ' — '] : null,
          el('span', { class: 'headline', text: h.title || view.docName(h.doc) }),
        ),
      ),
    ),
  );

  const groupItem = (g) => {
    const c = first(g);
    const who = speakerOf(c);
    return el(
      'li',
      { class: `digest-group rel-${g.relation}`, dataset: { group: g.id } },
      el('p', { class: 'digest-claim' }, relationLabel(g.relation), ' ', who ? el('span', { class: 'speaker', text: `${who}: ` }) : null, el('span', { class: 'content', text: toldIn(g, c) ?? g.reason ?? '' }), ' ', el('span', { class: 'carried' }, 'in articles ', (g.docs ?? []).map((d, i) => [i ? ', ' : null, docRef(d)])), ' ', jump(c)),
      groupDetail(g, view),
    );
  };
  const conflictPart = section('digest-conflicts', 'Conflicts', conflicts.length, conflicts.length ? el('ul', { class: 'digest-groups' }, conflicts.map(groupItem)) : el('p', { class: 'empty', text: 'No conflicting claims were found.' }));
  const rewordedPart = section('digest-reworded', 'Reworded quotes', reworded.length, reworded.length ? el('ul', { class: 'digest-groups' }, reworded.map(groupItem)) : el('p', { class: 'empty', text: 'No reworded quotes were found.' }));

  const omissionItem = (o) => {
    const g = groups.get(o.group);
    const c = first(g);
    return el('li', { dataset: { doc: String(o.doc), group: o.group } }, 'Article ', docRef(o.doc), ' leaves out ', el('span', { class: 'content', text: c?.content?.text ?? o.group }), ` (carried by ${o.carried_by} of ${n}) `, jump(c));
  };
  const omissionList = el('ul', { class: 'digest-omissions' }, digest.omissions.slice(0, FIRST_OMISSIONS).map(omissionItem));
  const restOmissions = digest.omissions.slice(FIRST_OMISSIONS);
  const omissionPart = section(
    'digest-omitted',
    'What most carry and one leaves out',
    digest.omissions.length,
    digest.omissions.length ? omissionList : el('p', { class: 'empty', text: 'No article leaves out a claim most others carry.' }),
    restOmissions.length
      ? el('button', {
          type: 'button',
          class: 'link',
          text: `Show ${plural(restOmissions.length, 'other')}`,
          onclick: (event) => {
            omissionList.append(...restOmissions.map(omissionItem));
            event.target.remove();
          },
        })
      : null,
  );

  const pairPart = section(
    'digest-pairs',
    'How much each pair shares',
    null,
    digest.pairs.length
      ? el(
          'ul',
          { class: 'digest-pairs' },
          digest.pairs.slice(0, FIRST_PAIRS).map((p) =>
            el(
              'li',
              { dataset: { a: String(p.a), b: String(p.b) } },
              'Articles ',
              docRef(p.a),
              ' and ',
              docRef(p.b),
              `: ${plural(p.shared, 'claim')} in common, `,
              el('strong', { class: 'overlap', text: `${Math.round(p.overlap * 100)} %` }),
              ' of the shorter one',
              el('span', { class: 'overlap-bar', 'aria-hidden': 'true' }, el('span', { class: `overlap-fill w${Math.round(p.overlap * 10)}` })),
            ),
          ),
        )
      : el('p', { class: 'empty', text: 'No two articles share a claim.' }),
  );

  const uniquePart = section(
    'digest-unique',
    'Claims only one article carries',
    null,
    el(
      'ul',
      { class: 'digest-unique' },
      digest.unique.map((u) =>
        el(
          'li',
          { dataset: { doc: String(u.doc), count: String(u.groups.length) } },
          el(
            'details',
            {},
            el('summary', {}, 'Article ', docRef(u.doc), ` ${view.docHeading(u.doc)}: `, el('strong', { text: plural(u.groups.length, 'claim') })),
            el(
              'ul',
              { class: 'unique-claims' },
              u.groups.map((id) => {
                const c = first(groups.get(id));
                return el('li', {}, el('span', { text: c?.sentence?.text ?? id }), ' ', jump(c));
              }),
            ),
          ),
        ),
      ),
    ),
  );

  // articles that share almost no names or claims (the core's measure and sentence): said first
  const apart = digest.apart_note ? el('p', { id: 'apart-notice', class: 'notice apart-notice', role: 'note', dataset: { docs: (digest.apart ?? []).map((a) => a.doc).join(' ') }, text: digest.apart_note }) : null;
  replace(container, el('h2', { id: 'digest-heading', tabindex: '-1', text: 'What differs' }), apart, headlines, conflictPart, rewordedPart, omissionPart, pairPart, uniquePart);
}
