// A low-overlap notice (issue 12, item 4): when the loaded articles share almost no names or
// claims, the page says so above the digest and names the articles that stand apart. The
// measure and the sentence are the core's (`markdown::digest`: `apart`, `apart_note`); the spec
// checks the page against the digest the wasm package computes for the same articles.
import { dropFiles, expect, openDemo, test, waitAnalysed } from './fixtures.js';
import { ARDERN, FERRY as ARTICLES } from './texts.js';

const GUNS = { name: 'guns.txt', text: ARDERN };

/** The core's digest of `articles`, computed in the page by the wasm package. */
async function digestOf(page, articles) {
  return page.evaluate(async (list) => {
    const mod = await import('./pkg/corroborate.js');
    await mod.default();
    return JSON.parse(mod.digestJson(mod.analyzeJson(JSON.stringify(list))));
  }, articles);
}

async function analyseOwn(page, articles) {
  await openDemo(page);
  await expect(page.locator('#apart-notice'), 'the sample articles tell one event').toHaveCount(0);
  await dropFiles(page, articles.map((a) => ({ ...a, type: 'text/plain' })));
  await page.getByRole('button', { name: 'Compare only my articles' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#digest .headline-list > li')).toHaveCount(articles.length);
}

test('two unrelated articles: the page says they are probably about different events', async ({ page }) => {
  const articles = [ARTICLES[0], GUNS];
  await analyseOwn(page, articles);
  const digest = await digestOf(page, articles);
  expect(digest.apart.map((a) => a.doc)).toEqual([0, 1]);
  const notice = page.locator('#digest #apart-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toHaveText(digest.apart_note);
  await expect(notice).toContainText('probably about different events');
  await expect(notice).toHaveAttribute('data-docs', '0 1');
  // above the digest's parts: right under its heading, before the headlines
  const order = await page.locator('#digest > *').evaluateAll((els) => els.map((e) => e.id || e.className));
  expect(order.slice(0, 3)).toEqual(['digest-heading', 'apart-notice', 'digest-part digest-headlines']);
});

test('one article of another event among three is named; related articles get no notice', async ({ page }) => {
  const articles = [ARTICLES[0], ARTICLES[1], GUNS];
  await analyseOwn(page, articles);
  const digest = await digestOf(page, articles);
  expect(digest.apart.map((a) => a.doc)).toEqual([2]);
  const notice = page.locator('#apart-notice');
  await expect(notice).toHaveText(digest.apart_note);
  await expect(notice).toContainText('3 · New Zealand votes to tighten gun laws after… shares almost no names or claims with the others');
  await expect(notice).not.toContainText('Ferry');

  // removing the outsider takes the notice away
  await page.getByRole('button', { name: /^Remove article 3/ }).click();
  await waitAnalysed(page);
  await expect(page.locator('#digest .headline-list > li')).toHaveCount(2);
  await expect(page.locator('#digest-heading')).toBeVisible();
  await expect(notice).toHaveCount(0);
});
