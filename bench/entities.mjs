#!/usr/bin/env node
// Entity benchmark: compromise (npm `compromise`) against Corroborate's tagger on the same
// detokenised CoNLL-2003 texts, scored the same way, in one run.
//
//   node bench/entities.mjs [CONLL_FILE]        (default /work/shared/data/conll2003/test.txt)
//
// The Corroborate side comes from `eval-conll CONLL_FILE --json` (built with
// `cargo build --profile tools --bin eval-conll`; set EVAL_CONLL to use another binary):
// it prints the detokenised texts (exactly as /work/shared/eval/prep_conll.py makes them),
// the CoNLL tokens and gold entities, its own predictions (UTF-16 offsets, end to end through
// `text::prepare`) and its tagging speed. compromise runs here on the same texts:
// people() / places() / organizations() become PER / LOC / ORG. Both are scored with the
// rules of /work/shared/eval/score.py ("norm": trim punctuation, a trailing possessive and a
// leading "the"; exact first token, last token and type). Speeds are tokens per second
// (CoNLL tokens), median of RUNS runs (env RUNS, default 3); compromise's time covers parsing
// and the three extractions.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import nlp from 'compromise';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const conll = process.argv[2] || '/work/shared/data/conll2003/test.txt';
const runs = Number(process.env.RUNS || 3);

function findEvalConll() {
  if (process.env.EVAL_CONLL) return process.env.EVAL_CONLL;
  const targets = [process.env.CARGO_TARGET_DIR, path.join(root, 'target')].filter(Boolean);
  for (const t of targets) {
    const p = path.join(t, 'tools', 'eval-conll');
    if (existsSync(p)) return p;
  }
  throw new Error('eval-conll not found: run `cargo build --profile tools --bin eval-conll` or set EVAL_CONLL');
}

const ours = JSON.parse(
  execFileSync(findEvalConll(), [conll, '--json', '--runs', String(runs)], { maxBuffer: 1 << 30, encoding: 'utf8' }),
);
const docs = ours.docs;
const nTokens = docs.reduce((n, d) => n + d.tokens.length, 0);

// --- scoring, as score.py ---
const TRIM = new Set(' \t\r\n.,;:!?"\'()[]{}\u201c\u201d\u2018\u2019\u00ab\u00bb-\u2013\u2014*');
function normSpan(text, s, e) {
  const trim = (s, e) => {
    while (s < e && TRIM.has(text[s])) s++;
    while (e > s && TRIM.has(text[e - 1])) e--;
    return [s, e];
  };
  [s, e] = trim(s, e);
  const t = text.slice(s, e);
  if (t.endsWith("'s") || t.endsWith("'S") || t.endsWith('\u2019s')) [s, e] = trim(s, e - 2);
  if (text.slice(s, e).toLowerCase().startsWith('the ')) [s, e] = trim(s + 4, e);
  return [s, e];
}
function toTokens(tokens, s, e) {
  if (s >= e) return null;
  let i = 0;
  while (i < tokens.length && tokens[i][1] <= s) i++;
  let j = -1;
  while (j + 1 < tokens.length && tokens[j + 1][0] < e) j++;
  if (i > j || i >= tokens.length) return null;
  return [i, j];
}
function score(predsPerDoc) {
  const gold = new Set();
  const pred = new Set();
  docs.forEach((d, k) => {
    for (const [a, b, t] of d.gold) gold.add(`${k}|${a}|${b}|${t}`);
    for (const [s0, e0, t] of predsPerDoc[k]) {
      const [s, e] = normSpan(d.text, s0, e0);
      const ij = toTokens(d.tokens, s, e);
      if (ij) pred.add(`${k}|${ij[0]}|${ij[1]}|${t}`);
    }
  });
  const out = {};
  for (const [name, want] of [['PER', ['PER']], ['LOC', ['LOC']], ['ORG', ['ORG']], ['MISC', ['MISC']], ['PER+LOC+ORG', ['PER', 'LOC', 'ORG']]]) {
    const ok = (x) => want.includes(x.split('|')[3]);
    const g = [...gold].filter(ok);
    const p = [...pred].filter(ok);
    const tp = p.filter((x) => gold.has(x)).length;
    const P = p.length ? tp / p.length : 0;
    const R = g.length ? tp / g.length : 0;
    out[name] = { p: P, r: R, f: P + R ? (2 * P * R) / (P + R) : 0, tp, npred: p.length, ngold: g.length };
  }
  return out;
}

// --- compromise ---
function compromiseDoc(text) {
  const doc = nlp(text);
  const out = [];
  for (const [fn, type] of [['people', 'PER'], ['places', 'LOC'], ['organizations', 'ORG']]) {
    for (const m of doc[fn]().json({ offset: true })) {
      out.push([m.offset.start, m.offset.start + m.offset.length, type]);
    }
  }
  return out;
}
const times = [];
let theirs = [];
for (let r = 0; r < runs; r++) {
  const t0 = process.hrtime.bigint();
  theirs = docs.map((d) => compromiseDoc(d.text));
  times.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
times.sort((a, b) => a - b);
const theirSpeed = nTokens / times[Math.floor(times.length / 2)];

const rows = [
  ['corroborate', score(docs.map((d) => d.preds)), ours.tokens_per_s],
  [`compromise ${nlp.version}`, score(theirs), theirSpeed],
];
console.log(`${conll}: ${docs.length} documents, ${nTokens} CoNLL tokens; norm scoring (score.py rules)`);
const head = ['system', 'PER F1', 'LOC F1', 'ORG F1', 'MISC F1', 'PLO P', 'PLO R', 'PLO F1', 'tokens/s'];
const widths = [20, 7, 7, 7, 8, 7, 7, 7, 10];
const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' ');
console.log(line(head));
for (const [name, s, speed] of rows) {
  const pct = (v) => (v * 100).toFixed(1);
  const plo = s['PER+LOC+ORG'];
  console.log(line([name, pct(s.PER.f), pct(s.LOC.f), pct(s.ORG.f), pct(s.MISC.f), pct(plo.p), pct(plo.r), pct(plo.f), Math.round(speed)]));
}
console.log('(PLO = PER+LOC+ORG; compromise has no MISC type)');
