// A source check, not a browser test: the page's own code (www/, without the generated pkg/)
// never turns a string into HTML or code, so article text can only ever become text.
import { test, expect } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const www = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'www');

function sources(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path.relative(www, full) !== 'pkg') out.push(...sources(full));
    } else if (/\.(m?js|html)$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

const SINKS = [
  ['innerHTML', /\.innerHTML\b/],
  ['outerHTML', /\.outerHTML\b/],
  ['insertAdjacentHTML', /insertAdjacentHTML/],
  ['document.write', /document\.write/],
  ['createContextualFragment', /createContextualFragment/],
  ['setHTMLUnsafe / parseHTMLUnsafe', /(set|parse)HTMLUnsafe/],
  ['srcdoc', /srcdoc/],
  ['eval', /\beval\s*\(/],
  ['new Function', /new\s+Function\s*\(/],
  ['string timer', /set(Timeout|Interval)\s*\(\s*['"`]/],
  ['javascript: URL', /javascript:/i],
];

test('www/ sources contain no HTML or code sinks', () => {
  const files = sources(www);
  expect(files.length).toBeGreaterThan(5);
  const found = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    lines.forEach((line, i) => {
      if (/^\s*(\/\/|\*|<!--)/.test(line)) return; // comments may name the sinks they avoid
      for (const [name, re] of SINKS) if (re.test(line)) found.push(`${path.relative(www, file)}:${i + 1}: ${name}`);
    });
  }
  expect(found).toEqual([]);
});

for (const page of ['index.html', 'embed-example.html']) {
  test(`${page} has no inline script, handler or style, and a policy that allows none`, () => {
    const html = readFileSync(path.join(www, page), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    expect(html).not.toMatch(/<style/i);
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/\sstyle\s*=/i);
    expect(html).toMatch(/<link rel="icon" href="data:,">/);
    const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
    expect(csp, 'a Content-Security-Policy meta element').toBeTruthy();
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['connect-src']).toEqual(["'self'"]);
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*|https?:/);
  });
}

test('the page only parses HTML with DOMParser, in input/html.js', () => {
  const users = sources(www).filter((f) => /new DOMParser|\.parseFromString\(/.test(readFileSync(f, 'utf8')));
  expect(users.map((f) => path.relative(www, f))).toEqual([path.join('input', 'html.js')]);
});
