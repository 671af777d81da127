// Reading the analysis: pointing at or focusing a claim outlines its sentences in every article,
// "Show in text" goes there (by mouse or keyboard); a chip previews its mentions; the articles
// show one below the other, one at a time or side by side; the claim table sorts and filters
// by relation, kind, article and entity; a legend explains the colours and marks.
import path from 'node:path';
import { chip, expect, openDemo, OUTPUT, test } from './fixtures.js';

const PESKOV = 'It is difficult to overestimate the role of the Russian Federation';


test('claims outline their sentences in every article and jump there; chips preview mentions', async ({ page }) => {
  await openDemo(page);
  const row = page.locator('#claims tbody.group').filter({ hasText: PESKOV }).first();
  const claimIds = await row.locator('.claim').evaluateAll((cs) => cs.map((c) => c.dataset.claim));
  const docs = await row.locator('.claim').evaluateAll((cs) => [...new Set(cs.map((c) => c.dataset.doc))].sort());
  expect(docs.length).toBeGreaterThanOrEqual(2);

  // pointing at one claim outlines the sentences of the whole group, in each article carrying it
  await row.locator('.claim').first().hover();
  const outlined = page.locator('#texts .sent.hl');
  await expect(outlined.first()).toBeAttached();
  const outlinedDocs = await outlined.evaluateAll((ns) => [...new Set(ns.map((n) => n.closest('details').dataset.doc))].sort());
  expect(outlinedDocs).toEqual(docs);
  const tokens = await outlined.evaluateAll((ns) => ns.map((n) => n.dataset.s.split(' ')));
  for (const t of tokens) expect(t.some((id) => claimIds.includes(id))).toBe(true);
  // moving away clears it
  await page.locator('#claims-heading').hover();
  await expect(outlined).toHaveCount(0);

  // keyboard: focusing the claim's button outlines too; Enter goes to the sentence and focuses it
  const button = row.locator('.claim').last().getByRole('button', { name: /^Show in text/ });
  await button.focus();
  await expect(outlined.first()).toBeAttached();
  await page.keyboard.press('Enter');
  const target = page.locator('#texts .sent.pinned').first();
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  await expect(target).toHaveCSS('outline-style', 'solid'); // visible focus
  const lastDoc = await row.locator('.claim').last().getAttribute('data-doc');
  expect(await target.evaluate((n) => n.closest('details').dataset.doc)).toBe(lastDoc);
  await expect(page.locator(`#texts details[data-doc="${lastDoc}"]`)).toHaveAttribute('open', '');

  // a chip previews its mentions while pointed at, without selecting it
  const putin = chip(page, 'Vladimir Putin');
  const count = Number((await putin.locator('.chip-count').textContent()).match(/\d+/)[0]);
  await putin.hover();
  const previewed = page.locator('#texts mark.ment.preview');
  await expect(previewed.first()).toBeAttached();
  expect(await previewed.evaluateAll((ms) => new Set(ms.map((m) => m.dataset.m)).size)).toBe(count);
  await expect(putin).toHaveAttribute('aria-pressed', 'false');
  await page.locator('#claims-heading').hover();
  await expect(previewed).toHaveCount(0);

  // the legend explains relations, marks and entity types
  await page.getByText('How to read the colours and marks').click();
  const legend = page.locator('#legend');
  for (const words of ['Conflict', 'the words that are claimed', 'a figure', 'mentions of the highlighted entity', 'left out of the analysis', 'People', 'Places']) {
    await expect(legend).toContainText(words);
  }
});

