// A whole session never contacts another origin: page, modules, worker, wasm, service worker,
// an imported HTML file full of remote images, scripts, styles and frames, exports, the widget.
// Every request the browser context makes is recorded, the service worker's included.
import { chip, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const REMOTE_HTML = `<!doctype html><html><head><title>Remote | Tracker News</title>
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<link rel="preload" href="https://cdn.example.com/font.woff2" as="font">
<script src="https://cdn.example.com/analytics.js"></script>
<meta http-equiv="refresh" content="0; url=https://example.com/">
<style>@import url("https://cdn.example.com/more.css"); body { background: url(https://cdn.example.com/bg.png) }</style>
</head><body>
<img src="https://pixel.example.com/1x1.gif" srcset="https://pixel.example.com/2x.gif 2x">
<picture><source srcset="https://img.example.com/a.webp"><img src="https://img.example.com/a.jpg"></picture>
<iframe src="https://ads.example.com/frame"></iframe>
<video poster="https://img.example.com/poster.jpg" src="https://media.example.com/v.mp4"></video>
<object data="https://cdn.example.com/x.swf"></object>
<article><h1>Tram line extended to the airport</h1>
<p>The transport authority said on Wednesday that the new tram line to the airport would open in September and carry 20,000 passengers a day.</p>
<p style="background-image:url(https://img.example.com/p.png)">Officials told reporters that tickets would cost the same as on the rest of the network.</p>
</article></body></html>`;

test.use({ serviceWorkers: 'allow' });

test('a session makes no request to any other origin', async ({ page, context, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await openDemo(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.getByLabel('Article files').setInputFiles([{ name: 'tram.html', mimeType: 'text/html', buffer: Buffer.from(REMOTE_HTML) }]);
  await waitAnalysed(page);
  await expect(page.locator('#texts details[data-doc="5"] .doc-text')).toContainText('tram line to the airport');
  await chip(page, 'Vladimir Putin').click();
  await page.locator('#claims button.jump').first().click();
  await page.getByRole('radio', { name: 'side by side' }).check();
  for (const name of ['Report (JSON)', 'Claim table (CSV)', 'Brief (Markdown)']) {
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  }
  await page.reload();
  await waitAnalysed(page);
  await page.goto('embed-example.html');
  await expect(page.locator('corroborate-widget')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });

  expect(requests.length).toBeGreaterThan(10);
  const foreign = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('blob:') && !u.startsWith('data:'));
  expect(foreign).toEqual([]);
});
