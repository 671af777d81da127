// A hundred articles at once (hundred.js: the five samples, twenty edited copies of each) are
// all analysed and shown, and the page stays usable: one list entry and one text block per
// article, texts filled only when shown, the claim table (the one-column layout) holding its
// first page only, and the relation, kind, article and entity filters giving exactly the
// groups the report says they should (checked against the exported JSON report). No timing is
// measured here (that is the benchmark, `npm run bench:page`); any console error fails the test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, OUTPUT, test } from './fixtures.js';
import { dropArticles, hundredArticles } from './hundred.js';

test.setTimeout(240_000);

/** What app/table.js draws per page of the table: a page ends after the group that passes 250 claims,
 * and a group shows at most 8 versions until asked for more (render/claims.js). */
const PAGE_CLAIMS = 250;
const FIRST_VERSIONS = 8;

/** The number of groups the table says it holds (its "Showing n of N" line, else its rows). */
async function tableTotal(page) {
  if (await page.locator('#claims-more').isVisible()) {
    const text = await page.locator('#claims-count').textContent();
    return Number(text.match(/of ([\d,]+) claim group/)[1].replace(/,/g, ''));
  }
  if (await page.locator('#claims p.empty').isVisible()) return 0;
  return page.locator('#claims .group').count();
}

/** The groups of `report` a filter keeps (the rule render/claims.js `orderGroups` states). */
function expected(report, { relations = null, kind = '', article = null, entity = '' }) {
  const claims = new Map(report.claims.map((c) => [c.id, c]));
  const mentioning = new Set();
  if (entity) {
    const e = report.entities.find((x) => x.id === entity);
    for (const c of report.claims) {
      if (c.speaker === entity || e.mentions.some((m) => m.doc === c.doc && m.start < c.sentence.end && m.end > c.sentence.start)) mentioning.add(c.id);
    }
  }
  return report.groups.filter((g) => {
    const cs = g.claims.map((id) => claims.get(id));
    if (relations && !relations.includes(g.relation)) return false;
    if (article != null && !g.docs.includes(article)) return false;
    if (kind && !cs.some((c) => c.kind === kind)) return false;
    if (entity && !cs.some((c) => mentioning.has(c.id))) return false;
    return true;
  }).length;
}

