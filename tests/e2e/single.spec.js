// The single-file build (scripts/build-single.mjs → dist/corroborate.html): opened from disk
// with every request that is not file:// aborted, it analyses the inlined samples and new
// articles, keeps them across a reload, exports; its policy allows no connection at all and
// no inline code but its own (by hash). The build runs first (about a second).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chip, expect, openInput, OUTPUT, test, waitAnalysed } from './fixtures.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const FILE = path.join(repo, 'dist', 'corroborate.html');

test.beforeAll(() => {
  execFileSync(process.execPath, [path.join(repo, 'scripts', 'build-single.mjs')], { cwd: repo, stdio: 'pipe' });
});

test('dist/corroborate.html works from file:// with all network blocked', async ({ page, context }) => {
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.route('**', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
  await page.goto(pathToFileURL(FILE).href);
  await waitAnalysed(page);
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
  await expect(page.locator('#status')).toContainText('Analysed 5 articles');
  await chip(page, 'Vladimir Putin').click();
  await expect(page.locator('#texts mark.entity').first()).toBeVisible();
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'single-file.png') });

  await (await openInput(page)).fill(
    'Museum reopens after flood repairs\n\nThe city museum said on Saturday that it would reopen on Tuesday after repairs that cost 2 million euros.',
  );
  await page.getByLabel('Name (optional)').fill('museum.txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Analysed 6 articles');
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Report (JSON)' }).click()]);
  const report = JSON.parse(readFileSync(await file.path(), 'utf8'));
  expect(report.schema).toBe('corroborate/report@1');
  expect(report.documents.map((d) => d.name)).toContain('museum.txt');

  await page.reload();
  await waitAnalysed(page);
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(6);
  await expect(page.locator('#article-list input').nth(5)).toHaveValue('museum.txt');

  const elsewhere = requests.filter((u) => !/^(file|blob|data):/.test(u));
  expect(elsewhere).toEqual([]);
});

test('dist/corroborate.html allows no connection and no inline code but its own', () => {
  const html = readFileSync(FILE, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives['default-src']).toEqual(["'none'"]);
  expect(directives['connect-src']).toEqual(["'none'"]);
  expect(directives['worker-src']).toEqual(['blob:']);
  expect(directives['script-src']).toHaveLength(2);
  expect(directives['script-src'][0]).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  expect(directives['script-src'][1]).toBe("'wasm-unsafe-eval'");
  expect(directives['style-src']).toHaveLength(1);
  expect(directives['style-src'][0]).toMatch(/^'sha256-/);
  expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  // one executable script (the module whose hash is in the policy); the rest are data blocks
  const scripts = [...html.matchAll(/<script([^>]*)>/g)].map((m) => m[1].trim());
  expect(scripts.filter((a) => a === 'type="module"')).toHaveLength(1);
  expect(scripts.filter((a) => a !== 'type="module"').every((a) => /type="(application\/octet-stream|application\/json|text\/plain)"/.test(a))).toBe(true);
  expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/\ssrc="https?:|\shref="https?:/);
});
