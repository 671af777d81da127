// The page refuses a file for the reason the CLI does, in the CLI's words: both run the core's
// input check (src/input.rs; in the page through the worker's `read`). The cases and their
// messages are tests/fixtures/input-check.json, which tests/cli.rs checks against the CLI's
// stderr line ("corroborate: NAME: MESSAGE"); here the page's message must be "NAME: MESSAGE".
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dropFiles, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(fs.readFileSync(path.join(here, '..', 'fixtures', 'input-check.json'), 'utf8'));
const bytesOf = (c) => [...Buffer.alloc(c.pad ?? 0, 'a'), ...Buffer.from(c.hex, 'hex')];
const GOOD = 'Flood closes schools\n\nThe education department said on Monday that 120 schools would stay closed.';

const items = (page) => page.locator('#article-list > li.article-item');
const messages = (page) => page.locator('#messages li.message');

test("a file with a NUL byte is refused with the core's message, the others load", async ({ page }) => {
  await openDemo(page);
  const nul = FIXTURE.refused.find((c) => c.name === 'late-nul.txt');
  await page.getByLabel('Article files').setInputFiles([
    { name: nul.name, mimeType: 'text/plain', buffer: Buffer.from(bytesOf(nul)) },
    { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from(GOOD) },
  ]);
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(6);
  await expect(messages(page)).toHaveCount(1);
  await expect(messages(page).first()).toContainText(`${nul.name}: ${nul.message}`);
});

test('a UTF-16 file with a byte order mark is read; a bad one gets the CLI message', async ({ page }) => {
  await openDemo(page);
  const utf16 = [0xff, 0xfe, ...Buffer.from(GOOD.replace('Flood', 'Storm'), 'utf16le')];
  const bad = FIXTURE.refused.filter((c) => c.hex.startsWith('fffe'));
  expect(bad.length).toBeGreaterThan(1);
  await dropFiles(page, [
    { name: 'utf16.txt', type: 'text/plain', bytes: utf16 },
    ...bad.map((c) => ({ name: c.name, type: 'text/plain', bytes: bytesOf(c) })),
  ]);
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(6);
  await expect(items(page).nth(5).locator('input')).toHaveValue('utf16.txt');
  await expect(page.locator('body')).toContainText('Storm closes schools');
  await expect(messages(page)).toHaveCount(bad.length);
  for (const c of bad) await expect(messages(page).filter({ hasText: c.name })).toContainText(`${c.name}: ${c.message}`);
});

test('every refused case of the fixture gets the CLI message in the page', async ({ page }) => {
  await openDemo(page);
  await dropFiles(
    page,
    FIXTURE.refused.map((c) => ({ name: c.name, type: 'text/plain', bytes: bytesOf(c) })),
  );
  await expect(messages(page)).toHaveCount(FIXTURE.refused.length);
  for (const c of FIXTURE.refused) await expect(messages(page).filter({ hasText: c.name })).toContainText(`${c.name}: ${c.message}`);
  await expect(items(page)).toHaveCount(5);
});
