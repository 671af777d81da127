// Article text is data, never markup: HTML in pasted text shows as text, and an HTML file's
// scripts and event handlers never run (DOMParser + Readability, nothing inserted as HTML).
import { dropFiles, expect, openDemo, openInput, test, waitAnalysed } from './fixtures.js';

const PAYLOAD_TEXT = [
  'Officials deny breach at city water plant',
  '',
  'The mayor said on Friday that the plant was safe. <img src=x onerror="window.__pwned=1;alert(1)"> The council agreed.',
  '',
  'A spokesman added: <script>window.__pwned=2;alert(1)</script> nothing else happened.',
].join('\n');

const PAYLOAD_HTML = `<!doctype html>
<html><head><title>Water plant</title>
<script>window.__pwned = 3; alert('head script');</script>
</head>
<body onload="window.__pwned = 4; alert('onload')">
<article>
<h1>Officials deny breach at city water plant</h1>
<p>The mayor said on Friday that the plant in the north of the city was safe and that no one had been harmed by the incident.</p>
<img src="x" onerror="window.__pwned = 5; alert('img')">
<script>window.__pwned = 6; alert('body script');</script>
<p>Engineers checked every pump on Saturday, the council said, and found nothing wrong with the filters or the pipes.</p>
<p>The text &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; is written out in this paragraph.</p>
<svg><script>window.__pwned = 7;</script></svg>
<iframe srcdoc="<script>parent.__pwned = 8</script>"></iframe>
<a href="javascript:window.__pwned=9">a link</a>
</article>
</body></html>`;

async function expectNothingRan(page) {
  // give any image error handler or script a moment to fire
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  await expect(page.locator('main img, main script:not([src]), main iframe, main svg')).toHaveCount(0);
}

test('HTML in pasted text is shown as text and runs nothing', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(PAYLOAD_TEXT);
  await page.getByRole('button', { name: 'Add article' }).click();
  await expect(page.locator('#article-list > li.article-item')).toHaveCount(6);
  await waitAnalysed(page);
  const text = page.locator('#texts details[data-doc="5"] .doc-text');
  await expect(text).toContainText('<img src=x onerror="window.__pwned=1;alert(1)">');
  await expect(text).toContainText('<script>window.__pwned=2;alert(1)</script>');
  await page.locator('#texts details[data-doc="5"] summary').click();
  await expectNothingRan(page);
});

for (const via of ['file input', 'drop']) {
  test(`an HTML file with scripts and handlers runs nothing (${via})`, async ({ page }) => {
    await openDemo(page);
    const file = { name: 'water.html', type: 'text/html', text: PAYLOAD_HTML };
    if (via === 'drop') await dropFiles(page, [file]);
    else await page.getByLabel('Article files').setInputFiles([{ name: file.name, mimeType: file.type, buffer: Buffer.from(file.text) }]);
    await expect(page.locator('#article-list > li.article-item')).toHaveCount(6);
    await waitAnalysed(page);
    const text = page.locator('#texts details[data-doc="5"] .doc-text');
    await expect(text).toContainText('Engineers checked every pump');
    // escaped markup in the article is kept as the literal text it is
    await expect(text).toContainText('<script>alert(1)</script>');
    await expect(text).not.toContainText('window.__pwned');
    await page.locator('#texts details[data-doc="5"] summary').click();
    await expectNothingRan(page);
  });
}

test('article names and titles are shown as text too', async ({ page }) => {
  await openDemo(page);
  await (await openInput(page)).fill(`<b onmouseover=alert(1)>Bold</b> headline here\n\n${PAYLOAD_TEXT}`);
  await page.getByLabel('Name (optional)').fill('<img src=x onerror=alert(1)>.txt');
  await page.getByRole('button', { name: 'Add article' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#article-list > li.article-item').nth(5).locator('input')).toHaveValue('<img src=x onerror=alert(1)>.txt');
  await expect(page.locator('#claims thead th.col-doc').nth(5)).toHaveAttribute('title', /\(<img src=x onerror=alert\(1\)>\.txt\)$/);
  await expect(page.locator('#texts details[data-doc="5"] .doc-text')).toContainText('<b onmouseover=alert(1)>Bold</b> headline here');
  await expectNothingRan(page);
});
