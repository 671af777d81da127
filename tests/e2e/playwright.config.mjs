// Browser tests of the page in www/, in Debian's headless Chromium (/usr/bin/chromium) driven
// by Playwright 1.65.1: no browser is downloaded (`npx playwright install` is never needed).
//
// run: npm test (or npm run e2e) at the repository root, after scripts/build.sh.
// env: E2E_PORT (default 8731), CHROMIUM (default /usr/bin/chromium).
import { defineConfig } from '@playwright/test';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const PORT = Number(process.env.E2E_PORT ?? 8731);

export default defineConfig({
  testDir: here,
  testMatch: '**/*.spec.js',
  // The 100-article long-task measurement is a benchmark (`npm run bench:page`), not a gate:
  // timings on a shared machine are too noisy to fail a build on.
  testIgnore: process.env.PAGE_BENCH ? [] : ['**/perf.spec.js'],
  outputDir: path.join(here, 'output', 'test-results'),
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  webServer: {
    command: `node scripts/serve.mjs www ${PORT}`,
    cwd: repo,
    url: `http://127.0.0.1:${PORT}/index.html`,
    reuseExistingServer: false,
    timeout: 15_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    // The page registers a service worker (www/sw.js) that caches the whole app on install.
    // Tests get a fresh browser context each, so that would re-download everything in every
    // test: it is blocked here and allowed in offline.spec.js and network.spec.js.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    },
  },
});
