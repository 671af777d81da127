// The view-only embed for a newspaper's readers (issue 12, item 5): `<corroborate-widget
// mode="view">` has no input control, is as tall as its content (or as its `height`, the
// digest at the top of its box) and never moves the host page; on a return visit an article
// changed at its URL is fetched again, compared by the hash of its text and refreshed, and the
// reader's entity edits that still apply are kept.
import { createHash } from 'node:crypto';
import { FERRY } from './texts.js';
import { chipIn, expect, mergeChips, savedSession, test } from './fixtures.js';

const INPUTS = ['textarea', 'input[type="file"]', 'input[type="text"]', '#load-demo', '#clear-all', '#merge-mode', '#add-fold', '#article-list', '#theme'];

const host = (widgets) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="widget.js"></script></head><body><main><h1>Host page</h1>
<p style="height: 1500px">The newspaper's own article.</p>
${widgets}
</main></body></html>`;

async function ready(w) {
  await expect(w).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
}

test('view mode: no input controls, sized to its content or to height with the digest first, the host page left in place', async ({ page }) => {
  await page.route('**/view-sizes.html', (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: host(`<corroborate-widget id="auto" mode="view" persist="off" articles="pkg/samples/sample-1.txt pkg/samples/sample-2.txt"></corroborate-widget>
