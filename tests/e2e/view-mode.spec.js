// Readers and own articles (issue 12): `<corroborate-widget mode="view">` shows the digest and
// the results with no input or editing control; a reader's first own article added to the
// samples is not compared with them silently: the page asks whether to keep them.
import { expect, openDemo, openInput, test } from './fixtures.js';

const HOST = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="widget.js"></script></head><body><main><h1>Host page</h1>
<corroborate-widget id="readers" mode="view" persist="off"
  articles="pkg/samples/sample-1.txt pkg/samples/sample-2.txt pkg/samples/sample-4.txt"></corroborate-widget>
</main></body></html>`;

test('mode="view" shows the digest and results with no input controls', async ({ page }) => {
  await page.route('**/view-host.html', (route) => route.fulfill({ contentType: 'text/html', body: HOST }));
  await page.goto('view-host.html');
  const w = page.locator('corroborate-widget');
  await expect(w).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  await expect(w.locator('#status')).toContainText('Analysed 3 articles');
  await expect(w.locator('#digest-heading')).toBeVisible();
  await expect(w.locator('#digest .headline-list > li')).toHaveCount(3);
  await expect(w.locator('#claims .claim').first()).toBeVisible();
  // no way to add, remove, rename or correct anything
  for (const selector of ['textarea', 'input[type="file"]', 'input[type="text"]', '#load-demo', '#clear-all', '#merge-mode', '#add-fold', '#article-list', '#theme']) {
    await expect(w.locator(selector), selector).toHaveCount(0);
  }
  // a chip still highlights, without split or rename
  await w.locator('#chips button.chip').first().click();
  await expect(w.locator('#selection')).toBeVisible();
  await expect(w.locator('#selection form.rename, #selection button.split')).toHaveCount(0);
});

test('a first own article added to the samples asks whether to keep them', async ({ page }) => {
  await openDemo(page);
  const area = await openInput(page);
  await area.fill('Council approves new bridge\n\nThe city council approved a new bridge on Monday, the mayor said.\n');
  await page.getByRole('button', { name: 'Add article' }).click();
  const question = page.locator('#samples-question');
  await expect(question).toBeVisible();
  await expect(question).toContainText('added to the 5 sample articles');
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(6);
  await question.getByRole('button', { name: 'Compare only my articles' }).click();
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(1);
  await expect(page.locator('#article-list input').first()).toHaveValue('Pasted article 1');
  await expect(question).toBeHidden();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
});
