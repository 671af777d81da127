// Adding articles: paste, drop (DataTransfer), pick (file input), rename and remove.
import { chip, dropFiles, expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';
import { ARDERN } from './texts.js';


const items = (page) => page.locator('#article-list > li.article-item');

test('a pasted article is analysed with the others', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(ARDERN);
  await page.getByLabel('Name (optional)').fill('ardern.txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(items(page).nth(5).locator('.article-title')).toContainText('New Zealand votes to tighten gun laws');
  await expect(items(page).nth(5).locator('input')).toHaveValue('ardern.txt');
  await expect(chip(page, 'Jacinda Ardern')).toHaveCount(1);
  await expect(page.locator('#claims thead th.col-doc')).toHaveCount(6);
  await expect(page.locator('#paste-text')).toHaveValue('');
});

test('Ctrl+Enter in the text box adds the article', async ({ page }) => {
  await openDemo(page);
  const area = await openInput(page);
  await area.fill(ARDERN);
  await area.press('Control+Enter');
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(items(page).nth(5).locator('input')).toHaveValue('Pasted article 1');
});

test('a dropped file is added (DataTransfer path)', async ({ page }) => {
  await openDemo(page);
  await dropFiles(page, [{ name: 'dropped.txt', type: 'text/plain', text: ARDERN }]);
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(items(page).nth(5).locator('input')).toHaveValue('dropped.txt');
  await expect(chip(page, 'Jacinda Ardern')).toHaveCount(1);
});

test('a picked file is added (file input path), Markdown too', async ({ page }) => {
  await openDemo(page);
  await page.getByLabel('Article files').setInputFiles([
    { name: 'picked.md', mimeType: 'text/markdown', buffer: Buffer.from(`# ${ARDERN}`) },
  ]);
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  await expect(items(page).nth(5).locator('input')).toHaveValue('picked.md');
  await expect(chip(page, 'Jacinda Ardern')).toHaveCount(1);
});

test('an HTML file is reduced to its article text', async ({ page }) => {
  await openDemo(page);
  const paragraphs = ARDERN.split('\n').filter(Boolean).slice(1).map((p) => `<p>${p}</p>`).join('\n');
  const html = `<!doctype html><html><head><title>Gun laws | Example News</title></head><body>
    <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
    <article><h1>New Zealand votes to tighten gun laws after Christchurch attack</h1>${paragraphs}</article>
    <footer>© Example News. All rights reserved.</footer></body></html>`;
  await page.getByLabel('Article files').setInputFiles([{ name: 'ardern.html', mimeType: 'text/html', buffer: Buffer.from(html) }]);
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);
  const text = page.locator('#texts details[data-doc="5"] .doc-text');
  await expect(text).toContainText('Jacinda Ardern, the prime minister of New Zealand');
  await expect(text).not.toContainText('All rights reserved');
  await expect(text).not.toContainText('<p>');
  await expect(chip(page, 'Jacinda Ardern')).toHaveCount(1);
});

test('articles can be renamed and removed', async ({ page }) => {
  await openDemo(page);
  const name = items(page).nth(0).locator('input');
  await name.fill('first article');
  await name.press('Enter');
  await name.blur();
  await expect(page.locator('#claims thead th.col-doc').first()).toHaveAttribute('title', /\(first article\)$/);
  await expect(items(page).nth(0).locator('input')).toHaveValue('first article');

  const secondTitle = await items(page).nth(1).locator('.article-title').textContent();
  await items(page).nth(0).getByRole('button', { name: /^Remove article 1/ }).click();
  await expect(items(page)).toHaveCount(4);
  await waitAnalysed(page);
  await expect(items(page).nth(0).locator('.article-title')).toHaveText(secondTitle);
  await expect(page.locator('#claims thead th.col-doc')).toHaveCount(4);
  await expect(page.locator('#status')).toContainText('Analysed 4 articles');

  // removing everything asks first, in the page's own dialog
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  await expect(items(page)).toHaveCount(0);
  await expect(page.locator('#results')).toBeHidden();
  await page.getByRole('button', { name: 'Load the sample articles' }).click();
  await expect(items(page)).toHaveCount(5);
  await waitAnalysed(page);
});
