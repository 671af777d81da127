// <corroborate-widget> keeps its session across reloads, per instance: the preloaded `articles`
// are added on the first visit only (never twice; a return visit revalidates them, see
// view-embed.spec.js), the reader's pasted articles and renames come
// back with the reader's merges, each widget keeps its own (key: `storage-key`, else `id`), a changed `articles` list
// loads afresh, and `persist="off"` keeps nothing in the browser.
import path from 'node:path';
import { chipIn, expect, mergeChips, openInput, OUTPUT, savedSession, test } from './fixtures.js';

const PASTED = [
  'Harbour ferry service to resume after storm damage',
  '',
  'The port authority said on Thursday that the ferry between the two harbours would run again from Monday, after a storm damaged the northern pier.',
].join('\n');

const names = (w) => w.locator('#article-list input[type="text"]').evaluateAll((is) => is.map((i) => i.value));

async function ready(w) {
  await expect(w).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
}

async function paste(w, text, name) {
  await (await openInput(w)).fill(text);
  await w.getByLabel('Name (optional)').fill(name);
  await w.getByRole('button', { name: 'Add article' }).click();
  await ready(w);
}

test('the widget keeps its articles across reloads without loading its URLs twice', async ({ page }) => {
  await page.goto('embed-example.html');
  const w = page.locator('corroborate-widget');
  await ready(w);
  expect(await names(w)).toEqual(['sample-1.txt', 'sample-2.txt', 'sample-4.txt']);
  await paste(w, PASTED, 'ferry.txt');
  const first = w.locator('#article-list input[type="text"]').first();
  await first.fill('first, renamed');
  await first.press('Enter');
  await w.getByRole('button', { name: /^Remove article 2/ }).click();
  await ready(w);
  // a correction: two chips merged
  const chipNamed = (name) => chipIn(w, name);
  const mentions = async (c) => Number((await c.locator('.chip-count').textContent()).match(/\d+/)[0]);
  const sum = (await mentions(chipNamed('Armenia'))) + (await mentions(chipNamed('Yerevan')));
  await mergeChips(w, 'Armenia', 'Yerevan');
  await ready(w);
  await expect(chipNamed('Yerevan')).toHaveCount(0);
  expect(await mentions(chipNamed('Armenia'))).toBe(sum);
  // no id or storage-key on this page's widget: the key is the page's path and its position
  const key = '/embed-example.html#0';
  await expect.poll(async () => (await savedSession(page, key))?.articles?.map((a) => a.name)).toEqual(['first, renamed', 'sample-4.txt', 'ferry.txt']);
  await expect.poll(async () => (await savedSession(page, key))?.edits).toEqual([{ merge: ['Armenia', 'Yerevan'] }]);

  await page.reload();
  await ready(w);
  expect(await names(w)).toEqual(['first, renamed', 'sample-4.txt', 'ferry.txt']);
  await expect(w.locator('#status')).toContainText('Analysed 3 articles');
  await expect(w.locator('#texts details[data-doc="2"] .doc-text')).toContainText('The port authority said on Thursday');
  // the merge is applied again and listed
  await expect(chipNamed('Yerevan')).toHaveCount(0);
  expect(await mentions(chipNamed('Armenia'))).toBe(sum);
  await expect(chipNamed('Armenia').locator('.chip-also')).toContainText('Yerevan');
  await expect(w.locator('#edit-list > li')).toHaveText([/Merged “Armenia” and “Yerevan”/]);
  await w.screenshot({ path: path.join(OUTPUT, 'screenshots', 'widget-after-reload.png') });
});

test('widgets keep separate sessions by id or storage-key; a new articles list loads afresh', async ({ page }) => {
  let left = 'pkg/samples/sample-1.txt';
  await page.route('**/two-widgets.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two widgets</title>
        <script type="module" src="widget.js"></script></head><body><h1>Two widgets</h1>
        <corroborate-widget id="left" articles="${left}"></corroborate-widget>
        <corroborate-widget storage-key="right-one" articles="pkg/samples/sample-2.txt pkg/samples/sample-3.txt"></corroborate-widget>
        </body></html>`,
    }),
  );
  await page.goto('two-widgets.html');
  const a = page.locator('corroborate-widget#left');
  const b = page.locator('corroborate-widget[storage-key="right-one"]');
  await ready(a);
  await ready(b);
  await paste(a, PASTED, 'ferry.txt');
  await expect.poll(async () => (await savedSession(page, 'left'))?.articles?.length).toBe(2);
  await expect.poll(async () => (await savedSession(page, 'right-one'))?.articles?.length).toBe(2);

  await page.reload();
  await ready(a);
  await ready(b);
  expect(await names(a)).toEqual(['sample-1.txt', 'ferry.txt']);
  expect(await names(b)).toEqual(['sample-2.txt', 'sample-3.txt']);

  // the host page now lists another article for the left widget: it loads, the saved session
  // (made with the old list) gives way; the right widget is untouched
  left = 'pkg/samples/sample-5.txt';
  await page.reload();
  await ready(a);
  await ready(b);
  expect(await names(a)).toEqual(['sample-5.txt']);
  expect(await names(b)).toEqual(['sample-2.txt', 'sample-3.txt']);
  await expect.poll(async () => (await savedSession(page, 'left'))?.preload).toEqual(['pkg/samples/sample-5.txt']);
});

test('persist="off" keeps nothing: a reload shows the preloaded articles only', async ({ page }) => {
  await page.route('**/no-storage.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>No storage</title>
        <script type="module" src="widget.js"></script></head><body><h1>No storage</h1>
        <corroborate-widget id="quiet" persist="off" articles="pkg/samples/sample-1.txt"></corroborate-widget>
        </body></html>`,
    }),
  );
  await page.goto('no-storage.html');
  const w = page.locator('corroborate-widget');
  await ready(w);
  await paste(w, PASTED, 'ferry.txt');
  expect(await names(w)).toEqual(['sample-1.txt', 'ferry.txt']);
  await page.reload();
  await ready(w);
  expect(await names(w)).toEqual(['sample-1.txt']);
  // no database was ever created
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name))).not.toContain('corroborate-widget');
});