test('articles show one below the other, one at a time or side by side', async ({ page }) => {
  await openDemo(page);
  const blocks = page.locator('#texts details.doc-text-block');
  await expect(blocks).toHaveCount(5);

  await page.getByRole('radio', { name: 'one at a time' }).check();
  await expect(blocks.locator('visible=true')).toHaveCount(1);
  await expect(page.locator('#texts details[data-doc="0"]')).toBeVisible();
  await page.getByRole('button', { name: 'Next article' }).click();
  await expect(page.locator('#texts details[data-doc="1"]')).toBeVisible();
  await expect(page.locator('#texts details[data-doc="0"]')).toBeHidden();
  await page.getByLabel('Article shown').selectOption('3');
  await expect(page.locator('#texts details[data-doc="3"] .doc-text')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next article' })).toBeEnabled();
  // "Show in text" for a claim of another article switches the view to that article
  const claim = page.locator('#claims .claim[data-doc="0"]').first();
  await claim.getByRole('button', { name: /^Show in text/ }).click();
  await expect(page.locator('#texts details[data-doc="0"]')).toBeVisible();
  await expect(page.locator('#texts details[data-doc="3"]')).toBeHidden();
  await expect(page.getByLabel('Article shown')).toHaveValue('0');

  await page.getByRole('radio', { name: 'side by side' }).check();
  await expect(blocks.locator('visible=true')).toHaveCount(5);
  const a = await page.locator('#texts details[data-doc="0"]').boundingBox();
  const b = await page.locator('#texts details[data-doc="1"]').boundingBox();
  expect(b.x).toBeGreaterThan(a.x + a.width - 1);
  expect(Math.abs(b.y - a.y)).toBeLessThan(2);
  await chip(page, 'Nikol Pashinyan').click();
  await page.locator('#texts-section').scrollIntoViewIfNeeded();
  await page.locator('#texts-section').screenshot({ path: path.join(OUTPUT, 'screenshots', 'side-by-side.png') });

  await page.getByRole('radio', { name: 'one below the other' }).check();
  const c = await page.locator('#texts details[data-doc="1"]').boundingBox();
  expect(c.y).toBeGreaterThan(a.y);
});

test('the claim table sorts and filters by relation, kind, article and entity', async ({ page }) => {
  await openDemo(page);
  const groups = page.locator('#claims tbody.group');
  const total = await groups.count();
  expect(total).toBeGreaterThan(20);
  const relations = () => groups.evaluateAll((bs) => bs.map((b) => b.dataset.relation));

  // conflicts and rewordings first
  await page.getByLabel('Sort').selectOption('conflict');
  const rank = { conflict: 0, reworded: 1, agree: 2, unique: 3 };
  const sorted = (await relations()).map((r) => rank[r]);
  expect(sorted).toEqual([...sorted].sort((x, y) => x - y));
  expect(sorted[0]).toBe(0);
  // least widely carried first
  await page.getByLabel('Sort').selectOption('fewest');
  const carried = await groups.locator('.carried').allTextContents();
  const n = carried.map((t) => Number(t.match(/\d+/)[0]));
  expect(n).toEqual([...n].sort((x, y) => x - y));
  await page.getByLabel('Sort').selectOption('carried');

  // kind: only groups with a quote
  await page.getByLabel('Kind').selectOption('quote');
  const quoteGroups = await groups.count();
  expect(quoteGroups).toBeGreaterThan(0);
  expect(quoteGroups).toBeLessThan(total);
  expect(await groups.evaluateAll((bs) => bs.every((b) => b.querySelector('.claim[data-kind="quote"]')))).toBe(true);
  // article: only groups carried by article 3, and fewer still with both filters
  await page.getByLabel('Kind').selectOption('');
  await page.getByLabel('Article', { exact: true }).selectOption('2');
  expect(await groups.evaluateAll((bs) => bs.every((b) => b.querySelector('.claim[data-doc="2"]')))).toBe(true);
  const inThree = await groups.count();
  expect(inThree).toBeLessThan(total);
  await page.getByLabel('Article', { exact: true }).selectOption('');
  // entity: only groups whose claims name Dmitry Peskov (as speaker or in the sentence)
  const entity = page.getByLabel('Entity', { exact: true });
  const peskov = await entity.locator('option', { hasText: 'Dmitry Peskov' }).getAttribute('value');
  await entity.selectOption(peskov);
  await expect(groups.filter({ hasText: PESKOV }).first()).toBeVisible();
  expect(await groups.evaluateAll((bs) => bs.every((b) => /Peskov|spokesman/i.test(b.textContent)))).toBe(true);
  await entity.selectOption('');
  await expect(groups).toHaveCount(total);
  // relation checkboxes combine with the rest
  await page.locator('#claim-filters input[value="unique"]').uncheck();
  expect(await relations()).not.toContain('unique');
  await page.getByLabel('Kind').selectOption('numeric');
  expect(await groups.evaluateAll((bs) => bs.every((b) => b.dataset.relation !== 'unique' && b.querySelector('.claim[data-kind="numeric"]')))).toBe(true);
});
