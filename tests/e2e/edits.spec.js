// Correcting the entity merging: pick two or more chips and merge them, split a chip into one
// per name, undo any edit; the analysis is redone each time (chips, speakers, claim groups),
// the edits are saved with the articles (IndexedDB) and come back after a reload, an edit that
// no longer names an entity is reported in the notes, and "Remove all" drops them. By mouse and
// by keyboard; content is checked, not only visibility.
import path from 'node:path';
import { chip, expect, openDemo, OUTPUT, test, waitAnalysed } from './fixtures.js';

const PESKOV = 'It is difficult to overestimate the role of the Russian Federation';

const count = async (c) => Number((await c.locator('.chip-count').textContent()).match(/\d+/)[0]);
const edits = (page) => page.locator('#edit-list > li');

/** The edits saved with the page's session (IndexedDB `corroborate`). */
function savedEdits(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('corroborate');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('sessions').objectStore('sessions').get('current');
          get.onsuccess = () => resolve(get.result?.edits ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Presses "Merge names…", picks the chips named `names` in order, and presses "Merge". */
async function merge(page, names) {
  await page.getByRole('button', { name: 'Merge names…' }).click();
  for (const name of names) await chip(page, name).click();
  await page.getByRole('group', { name: 'Merge names' }).getByRole('button', { name: `Merge ${names.length} names` }).click();
  await waitAnalysed(page);
}

test('merging two chips joins their mentions and speakers, survives a reload, and undoes', async ({ page }) => {
  await openDemo(page);
  const putin = chip(page, 'Vladimir Putin');
  const peskov = chip(page, 'Dmitry Peskov');
  const [a, b] = [await count(putin), await count(peskov)];
  const peskovDocs = await peskov.locator('.chip-docs .doc-num').allTextContents();
  // before: the Kremlin spokesman's quote is credited to him
  const row = page.locator('#claims tbody.group').filter({ hasText: PESKOV }).first();
  await expect(row.locator('.speaker').first()).toContainText('Dmitry Peskov');

  // merge mode: chips are picked (aria-pressed) instead of selected, the bar says what happens
  await page.getByRole('button', { name: 'Merge names…' }).click();
  await expect(page.getByRole('button', { name: 'Merge names…' })).toHaveAttribute('aria-pressed', 'true');
  const bar = page.getByRole('group', { name: 'Merge names' });
  await expect(bar).toBeVisible();
  await putin.click();
  await expect(putin).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#selection')).toBeHidden(); // picking is not highlighting
  await expect(bar.getByRole('button', { name: 'Merge', exact: true })).toBeDisabled();
  await peskov.click();
  await expect(bar.locator('.merge-status')).toHaveText('2 names picked: “Vladimir Putin”, “Dmitry Peskov”. They become one entity named “Vladimir Putin”.');
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'merge-mode.png') });
  await bar.getByRole('button', { name: 'Merge 2 names' }).click();
  await waitAnalysed(page);

  // after: one chip with both names and the summed count; Peskov's chip is gone; his quote is
  // now credited to the merged entity; the edit is listed
  await expect(chip(page, 'Dmitry Peskov')).toHaveCount(0);
  await expect(putin).toHaveCount(1);
  expect(await count(putin)).toBe(a + b);
  await expect(putin.locator('.chip-also')).toContainText('Dmitry Peskov');
  await expect(putin.locator('.chip-also')).toContainText('Putin');
  for (const d of peskovDocs) await expect(putin.locator('.chip-docs')).toContainText(d);
  await expect(page.locator('#claims tbody.group').filter({ hasText: PESKOV }).first().locator('.speaker').first()).toContainText('Vladimir Putin');
  await expect(edits(page)).toHaveCount(1);
  await expect(edits(page).first()).toContainText('Merged “Vladimir Putin” and “Dmitry Peskov”');
  await expect(page.getByRole('button', { name: 'Merge names…' })).toHaveAttribute('aria-pressed', 'false');
  await page.locator('#entities-section').screenshot({ path: path.join(OUTPUT, 'screenshots', 'merged-chip.png') });
  // selecting the merged chip highlights the mentions of both names
  await putin.click();
  await expect(page.locator('#selection')).toContainText('also written: Dmitry Peskov, Putin');
  expect(await page.locator('#texts mark.ment.entity').evaluateAll((ms) => new Set(ms.map((m) => m.dataset.mention)).size)).toBe(a + b);
  await expect(page.locator('#texts mark.ment.entity', { hasText: 'Peskov' }).first()).toBeAttached();
  await expect.poll(() => savedEdits(page)).toEqual([{ merge: ['Vladimir Putin', 'Dmitry Peskov'] }]);

  // a reload analyses with the saved edit
  await page.reload();
  await waitAnalysed(page);
  await expect(chip(page, 'Dmitry Peskov')).toHaveCount(0);
  expect(await count(putin)).toBe(a + b);
  await expect(edits(page)).toHaveCount(1);

  // undo: back as it was, and saved so
  await edits(page).first().getByRole('button', { name: 'Undo: Merged “Vladimir Putin” and “Dmitry Peskov”' }).click();
  await waitAnalysed(page);
  await expect(edits(page)).toHaveCount(0);
  await expect(page.locator('#edits')).toBeHidden();
  expect(await count(chip(page, 'Dmitry Peskov'))).toBe(b);
  expect(await count(putin)).toBe(a);
  await expect(putin.locator('.chip-also')).toHaveCount(0);
  await expect.poll(() => savedEdits(page)).toEqual([]);
  await page.reload();
  await waitAnalysed(page);
  await expect(chip(page, 'Dmitry Peskov')).toHaveCount(1);
});

