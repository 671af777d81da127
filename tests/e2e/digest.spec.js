// The page leads with what differs (issue 12): the digest drawn from the core's selection is
// checked against the report itself (analysed again in the page through the wasm package);
// the input folds away and focus lands on the digest; a chip filters the claim table and the
// place (chip, filters, view) lives in the URL hash, so reload and Back return to it; "Show in
// text" has a way back; a skip link reaches the filters; at phone size nothing scrolls
// sideways and rows are cards. Screenshots of the digest go to docs/ (desktop and phone).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chip, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const DOCS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'docs');

/** The demo's report, computed in the page by the wasm package (not by the page's code). */
async function demoReport(page) {
  return page.evaluate(async () => {
    const mod = await import('./pkg/corroborate.js');
    await mod.default();
    const demo = await (await fetch('pkg/demo.json')).json();
    return JSON.parse(mod.analyzeJson(JSON.stringify(demo.map(({ name, text }) => ({ name, text })))));
  });
}

test('the digest shows what differs, as the report says', async ({ page }) => {
  await openDemo(page);
  const report = await demoReport(page);
  const digest = page.locator('#digest');
  await expect(digest).toBeVisible();
  // the input folded away, focus on the digest
  await expect(page.locator('#add-fold')).not.toHaveAttribute('open', '');
  await expect(page.locator('#digest-heading')).toBeFocused();

  // headlines side by side, one per article
  const headlines = digest.locator('.headline-list > li');
  await expect(headlines).toHaveCount(report.documents.length);
  for (const d of report.documents) await expect(headlines.nth(d.index).locator('.headline')).toHaveText(d.title || d.name);

  // every conflict group, each conflict with every article's value
  const conflicts = report.groups.filter((g) => g.relation === 'conflict');
  const conflictItems = digest.locator('.digest-conflicts li.digest-group');
  await expect(conflictItems).toHaveCount(conflicts.length);
  for (const [i, g] of conflicts.entries()) {
    await expect(conflictItems.nth(i)).toHaveAttribute('data-group', g.id);
    const values = g.conflicts.flatMap((k) => k.values.map((v) => v.text));
    await expect(conflictItems.nth(i).locator('.conflict-values .value')).toHaveText(values);
    await expect(conflictItems.nth(i).locator('.conflict-kind')).toHaveText(g.conflicts.map((k) => k.kind));
  }

  // every reworded quote with its word diff
  const reworded = report.groups.filter((g) => g.relation === 'reworded');
  const rewordedItems = digest.locator('.digest-reworded li.digest-group');
  await expect(rewordedItems).toHaveCount(reworded.length);
  for (const [i, g] of reworded.entries()) {
    await expect(rewordedItems.nth(i)).toHaveAttribute('data-group', g.id);
    expect(await rewordedItems.nth(i).locator('.diff').count()).toBeGreaterThan(0);
  }

  // what most carry and one omits: one line per omission in the report's article views
  const omissions = report.articles.flatMap((a) => a.omits.map((o) => `${a.doc}:${o.group}`));
  await expect(digest.locator('#digest-omitted-heading .count')).toHaveText(` (${omissions.length})`);
  const shown = await digest.locator('.digest-omissions > li').evaluateAll((items) => items.map((li) => `${li.dataset.doc}:${li.dataset.group}`));
  for (const o of shown) expect(omissions).toContain(o);

  // pairs, the most overlapping first
  if (report.pairs.length) {
    const best = Math.max(...report.pairs.map((p) => p.overlap));
    await expect(digest.locator('.digest-pairs > li').first().locator('.overlap')).toHaveText(`${Math.round(best * 100)} %`);
  }

  // one-source claims collapsed to a count per article, opened on request
  const unique = digest.locator('.digest-unique > li');
  await expect(unique).toHaveCount(report.documents.length);
  for (const d of report.documents) {
    const count = report.groups.filter((g) => g.docs.length === 1 && g.docs[0] === d.index).length;
    await expect(unique.nth(d.index)).toHaveAttribute('data-count', String(count));
    await expect(unique.nth(d.index).locator('.unique-claims > li')).toHaveCount(count);
  }
  await expect(unique.first().locator('.unique-claims')).toBeHidden();
  // in the claim table they are folded too: no unique row, a count per article above the table
  await expect(page.locator('#claims tbody.group[data-relation="unique"]')).toHaveCount(0);
  const note = page.locator('#unique-note');
  const total = report.groups.filter((g) => g.relation === 'unique').length;
  await expect(note).toContainText(`${total} claims carried by one article only are folded away`);
  for (const d of report.documents) {
    const count = report.groups.filter((g) => g.relation === 'unique' && g.docs.includes(d.index)).length;
    if (count) await expect(note).toContainText(`article ${d.index + 1}: ${count}`);
  }
  await unique.first().locator('summary').click();
  await expect(unique.first().locator('.unique-claims')).toBeVisible();

  await unique.first().locator('summary').click();
  await page.evaluate(() => document.getElementById('digest').scrollIntoView({ block: 'start' }));
  await page.screenshot({ path: path.join(DOCS, 'digest-desktop.png') });
});

