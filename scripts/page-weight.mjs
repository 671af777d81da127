// Page-weight benchmark: what a first visit downloads, next to the page alone.
//
// usage: node scripts/page-weight.mjs [--runs N]   (after scripts/build.sh; Debian's chromium)
//
// Serves www/ with scripts/serve.mjs (which logs every response), opens index.html in a fresh
// headless Chromium profile with the service worker allowed, waits until the sample articles
// are analysed and the service worker is installed and controls the page, then stops. Every
// 200 response is counted at the gzip -9 size of the file it sent (what a host serving
// compressed files sends; .wasm included), 304s as nothing. "page alone" is each distinct file
// the page itself needs counted once; "first visit" is every download of the visit (a file the
// service worker downloads again counts twice). Prints the medians over the runs, the requests
// and the files counted more than once.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const PORT = 8900 + Math.floor(Math.random() * 90);
const TARGET = 1.2e6;

const gz = new Map();
function gzipSize(file) {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(www, file)), { level: 9 }).length);
  return gz.get(file);
}

async function visit() {
  const dir = mkdtempSync(path.join(tmpdir(), 'page-weight-'));
  const log = path.join(dir, 'serve.log');
  const server = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), www, String(PORT)], { env: { ...process.env, SERVE_LOG: log }, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const context = await browser.newContext({ serviceWorkers: 'allow' });
    const page = await context.newPage();
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(`http://127.0.0.1:${PORT}/index.html`);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    await page.waitForFunction(() => ['ready', 'error'].includes(document.body.dataset.state), null, { timeout: 60_000 });
    await page.waitForFunction(() => navigator.serviceWorker.controller != null, null, { timeout: 60_000 });
    // let the install finish writing its cache
    await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state);
    await page.waitForTimeout(500);
    await context.close();
  } finally {
    await browser.close();
    server.kill();
  }
  const lines = existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n').filter(Boolean) : [];
  rmSync(dir, { recursive: true, force: true });
  const sent = lines.map((l) => l.split(' ')).filter(([status]) => status === '200').map(([, , file]) => file);
  const counts = new Map();
  for (const f of sent) counts.set(f, (counts.get(f) ?? 0) + 1);
  const total = sent.reduce((n, f) => n + gzipSize(f), 0);
  const alone = [...counts.keys()].filter((f) => f !== 'sw.js' && !f.startsWith('pkg/build')).reduce((n, f) => n + gzipSize(f), 0);
  return { total, alone, requests: lines.length, twice: [...counts].filter(([, n]) => n > 1).map(([f, n]) => `${f} ×${n}`) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = [];
for (let i = 0; i < runs; i++) results.push(await visit());
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;
const total = median(results.map((r) => r.total));
const alone = median(results.map((r) => r.alone));
console.log(`page-weight (${runs} runs, gzip -9 sizes of the files sent, medians)`);
console.log(`  page alone:        ${kb(alone)}`);
console.log(`  first visit total: ${kb(total)} (${(total / alone).toFixed(2)}× the page alone; target ≤ ${kb(TARGET)}: ${total <= TARGET ? 'met' : 'NOT met'})`);
console.log(`  requests:          ${median(results.map((r) => r.requests))}`);
console.log(`  sent more than once: ${results[0].twice.join(', ') || 'none'}`);
