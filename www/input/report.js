// @ts-check
// Reads a saved report back (File → report), checking it is one before anything renders it:
// valid JSON, `schema` equal to `corroborate/report@1`, and the shape the render modules rely
// on (arrays where arrays are expected, claims pointing at existing documents, entities and
// claims with ids). The first problem found becomes the message, naming the file.
//
// A report exported from the page also carries `texts` (the analysed article texts, in
// document order); a report printed by the command-line tool does not, and then the page shows
// the analysis without the full texts.

export const SCHEMA = 'corroborate/report@1';
export const MAX_REPORT_BYTES = 50 * 1024 * 1024;

const isObject = (v) => v != null && typeof v === 'object' && !Array.isArray(v);
const isIndex = (v, n) => Number.isInteger(v) && v >= 0 && v < n;
const isSpan = (v) => isObject(v) && Number.isInteger(v.start) && Number.isInteger(v.end) && v.start <= v.end;

/** The first shape problem of `report`, or null. */
export function reportProblem(report) {
  if (!isObject(report)) return 'is not a JSON object';
  if (typeof report.schema !== 'string') return `has no "schema" key: it is not a Corroborate report (expected "${SCHEMA}")`;
  if (report.schema !== SCHEMA) return `has schema "${report.schema.slice(0, 60)}", but this page reads "${SCHEMA}"`;
  for (const key of ['documents', 'entities', 'claims', 'groups']) {
    if (!Array.isArray(report[key])) return `has no "${key}" list`;
  }
  for (const key of ['pairs', 'notes']) {
    if (report[key] != null && !Array.isArray(report[key])) return `has a "${key}" that is not a list`;
  }
  const n = report.documents.length;
  if (n === 0) return 'has no documents';
  for (const [i, d] of report.documents.entries()) {
    if (!isObject(d) || typeof d.name !== 'string') return `documents[${i}] has no name`;
    if (d.boilerplate != null && (!Array.isArray(d.boilerplate) || !d.boilerplate.every(isSpan))) return `documents[${i}] has a bad "boilerplate" list`;
  }
  for (const [i, e] of report.entities.entries()) {
    if (!isObject(e) || typeof e.id !== 'string' || typeof e.name !== 'string') return `entities[${i}] has no id or name`;
    if (!Array.isArray(e.mentions) || !e.mentions.every((m) => isSpan(m) && isIndex(m.doc, n))) return `entities[${i}] has a bad "mentions" list`;
    if (e.docs != null && (!Array.isArray(e.docs) || !e.docs.every((d) => isIndex(d, n)))) return `entities[${i}] has a bad "docs" list`;
  }
  for (const [i, c] of report.claims.entries()) {
    if (!isObject(c) || typeof c.id !== 'string') return `claims[${i}] has no id`;
    if (!isIndex(c.doc, n)) return `claims[${i}] points at a document that is not there`;
    if (!isSpan(c.sentence) || !isSpan(c.content)) return `claims[${i}] has a bad sentence or content span`;
  }
  for (const [i, g] of report.groups.entries()) {
    if (!isObject(g) || typeof g.id !== 'string' || !Array.isArray(g.claims) || typeof g.relation !== 'string') return `groups[${i}] has no id, claims or relation`;
    if (g.docs != null && (!Array.isArray(g.docs) || !g.docs.every((d) => isIndex(d, n)))) return `groups[${i}] has a bad "docs" list`;
  }
  return null;
}

/**
 * Reads one File. Resolves (never rejects) with `{ok: true, report, texts}` (`texts`: one
 * string or null per document) or `{ok: false, message}` (the message starts with the name).
 */
export async function readReportFile(file) {
  const name = file.name || 'unnamed file';
  const fail = (why) => ({ ok: false, message: `${name}: ${why}` });
  if (file.size > MAX_REPORT_BYTES) return fail('is too large for a report (the limit is 50 MB)');
  let report;
  try {
    report = JSON.parse(await file.text());
  } catch (err) {
    return fail(`is not valid JSON (${err.message})`);
  }
  const problem = reportProblem(report);
  if (problem) return fail(`cannot be imported: it ${problem}.`);
  const texts = report.documents.map((d, i) => {
    const t = Array.isArray(report.texts) ? report.texts[i] : null;
    // a text is only used when it is the one the offsets were computed on
    return typeof t === 'string' && (d.length == null || d.length === t.length) ? t : null;
  });
  return { ok: true, report, texts };
}
