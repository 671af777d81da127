// Going from the analysis to the text: pressing a chip goes to the entity's first mention in
// the article texts (opening the article, or switching the one-at-a-time view to it), the
// highlight bar steps to the next and previous mentions in article then text order (by mouse or
// keyboard), and clicking a claim anywhere goes to its sentence.
import path from 'node:path';
import { chip, expect, openDemo, OUTPUT, test, waitAnalysed } from './fixtures.js';
import { dropArticles, hundredArticles } from './hundred.js';

/** The mention tokens (`e3:0`) of the current mention's pieces, and their article. */
async function current(page) {
  const pieces = page.locator('#texts mark.ment.current');
  await expect(pieces.first()).toBeInViewport();
  return pieces.evaluateAll((ns) => ({
    doc: Number(ns[0].closest('details').dataset.doc),
    mention: ns[0].dataset.mention,
    text: ns.map((n) => n.textContent).join(''),
    count: ns.length,
  }));
}

test('a chip goes to its first mention; the highlight bar steps through every mention', async ({ page }) => {
  await openDemo(page);
  const putin = chip(page, 'Vladimir Putin');
  const total = Number((await putin.locator('.chip-count').textContent()).match(/\d+/)[0]);
  expect(total).toBeGreaterThan(3);
  const id = await putin.getAttribute('data-entity');
  // the mentions as drawn in the texts, in article then text order
  const drawn = await page.evaluate((entity) => {
    const seen = new Map();
    for (const node of document.querySelectorAll('#texts [data-e]')) {
      for (const token of node.dataset.m.split(' ')) {
        if (!token.startsWith(`${entity}:`) || seen.has(token)) continue;
        seen.set(token, { doc: Number(node.closest('details').dataset.doc), mention: token.slice(entity.length + 1) });
      }
    }
    return [...seen.values()];
  }, id);
  expect(drawn).toHaveLength(total);

  await page.locator('#claims').scrollIntoViewIfNeeded();
  await putin.click();
  const bar = page.getByRole('region', { name: 'Highlighted entity' });
  const pos = bar.locator('.mention-pos');
  await expect(pos).toHaveText(`1 of ${total}, article ${drawn[0].doc + 1}`);
  let now = await current(page);
  expect(now).toMatchObject({ doc: drawn[0].doc, mention: drawn[0].mention });
  expect(now.text).toMatch(/Putin/);
  await expect(page.locator(`#texts details[data-doc="${drawn[0].doc}"]`)).toHaveAttribute('open', '');
  await page.screenshot({ path: path.join(OUTPUT, 'screenshots', 'chip-jump-first-mention.png') });

  // next, next, previous; previous from the first wraps to the last
  const next = bar.getByRole('button', { name: 'Next mention' });
  const previous = bar.getByRole('button', { name: 'Previous mention' });
  await next.click();
  await expect(pos).toHaveText(`2 of ${total}, article ${drawn[1].doc + 1}`);
  expect(await current(page)).toMatchObject({ doc: drawn[1].doc, mention: drawn[1].mention });
  await next.click();
  await expect(pos).toHaveText(`3 of ${total}, article ${drawn[2].doc + 1}`);
  expect(await current(page)).toMatchObject({ doc: drawn[2].doc, mention: drawn[2].mention });
  await previous.click();
  await previous.click();
  await previous.click();
  await expect(pos).toHaveText(`${total} of ${total}, article ${drawn[total - 1].doc + 1}`);
  now = await current(page);
  expect(now).toMatchObject({ doc: drawn[total - 1].doc, mention: drawn[total - 1].mention });
  // only one mention is current at a time
  expect(await page.locator('#texts mark.ment.current').evaluateAll((ns) => new Set(ns.map((n) => n.dataset.mention)).size)).toBe(1);

  // by keyboard: Enter on a chip, then Enter on "Next mention"
  await page.getByRole('button', { name: 'Clear highlight' }).click();
  await expect(page.locator('#texts mark.ment.current')).toHaveCount(0);
  const pashinyan = chip(page, 'Nikol Pashinyan');
  await pashinyan.focus();
  await page.keyboard.press('Enter');
  await expect(pashinyan).toHaveAttribute('aria-pressed', 'true');
  await expect(pos).toHaveText(/^1 of \d+, article \d+$/);
  const first = await current(page);
  expect(first.text).toMatch(/Pashinyan/);
  await expect(pashinyan).toBeFocused(); // focus stays on the chip
  await bar.getByRole('button', { name: 'Next mention' }).focus();
  await page.keyboard.press('Enter');
  await expect(pos).toHaveText(/^2 of \d+, article \d+$/);
  const second = await current(page);
  expect(second.text).toMatch(/Pashinyan/);
  expect(second.mention === first.mention && second.doc === first.doc).toBe(false);

  // the per-article buttons go to that article's first mention
  const lastDoc = drawn[total - 1].doc;
  await chip(page, 'Vladimir Putin').click();
  await bar.getByRole('button', { name: new RegExp(`^Show article ${lastDoc + 1} `) }).click();
  const k = drawn.findIndex((m) => m.doc === lastDoc);
  await expect(pos).toHaveText(`${k + 1} of ${total}, article ${lastDoc + 1}`);
  expect(await current(page)).toMatchObject({ doc: lastDoc, mention: drawn[k].mention });
});

