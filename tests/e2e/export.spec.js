// Exports checked by content (Playwright's download event): the JSON report, the claim table as
// CSV (one row per claim, proper quoting), the Markdown brief; and a report imported back,
// with clear messages for files that are not reports.
import { readFileSync } from 'node:fs';
import { csvField, mdText } from '../../www/export.js';
import { expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';

/** RFC 4180 parser (quoted fields, doubled quotes, CRLF or LF), written for this test. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

async function download(page, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

const COMMA_QUOTE = [
  'Council approves "green" budget, with cuts',
  '',
  'The council said on Tuesday that the budget, worth 12 million euros, was "fair, balanced and green".',
  '',
  '"We listened," the mayor told reporters, "and we cut where it hurt least."',
].join('\n');

test('JSON, CSV and Markdown exports carry the analysis', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(COMMA_QUOTE);
  await page.getByLabel('Name (optional)').fill('budget, "draft".txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);

  const json = await download(page, 'Report (JSON)');
  expect(json.name).toMatch(/^corroborate-report-\d{4}-\d{2}-\d{2}\.json$/);
  const data = JSON.parse(json.text);
  expect(data.schema).toBe('corroborate/report@1');
  expect(data.documents).toHaveLength(6);
  expect(data.texts).toHaveLength(6);
  expect(data.texts[5]).toBe(COMMA_QUOTE);
  // every claim's sentence slices back out of the exported texts
  for (const c of data.claims) expect(data.texts[c.doc].slice(c.sentence.start, c.sentence.end)).toBe(c.sentence.text);

  const csv = await download(page, 'Claim table (CSV)');
  expect(csv.name).toMatch(/\.csv$/);
  expect(csv.text).toContain('\r\n');
  const rows = parseCsv(csv.text);
  const [header, ...body] = rows;
  expect(header.slice(0, 5)).toEqual(['group', 'relation', 'articles_carrying', 'claim', 'article']);
  // one row per group and claim: a claim told in several pieces may sit in several groups
  expect(body).toHaveLength(data.groups.reduce((n, g) => n + g.claims.length, 0));
  for (const r of body) expect(r).toHaveLength(header.length);
  const col = (name) => header.indexOf(name);
  // the claims of the pasted article keep their commas, quotes and the article's name intact
  const ours = body.filter((r) => r[col('article')] === '6');
  expect(ours.length).toBeGreaterThan(0);
  expect(ours.every((r) => r[col('article_name')] === 'budget, "draft".txt')).toBe(true);
  const byId = new Map(data.claims.map((c) => [c.id, c]));
  for (const r of ours) expect(r[col('sentence')]).toBe(byId.get(r[col('claim')]).sentence.text);
  expect(ours.some((r) => r[col('sentence')].includes('"fair, balanced and green"'))).toBe(true);
  // groups and relations match the report
  const groupById = new Map(data.groups.map((g) => [g.id, g]));
  for (const r of body) {
    const g = groupById.get(r[col('group')]);
    expect(g.claims).toContain(r[col('claim')]);
    expect(r[col('relation')]).toBe(g.relation);
  }
  expect(new Set(body.map((r) => `${r[col('group')]} ${r[col('claim')]}`)).size).toBe(body.length);

  const md = await download(page, 'Brief (Markdown)');
  expect(md.name).toMatch(/\.md$/);
  expect(md.text).toMatch(/^# Corroborate brief\n/);
  expect(md.text).toContain('6 articles compared');
  expect(md.text).toMatch(/## Conflicts \(\d+ claim groups?\)/);
  expect(md.text).toContain('## Most mentioned');
  expect(md.text).toContain('budget, "draft"');
});

test('an exported report imports back; bad files get a clear message', async ({ page }) => {
  await openDemo(page);
  const json = await download(page, 'Report (JSON)');
  const data = JSON.parse(json.text);
  const importer = page.getByLabel('Import a saved report (.json)');
  const messages = page.locator('#messages li.message');

  for (const [name, body, expected] of [
    ['notes.json', '{"schema": "corroborate/report@1", ', 'is not valid JSON'],
    ['other.json', JSON.stringify({ schema: 'something/else@2', documents: [] }), 'has schema "something/else@2", but this page reads "corroborate/report@1"'],
    ['array.json', '[1, 2, 3]', 'it is not a JSON object'],
    ['broken.json', JSON.stringify({ ...data, claims: [{ id: 'c0', doc: 99, sentence: {}, content: {} }] }), 'claims[0] points at a document that is not there'],
  ]) {
    await importer.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(body) });
    await expect(messages).toHaveCount(1);
    await expect(messages).toContainText(`${name}:`);
    await expect(messages).toContainText(expected);
  }
  // nothing was replaced by the bad files
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);

  // the good file: same documents, entities and claim groups, texts back, no new analysis
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  await importer.setInputFiles({ name: 'saved.json', mimeType: 'application/json', buffer: Buffer.from(json.text) });
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Imported saved.json: 5 articles');
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
  await expect(page.locator('#chips button.chip')).toHaveCount(data.entities.length);
  // one-source rows are folded at first (a count per article above the table)
  await expect(page.locator('#claims tbody.group')).toHaveCount(data.groups.filter((g) => g.relation !== 'unique').length);
  await page.locator('#unique-note').getByRole('button', { name: 'Show them' }).click();
  await expect(page.locator('#claims tbody.group')).toHaveCount(data.groups.length);
  await expect(page.locator('#texts details[data-doc="0"] .doc-text')).toHaveText(data.texts[0]);

  // a report without texts (as the command-line tool prints it) still shows its claims
  const bare = { ...data };
  delete bare.texts;
  await importer.setInputFiles({ name: 'cli.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bare)) });
  await page.getByRole('dialog', { name: 'Replace the loaded articles?' }).getByRole('button', { name: 'Replace' }).click();
  await expect(page.locator('#status')).toContainText('Imported cli.json');
  await expect(messages.filter({ hasText: 'cli.json has no text for 5 articles' })).toHaveCount(1);
  await expect(page.locator('#claims tbody.group')).toHaveCount(data.groups.length);
  await expect(page.locator('#texts details[data-doc="0"] .doc-text')).toContainText('not in the imported report');
});

test('CSV fields and Markdown text are escaped (table, no browser)', () => {
  const csv = [
    ['plain', '"plain"'],
    ['he said "hi", then left', '"he said ""hi"", then left"'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1:A9)', `"'=SUM(A1:A9)"`],
    ['-5 degrees', `"'-5 degrees"`],
    ['@cmd', `"'@cmd"`],
    [null, '""'],
    [42, '"42"'],
  ];
  expect(csv.filter(([input, want]) => csvField(input) !== want)).toEqual([]);
  const md = [
    ['000_76fbd4d3.txt', '000_76fbd4d3.txt'],
    ['_emphasis_ and *bold*', '\\_emphasis\\_ and \\*bold\\*'],
    ['[link](http://x)', '\\[link\\]\\(http://x\\)'],
    ['1. not a list', '1\\. not a list'],
    ['- not a bullet', '\\- not a bullet'],
    ['line\nbreak  and   spaces', 'line break and spaces'],
    ['<b>html</b> # | ~', '\\<b\\>html\\</b\\> \\# \\| \\~'],
  ];
  expect(md.filter(([input, want]) => mdText(input) !== want).map(([i, w]) => [i, mdText(i), w])).toEqual([]);
});
