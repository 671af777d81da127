// <corroborate-widget> on an ordinary article page (www/embed-example.html): preloaded article
// URLs, its own styles inside a shadow root that hostile host CSS cannot break, the height and
// theme attributes, and clear messages for URLs it will not load.
import path from 'node:path';
import { expect, OUTPUT, test } from './fixtures.js';

// Written to break a careless widget: global resets, !important everywhere, a tiny root font
// size (rem units would shrink), inherited text styles, and rules that would unhide hidden
// elements and hide buttons.
const HOSTILE_CSS = `
* { color: #ff00ff !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 3px !important;
    text-transform: uppercase !important; line-height: 4 !important; box-sizing: content-box !important;
    word-spacing: 10px !important; font-style: italic !important; }
html { font-size: 5px !important; }
div, section, p, table, td, th { padding: 40px !important; border: 5px dotted red !important; margin: 30px !important; }
[hidden] { display: block !important; }
button, mark, details, dialog { display: none !important; }
table { display: block !important; }
corroborate-widget { font-size: 40px !important; text-align: right !important; white-space: nowrap !important;
    direction: rtl; cursor: wait !important; visibility: visible !important; }
`;

const widget = (page) => page.locator('corroborate-widget');

async function openExample(page, { hostile = true } = {}) {
  await page.route('**/hostile.css', (route) => route.fulfill({ contentType: 'text/css', body: HOSTILE_CSS }));
  await page.goto('embed-example.html');
  if (hostile) await page.addStyleTag({ url: 'hostile.css' });
  await expect(widget(page)).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
}

test('the widget on a host page with hostile CSS loads its articles and keeps its own styles', async ({ page }) => {
  await openExample(page);
  // the hostile sheet is live on the host page...
  await expect(page.locator('article > h1')).toHaveCSS('color', 'rgb(255, 0, 255)');
  await expect(page.locator('article > h1')).toHaveCSS('text-transform', 'uppercase');

  // ...and stops at the widget: its three preloaded articles are analysed and shown
  const w = widget(page);
  await expect(w.locator('#article-list > li.article-item')).toHaveCount(3);
  await expect(w.locator('#article-list input').first()).toHaveValue('sample-1.txt');
  await expect(w.locator('#status')).toContainText('Analysed 3 articles');
  const chip = w.locator('#chips button.chip').first();
  await expect(chip).toBeVisible();
  for (const [prop, bad] of [
    ['color', 'rgb(255, 0, 255)'],
    ['text-transform', 'uppercase'],
    ['letter-spacing', '3px'],
    ['font-style', 'italic'],
    ['white-space', 'nowrap'],
    ['direction', 'rtl'],
  ]) {
    await expect(chip, `chip ${prop}`).not.toHaveCSS(prop, bad);
  }
  await expect(chip).toHaveCSS('font-family', /^system-ui/);
  await expect(chip).toHaveCSS('font-size', '14.4px'); // 0.9em of the widget's own 16px
  // hidden parts stay hidden, the dialog is closed, the table is a table
  await expect(w.locator('#confirm-dialog')).toBeHidden();
  await expect(w.locator('#progress')).toBeHidden();
  await expect(w.locator('#claims table')).toHaveCSS('display', 'table');
  // the height attribute: the widget is 720px tall and scrolls inside
  const box = await w.boundingBox();
  expect(Math.round(box.height)).toBe(720);
  expect(await w.evaluate((el) => el.shadowRoot.getElementById('app').scrollHeight > 720)).toBe(true);

  // it works: a chip highlights mentions inside the widget's own article texts
  const name = (await chip.locator('.chip-name').textContent()).trim();
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(w.locator('#selection')).toContainText(`Highlighting ${name}`);
  expect(await w.locator('#texts mark.entity').count()).toBeGreaterThan(0);
  await w.screenshot({ path: path.join(OUTPUT, 'screenshots', 'widget-hostile-host.png') });
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'embed-example.png'), fullPage: true });
});

test('the theme attribute switches the widget to dark and back', async ({ page }) => {
  await openExample(page, { hostile: false });
  const root = widget(page).locator('#app');
  await expect(root).toHaveCSS('background-color', 'rgb(244, 245, 247)');
  await widget(page).evaluate((el) => el.setAttribute('theme', 'dark'));
  await expect(root).toHaveCSS('background-color', 'rgb(19, 21, 24)');
  await expect(root).toHaveCSS('color', 'rgb(230, 232, 235)');
  await expect(widget(page).locator('#theme')).toHaveValue('dark');
  await widget(page).screenshot({ path: path.join(OUTPUT, 'screenshots', 'widget-dark.png') });
  // the widget's own theme menu writes the attribute back
  await widget(page).locator('#theme').selectOption('light');
  await expect(widget(page)).toHaveAttribute('theme', 'light');
  await expect(root).toHaveCSS('background-color', 'rgb(244, 245, 247)');
});

test('the widget loads .txt and .html URLs on its origin and explains the ones it refuses', async ({ page, problems }) => {
  const article = `<!doctype html><html><head><title>Bridge | Town News</title></head><body>
    <nav><a href="/">Home</a></nav><article><h1>Town bridge to reopen in May</h1>
    <p>The mayor said on Friday that the bridge over the river would reopen in May after repairs costing 3 million euros.</p>
    <p>Engineers told reporters that the work was on schedule and that traffic would be limited for a week.</p></article></body></html>`;
  await page.route('**/host-page.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
        <script type="module" src="widget.js"></script></head><body><h1>Host page</h1>
        <corroborate-widget theme="light" articles="pkg/samples/sample-3.txt news/bridge.html https://example.com/other.txt missing.txt"></corroborate-widget>
        </body></html>`,
    }),
  );
  await page.route('**/news/bridge.html', (route) => route.fulfill({ contentType: 'text/html', body: article }));
  await page.goto('host-page.html');
  const w = widget(page);
  await expect(w).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  await expect(w.locator('#article-list > li.article-item')).toHaveCount(2);
  await expect(w.locator('#article-list input').nth(1)).toHaveValue('bridge.html');
  await expect(w.locator('#texts details[data-doc="1"] .doc-text')).toContainText('The mayor said on Friday that the bridge');
  const messages = w.locator('#messages li.message');
  await expect(messages).toHaveCount(2);
  await expect(messages.filter({ hasText: 'example.com' })).toContainText('only articles on this site');
  await expect(messages.filter({ hasText: 'missing.txt' })).toContainText('HTTP 404');
  // a new `articles` value replaces what the widget shows
  await w.evaluate((el) => el.setAttribute('articles', 'pkg/samples/sample-5.txt'));
  await expect(w.locator('#article-list > li.article-item')).toHaveCount(1);
  await expect(w.locator('#article-list input')).toHaveValue('sample-5.txt');
  await expect(w).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  // Chromium itself logs the 404 as a console error: that one is expected here, nothing else
  const expected = problems.filter((p) => /status of 404 .*\/missing\.txt\)$/.test(p));
  expect(expected).toHaveLength(1);
  problems.splice(problems.indexOf(expected[0]), 1);
});
