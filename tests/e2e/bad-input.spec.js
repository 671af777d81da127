// Bad input gets a clear message naming the file and the reason, and the good files in the
// same batch still load.
import { dropFiles, expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';

const GOOD = 'Storm closes schools across the region\n\nThe education department said on Monday that 120 schools would stay closed until Wednesday because of flooding.';
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01];
const INVALID_UTF8 = [...Buffer.from('Caf'), 0xe9, ...Buffer.from(' au lait, said the owner on Monday.')]; // Latin-1 é
const FIVE_MB = 5 * 1024 * 1024;

const items = (page) => page.locator('#article-list > li.article-item');
const messages = (page) => page.locator('#messages li.message');

test('binary, empty, oversized and non-UTF-8 files get a message; the good file loads', async ({ page }) => {
  await openDemo(page);
  await page.getByLabel('Article files').setInputFiles([
    { name: 'good.txt', mimeType: 'text/plain', buffer: Buffer.from(GOOD) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(PNG) },
    { name: 'renamed-binary.txt', mimeType: 'text/plain', buffer: Buffer.from(PNG) },
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'blank.md', mimeType: 'text/markdown', buffer: Buffer.from('  \n\n\t \n') },
    { name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from(INVALID_UTF8) },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(FIVE_MB + 1, 'a') },
  ]);
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(items(page).nth(5).locator('input')).toHaveValue('good.txt');
  await expect(messages(page)).toHaveCount(6);
  await expect(messages(page).filter({ hasText: 'photo.png' })).toContainText('is not a text file');
  await expect(messages(page).filter({ hasText: 'renamed-binary.txt' })).toContainText('binary');
  // the core's input check, worded as the CLI words it (tests/e2e/input-check.spec.js)
  await expect(messages(page).filter({ hasText: 'empty.txt' })).toContainText('empty.txt: empty: no text to analyse');
  await expect(messages(page).filter({ hasText: 'blank.md' })).toContainText('blank.md: empty: no text to analyse');
  await expect(messages(page).filter({ hasText: 'latin1.txt' })).toContainText('latin1.txt: not UTF-8 text (bad byte at offset 3)');
  await expect(messages(page).filter({ hasText: 'huge.txt' })).toContainText('huge.txt: too large: over the limit of 5 MB per article');
  // a message can be dismissed
  await messages(page).filter({ hasText: 'photo.png' }).getByRole('button', { name: /^Dismiss/ }).click();
  await expect(messages(page)).toHaveCount(5);
});

test('dropped bad files get a message too', async ({ page }) => {
  await openDemo(page);
  await dropFiles(page, [
    { name: 'binary.txt', type: 'text/plain', bytes: PNG },
    { name: 'good.md', type: 'text/markdown', text: GOOD },
    { name: 'empty.html', type: 'text/html', text: '<html><body><script>1</script></body></html>' },
  ]);
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(messages(page)).toHaveCount(2);
  await expect(messages(page).filter({ hasText: 'binary.txt' })).toContainText('binary');
  await expect(messages(page).filter({ hasText: 'empty.html' })).toContainText('no article text');
});

test('an empty paste gets a message and adds nothing', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill('   \n  ');
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(messages(page)).toHaveCount(1);
  await expect(messages(page)).toContainText('paste the text of an article first');
  await expect(items(page)).toHaveCount(5);
  await expect(page.getByRole('textbox', { name: 'Paste the text of an article' })).toBeFocused();
});

test('a paste over 5 MB gets a message', async ({ page }) => {
  await openDemo(page);
  await openInput(page);
  await page.evaluate((n) => {
    document.getElementById('paste-text').value = 'word '.repeat(n);
  }, Math.ceil((5 * 1024 * 1024 + 1) / 5));
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(messages(page)).toContainText('the limit is 5 MB per article');
  await expect(items(page)).toHaveCount(5);
});
