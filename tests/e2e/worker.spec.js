// The worker protocol: `{type, id}` in, one reply with the same id out; unknown types are
// logged and answered with an error; `init` (the wasm binary, for the single-file build) is
// refused once the module is loading; `analyze` hands its `options` (the reader's edits) to the
// core whatever the reply format.
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
        if (got.length === 4) resolve();
      });
    });
    worker.postMessage({ type: 'ready', id: 1 });
    worker.postMessage({ type: 'analyze', id: 2, articles: [{ name: 'a.txt', text: 'Short test article\n\nThe mayor said on Friday that the bridge would open in May.' }] });
    worker.postMessage({ type: 'no-such-thing', id: 3 });
    // the wasm binary can only be handed over before the module loads
    worker.postMessage({ type: 'init', id: 4, wasm: new ArrayBuffer(8) });
    await done;
    worker.terminate();
    return got.map((m) => ({ type: m.type, id: m.id, schema: m.report?.schema, docs: m.report?.documents?.length, message: m.message }));
  });
  replies.sort((a, b) => a.id - b.id);
  expect(replies[0]).toMatchObject({ type: 'ready', id: 1 });
  expect(replies[1]).toMatchObject({ type: 'report', id: 2, schema: 'corroborate/report@1', docs: 1 });
  expect(replies[2]).toMatchObject({ type: 'error', id: 3, message: 'unknown message type: no-such-thing' });
  expect(replies[3]).toMatchObject({ type: 'error', id: 4, message: 'init must come before any other request' });
  await expect.poll(() => warnings.some((w) => w.includes('unknown message'))).toBe(true);
});

test('analyze passes its options (the edits) to the core in every format; bad options are an error', async ({ page }) => {
  await openDemo(page);
  const replies = await page.evaluate(async () => {
    const demo = await fetch('pkg/demo.json').then((r) => r.json());
    const worker = new Worker(new URL('./worker.js', location.href), { type: 'module' });
    const pending = new Map();
    worker.addEventListener('message', (e) => pending.get(e.data.id)?.(e.data));
    let next = 1;
    const ask = (msg) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        worker.postMessage({ ...msg, id });
      });
    const edits = { edits: [{ merge: ['Vladimir Putin', 'Dmitry Peskov'] }, { split: 'Nikol Pashinyan' }, { split: 'No Such Name' }] };
    const read = (m) => {
      const report = m.report ?? (m.json ? JSON.parse(m.json) : m.parts ? Object.fromEntries(Object.entries(m.parts).map(([k, v]) => [k, JSON.parse(v)])) : null);
      if (!report) return { type: m.type, message: m.message };
      const byName = (n) => report.entities.find((e) => e.name === n);
      return {
        type: m.type,
        putin: byName('Vladimir Putin')?.mentions.length,
        putinAliases: byName('Vladimir Putin')?.aliases,
        peskov: Boolean(byName('Dmitry Peskov')),
        pashinyan: [byName('Nikol Pashinyan')?.mentions.length, byName('Pashinyan')?.mentions.length],
        notes: report.notes,
      };
    };
    const out = {
      plain: read(await ask({ type: 'analyze', articles: demo })),
      object: read(await ask({ type: 'analyze', articles: demo, options: edits })),
      json: read(await ask({ type: 'analyze', articles: demo, options: edits, format: 'json' })),
      parts: read(await ask({ type: 'analyze', articles: demo, options: edits, format: 'parts' })),
      bad: read(await ask({ type: 'analyze', articles: demo, options: { edits: [{ join: ['a', 'b'] }] }, format: 'parts' })),
    };
    worker.terminate();
    return out;
  });
  expect(replies.plain.peskov).toBe(true);
  expect(replies.plain.pashinyan[1]).toBeUndefined();
  for (const format of ['object', 'json', 'parts']) {
    const r = replies[format];
    expect(r.type, format).toBe('report');
    expect(r.peskov, format).toBe(false);
    expect(r.putinAliases, format).toContain('Dmitry Peskov');
    expect(r.putin, format).toBeGreaterThan(replies.plain.putin);
    expect(r.pashinyan[0] + r.pashinyan[1], format).toBe(replies.plain.pashinyan[0]);
    expect(r.notes.join(' '), format).toContain('No Such Name');
  }
  expect(replies.bad.type).toBe('error');
  expect(replies.bad.message).toMatch(/options/);
});

test('a limit error thrown by the core is shown, and the page recovers', async ({ page }) => {
  await openDemo(page);
  // more articles than one analysis takes (the core's limit is 2000): dropped in one go
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    for (let i = 0; i < 2001; i++) transfer.items.add(new File([`Headline ${i}\n\nThe council met on Monday.`], `n${i}.txt`, { type: 'text/plain' }));
    document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
  await expect(page.locator('body')).toHaveAttribute('data-state', 'error', { timeout: 45_000 });
  await expect(page.locator('#status')).toContainText('The analysis failed');
  await expect(page.locator('#status')).toContainText('over the limit');
  await expect(page.locator('#results')).toBeHidden();
  await page.getByRole('button', { name: 'Load the sample articles' }).click();
  // the user's own articles are replaced only once the dialog says so
  await page.getByRole('dialog').getByRole('button', { name: 'Replace' }).click();
  await expect(page.locator('body')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(5);
});