test('in the one-at-a-time view a chip switches to the article of its first mention', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('radio', { name: 'one at a time' }).check();
  await page.getByLabel('Article shown').selectOption('4');
  await expect(page.locator('#texts details[data-doc="4"]')).toBeVisible();
  // an entity not named in article 5
  const name = await page.evaluate(() => {
    for (const button of document.querySelectorAll('#chips button.chip')) {
      const docs = [...button.querySelectorAll('.chip-docs .doc-num')].map((n) => n.textContent);
      if (docs.length && !docs.includes('5') && button.closest('.type-person, .type-organization, .type-place')) return button.querySelector('.chip-name').textContent;
    }
    return null;
  });
  expect(name).not.toBeNull();
  await chip(page, name).click();
  const pieces = page.locator('#texts mark.ment.current');
  await expect(pieces.first()).toBeInViewport();
  await expect(pieces.first()).toHaveText(new RegExp(name.split(' ').at(-1)));
  const doc = await pieces.first().evaluate((n) => n.closest('details').dataset.doc);
  expect(doc).not.toBe('4');
  await expect(page.getByLabel('Article shown')).toHaveValue(doc);
  await expect(page.locator('#texts details[data-doc="4"]')).toBeHidden();
});

test('with many articles a chip opens and renders the article of its first mention', async ({ page }) => {
  await page.goto('index.html');
  await waitAnalysed(page);
  await page.getByRole('button', { name: 'Remove all' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove all' }).click();
  // 15 articles: past the 12 whose texts render at once, so texts render when opened
  await dropArticles(page, hundredArticles().slice(0, 15));
  await waitAnalysed(page);
  await expect(page.locator('#texts details.doc-text-block')).toHaveCount(15);
  await expect(page.locator('#texts details[open]')).toHaveCount(0);
  const name = 'Nikol Pashinyan';
  const docs = await chip(page, name).locator('.chip-docs .doc-num').allTextContents();
  await chip(page, name).click();
  const firstDoc = Number(docs[0]) - 1;
  const block = page.locator(`#texts details[data-doc="${firstDoc}"]`);
  await expect(block).toHaveAttribute('open', '');
  await expect(block).toHaveAttribute('data-filled', 'true');
  await expect(block.locator('mark.ment.current').first()).toBeInViewport();
  await expect(block.locator('mark.ment.current').first()).toContainText('Pashinyan');
  // stepping on past that article's mentions opens the next article
  const perDoc = await block.locator('mark.ment.entity').evaluateAll((ns) => new Set(ns.map((n) => n.dataset.mention)).size);
  for (let i = 0; i < perDoc; i++) await page.getByRole('button', { name: 'Next mention' }).click();
  const secondDoc = Number(docs[1]) - 1;
  await expect(page.locator(`#texts details[data-doc="${secondDoc}"]`)).toHaveAttribute('open', '');
  await expect(page.locator(`#texts details[data-doc="${secondDoc}"] mark.ment.current`).first()).toBeInViewport();
  await expect(page.locator('.mention-pos')).toHaveText(new RegExp(`^${perDoc + 1} of \\d+, article ${secondDoc + 1}$`));
});

test('clicking a claim goes to its sentence in its article', async ({ page }) => {
  await openDemo(page);
  const claim = page.locator('#claims .claim[data-doc="2"]').nth(1);
  const id = await claim.getAttribute('data-claim');
  // a click on the sentence itself (not on "Show in text")
  await claim.locator('.sentence').click({ position: { x: 5, y: 5 } });
  const target = page.locator(`#texts details[data-doc="2"] .sent.pinned`).first();
  await expect(target).toBeFocused();
  await expect(target).toBeInViewport();
  expect((await target.getAttribute('data-s')).split(' ')).toContain(id);
  // pointing at the claim, or at its row's relation cell, outlines the group's sentences in
  // every article carrying it
  const group = claim.locator('xpath=ancestor::tbody');
  const groupDocs = await group.locator('.claim').evaluateAll((cs) => [...new Set(cs.map((c) => c.dataset.doc))].sort());
  const outlinedDocs = () => page.locator('#texts .sent.hl').evaluateAll((ns) => [...new Set(ns.map((n) => n.closest('details').dataset.doc))].sort());
  await claim.hover();
  await expect.poll(outlinedDocs).toEqual(groupDocs);
  await page.locator('#claims-heading').hover();
  await expect(page.locator('#texts .sent.hl')).toHaveCount(0);
  await group.locator('th[scope="row"] .relation').hover();
  await expect.poll(outlinedDocs).toEqual(groupDocs);
});
