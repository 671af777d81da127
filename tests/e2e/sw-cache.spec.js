// The service worker's cache is named after the build (pkg/build.js) and holds only the app's
// own files: other same-origin responses (an article fetched by URL) are not stored.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, waitAnalysed } from './fixtures.js';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');

test.use({ serviceWorkers: 'allow' });

test('the cache is versioned with the build and bounded to the app files', async ({ page }) => {
  const build = readFileSync(path.join(www, 'pkg', 'build.js'), 'utf8').match(/'([0-9a-f]+)'/)[1];
  await page.goto('index.html');
  await waitAnalysed(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
  const got = await page.evaluate(async () => {
    await fetch('pkg/samples/sample-1.txt').then((r) => r.text());
    const keys = (await caches.keys()).filter((k) => k.startsWith('corroborate-'));
    const cache = await caches.open(keys[0]);
    const urls = (await cache.keys()).map((r) => new URL(r.url).pathname);
    return { keys, sample: urls.some((u) => u.endsWith('sample-1.txt')), wasm: urls.some((u) => u.endsWith('corroborate_bg.wasm')) };
  });
  expect(got.keys).toEqual([`corroborate-${build}`]);
  expect(got.wasm).toBe(true);
  expect(got.sample).toBe(false);
});
