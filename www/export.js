// @ts-check
// Exports of the current analysis, built from the report and the texts it was computed on:
// - JSON: the report itself (`corroborate/report@1`), plus `texts`, the analysed article texts
//   in document order, so that an import can show the texts again;
// - CSV: one row per claim, that is per claim group and article carrying it, with the article's
//   sentence; RFC 4180 quoting (every field quoted, quotes doubled, CRLF between rows), and a
//   leading apostrophe on text that starts with = + - @ (so a spreadsheet never reads a sentence
//   as a formula);
// - Markdown: a short brief (conflicts, each with its kind, whether its values cannot all hold
//   or may all hold and why, and a table of every article's value; rewordings, claims carried
//   by several articles, the most mentioned entities), with Markdown's special characters
//   escaped in article text.
// `download(name, type, text)` saves a string through a Blob URL (no request is made).

import { plural } from './dom.js';
import { CONFLICT_LABEL, holdsLabel, toldIn } from './render/claims.js';

const RELATION_WORD = { agree: 'agree', reworded: 'reworded', conflict: 'conflict', unique: 'unique' };

export function reportJson(view) {
  const texts = view.docs.map((d) => (d.missing ? null : d.text));
  return `${JSON.stringify({ ...view.report, texts }, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'group', 'relation', 'articles_carrying', 'claim', 'article', 'article_name', 'article_title', 'kind',
  'speaker', 'source', 'cue', 'content', 'sentence', 'figures', 'cited', 'reason',
];

/** One CSV field: always quoted, quotes doubled, formula-like text defused. */
export function csvField(value) {
  let s = value == null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export function claimsCsv(view) {
  const rows = [CSV_COLUMNS];
  for (const group of view.report.groups ?? []) {
    for (const id of group.claims ?? []) {
      const c = view.claimById.get(id);
      if (!c) continue;
      const speaker = c.speaker != null ? view.entityById.get(c.speaker)?.name ?? '' : '';
      rows.push([
        group.id,
        group.relation,
        group.docs?.length ?? '',
        c.id,
        c.doc + 1,
        view.docName(c.doc),
        view.docTitle(c.doc),
        c.kind,
        speaker,
        c.source?.text ?? '',
        c.cue?.text ?? '',
        toldIn(group, c) ?? '',
        c.sentence?.text ?? '',
        (c.quantities ?? []).map((q) => q.text).join('; '),
        (c.cited ?? []).map((s) => s.text).join('; '),
        group.reason ?? '',
      ]);
    }
  }
  return `${rows.map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Escapes Markdown syntax in inline text (and folds line breaks into spaces). */
export function mdText(value) {
  return String(value ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([\\`*{}[\]()<>#+!|~])/g, '\\$1')
    // an underscore inside a word (file_name) never starts emphasis; others are escaped
    .replace(/(^|[^\p{L}\p{N}])_|_(?=$|[^\p{L}\p{N}])/gu, (m) => m.replace('_', '\\_'))
    .replace(/^(\d+)\./, '$1\\.')
    .replace(/^-/, '\\-');
}

function articles(view, docs) {
  return (docs ?? []).map((d) => d + 1).join(', ');
}

export function briefMarkdown(view, now = new Date()) {
  const r = view.report;
  const groups = r.groups ?? [];
  const claim = (id) => view.claimById.get(id);
  const who = (c) => (c?.speaker != null ? view.entityById.get(c.speaker)?.name : null) ?? c?.source?.text ?? null;
  const lines = [];
  lines.push('# Corroborate brief', '');
  lines.push(`${view.docs.length} articles compared on ${now.toISOString().slice(0, 10)}: ${(r.entities ?? []).length} entities, ${(r.claims ?? []).length} claims in ${groups.length} groups.`, '');
  lines.push('## Articles', '');
  for (const d of view.docs) lines.push(`- ${d.index + 1} · ${d.outlet ? `${mdText(d.outlet)} — ` : ''}**${mdText(view.docTitle(d.index))}** (${mdText(view.docName(d.index))})`);
  lines.push('');

  const conflicts = groups.filter((g) => g.relation === 'conflict');
  lines.push(`## Conflicts (${plural(conflicts.length, 'claim group')})`, '');
  if (conflicts.length === 0) lines.push('None found.');
  for (const g of conflicts) {
    for (const k of g.conflicts ?? []) {
      const label = CONFLICT_LABEL[k.kind] ?? 'Conflict';
      const note = k.note ? `; ${mdText(k.note)}` : '';
      lines.push(`- **${mdText(label)}**: ${mdText(k.about || '')} (${holdsLabel(k)}${note})`, '');
      lines.push('  | article | value |', '  |---|---|');
      for (const v of k.values ?? []) lines.push(`  | ${mdText(view.docLabel(v.doc))} | ${mdText(v.text)} |`);
      lines.push('');
    }
    if (!(g.conflicts ?? []).length) lines.push(`- ${mdText(g.reason)} (articles ${articles(view, g.docs)})`);
  }
  lines.push('');

  const reworded = groups.filter((g) => g.relation === 'reworded');
  lines.push(`## Reworded (${plural(reworded.length, 'claim group')})`, '');
  if (reworded.length === 0) lines.push('None found.');
  for (const g of reworded) {
    const first = claim(g.claims?.[0]);
    const speaker = who(first);
    lines.push(`- ${mdText(toldIn(g, first) ?? g.reason)}${speaker ? ` (${mdText(speaker)})` : ''}, articles ${articles(view, g.docs)}`);
    for (const diff of g.diffs ?? []) {
      const ops = (diff.ops ?? [])
        .map((op) => (op.op === 'removed' ? `~~${mdText(op.text)}~~` : op.op === 'added' ? `**${mdText(op.text)}**` : mdText(op.text)))
        .join(' ');
      lines.push(`  - article ${(claim(diff.from)?.doc ?? -1) + 1} → ${(claim(diff.to)?.doc ?? -1) + 1}: ${ops}`);
    }
  }
  lines.push('');

  const shared = groups.filter((g) => g.relation === 'agree' && (g.docs?.length ?? 0) > 1);
  lines.push(`## Carried by several articles (${plural(shared.length, 'claim group')})`, '');
  if (shared.length === 0) lines.push('None found.');
  for (const g of shared.slice(0, 50)) {
    const first = claim(g.claims?.[0]);
    const speaker = who(first);
    lines.push(`- ${mdText(toldIn(g, first) ?? '')}${speaker ? ` (${mdText(speaker)})` : ''}, articles ${articles(view, g.docs)}`);
  }
  if (shared.length > 50) lines.push(`- … and ${shared.length - 50} more`);
  lines.push('');

  const unique = groups.filter((g) => g.relation === 'unique').length;
  lines.push(`${unique} claims are carried by one article only.`, '');

  lines.push('## Most mentioned', '');
  for (const e of (r.entities ?? []).slice(0, 15)) {
    lines.push(`- **${mdText(e.name)}** (${mdText(e.type)}): ${e.mentions?.length ?? 0} mentions in ${e.docs?.length ?? 0} articles`);
  }
  if ((r.notes ?? []).length) {
    lines.push('', '## Notes', '');
    for (const n of r.notes) lines.push(`- ${mdText(n)}`);
  }
  lines.push('', `Relations: ${Object.values(RELATION_WORD).join(', ')}. Made with Corroborate; automatic analysis can be wrong, check the articles.`, '');
  return lines.join('\n');
}

/** Saves `text` as a file called `name` (a Blob URL and a download link; no request). */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
