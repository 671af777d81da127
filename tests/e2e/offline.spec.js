// Offline: after one visit the served page works with the network gone (service worker), and
// the service worker's list of files covers everything in www/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openInput, OUTPUT, test, waitAnalysed } from './fixtures.js';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');

function files(dir, base = dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (dir === base && e.name === 'pkg') return []; // generated
    if (e.isDirectory()) return files(full, base);
    return [path.relative(base, full).split(path.sep).join('/')];
  });
}

test('the service worker caches every file of the page', () => {
  const source = readFileSync(path.join(www, 'sw.js'), 'utf8');
  const assets = JSON.parse(source.match(/const ASSETS = (\[[\s\S]*?\]);/)[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));
  // the single-file build's entry and the worker script itself are never fetched by the page
  const expected = files(www).filter((f) => !['sw.js', 'offline.js', '.gitignore'].includes(f));
  expect(assets.filter((a) => !a.startsWith('pkg/') && a !== './').sort()).toEqual(expected.sort());
  for (const a of assets.filter((x) => x.startsWith('pkg/'))) expect(existsSync(path.join(www, a)), a).toBe(true);
});

test.use({ serviceWorkers: 'allow' });

test('after one visit the page loads and analyses with the network off', async ({ page, context, problems }) => {
  await page.goto('index.html');
  await waitAnalysed(page);
  // the service worker is installed (everything cached) and controls the page
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await waitAnalysed(page);
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
  await expect(page.locator('#status')).toContainText('Analysed 5 articles');
  // a new article is analysed offline too (worker and wasm from the cache)
  await (await openInput(page)).fill(
    'Library opens late on Sundays\n\nThe city library said on Monday that it would open until 8 p.m. on Sundays from next month.',
  );
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Analysed 6 articles');
  // the network really is off: a file the page never loaded (so not cached) cannot be fetched
  expect(await page.evaluate(() => fetch('pkg/samples/sample-1.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');
  // (Chromium logs that failure as a console error: the only one expected here)
  const expected = problems.filter((p) => p.includes('sample-1.txt'));
  expect(expected.length).toBeLessThanOrEqual(2);
  for (const p of expected) problems.splice(problems.indexOf(p), 1);
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'offline-reload.png') });
  await context.setOffline(false);
});
