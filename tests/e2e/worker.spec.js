// The worker protocol: `{type, id}` in; out, `{id, kind}` replies with the same id: one
// `result` or one `error` per request, `progress` notices before an analysis's result when
// asked for; unknown types are logged and answered with an error; `init` (the wasm binary, for
// the single-file build) is refused once the module is loading; `analyze` hands its `options`
// (the reader's edits) to the core.
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
    return got.map((m) => ({
      keys: Object.keys(m).sort(),
      kind: m.kind,
      id: m.id,
      schema: m.parts && JSON.parse(m.parts.schema),
      docs: m.parts && JSON.parse(m.parts.documents).length,
      digest: typeof m.digest,
      message: m.message,
    }));
  });
  replies.sort((a, b) => a.id - b.id);
  expect(replies[0]).toMatchObject({ kind: 'result', id: 1, keys: ['id', 'kind'] });
  expect(replies[1]).toMatchObject({ kind: 'result', id: 2, keys: ['digest', 'id', 'kind', 'ms', 'parts'], schema: 'corroborate/report@1', docs: 1, digest: 'string' });
  expect(replies[2]).toMatchObject({ kind: 'error', id: 3, message: 'unknown message type: no-such-thing' });
  expect(replies[3]).toMatchObject({ kind: 'error', id: 4, message: 'init must come before any other request' });
  await expect.poll(() => warnings.some((w) => w.includes('unknown message'))).toBe(true);
});

test('analyze passes its options (the edits) to the core; bad options are an error; progress notices come first', async ({ page }) => {
  await openDemo(page);
  const replies = await page.evaluate(async () => {
    const demo = await fetch('pkg/demo.json').then((r) => r.json());
    const worker = new Worker(new URL('./worker.js', location.href), { type: 'module' });
    const pending = new Map();
    const kinds = new Map();
    worker.addEventListener('message', (e) => {
      kinds.set(e.data.id, [...(kinds.get(e.data.id) ?? []), e.data.kind]);
      if (e.data.kind !== 'progress') pending.get(e.data.id)?.(e.data);
    });
    let next = 1;
    const ask = (msg) =>
      new Promise((resolve) => {
        const id = next++;
        pending.set(id, resolve);
        worker.postMessage({ ...msg, id });
      });
    const edits = { edits: [{ merge: ['Vladimir Putin', 'Dmitry Peskov'] }, { split: 'Nikol Pashinyan' }, { split: 'No Such Name' }] };
    const read = (m) => {
      if (m.kind !== 'result') return { kind: m.kind, message: m.message };
      const report = Object.fromEntries(Object.entries(m.parts).map(([k, v]) => [k, JSON.parse(v)]));
      const byName = (n) => report.entities.find((e) => e.name === n);
      return {
        kind: m.kind,
        putin: byName('Vladimir Putin')?.mentions.length,
        putinAliases: byName('Vladimir Putin')?.aliases,
        peskov: Boolean(byName('Dmitry Peskov')),
        pashinyan: [byName('Nikol Pashinyan')?.mentions.length, byName('Pashinyan')?.mentions.length],
        notes: report.notes,
      };
    };
    const out = {
      plain: read(await ask({ type: 'analyze', articles: demo })),
      edited: read(await ask({ type: 'analyze', articles: demo, options: edits, progress: true })),
      bad: read(await ask({ type: 'analyze', articles: demo, options: { edits: [{ join: ['a', 'b'] }] } })),
    };
    worker.terminate();
    return { ...out, kinds: Object.fromEntries(kinds) };
  });
  expect(replies.plain.peskov).toBe(true);
  expect(replies.plain.pashinyan[1]).toBeUndefined();
  const r = replies.edited;
  expect(r.kind).toBe('result');
  expect(r.peskov).toBe(false);
  expect(r.putinAliases).toContain('Dmitry Peskov');
  expect(r.putin).toBeGreaterThan(replies.plain.putin);
  expect(r.pashinyan[0] + r.pashinyan[1]).toBe(replies.plain.pashinyan[0]);
  expect(r.notes.join(' ')).toContain('No Such Name');
  expect(replies.bad.kind).toBe('error');
  expect(replies.bad.message).toMatch(/options/);
  // one answer per request; progress notices only where asked for, and all before the answer
  expect(replies.kinds[1]).toEqual(['result']);
  const withProgress = replies.kinds[2];
  expect(withProgress.at(-1)).toBe('result');
  expect(withProgress.length).toBeGreaterThan(1);
  expect(withProgress.slice(0, -1).every((k) => k === 'progress')).toBe(true);
  expect(replies.kinds[3]).toEqual(['error']);
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
