// Renaming a merged chip: a merge takes the first picked name ("Vladimir Putin" for Putin +
// Peskov); the reader renames the merged chip in the highlight bar, the new name travels in the
// edits (`{rename: [old, new]}`), is saved with the articles and comes back after a reload, the
// old name stays as "also written", and undo returns to the merged name.
import { chip, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const edits = (page) => page.locator('#edit-list > li');
const count = async (c) => Number((await c.locator('.chip-count').textContent()).match(/\d+/)[0]);

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

test('a merged chip can be renamed; the name is saved, survives a reload and undoes', async ({ page }) => {
  await openDemo(page);
  const [a, b] = [await count(chip(page, 'Vladimir Putin')), await count(chip(page, 'Dmitry Peskov'))];
  await page.getByRole('button', { name: 'Merge names…' }).click();
  await chip(page, 'Vladimir Putin').click();
  await chip(page, 'Dmitry Peskov').click();
  await page.getByRole('group', { name: 'Merge names' }).getByRole('button', { name: 'Merge 2 names' }).click();
  await waitAnalysed(page);

  // rename from the highlight bar
  await chip(page, 'Vladimir Putin').click();
  const bar = page.getByRole('region', { name: 'Highlighted entity' });
  const field = bar.getByRole('textbox', { name: 'New name for Vladimir Putin' });
  await expect(field).toHaveValue('Vladimir Putin');
  await field.fill('The Kremlin leadership');
  await bar.getByRole('button', { name: 'Rename Vladimir Putin' }).click();
  await waitAnalysed(page);

  const renamed = chip(page, 'The Kremlin leadership');
  await expect(renamed).toHaveCount(1);
  await expect(chip(page, 'Vladimir Putin')).toHaveCount(0);
  expect(await count(renamed)).toBe(a + b);
  await expect(renamed.locator('.chip-also')).toContainText('Vladimir Putin');
  await expect(renamed.locator('.chip-also')).toContainText('Dmitry Peskov');
  await expect(edits(page)).toHaveCount(2);
  await expect(edits(page).nth(1)).toContainText('Renamed “Vladimir Putin” to “The Kremlin leadership”');
  await expect
    .poll(() => savedEdits(page))
    .toEqual([{ merge: ['Vladimir Putin', 'Dmitry Peskov'] }, { rename: ['Vladimir Putin', 'The Kremlin leadership'] }]);

  // an empty or unchanged name does nothing
  await renamed.click();
  await bar.getByRole('textbox', { name: 'New name for The Kremlin leadership' }).fill('   ');
  await bar.getByRole('button', { name: 'Rename The Kremlin leadership' }).click();
  await expect(edits(page)).toHaveCount(2);

  // a reload analyses with the saved rename
  await page.reload();
  await waitAnalysed(page);
  await expect(chip(page, 'The Kremlin leadership')).toHaveCount(1);
  await expect(edits(page)).toHaveCount(2);

  // undo the rename: the merged chip has its first name again
  await edits(page).nth(1).getByRole('button', { name: 'Undo: Renamed “Vladimir Putin” to “The Kremlin leadership”' }).click();
  await waitAnalysed(page);
  await expect(chip(page, 'The Kremlin leadership')).toHaveCount(0);
  await expect(chip(page, 'Vladimir Putin')).toHaveCount(1);
  await expect.poll(() => savedEdits(page)).toEqual([{ merge: ['Vladimir Putin', 'Dmitry Peskov'] }]);
});
