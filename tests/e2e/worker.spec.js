// The worker protocol: `{type, id}` in, one reply with the same id out; unknown types are
// logged and answered with an error.
import { expect, openDemo, test } from './fixtures.js';

test('the worker answers analyze, ready and unknown messages by id', async ({ page }) => {
  await openDemo(page);
  const warnings = [];
  page.on('console', (msg) => {
    if (msg.type() === 'warning') warnings.push(msg.text());
  });
  const replies = await page.evaluate(async () => {
    const worker = new Worker(new URL('./worker.js', location.href), { type: 'module' });
    const got = [];
    const done = new Promise((resolve) => {
      worker.addEventListener('message', (e) => {
        got.push(e.data);
        if (got.length === 3) resolve();
      });
    });
    worker.postMessage({ type: 'ready', id: 1 });
    worker.postMessage({ type: 'analyze', id: 2, articles: [{ name: 'a.txt', text: 'Short test article\n\nThe mayor said on Friday that the bridge would open in May.' }] });
    worker.postMessage({ type: 'no-such-thing', id: 3 });
    await done;
    worker.terminate();
    return got.map((m) => ({ type: m.type, id: m.id, schema: m.report?.schema, docs: m.report?.documents?.length, message: m.message }));
  });
  replies.sort((a, b) => a.id - b.id);
  expect(replies[0]).toMatchObject({ type: 'ready', id: 1 });
  expect(replies[1]).toMatchObject({ type: 'report', id: 2, schema: 'corroborate/report@1', docs: 1 });
  expect(replies[2]).toMatchObject({ type: 'error', id: 3, message: 'unknown message type: no-such-thing' });
  await expect.poll(() => warnings.some((w) => w.includes('unknown message'))).toBe(true);
});
