// Nothing lost: pasted articles, renames and removals survive a reload (IndexedDB); "Remove
// all" asks first in the page's own dialog, and an emptied list stays empty after a reload.
import path from 'node:path';
import { expect, openDemo, openInput, OUTPUT, test, waitAnalysed } from './fixtures.js';

const PASTED = [
  'Harbour ferry service to resume after storm damage',
  '',
  'The port authority said on Thursday that the ferry between the two harbours would run again from Monday, after a storm damaged the northern pier.',
  '',
  '“We expect the first crossing at 7 a.m.,” spokeswoman Ana Ferreira told reporters.',
].join('\n');

const items = (page) => page.locator('#article-list > li.article-item');

test('an article being pasted and not yet added survives a reload', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(PASTED);
  await page.getByLabel('Name (optional)').fill('draft.txt');
  // saved a moment after typing stops
  await expect.poll(() => page.evaluate(() => new Promise((resolve) => {
    const open = indexedDB.open('corroborate');
    open.onsuccess = () => {
      const req = open.result.transaction('sessions').objectStore('sessions').get('current');
      req.onsuccess = () => resolve(req.result?.draft?.name ?? null);
      req.onerror = () => resolve(null);
    };
    open.onerror = () => resolve(null);
  }))).toBe('draft.txt');
  await page.reload();
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(5);
  await expect(page.getByRole('textbox', { name: 'Paste the text of an article' })).toHaveValue(PASTED);
  await expect(page.getByLabel('Name (optional)')).toHaveValue('draft.txt');
  // added, the draft is gone: a reload shows an empty form
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await page.reload();
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(6);
  expect(await (await openInput(page)).inputValue()).toBe('');
});

test('pasted articles and edits survive a reload; clearing asks first and sticks', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(PASTED);
  await page.getByLabel('Name (optional)').fill('ferry.txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  const first = items(page).nth(0).locator('input');
  await first.fill('renamed first');
  await first.press('Enter');
  await items(page).nth(1).getByRole('button', { name: /^Remove article 2/ }).click();
  await expect(items(page)).toHaveCount(5);
  await waitAnalysed(page);

  await page.reload();
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(5);
  await expect(items(page).nth(0).locator('input')).toHaveValue('renamed first');
  await expect(items(page).nth(4).locator('input')).toHaveValue('ferry.txt');
  await expect(items(page).nth(4).locator('.article-title')).toContainText('Harbour ferry service to resume');
  await expect(page.locator('#texts details[data-doc="4"] .doc-text')).toContainText('spokeswoman Ana Ferreira');
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'after-reload.png') });

  // "Remove all" opens a dialog; Cancel (and Escape) keep everything
  await page.getByRole('button', { name: 'Remove all' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove all articles?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('5 articles');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'clear-all-dialog.png') });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(items(page)).toHaveCount(5);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(items(page)).toHaveCount(5);

  // confirmed: empty, and still empty after a reload (the samples do not come back by themselves)
  await page.getByRole('button', { name: 'Remove all' }).click();
  await dialog.getByRole('button', { name: 'Remove all' }).click();
  await expect(items(page)).toHaveCount(0);
  await expect(page.locator('#results')).toBeHidden();
  await page.reload();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');
  await expect(items(page)).toHaveCount(0);
  await expect(page.locator('#status')).toHaveText('Add articles to compare them.');
});

test('loading the samples over your own articles asks first', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(PASTED);
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);
  await page.getByRole('button', { name: 'Load the sample articles' }).click();
  const dialog = page.getByRole('dialog', { name: 'Replace the loaded articles?' });
  await expect(dialog).toContainText('1 of them your own');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(items(page)).toHaveCount(6);
  await page.getByRole('button', { name: 'Load the sample articles' }).click();
  await dialog.getByRole('button', { name: 'Replace' }).click();
  await expect(items(page)).toHaveCount(5);
  await waitAnalysed(page);
});
