// Two tabs of the page share one saved session: an article added in one tab is not lost when
// the other tab saves; the other tab takes it in and says so.
import { expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';

const items = (page) => page.locator('#article-list > li.article-item');

async function paste(page, name, text) {
  await (await openInput(page)).fill(text);
  await page.getByLabel('Name (optional)').fill(name);
  await page.getByRole('button', { name: 'Add article' }).click();
}

test('two tabs keep both tabs’ articles', async ({ page, context }) => {
  await openDemo(page);
  const other = await context.newPage();
  await openDemo(other);
  await expect(items(other)).toHaveCount(5);

  await paste(page, 'ferry.txt', 'Ferry resumes\n\nThe port authority said on Thursday that the ferry would run again from Monday.');
  await expect(items(page)).toHaveCount(6);
  await waitAnalysed(page);

  await paste(other, 'bridge.txt', 'Bridge reopens\n\nThe mayor said on Friday that the bridge over the river would reopen in May.');
  // the other tab's save finds ferry.txt saved by the first tab and keeps it
  await expect(items(other)).toHaveCount(7);
  await expect(other.locator('#messages')).toContainText('saved in another tab: ferry.txt');
  await waitAnalysed(other);

  await page.reload();
  await waitAnalysed(page);
  await expect(items(page)).toHaveCount(7);
  const names = await items(page).locator('input').evaluateAll((xs) => xs.map((x) => x.value));
  expect(names).toEqual(expect.arrayContaining(['ferry.txt', 'bridge.txt']));
  await other.close();
});