test('100 articles are all analysed and shown; the claim table is paged and its filters work', async ({ page }) => {
  await page.goto('index.html');
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');

  const articles = hundredArticles();
  expect(articles).toHaveLength(100);
  await dropArticles(page, articles);
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(100);
  await expect(page.locator('body')).toHaveAttribute('data-state', /^(ready|error)$/, { timeout: 200_000 });
  await expect(page.locator('body'), await page.locator('#status').textContent()).toHaveAttribute('data-state', 'ready');
  await expect(page.locator('#status')).toContainText('Analysed 100 articles');
  await expect(page.locator('#messages li.message')).toHaveCount(0);

  // every article: its list entry (named, titled by the analysis) and its text block
  const items = page.locator('#article-list > li.article-item');
  await expect(items.nth(99).locator('input')).toHaveValue('copy20-seed5.txt');
  await expect(items.locator('.article-title .pending')).toHaveCount(0);
  await expect(items.nth(57).locator('input')).toHaveValue('copy12-seed3.txt');
  await expect(items.nth(57).locator('.article-title')).toContainText('Russia calls for an end to hostilities (edition');
  const blocks = page.locator('#texts details.doc-text-block');
  await expect(blocks).toHaveCount(100);
  await expect(blocks.nth(99).locator('summary .doc-num')).toHaveText('100');
  await expect(blocks.nth(99).locator('summary')).toContainText('Nikol Pashinyan');
  // texts are filled when shown, not all at once; opening one fills it
  expect(await page.locator('#texts details[data-filled="true"]').count()).toBeLessThan(100);
  await blocks.nth(57).locator('summary').click();
  await expect(blocks.nth(57).locator('.doc-text')).toContainText('Russia called on Armenia and Azerbaijan');

  // the report behind the page (the JSON export), to check the table and the filters against
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(report.documents).toHaveLength(100);
  expect(report.texts).toHaveLength(100);
  const groups = report.groups.length;
  expect(report.claims.length).toBeGreaterThan(1000);
  await expect(page.locator('#status')).toContainText(`${report.claims.length} claims in ${groups} groups`);

  // one-source groups are folded at first; shown, the table counts every group
  const folded = report.groups.filter((g) => g.relation !== 'unique').length;
  await expect(page.locator('#claims [role="table"]')).toHaveAttribute('aria-rowcount', String(folded + 1));
  await page.locator('#claim-filters input[value="unique"]').check();

  // the claim table: the one-column layout, all groups counted, only the first page drawn
  const table = page.locator('#claims [role="table"]');
  await expect(table).toHaveClass(/layout-list/);
  await expect(table).toHaveAttribute('aria-rowcount', String(groups + 1));
  await expect(page.locator('#claims-more')).toBeVisible();
  await expect.poll(() => tableTotal(page)).toBe(groups);
  const drawnGroups = await page.locator('#claims .group').count();
  const drawnClaims = await page.locator('#claims .claim').count();
  expect(drawnGroups).toBeGreaterThan(0);
  expect(drawnGroups).toBeLessThan(groups);
  expect(drawnClaims).toBeLessThanOrEqual(PAGE_CLAIMS + FIRST_VERSIONS);
  // the most widely carried claim comes first and names its hundred articles' count
  await expect(page.locator('#claims .group').first().locator('.carried')).toHaveText(`in ${report.groups[0].docs.length} articles`);
  await page.locator('#claims-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'hundred-articles-table.png') });

  // filters, each checked against the report
  await page.locator('#claim-filters input[value="unique"]').uncheck();
  await expect.poll(() => tableTotal(page)).toBe(expected(report, { relations: ['agree', 'reworded', 'conflict'] }));
  expect(await page.locator('#claims .group').evaluateAll((gs) => gs.every((g) => g.dataset.relation !== 'unique'))).toBe(true);
  await page.locator('#claim-filters input[value="unique"]').check();
  await expect.poll(() => tableTotal(page)).toBe(groups);

  await page.getByLabel('Kind').selectOption('quote');
  const quotes = expected(report, { kind: 'quote' });
  expect(quotes).toBeGreaterThan(0);
  expect(quotes).toBeLessThan(groups);
  await expect.poll(() => tableTotal(page)).toBe(quotes);
  await page.getByLabel('Kind').selectOption('');

  await page.getByLabel('Article', { exact: true }).selectOption('56');
  const in57 = expected(report, { article: 56 });
  expect(in57).toBeGreaterThan(0);
  await expect.poll(() => tableTotal(page)).toBe(in57);
  await page.getByLabel('Kind').selectOption('numeric');
  await expect.poll(() => tableTotal(page)).toBe(expected(report, { article: 56, kind: 'numeric' }));
  await page.getByLabel('Kind').selectOption('');
  await page.getByLabel('Article', { exact: true }).selectOption('');

  const entity = page.getByLabel('Entity', { exact: true });
  const pashinyan = await entity.locator('option', { hasText: /^Nikol Pashinyan/ }).getAttribute('value');
  await entity.selectOption(pashinyan);
  const named = expected(report, { entity: pashinyan });
  expect(named).toBeGreaterThan(0);
  expect(named).toBeLessThan(groups);
  await expect.poll(() => tableTotal(page)).toBe(named);
  await entity.selectOption('');
  await expect.poll(() => tableTotal(page)).toBe(groups);

  // sorting by fewest articles puts single-article claims first
  await page.getByLabel('Sort').selectOption('fewest');
  await expect(page.locator('#claims .group').first().locator('.carried')).toHaveText('in 1 article');
});