<corroborate-widget id="fixed" mode="view" persist="off" height="480" articles="pkg/samples/sample-1.txt pkg/samples/sample-2.txt"></corroborate-widget>`),
    }),
  );
  await page.goto('view-sizes.html');
  const auto = page.locator('corroborate-widget#auto');
  const fixed = page.locator('corroborate-widget#fixed');
  await ready(auto);
  await ready(fixed);
  for (const w of [auto, fixed]) {
    for (const selector of INPUTS) await expect(w.locator(selector), selector).toHaveCount(0);
    // the digest leads the results
    const first = await w.locator('#results > :not([hidden])').first().getAttribute('id');
    expect(first).toBe('digest');
    await expect(w.locator('#digest .headline-list > li')).toHaveCount(2);
  }
  // the analysis finishing neither scrolled nor focused anything on the host page
  expect(await page.evaluate(() => window.scrollY)).toBe(0);

  // without height: as tall as its content, nothing scrolls inside
  const box = await auto.evaluate((el) => {
    const app = el.shadowRoot.querySelector('.app');
    return { host: el.getBoundingClientRect().height, app: app.getBoundingClientRect().height, scroll: app.scrollHeight, client: app.clientHeight };
  });
  expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
  expect(Math.abs(box.host - box.app)).toBeLessThanOrEqual(1);
  expect(box.host).toBeGreaterThan(600);

  // with height: that tall, scrolled to its top, where the digest's headlines are in view
  const fixedBox = await fixed.evaluate((el) => {
    const app = el.shadowRoot.querySelector('.app');
    const top = app.getBoundingClientRect().top;
    return {
      height: el.getBoundingClientRect().height,
      scrollTop: app.scrollTop,
      scroll: app.scrollHeight,
      headlines: el.shadowRoot.querySelector('#digest .headline-list').getBoundingClientRect().top - top,
    };
  });
  expect(fixedBox.height).toBeCloseTo(480, 0);
  expect(fixedBox.scrollTop).toBe(0);
  expect(fixedBox.scroll).toBeGreaterThan(480);
  expect(fixedBox.headlines).toBeGreaterThan(0);
  expect(fixedBox.headlines).toBeLessThan(480);
});

const STORY_V1 = FERRY[0].text;
const STORY_V2 = ['Ferry toll rises to fifty off Sulawesi', '', 'MAKASSAR, Indonesia (AP) — Fifty people are still missing after the ferry capsized off Sulawesi on Sunday, officials said.', '', 'Rescuers from Makassar searched the waters overnight, the transport ministry said.'].join('\n');
const OTHER = FERRY[1].text.replace('Twenty-six people', 'Twenty-six people from Makassar');

const sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('hex');

/** A host page whose widget shows `news/story.txt` (its body: `story()`) and `news/other.txt`. */
async function routeNews(page, story, widget) {
  const served = { story: 0, other: 0 };
  await page.route('**/news-host.html', (route) => route.fulfill({ contentType: 'text/html', body: host(widget) }));
  await page.route('**/news/story.txt', (route) => {
    served.story++;
    return route.fulfill({ contentType: 'text/plain; charset=utf-8', body: story() });
  });
  await page.route('**/news/other.txt', (route) => {
    served.other++;
    return route.fulfill({ contentType: 'text/plain; charset=utf-8', body: OTHER });
  });
  return served;
}

test('a changed article at the same URL is refreshed on a return visit', async ({ page }) => {
  let story = STORY_V1;
  const served = await routeNews(page, () => story, '<corroborate-widget id="news" mode="view" articles="news/story.txt news/other.txt"></corroborate-widget>');
  await page.goto('news-host.html');
  const w = page.locator('corroborate-widget');
  await ready(w);
  const headlines = w.locator('#digest .headline-list .headline');
  await expect(headlines).toHaveText(['Ferry sinks off Sulawesi', 'Ferry disaster leaves dozens missing']);
  await expect.poll(async () => (await savedSession(page, 'news'))?.articles?.map((a) => a.hash)).toEqual([sha256(STORY_V1), sha256(OTHER)]);

  // same text on return: shown from the saved session, each URL revalidated, nothing updated
  await page.reload();
  await ready(w);
  await expect(headlines).toHaveText(['Ferry sinks off Sulawesi', 'Ferry disaster leaves dozens missing']);
  await expect(w.locator('#messages')).not.toContainText('Updated since your last visit');
  expect(served).toEqual({ story: 2, other: 2 });

  // the newsroom corrects the story at the same URL: the return visit shows the new text
  story = STORY_V2;
  await page.reload();
  await ready(w);
  await expect(headlines).toHaveText(['Ferry toll rises to fifty off Sulawesi', 'Ferry disaster leaves dozens missing']);
  await expect(w.locator('#messages')).toContainText('Updated since your last visit: story.txt.');
  await expect(w.locator('#texts details[data-doc="0"] .doc-text')).toContainText('Fifty people are still missing');
  await expect.poll(async () => (await savedSession(page, 'news'))?.articles?.map((a) => [a.text, a.hash])).toEqual([
    [STORY_V2, sha256(STORY_V2)],
    [OTHER, sha256(OTHER)],
  ]);
});

test("a refreshed article keeps the reader's entity edits that still apply", async ({ page }) => {
  let story = STORY_V1.replace('officials said', 'officials in Makassar said');
  await routeNews(page, () => story, '<corroborate-widget id="edited" articles="news/story.txt news/other.txt"></corroborate-widget>');
  await page.goto('news-host.html');
  const w = page.locator('corroborate-widget');
  await ready(w);
  const chipNamed = (name) => chipIn(w, name);
  await expect(chipNamed('Makassar')).toHaveCount(1);
  await mergeChips(w, 'Sulawesi', 'Makassar');
  await ready(w);
  await expect(chipNamed('Makassar')).toHaveCount(0);
  await expect.poll(async () => (await savedSession(page, 'edited'))?.edits).toEqual([{ merge: ['Sulawesi', 'Makassar'] }]);

  story = STORY_V2;
  await page.reload();
  await ready(w);
  await expect(w.locator('#messages')).toContainText('Updated since your last visit: story.txt.');
  await expect(w.locator('#texts details[data-doc="0"] .doc-text')).toContainText('Fifty people are still missing');
  // the merge still names two entities of the new texts: applied again
  await expect(chipNamed('Makassar')).toHaveCount(0);
  await expect(chipNamed('Sulawesi').locator('.chip-also')).toContainText('Makassar');
  await expect(w.locator('#edit-list > li')).toHaveText([/Merged “Sulawesi” and “Makassar”/]);
});
