// The client recovers: a failing analysis replaces the worker (the next analysis works with no
// reload), a failing article is named and the others are analysed, and a long analysis can be
// cancelled. The failing article here is a lone UTF-16 surrogate, which the core refuses; a
// wasm trap takes the same path (the worker answers with an error, the client restarts it).
import { expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';

const GOOD = 'Bridge reopens\n\nThe mayor said on Friday that the bridge over the river would reopen in May.';
const BAD = 'Broken text\n\nThe minister said \uD800 that the talks had failed.';

test('a failing article is named, the others analysed, and the next analysis works', async ({ page }) => {
  await openDemo(page);
  const got = await page.evaluate(
    async ([good, bad]) => {
      const { AnalyzerClient } = await import(new URL('./client.js', location.href).href);
      const client = new AnalyzerClient();
      const first = await client.analyzeSkipping([
        { name: 'good.txt', text: good },
        { name: 'bad.txt', text: bad },
        { name: 'good2.txt', text: good },
      ]);
      const worker = client.worker;
      let plainError = null;
      try {
        await client.analyze([{ name: 'bad.txt', text: bad }]);
      } catch (err) {
        plainError = err.message;
      }
      const replaced = client.worker !== worker;
      const next = await client.analyze([{ name: 'after.txt', text: good }]);
      client.terminate();
      return {
        skipped: first.skipped.map((s) => [s.index, s.name]),
        docs: first.report.documents.map((d) => d.name),
        plainError,
        replaced,
        nextDocs: next.report.documents.map((d) => d.name),
      };
    },
    [GOOD, BAD],
  );
  expect(got.skipped).toEqual([[1, 'bad.txt']]);
  expect(got.docs).toEqual(['good.txt', 'good2.txt']);
  expect(got.plainError).toBeTruthy();
  expect(got.replaced).toBe(true);
  expect(got.nextDocs).toEqual(['after.txt']);
});

test('a long analysis can be cancelled, and the next one works', async ({ page }) => {
  await openDemo(page);
  const got = await page.evaluate(async (good) => {
    const { AnalyzerClient } = await import(new URL('./client.js', location.href).href);
    const client = new AnalyzerClient();
    await client.ready();
    const big = (good + '\n\n').repeat(30_000); // ~2.9 MB: seconds of work
    const t0 = performance.now();
    const running = client.analyze([{ name: 'big.txt', text: big }]).then(
      () => 'finished',
      (err) => (err.cancelled ? 'cancelled' : `failed: ${err.message}`),
    );
    await new Promise((r) => setTimeout(r, 300));
    client.cancel();
    const outcome = await running;
    const ms = performance.now() - t0;
    const next = await client.analyze([{ name: 'after.txt', text: good }]);
    client.terminate();
    return { outcome, ms, nextDocs: next.report.documents.length };
  }, GOOD);
  expect(got.outcome).toBe('cancelled');
  expect(got.ms).toBeLessThan(2000);
  expect(got.nextDocs).toBe(1);
});

test('the page names a failing article and shows the others', async ({ page }) => {
  await openDemo(page);
  // set from script: typing through the browser would replace the lone surrogate
  const area = await openInput(page);
  await area.evaluate((el, bad) => {
    el.value = bad;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, BAD);
  await page.getByLabel('Name (optional)').fill('bad.txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#status')).toContainText('Left out');
  await expect(page.locator('#status')).toContainText('bad.txt');
  // the five sample articles are still analysed and shown
  await expect(page.locator('#claims thead th.col-doc')).toHaveCount(5);
  // the message offers to remove it; removing it leaves the five, analysed, with no message
  await page.getByRole('button', { name: 'Remove bad.txt' }).click();
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
  await waitAnalysed(page);
  await expect(page.locator('#status')).not.toContainText('Left out');
  await expect(page.locator('#messages .message-skipped')).toHaveCount(0);
});

test('the page offers to cancel a long analysis, and cancelling stops it', async ({ page }) => {
  await openDemo(page);
  const area = await openInput(page);
  await area.evaluate((el, good) => {
    el.value = (good + '\n\n').repeat(40_000); // ~3.9 MB: several seconds of work
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, GOOD);
  await page.getByRole('button', { name: 'Add article' }).click();
  const cancel = page.locator('#status button.cancel-analysis');
  await expect(cancel).toBeVisible({ timeout: 10_000 });
  await cancel.click();
  await expect(page.locator('#status')).toContainText('cancelled', { timeout: 5_000 });
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');
  // removing the long article analyses the others again
  await page.locator('#article-list > li.article-item').nth(5).getByRole('button', { name: /^Remove article/ }).click();
  await waitAnalysed(page);
});
