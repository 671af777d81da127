// Conflict rows on the page: each conflict's kind, whether its values cannot all hold or may
// all hold (with the report's note), and every article's value side by side. Uses the two
// tellings of an invented event in tests/fixtures/factory-fire (not the sample articles).
import { readFileSync } from 'node:fs';
import { dropFiles, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const FIXTURE = new URL('../fixtures/factory-fire/', import.meta.url);
const read = (name) => readFileSync(new URL(name, FIXTURE), 'utf8');

test('conflicts show their kind, may/cannot all hold and the values side by side', async ({ page }) => {
  await openDemo(page);
  await dropFiles(page, [
    { name: 'fire-a.txt', type: 'text/plain', text: read('a.txt') },
    { name: 'fire-b.txt', type: 'text/plain', text: read('b.txt') },
  ]);
  await waitAnalysed(page);
  // Seven articles: the list layout (one block per group); conflicts are the same in both.
  const conflicts = page.locator('#claims');
  // Two lower bounds for the dead: a conflict whose values may all hold, with why.
  const range = conflicts.locator('.conflict.may-hold').filter({ hasText: 'At least 19 workers' });
  await expect(range).toHaveCount(1);
  await expect(range.locator('.conflict-head')).toContainText('Figures that differ but may all hold');
  await expect(range.locator('.conflict-holds')).toHaveText('(may all hold)');
  await expect(range.locator('.conflict-note')).toContainText('lower bounds');
  // every value the report gives for this conflict, in its order (the core decides how many:
  // a headline and the body sentence of one article may both take part)
  const report = await page.evaluate(async (list) => {
    const mod = await import('./pkg/corroborate.js');
    await mod.default();
    const demo = await (await fetch('pkg/demo.json')).json();
    return JSON.parse(mod.analyzeJson(JSON.stringify([...demo.map(({ name, text }) => ({ name, text })), ...list])));
  }, [
    { name: 'fire-a.txt', text: read('a.txt') },
    { name: 'fire-b.txt', text: read('b.txt') },
  ]);
  const rangeValues = report.groups.flatMap((g) => g.conflicts).find((k) => k.kind === 'range' && k.values.some((v) => v.text === 'At least 19 workers')).values;
  expect(new Set(rangeValues.map((v) => v.doc)).size).toBe(2);
  await expect(range.locator('.conflict-values li:not(.versus) .value')).toHaveText(rangeValues.map((v) => v.text));
  await expect(range.locator('.conflict-values')).toContainText('at least 14 workers');
  // The missing: values that cannot both hold, side by side, one per article.
  const missing = conflicts.locator('.conflict.cannot-hold').filter({ hasText: 'Twelve workers' });
  await expect(missing).toHaveCount(1);
  await expect(missing.locator('.conflict-head')).toContainText('Figures that cannot all hold');
  await expect(missing.locator('.conflict-holds')).toHaveText('(cannot all hold)');
  await expect(missing.locator('.conflict-values li:not(.versus)')).toHaveCount(2);
  await expect(missing.locator('.conflict-values')).toContainText('Seven workers');
  // A different clock time inside the workers' group.
  await expect(conflicts.locator('.conflict-time .conflict-values')).toContainText('around 10 p.m.');
});