test('a chip filters the claim table; hash keeps the place across reload and Back', async ({ page }) => {
  await openDemo(page);
  const groups = page.locator('#claims tbody.group');
  const all = await groups.count();
  const putin = chip(page, 'Vladimir Putin');
  const id = await putin.getAttribute('data-entity');
  await putin.click();
  await expect(page.locator('#filter-entity')).toHaveValue(id);
  await expect.poll(() => groups.count()).toBeLessThan(all);
  const rows = await groups.count();
  expect(rows).toBeGreaterThan(0);
  // every row left has a claim mentioning the entity (a mark in its sentence) or spoken by it
  const ok = await groups.evaluateAll(
    (list, [entity, name]) => list.map((g) => Boolean(g.querySelector(`.ment[data-e~="${entity}"]`)) || [...g.querySelectorAll('.speaker')].some((s) => s.textContent.endsWith(name))),
    [id, 'Vladimir Putin'],
  );
  expect(ok).toEqual(Array(rows).fill(true));
  await expect(page).toHaveURL(new RegExp(`#.*chip=${id}`));

  // filters and the reading view go into the hash too
  await page.locator('#filter-kind').selectOption('quote');
  await page.getByRole('radio', { name: 'one at a time' }).check();
  await expect(page).toHaveURL(/kind=quote/);
  await expect(page).toHaveURL(/view=single/);

  await page.reload();
  await waitAnalysed(page);
  await expect(chip(page, 'Vladimir Putin')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#filter-entity')).toHaveValue(id);
  await expect(page.locator('#filter-kind')).toHaveValue('quote');
  await expect(page.getByRole('radio', { name: 'one at a time' })).toBeChecked();

  // Back returns to before the chip was pressed: no chip, every entity
  await page.goBack();
  await expect(chip(page, 'Vladimir Putin')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('#filter-entity')).toHaveValue('');
  await expect(page.locator('#app')).toBeVisible();
});

test('"Show in text" has a way back to the claim, by button and by Back', async ({ page }) => {
  await openDemo(page);
  const jump = page.locator('#claims button.jump').nth(3);
  const claim = await jump.getAttribute('data-claim');
  await jump.click();
  await expect(page.locator(`#texts .sent.pinned`).first()).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`at=${claim}`));
  const back = page.getByRole('button', { name: 'Back to the claim' });
  await expect(back).toBeVisible();
  await back.click();
  await expect(jump).toBeFocused();
  await expect(back).toBeHidden();
  await expect(page).not.toHaveURL(/at=/);

  await jump.click();
  await expect(page).toHaveURL(new RegExp(`at=${claim}`));
  await page.goBack();
  await expect(jump).toBeFocused();
  await expect(back).toBeHidden();
});

test('a skip link reaches the claim filters in two Tab presses', async ({ page }) => {
  await openDemo(page);
  // the first Tab from the top of the page lands on the first skip link, the second on this one
  await page.locator('.skip-link').first().focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to the claim filters' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('#claim-controls')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.locator('#claim-filters input[name="relation"]').first()).toBeFocused();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

  test('nothing scrolls sideways, rows are cards, the mention bar is one line', async ({ page }) => {
    await openDemo(page);
    const width = () => page.evaluate(() => document.documentElement.scrollWidth);
    expect(await width()).toBeLessThanOrEqual(390);
    await expect(page.locator('#claims thead')).toBeHidden();
    const card = page.locator('#claims tbody.group').first();
    expect(await card.evaluate((n) => getComputedStyle(n).display)).toBe('block');
    await page.evaluate(() => document.getElementById('digest').scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: path.join(DOCS, 'digest-phone.png') });

    await chip(page, 'Vladimir Putin').click();
    const bar = page.locator('#selection');
    await expect(bar).toBeVisible();
    const box = await bar.boundingBox();
    const line = await bar.locator('.selection-title').evaluate((n) => parseFloat(getComputedStyle(n).lineHeight));
    // one line of text plus the bar's padding and the buttons' height
    expect(box.height).toBeLessThan(line * 2.6);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await width()).toBeLessThanOrEqual(390);

    // open every article text and every digest list: still no sideways scroll
    for (const d of await page.locator('#texts details.doc-text-block').all()) await d.evaluate((n) => (n.open = true));
    for (const d of await page.locator('#digest details').all()) await d.evaluate((n) => (n.open = true));
    expect(await width()).toBeLessThanOrEqual(390);
  });
});
