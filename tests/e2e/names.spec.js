// Articles are named by outlet and headline (issue 12, item 6): the core reads the outlet from
// a dateline or byline ("MAKASSAR, Indonesia (AP) —", "By Jane Doe, BBC News") into
// `documents[].outlet`; the page names each article "2 · BBC News — Headline" in the digest,
// the claim table's headers, the explanations and the article filter, with the file name kept
// in a tooltip. An article whose credit names no outlet goes by its headline alone.
import { FERRY as ARTICLES } from './texts.js';
import { dropFiles, expect, openDemo, test, waitAnalysed } from './fixtures.js';

/** The report of `articles`, computed in the page by the wasm package (not by the page's code). */
async function reportOf(page, articles) {
  return page.evaluate(async (list) => {
    const mod = await import('./pkg/corroborate.js');
    await mod.default();
    return JSON.parse(mod.analyzeJson(JSON.stringify(list)));
  }, articles);
}

test('articles are named by outlet and headline, file names in tooltips', async ({ page }) => {
  await openDemo(page);
  await dropFiles(page, ARTICLES.map((a) => ({ ...a, type: 'text/plain' })));
  await page.getByRole('button', { name: 'Compare only my articles' }).click();
  await waitAnalysed(page);
  const report = await reportOf(page, ARTICLES);
  expect(report.documents.map((d) => d.outlet?.text ?? null)).toEqual(['AP', 'BBC News', null]);
  for (const d of report.documents) {
    if (d.outlet) expect(ARTICLES[d.index].text.slice(d.outlet.start, d.outlet.end)).toBe(d.outlet.text);
  }

  const label = (d) => `${d.index + 1} · ${d.outlet ? `${d.outlet.text} — ` : ''}${d.title}`;
  // the digest's headlines: outlet, headline, file name only in the tooltip
  const headlines = page.locator('#digest .headline-list > li');
  await expect(headlines).toHaveCount(3);
  for (const d of report.documents) {
    const item = headlines.nth(d.index);
    await expect(item.locator('.headline')).toHaveText(d.title);
    await expect(item.locator('.outlet')).toHaveCount(d.outlet ? 1 : 0);
    if (d.outlet) await expect(item.locator('.outlet')).toHaveText(d.outlet.text);
    await expect(item).not.toContainText(ARTICLES[d.index].name);
    await expect(item).toHaveAttribute('title', `${label(d)} (${ARTICLES[d.index].name})`);
  }
  // the claim table's column headers and the article filter
  const heads = page.locator('#claims thead th.col-doc');
  await expect(heads).toHaveCount(3);
  for (const d of report.documents) {
    await expect(heads.nth(d.index).locator('.col-title')).toHaveText(`${d.index + 1} ${d.outlet ? `${d.outlet.text} — ` : ''}${d.title}`);
    await expect(heads.nth(d.index)).toHaveAttribute('title', `${label(d)} (${ARTICLES[d.index].name})`);
    await expect(page.locator('#filter-article option').nth(d.index + 1)).toHaveText(label(d));
  }
  await expect(heads.nth(2)).not.toContainText('—');
  // explanations (the core's reasons) name articles the same way, never by file
  const reasons = report.groups.map((g) => g.reason);
  expect(reasons.join(' ')).not.toMatch(/\.txt/);
  const conflict = report.groups.find((g) => g.relation === 'conflict');
  expect(conflict, 'the figures 40 / 26 / 30 missing clash').toBeTruthy();
  const row = page.locator(`#claims tbody.group[data-group="${conflict.id}"]`);
  await expect(row.locator('.reason')).toHaveText(conflict.reason);
  await expect(page.locator('#claims')).not.toContainText('.txt');
});
