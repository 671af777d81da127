// While the worker analyses, the page shows how far it is: a determinate bar and the running
// stage ("finding entities… (stage 3 of 6)"), from the worker's `progress` notices (at most
// one per stage change, else one per 50 ms, so 200 articles do not flood the page), and the
// Cancel button stays usable beside the changing status line.
import { expect, openDemo, openInput, test } from './fixtures.js';
import { dropArticles, hundredArticles } from './hundred.js';

test.setTimeout(120_000);

/** 200 articles: the hundred edited copies of the samples, twice under other names. */
function twoHundred() {
  const hundred = hundredArticles();
  return [...hundred, ...hundred.map((a) => ({ name: `again-${a.name}`, text: `${a.text}\nAgain.` }))];
}

test('the client hears every stage in order, and few notices for 200 articles', async ({ page }) => {
  await openDemo(page);
  const got = await page.evaluate(async (articles) => {
    const { AnalyzerClient } = await import(new URL('./client.js', location.href).href);
    const client = new AnalyzerClient();
    await client.ready();
    const notices = [];
    const t0 = performance.now();
    const { report } = await client.analyze(articles, undefined, { onProgress: (p) => notices.push(p) });
    const ms = performance.now() - t0;
    client.terminate();
    return { notices, ms, docs: report.documents.length };
  }, twoHundred());
  expect(got.docs).toBe(200);
  const steps = got.notices.map((n) => n.step);
  expect(steps.every((s, i) => i === 0 || s >= steps[i - 1]), JSON.stringify(steps)).toBe(true);
  expect([...new Set(got.notices.map((n) => `${n.step}:${n.stage}`))]).toEqual(
    ['1:prepare', '2:figures', '3:entities', '4:claims', '5:spans', '6:compare'],
  );
  expect(got.notices.every((n) => n.steps === 6 && n.total === 200 && n.done >= 0 && n.done <= 200)).toBe(true);
  expect(got.notices.at(-1)).toEqual({ stage: 'compare', step: 6, steps: 6, done: 200, total: 200 });
  // one per stage change, else one per 50 ms (3 per-article stages × 200 would be 600)
  expect(got.notices.length).toBeLessThanOrEqual(6 + 3 + Math.ceil(got.ms / 50));
  console.log(`200 articles: ${got.notices.length} progress notices in ${Math.round(got.ms)} ms`);
});

test('the page shows a determinate bar and the running stage during a long analysis', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');
  // record every (status, bar) the page shows, from the drop to the results
  await page.evaluate(() => {
    window.__seen = [];
    const bar = document.getElementById('progress');
    const status = document.getElementById('status');
    let last = '';
    window.__watch = setInterval(() => {
      const value = bar.hidden ? 'hidden' : bar.hasAttribute('value') ? bar.value : 'indeterminate';
      const now = JSON.stringify([status.textContent, value]);
      if (now !== last) window.__seen.push([status.textContent, value]);
      last = now;
    }, 5);
  });
  await dropArticles(page, twoHundred());
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 90_000 });
  const seen = await page.evaluate(() => {
    clearInterval(window.__watch);
    return window.__seen;
  });
  await expect(page.locator('#status')).toContainText('Analysed 200 articles');
  const running = seen.filter(([text, value]) => /\(stage \d of 6\)/.test(text) && typeof value === 'number');
  expect(running.length, JSON.stringify(seen.slice(0, 40))).toBeGreaterThan(0);
  // a stage named, a determinate value between the ends, and neither goes back
  expect(running.some(([text, value]) => /: finding entities… \(stage 3 of 6\)/.test(text) && value > 0 && value < 1)).toBe(true);
  const stages = running.map(([text]) => Number(text.match(/\(stage (\d) of 6\)/)[1]));
  expect(stages.every((s, i) => i === 0 || s >= stages[i - 1]), JSON.stringify(stages)).toBe(true);
  const values = running.map(([, value]) => value);
  expect(values.every((v, i) => i === 0 || v >= values[i - 1]), JSON.stringify(values)).toBe(true);
});

test('the Cancel button stays beside the stage and still cancels', async ({ page }) => {
  await openDemo(page);
  const area = await openInput(page);
  await area.evaluate((el) => {
    const good = 'Bridge reopens\n\nThe mayor said on Friday that the bridge over the river would reopen in May.';
    el.value = (good + '\n\n').repeat(40_000); // ~3.9 MB: several seconds of work
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.getByRole('button', { name: 'Add article' }).click();
  const cancel = page.locator('#status button.cancel-analysis');
  await expect(cancel).toBeVisible({ timeout: 10_000 });
  await expect(page.locator('#status')).toContainText(/\(stage [3-6] of 6\)/, { timeout: 10_000 });
  await expect(cancel).toBeVisible();
  expect(await page.locator('#progress').evaluate((bar) => bar.hasAttribute('value') && bar.value > 0)).toBe(true);
  await cancel.click();
  await expect(page.locator('#status')).toContainText('cancelled', { timeout: 5_000 });
  await expect(page.locator('body')).toHaveAttribute('data-state', 'idle');
  await expect(page.locator('#progress')).toBeHidden();
});
