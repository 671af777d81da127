// Automated accessibility check of the analysed demo with axe-core (WCAG 2.x A and AA rules),
// in the light and the dark theme, with the entity corrections (merge mode, the list of edits,
// the mention stepper), and of the widget embedded in a host page (axe reads open
// shadow roots). axe finds only part of the problems; the keyboard tests in demo.spec.js and
// reading.spec.js cover some more. The bar: no violation of any impact.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chip, expect, openDemo, test, waitAnalysed } from './fixtures.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} [${(n.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}]`).join(', ')}`),
    };
  });
}

test('the analysed demo has no axe violations', async ({ page }) => {
  await openDemo(page);
  // open one article text and select an entity so marks and the selection panel are checked too
  await chip(page, 'Vladimir Putin').click();
  const { passes, violations } = await axe(page);
  expect(passes, 'axe ran its rules').toBeGreaterThan(10);
  expect(violations).toEqual([]);
});

test('the dark theme, the one-at-a-time reader and an open dialog have no axe violations', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openDemo(page);
  await expect(page.locator('#app')).toHaveCSS('background-color', 'rgb(19, 21, 24)');
  await chip(page, 'Nikol Pashinyan').click();
  await page.getByRole('radio', { name: 'one at a time' }).check();
  await page.locator('#claims button.jump').first().hover();
  let result = await axe(page);
  expect(result.violations).toEqual([]);
  // the theme menu forces light over the system's dark
  await page.getByLabel('Theme').selectOption('light');
  await expect(page.locator('#app')).toHaveCSS('background-color', 'rgb(244, 245, 247)');
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Remove all' }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  result = await axe(page);
  expect(result.violations).toEqual([]);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
});

test('the one-column claim table for many articles has no axe violations', async ({ page }) => {
  await openDemo(page);
  // three more articles (the samples again, renamed) make 8: past one column per article
  const texts = await page.evaluate(() => fetch('pkg/demo.json').then((r) => r.json()));
  await page.getByLabel('Article files').setInputFiles(
    texts.slice(0, 3).map((d, i) => ({ name: `again-${i + 1}.txt`, mimeType: 'text/plain', buffer: Buffer.from(d.text) })),
  );
  await waitAnalysed(page);
  await expect(page.locator('#claims [role="table"].layout-list')).toBeVisible();
  await expect(page.locator('#claims [role="row"]').first()).toBeVisible();
  await page.locator('#claims .claim button.jump').first().focus();
  const { violations } = await axe(page);
  expect(violations).toEqual([]);
});

test('merge mode, the list of corrections and the mention stepper have no axe violations, light or dark', async ({ page }) => {
  await openDemo(page);
  // one correction made, so the list of edits shows
  await page.getByRole('button', { name: 'Merge names…' }).click();
  await chip(page, 'Moscow').click();
  await chip(page, 'Kremlin').click();
  await page.getByRole('button', { name: 'Merge 2 names' }).click();
  await waitAnalysed(page);
  await expect(page.locator('#edit-list > li')).toHaveCount(1);
  // merge mode again, with one chip picked
  await page.getByRole('button', { name: 'Merge names…' }).click();
  await chip(page, 'Vladimir Putin').click();
  await expect(chip(page, 'Vladimir Putin')).toHaveAttribute('aria-pressed', 'true');
  let result = await axe(page);
  expect(result.violations).toEqual([]);
  await page.keyboard.press('Escape');
  // a selected chip with its mention stepper, on a mention
  await chip(page, 'Moscow').click();
  await page.getByRole('button', { name: 'Next mention' }).click();
  await expect(page.locator('.mention-pos')).toHaveText(/^2 of /);
  await page.getByLabel('Theme').selectOption('dark');
  await expect(page.locator('#app')).toHaveCSS('background-color', 'rgb(19, 21, 24)');
  result = await axe(page);
  expect(result.violations).toEqual([]);
});

test.describe('widget', () => {
  // axe adds a <style> element while it checks inside shadow roots; the host page's policy (no
  // inline style) would log that as a violation, so the policy is off for axe's sake here
  test.use({ bypassCSP: true });
  test('the embedded widget has no axe violations, light or dark', async ({ page }) => {
    await page.goto('embed-example.html');
    const widget = page.locator('corroborate-widget');
    await expect(widget).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
    await widget.locator('#chips button.chip').first().click();
    let result = await axe(page);
    expect(result.passes).toBeGreaterThan(10);
    expect(result.violations).toEqual([]);
    await widget.evaluate((el) => el.setAttribute('theme', 'dark'));
    await expect(widget.locator('#app')).toHaveCSS('background-color', 'rgb(19, 21, 24)');
    result = await axe(page);
    expect(result.violations).toEqual([]);
  });
});

test.describe('phone size', () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test('the digest and the claim cards have no axe violations at 390x844', async ({ page }) => {
    await openDemo(page);
    await page.locator('#digest .digest-unique summary').first().click();
    await chip(page, 'Vladimir Putin').click();
    const { passes, violations } = await axe(page);
    expect(passes, 'axe ran its rules').toBeGreaterThan(10);
    expect(violations).toEqual([]);
  });
});

test('the view-only widget has no axe violations', async ({ page }) => {
  const host = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<script type="module" src="widget.js"></script></head><body><main><h1>Host page</h1>
<corroborate-widget mode="view" persist="off" articles="pkg/samples/sample-1.txt pkg/samples/sample-2.txt"></corroborate-widget>
</main></body></html>`;
  await page.route('**/view-host.html', (route) => route.fulfill({ contentType: 'text/html', body: host }));
  await page.goto('view-host.html');
  await expect(page.locator('corroborate-widget')).toHaveAttribute('data-state', 'ready', { timeout: 45_000 });
  const { passes, violations } = await axe(page);
  expect(passes, 'axe ran its rules').toBeGreaterThan(10);
  expect(violations).toEqual([]);
});
