// The sample articles load on their own and come out analysed: entity chips, the claim table
// with Dmitry Peskov's quote carried by three articles, highlighting, and a screenshot.
import path from 'node:path';
import { chip, expect, openDemo, OUTPUT, test } from './fixtures.js';

const PESKOV = 'It is difficult to overestimate the role of the Russian Federation';

test('the demo is analysed on load and shows entity chips', async ({ page }) => {
  await openDemo(page);
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
  // every article got a detected title from the report
  await expect(page.locator('#article-list .article-title .pending')).toHaveCount(0);
  await expect(page.locator('#status')).toContainText('Analysed 5 articles');

  for (const name of ['Nikol Pashinyan', 'Vladimir Putin']) {
    const c = chip(page, name);
    await expect(c, `chip ${name}`).toHaveCount(1);
    await expect(c.locator('.chip-count')).toHaveText(/^\d+ mentions?$/);
    await expect(c.locator('.chip-docs .doc-num').first()).toBeVisible();
  }
  // chips are grouped by type under headings
  await expect(page.locator('#chips section.chip-group[data-type="person"] h3')).toContainText('People');
  await expect(page.locator('#chips section.chip-group[data-type="person"]')).toContainText('Vladimir Putin');

  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'demo.png'), fullPage: true });
});

test('a claim row holds Dmitry Peskov’s quote from three articles', async ({ page }) => {
  await openDemo(page);
  const rows = page.locator('#claims tbody.group').filter({ hasText: PESKOV });
  await expect(rows.first()).toBeVisible();
  // the best row: the one with most articles carrying the quote
  const counts = await rows.evaluateAll((bodies, needle) =>
    bodies.map((b) => [...b.querySelectorAll('td.has-claim')].filter((td) => td.textContent.includes(needle)).length), PESKOV);
  const best = counts.indexOf(Math.max(...counts));
  const row = rows.nth(best);
  const cells = row.locator('td.has-claim').filter({ hasText: PESKOV });
  await expect(cells).toHaveCount(3);
  // in each of the three cells the claim is marked as a quote and its speaker is named
  // (a cell may hold more than one claim of the group: look at the one with the quote)
  const quotes = cells.locator('.claim').filter({ hasText: PESKOV });
  await expect(quotes).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await expect(quotes.nth(i).locator('.claim-meta .speaker')).toContainText('Dmitry Peskov');
    await expect(quotes.nth(i).locator('.claim-meta .kind')).toHaveText('Quote');
  }
  await expect(row.locator('.relation')).toHaveText(/Agree|Reworded/);
  await row.scrollIntoViewIfNeeded();
  await row.screenshot({ path: path.join(OUTPUT, 'screenshots', 'peskov-row.png') });
});

test('a quote told in pieces marks, in each row, only the pieces that row is about', async ({ page }) => {
  await openDemo(page);
  const report = await page.evaluate(async () => {
    const mod = await import('./pkg/corroborate.js');
    await mod.default();
    const demo = await (await fetch('pkg/demo.json')).json();
    return JSON.parse(mod.analyzeJson(JSON.stringify(demo.map(({ name, text }) => ({ name, text })))));
  });
  const partial = report.groups.filter((g) => g.pieces.length > 0 && g.relation !== 'unique');
  expect(partial.length).toBeGreaterThan(0);
  for (const g of partial) {
    for (const held of g.pieces) {
      const claim = page.locator(`#claims tbody.group[data-group="${g.id}"] .claim[data-claims~="${held.claim}"]`);
      await expect(claim).toHaveCount(1);
      await expect(claim.locator('.piece-note')).toContainText(/pieces? \d.* of \d+; the others are in other rows/);
      const marked = await claim.locator('.sentence .content').evaluateAll((ns) => ns.map((n) => n.textContent).join(''));
      expect(marked).toBe(held.spans.map((s) => s.text).join(''));
    }
  }
});

test('pressing a chip highlights all its mentions in the texts', async ({ page }) => {
  await openDemo(page);
  const putin = chip(page, 'Vladimir Putin');
  await expect(putin).toHaveCount(1);
  await expect(page.locator('#selection')).toBeHidden();
  const count = Number((await putin.locator('.chip-count').textContent()).match(/\d+/)[0]);
  await putin.click();
  await expect(putin).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#selection')).toContainText('Highlighting Vladimir Putin');
  const marks = page.locator('#texts mark.entity');
  // one <mark> per mention (a mention crossing a boilerplate edge may be split in two pieces)
  const mentions = await marks.evaluateAll((ms) => new Set(ms.map((m) => m.dataset.mention)).size);
  expect(mentions).toBe(count);
  for (const text of await marks.allTextContents()) expect(text).toMatch(/Putin/);
  // the articles that mention him are opened
  const opened = await page.locator('#texts details[open]').count();
  expect(opened).toBeGreaterThanOrEqual(4);
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'demo-highlight.png'), fullPage: true });

  // pressing again clears the highlight
  await putin.click();
  await expect(putin).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#texts mark.entity')).toHaveCount(0);
  await expect(page.locator('#selection')).toBeHidden();

  // the highlight bar's article buttons bring a mention into view; its button clears it
  await putin.click();
  await page.locator('#selection button.doc-jump').first().click();
  await expect(page.locator('#texts mark.entity').first()).toBeInViewport();
  await page.getByRole('button', { name: 'Clear highlight' }).click();
  await expect(putin).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#selection')).toBeHidden();
});

test('chips and filters work from the keyboard', async ({ page }) => {
  await openDemo(page);
  const pashinyan = chip(page, 'Nikol Pashinyan');
  await expect(pashinyan).toHaveCount(1);
  await pashinyan.focus();
  await page.keyboard.press('Enter');
  await expect(pashinyan).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#texts mark.entity').first()).toBeVisible();
  await page.keyboard.press('Space');
  await expect(pashinyan).toHaveAttribute('aria-pressed', 'false');

  // "unique" rows are folded at first; the filter checkbox shows and hides them
  const unique = page.locator('#claim-filters input[value="unique"]');
  await expect(unique).not.toBeChecked();
  await expect(page.locator('#claims tbody.group[data-relation="unique"]')).toHaveCount(0);
  await unique.focus();
  await page.keyboard.press('Space');
  await expect(unique).toBeChecked();
  expect(await page.locator('#claims tbody.group[data-relation="unique"]').count()).toBeGreaterThan(0);
  await page.keyboard.press('Space');
  await expect(unique).not.toBeChecked();
  await expect(page.locator('#claims tbody.group[data-relation="unique"]:visible')).toHaveCount(0);
});

test('reworded rows show a word diff and conflict rows their values', async ({ page }) => {
  await openDemo(page);
  const reworded = page.locator('#claims tbody.group[data-relation="reworded"]');
  const conflict = page.locator('#claims tbody.group[data-relation="conflict"]');
  const nReworded = await reworded.count();
  const nConflict = await conflict.count();
  test.skip(nReworded + nConflict === 0, 'the report has no reworded or conflicting group');
  if (nReworded > 0) {
    await expect(reworded.first().locator('.relation')).toHaveText(/Reworded/);
    await expect(reworded.first().locator('.diff-ops').first()).toBeVisible();
    expect(await reworded.first().locator('.diff del, .diff ins').count()).toBeGreaterThan(0);
  }
  if (nConflict > 0) {
    await expect(conflict.first().locator('.relation')).toHaveText(/Conflict/);
    expect(await conflict.first().locator('.conflict-values li').count()).toBeGreaterThanOrEqual(2);
  }
});
