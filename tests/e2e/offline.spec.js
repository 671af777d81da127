// Offline: after one visit the served page works with the network gone (service worker), and
// the service worker's list of files (ASSETS in www/sw.js) is exactly what the built page loads:
// the bundles scripts/build-www.mjs writes to www/pkg/, never the source modules in www/.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, openInput, OUTPUT, test, waitAnalysed } from './fixtures.js';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');

function assets() {
  const source = readFileSync(path.join(www, 'sw.js'), 'utf8');
  return JSON.parse(source.match(/const ASSETS = (\[[\s\S]*?\]);/)[1].replace(/'/g, '"').replace(/,\s*\]/, ']'));
}

test('the service worker caches the built page: what index.html loads, no source module, no source map', () => {
  const list = assets();
  for (const a of list.filter((x) => x !== './')) expect(existsSync(path.join(www, a)), a).toBe(true);
  expect(list.filter((a) => !a.startsWith('pkg/')).sort()).toEqual(['./', 'index.html']);
  expect(list.filter((a) => a.endsWith('.map'))).toEqual([]);
  const html = readFileSync(path.join(www, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const loaded = [...html.matchAll(/\s(?:src|href)="([^"#:]+)"/g)].map((m) => m[1]);
  expect(loaded.sort()).toEqual(['pkg/main.js', 'pkg/style.css']);
  for (const file of loaded) expect(list).toContain(file);
});

test.use({ serviceWorkers: 'allow' });

const ARTICLE_HTML = `<!doctype html><html><head><title>Ferry | Harbour News</title></head><body>
<nav>Home | Weather | Sport</nav>
<article><h1>Night ferry returns to the island</h1>
<p>The harbour authority said on Tuesday that the night ferry to the island would run again from May, twice a week.</p>
<p>Officials told reporters that the crossing would take two hours and cost the same as the day ferry.</p>
</article></body></html>`;

test('after one visit the page loads and analyses with the network off', async ({ page, context, problems, baseURL }) => {
  // every file the page and its worker ask for, the service worker's own downloads left out
  const fetched = new Set();
  context.on('request', (r) => {
    const url = new URL(r.url());
    if (!r.serviceWorker() && url.origin === new URL(baseURL).origin) fetched.add(url.pathname.slice(1));
  });
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
  // an HTML file read offline: Readability (imported only now) came from the cache
  await page.getByLabel('Article files').setInputFiles([{ name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(ARTICLE_HTML) }]);
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Analysed 7 articles');
  await expect(page.locator('#texts details[data-doc="6"] .doc-text')).toContainText('night ferry to the island');
  // what the page and its worker loaded is what the service worker keeps (but './', the same
  // page by another name; the service worker loads sw.js and pkg/build.js itself)
  expect([...fetched].sort()).toEqual(assets().filter((a) => !['./', 'pkg/build.js'].includes(a)).sort());
  // the network really is off: a file the page never loaded (so not cached) cannot be fetched
  expect(await page.evaluate(() => fetch('pkg/samples/sample-1.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');
  // (Chromium logs that failure as a console error: the only one expected here)
  const expected = problems.filter((p) => p.includes('sample-1.txt'));
  expect(expected.length).toBeLessThanOrEqual(2);
  for (const p of expected) problems.splice(problems.indexOf(p), 1);
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'offline-reload.png') });
  await context.setOffline(false);
});
