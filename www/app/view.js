// @ts-check
// The view of a report: the report plus what the render modules need to read it (the exact
// texts analysed, lookups by id, mentions and claims by article, article labels). Pure: no DOM
// and no app state, so it is the part of the controller that can be reasoned about alone.

/** @import { Edit, Report } from '../../types/report.js' */

/** Articles up to which every text is rendered at once; past it, texts render when shown. */
export const EAGER_TEXTS = 12;

/** Claims past which an analysis counts as large even with few articles. */
const LARGE_CLAIMS = 600;

/**
 * The report plus what the render modules need to read it: the exact texts that were analysed
 * (offsets point into them), lookups by id, mentions and claims by document, and labels for
 * article numbers.
 * @param {Report} report
 * @param {Array<{id?: number, name: string, text: string, missing?: boolean}>} snapshot the articles analysed, in order
 * @param {Edit[]} [edits]
 * @param {(id: number | undefined, fallback: string) => string} [currentName] an article's name as the reader has it now
 */
export function makeView(report, snapshot, edits = [], currentName = (id, fallback) => fallback) {
  const mergedNames = new Set(edits.flatMap((e) => ('merge' in e ? e.merge : [])));
  const docs = (report.documents ?? []).map((d, i) => ({
    index: i,
    id: snapshot[i]?.id,
    name: snapshot[i]?.name ?? d.name,
    text: snapshot[i]?.text ?? '',
    missing: Boolean(snapshot[i]?.missing),
    title: d.title,
    outlet: d.outlet?.text ?? null,
    boilerplate: d.boilerplate ?? [],
  }));
  const mentionsByDoc = docs.map(() => []);
  for (const e of report.entities ?? []) {
    (e.mentions ?? []).forEach((m, i) => {
      const doc = docs[m.doc];
      if (!doc || m.end <= m.start || m.end > doc.text.length || (m.text != null && doc.text.slice(m.start, m.end) !== m.text)) return;
      mentionsByDoc[m.doc].push({ start: m.start, end: m.end, entity: e.id, i, type: e.type, name: e.name });
    });
  }
  for (const list of mentionsByDoc) list.sort((a, b) => a.start - b.start || b.end - a.end);
  const claimsByDoc = docs.map(() => []);
  for (const c of report.claims ?? []) claimsByDoc[c.doc]?.push(c);
  let mentioning = null;
  const view = {
    report,
    docs,
    mentionsByDoc,
    claimsByDoc,
    entityById: new Map((report.entities ?? []).map((e) => [e.id, e])),
    claimById: new Map((report.claims ?? []).map((c) => [c.id, c])),
    docShort: (i) => String(i + 1),
    docName: (i) => currentName(docs[i]?.id, docs[i]?.name ?? `article ${i + 1}`),
    docTitle: (i) => docs[i]?.title || view.docName(i),
    /** How the article is named: the outlet its dateline or byline credits (from the core), then its headline. */
    docHeading: (i) => (docs[i]?.outlet ? `${docs[i].outlet} — ${view.docTitle(i)}` : view.docTitle(i)),
    /** Numbered, as the core's explanations name it: "2 · Reuters — Headline". */
    docLabel: (i) => `${i + 1} · ${view.docHeading(i)}`,
    /** For tooltips: the label and the file name. */
    docTip: (i) => `${view.docLabel(i)} (${view.docName(i)})`,
    /** True when one of the reader's merges made this entity. */
    merged: (e) => mergedNames.has(e.name) || (e.aliases ?? []).some((a) => mergedNames.has(a)),
    /** The entity's mentions that are drawn in the texts, in article then text order. */
    mentionsOf(entityId) {
      return mentionsByDoc.flatMap((list, doc) => list.filter((m) => m.entity === entityId).map((m) => ({ ...m, doc })));
    },
    /** Ids of the claims whose speaker is the entity or whose sentence mentions it. */
    claimsMentioning(entityId) {
      mentioning ??= new Map();
      if (!mentioning.has(entityId)) {
        const ids = new Set();
        for (const c of report.claims ?? []) {
          if (c.speaker === entityId) ids.add(c.id);
          else if ((mentionsByDoc[c.doc] ?? []).some((m) => m.entity === entityId && m.start < c.sentence.end && m.end > c.sentence.start)) ids.add(c.id);
        }
        mentioning.set(entityId, ids);
      }
      return mentioning.get(entityId);
    },
  };
  return view;
}

/** After a new analysis, the entity with the same name and type as the old selection, if any. */
export function findSame(view, entity) {
  return (view.report.entities ?? []).find((e) => e.name === entity.name && e.type === entity.type)?.id ?? null;
}

/** Large enough that rendering waits for painted frames (see schedule.js). */
export function isLarge(view) {
  return view.docs.length > EAGER_TEXTS || (view.report.claims?.length ?? 0) > LARGE_CLAIMS;
}
