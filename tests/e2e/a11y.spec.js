// Automated accessibility check of the analysed demo with axe-core (WCAG 2.x A and AA rules).
// axe finds only part of the problems; the keyboard tests in demo.spec.js cover some more.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chip, expect, openDemo, test } from './fixtures.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return {
      passes: result.passes.length,
      violations: result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`),
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