test('split makes one chip per name; only chips with several names offer it', async ({ page }) => {
  await openDemo(page);
  const pashinyan = chip(page, 'Nikol Pashinyan');
  const total = await count(pashinyan);
  await pashinyan.click();
  const bar = page.getByRole('region', { name: 'Highlighted entity' });
  await expect(bar).toContainText('also written: Pashinyan');
  await bar.getByRole('button', { name: 'Split Nikol Pashinyan into one entity per name' }).click();
  await waitAnalysed(page);

  const whole = chip(page, 'Nikol Pashinyan');
  const short = chip(page, 'Pashinyan');
  await expect(whole).toHaveCount(1);
  await expect(short).toHaveCount(1);
  expect((await count(whole)) + (await count(short))).toBe(total);
  expect(await count(whole)).toBeGreaterThan(0);
  expect(await count(short)).toBeGreaterThan(0);
  await expect(page.locator('#selection')).toBeHidden();
  await page.locator('#entities-section').screenshot({ path: path.join(OUTPUT, 'screenshots', 'split-chips.png') });
  // the mentions are divided by how they are written
  await short.click();
  const texts = await page.locator('#texts mark.ment.entity').allTextContents();
  expect(texts.length).toBeGreaterThan(0);
  expect(texts.every((t) => t === 'Pashinyan')).toBe(true);
  // neither has another name now, so neither offers a split
  await expect(bar.getByRole('button', { name: /^Split/ })).toHaveCount(0);
  await expect(edits(page)).toHaveCount(1);
  await expect(edits(page).first()).toHaveText(/Split “Nikol Pashinyan” into one entity per name/);

  // an entity with one name only offers no split
  await chip(page, 'Dmitry Peskov').click();
  await expect(bar).toContainText('Highlighting Dmitry Peskov');
  await expect(bar.getByRole('button', { name: /^Split/ })).toHaveCount(0);

  // a reload keeps the split; "Remove all" drops it with the articles
  await page.reload();
  await waitAnalysed(page);
  await expect(chip(page, 'Pashinyan')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');
  await expect.poll(() => savedEdits(page)).toEqual([]);
  await page.getByRole('button', { name: 'Load the sample articles' }).click();
  await waitAnalysed(page);
  await expect(chip(page, 'Pashinyan')).toHaveCount(0);
  expect(await count(chip(page, 'Nikol Pashinyan'))).toBe(total);
  await expect(edits(page)).toHaveCount(0);
});

test('an edit that no longer names an entity is skipped and said so; the others still apply', async ({ page }) => {
  await openDemo(page);
  // CNN is named in article 2 only
  await expect(chip(page, 'CNN').locator('.chip-docs .doc-num')).toHaveText(['2']);
  await merge(page, ['Vladimir Putin', 'CNN']);
  await expect(chip(page, 'CNN')).toHaveCount(0);
  await merge(page, ['Moscow', 'Kremlin']);
  await expect(edits(page)).toHaveCount(2);
  await page.getByRole('button', { name: /^Remove article 2:/ }).click();
  await waitAnalysed(page);
  const notes = page.getByRole('list', { name: 'Notes from the analysis' });
  await expect(notes).toContainText('no entity named “CNN”');
  await expect(notes).toContainText('skipped');
  // the second edit still applies; both stay listed (the first applies again if article 2 is back)
  await expect(chip(page, 'Kremlin')).toHaveCount(0);
  await expect(chip(page, 'Moscow').locator('.chip-also')).toContainText('Kremlin');
  await expect(edits(page)).toHaveCount(2);
});

test('merging and undoing work from the keyboard; Escape leaves merge mode', async ({ page }) => {
  await openDemo(page);
  const mode = page.getByRole('button', { name: 'Merge names…' });
  await mode.focus();
  await page.keyboard.press('Enter');
  await expect(mode).toHaveAttribute('aria-pressed', 'true');
  // Escape leaves without merging
  await chip(page, 'Baku').focus();
  await page.keyboard.press('Space');
  await expect(chip(page, 'Baku')).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('group', { name: 'Merge names' })).toBeHidden();
  await expect(mode).toBeFocused();
  await expect(chip(page, 'Baku')).toHaveAttribute('aria-pressed', 'false');

  await page.keyboard.press('Enter');
  const a = await count(chip(page, 'Ilham Aliyev'));
  const b = await count(chip(page, 'Baku'));
  for (const name of ['Ilham Aliyev', 'Baku']) {
    await chip(page, name).focus();
    await page.keyboard.press('Enter');
  }
  const apply = page.getByRole('button', { name: 'Merge 2 names' });
  await apply.focus();
  await expect(apply).toBeFocused();
  await page.keyboard.press('Enter');
  await waitAnalysed(page);
  expect(await count(chip(page, 'Ilham Aliyev'))).toBe(a + b);
  const undo = page.getByRole('button', { name: 'Undo: Merged “Ilham Aliyev” and “Baku”' });
  await undo.focus();
  await page.keyboard.press('Enter');
  await waitAnalysed(page);
  expect(await count(chip(page, 'Baku'))).toBe(b);
  await expect(edits(page)).toHaveCount(0);
  // focus is not lost: it went back to the merge button
  await expect(mode).toBeFocused();
});

test('an imported report is shown as saved: no merge or split until the articles are analysed again', async ({ page }) => {
  await openDemo(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (JSON)' }).click()]);
  await page.getByLabel('Import a saved report (.json)').setInputFiles(await download.path());
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Imported');
  await expect(page.getByRole('button', { name: 'Merge names…' })).toBeDisabled();
  await chip(page, 'Vladimir Putin').click();
  await expect(page.getByRole('region', { name: 'Highlighted entity' })).toContainText('also written: Putin');
  await expect(page.getByRole('button', { name: /^Split/ })).toHaveCount(0);
  // removing an article analyses the rest again: editing is back
  await page.getByRole('button', { name: /^Remove article 5:/ }).click();
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Analysed 4 articles');
  await expect(page.getByRole('button', { name: 'Merge names…' })).toBeEnabled();
});
