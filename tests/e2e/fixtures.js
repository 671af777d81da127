// Shared test fixture: every test fails on any console error, uncaught page error, crash or
// JavaScript dialog (alert/confirm/prompt), wherever it comes from (page or worker).
import { test as base, expect } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { expect };

export const OUTPUT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'output');

export const test = base.extend({
  problems: async ({}, use) => {
    await use([]);
  },
  page: async ({ page, problems }, use) => {
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`console error: ${msg.text()} (${msg.location().url})`);
    });
    page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
    page.on('crash', () => problems.push('page crashed'));
    page.on('dialog', async (dialog) => {
      problems.push(`dialog (${dialog.type()}): ${dialog.message()}`);
      await dialog.dismiss();
    });
    await use(page);
    expect(problems, 'console errors, page errors or dialogs during the test').toEqual([]);
  },
});

/** Opens the page and waits until the sample articles are analysed. */
export async function openDemo(page) {
  await page.goto('index.html');
  await waitAnalysed(page);
}

/** Waits for the current analysis to finish (the status says so). */
export async function waitAnalysed(page) {
  await expect(page.locator('body')).toHaveAttribute('data-state', /^(ready|error)$/, { timeout: 45_000 });
  await expect(page.locator('body'), await page.locator('#status').textContent()).toHaveAttribute('data-state', 'ready');
}

/** Drops files on the drop zone through a real DataTransfer (the drag-and-drop path). */
export async function dropFiles(page, files) {
  await page.evaluate((list) => {
    const transfer = new DataTransfer();
    for (const f of list) {
      const body = f.bytes ? new Uint8Array(f.bytes) : f.text;
      transfer.items.add(new File([body], f.name, { type: f.type ?? '' }));
    }
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, files);
}

/** The chip button of the entity named exactly `name`. */
export function chip(page, name) {
  return page.locator('#chips button.chip').filter({ has: page.locator('.chip-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
}

export function escape(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Opens the folded "Add articles" part of the input (it folds away once results show) under
 * `scope` (the page or a widget locator) and returns the paste box.
 */
export async function openInput(scope) {
  const fold = scope.locator('#add-fold');
  if (!(await fold.evaluate((d) => d.open))) await fold.locator('summary').click();
  return scope.getByRole('textbox', { name: 'Paste the text of an article' });
}

/** The session saved for widget storage key `key` (IndexedDB `corroborate-widget`), or null. */
export function savedSession(page, key) {
  return page.evaluate(
    (k) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('corroborate-widget');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('sessions')) return resolve(null);
          const get = db.transaction('sessions').objectStore('sessions').get(k);
          get.onsuccess = () => resolve(get.result ?? null);
          get.onerror = () => reject(get.error);
        };
      }),
    key,
  );
}

/** The chip named exactly `name` inside `scope` (the page or a widget locator). */
export function chipIn(scope, name) {
  return scope.locator('#chips button.chip').filter({ has: scope.page().locator('.chip-name', { hasText: new RegExp(`^${escape(name)}$`) }) });
}

/** Merges the chips named `a` and `b` through the "Merge names…" mode (then wait for the analysis). */
export async function mergeChips(scope, a, b) {
  await scope.getByRole('button', { name: 'Merge names…' }).click();
  await chipIn(scope, a).click();
  await chipIn(scope, b).click();
  await scope.getByRole('button', { name: 'Merge 2 names' }).click();
}
