// Builds dist/corroborate.html: the whole page in one self-contained file that works when
// opened from disk (file://) with no network at all. Run it after scripts/build.sh (it reads
// the wasm package from www/pkg/).
//
// usage: node scripts/build-single.mjs [out=dist/corroborate.html]
//
// What goes into the file:
// - the page's stylesheet, in one <style> element;
// - the page's modules (entry www/offline.js), linked into one inline module script by the small
//   linker below;
// - the worker (www/worker.js with the wasm-bindgen glue), linked the same way into a classic
//   script kept in a non-executed <script type="text/plain"> block; offline.js starts it from a
//   Blob URL (browsers refuse module workers from Blob URLs on file:// pages) and sends it the
//   wasm binary in an `init` message;
// - the stylesheet and both scripts minified by esbuild (npm, as in scripts/build-www.mjs) once
//   linked;
// - the wasm binary, base64, and the sample articles, JSON, in two more data blocks;
// - a Content-Security-Policy that allows exactly those two inline elements (by SHA-256 hash),
//   WebAssembly compilation, a worker from a Blob URL, and no connection at all
//   (`connect-src 'none'`, `default-src 'none'`).
//
// The linker handles the module syntax this code base uses, and fails loudly on anything else:
// `import {a, b as c} from './x.js'`, `import * as n from`, `import d from`, `export function /
// class / const / let`, `export { a, b as default }`, and `import('./x.js')` with a literal
// path. Each module becomes a function that returns its exports, called once, dependencies
// first (there are no import cycles). `import.meta.url` becomes the page's (or the worker's)
// address.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { transform } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');
const out = path.resolve(repo, process.argv[2] ?? path.join('dist', 'corroborate.html'));

const IDENT = '[A-Za-z_$][\\w$]*';
const STATIC_IMPORT = /^import\s+([^'"]+?)\s+from\s+['"]([^'"]+)['"];?[ \t]*$/gm;
const BARE_IMPORT = /^import\s+['"]([^'"]+)['"];?[ \t]*$/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g;
const EXPORT_DECL = new RegExp(`^export\\s+((?:async\\s+)?function\\*?|class|const|let|var)\\s+(${IDENT})`, 'gm');
const EXPORT_LIST = /^export\s*\{([^}]*)\}\s*;?[ \t]*$/gm;

function fail(file, message) {
  throw new Error(`build-single: ${path.relative(repo, file)}: ${message}`);
}

/** `{ a, b as c }` → [[a, a], [b, c]] (local, exported/imported name pairs). */
function names(list, file) {
  return list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const m = s.match(new RegExp(`^(${IDENT})(?:\\s+as\\s+(${IDENT}))?$`));
      if (!m) fail(file, `cannot link "${s}"`);
      return [m[1], m[2] ?? m[1]];
    });
}

/**
 * Links the module graph from `entry` into one script. `metaUrl` replaces `import.meta.url`.
 * Returns the script text.
 */
async function link(entry, metaUrl) {
  const modules = new Map(); // absolute path -> {id, body, deps}
  const order = [];
  const visiting = new Set();
  let count = 0;

  async function load(file) {
    if (modules.has(file)) return modules.get(file);
    if (visiting.has(file)) fail(file, 'import cycle');
    visiting.add(file);
    if (!existsSync(file)) fail(file, 'not found (run scripts/build.sh first for www/pkg/)');
    let code = await readFile(file, 'utf8');
    const id = `__m${count++}_${path.basename(file, '.js').replace(/\W/g, '_')}`;
    const deps = [];
    const resolve = (spec) => {
      if (!spec.startsWith('./') && !spec.startsWith('../')) fail(file, `only relative imports can be linked: ${spec}`);
      return path.resolve(path.dirname(file), spec);
    };
    const prologue = [];
    // static imports become destructuring of the dependency's exports
    const statics = [...code.matchAll(STATIC_IMPORT)];
    for (const m of statics) deps.push(resolve(m[2]));
    const bares = [...code.matchAll(BARE_IMPORT)];
    for (const m of bares) deps.push(resolve(m[1]));
    const dynamics = [...code.matchAll(DYNAMIC_IMPORT)];
    for (const m of dynamics) deps.push(resolve(m[2]));
    const linked = [];
    for (const dep of deps) linked.push(await load(dep));
    const idOf = (spec) => modules.get(resolve(spec)).id;
    code = code.replace(STATIC_IMPORT, (_, clause, spec) => {
      const dep = idOf(spec);
      const parts = [];
      let rest = clause.trim();
      const def = rest.match(new RegExp(`^(${IDENT})\\s*(?:,\\s*|$)`));
      if (def && !rest.startsWith('{') && !rest.startsWith('*')) {
        parts.push(`const ${def[1]} = ${dep}.default;`);
        rest = rest.slice(def[0].length).trim();
      }
      const ns = rest.match(new RegExp(`^\\*\\s+as\\s+(${IDENT})$`));
      if (ns) parts.push(`const ${ns[1]} = ${dep};`);
      else if (rest.startsWith('{') && rest.endsWith('}')) {
        const pairs = names(rest.slice(1, -1), file);
        parts.push(`const { ${pairs.map(([imported, local]) => (imported === local ? local : `${imported}: ${local}`)).join(', ')} } = ${dep};`);
      } else if (rest) fail(file, `cannot link import clause "${clause}"`);
      prologue.push(parts.join(' '));
      return '';
    });
    code = code.replace(BARE_IMPORT, '');
    code = code.replace(DYNAMIC_IMPORT, (_, q, spec) => `Promise.resolve(${idOf(spec)})`);
    // exports are collected and returned by the module's function
    const exported = [];
    code = code.replace(EXPORT_DECL, (_, kind, name) => {
      exported.push([name, name]);
      return `${kind} ${name}`;
    });
    code = code.replace(EXPORT_LIST, (_, list) => {
      exported.push(...names(list, file));
      return '';
    });
    code = code.replace(/\bimport\.meta\.url\b/g, metaUrl);
    for (const [pattern, what] of [
      [/^\s*import\s*[\s{*'"]/m, 'an import the linker does not understand'],
      [/^\s*export\s/m, 'an export the linker does not understand'],
      [/\bimport\s*\(/, 'a dynamic import with a computed path'],
      [/\bimport\.meta\b/, 'import.meta other than import.meta.url'],
    ]) {
      const hit = code.match(pattern);
      if (hit) fail(file, `${what}: ${code.slice(hit.index, hit.index + 60).trim()}`);
    }
    const body =
      `// ${path.relative(repo, file)}\nconst ${id} = (() => {\n${prologue.filter(Boolean).join('\n')}\n${code}\n` +
      `return Object.freeze({ ${exported.map(([local, name]) => (local === name ? local : `${JSON.stringify(name)}: ${local}`)).join(', ')} });\n})();\n`;
    visiting.delete(file);
    const mod = { id, body, deps: linked };
    modules.set(file, mod);
    order.push(mod);
    return mod;
  }

  await load(path.resolve(entry));
  return order.map((m) => m.body).join('\n');
}

/**
 * Makes script text safe inside a <script> element: no `</script`, `<script` or `<!--` left.
 * The replacements are escapes that mean the same characters in JavaScript strings, template
 * literals and regular expressions (the only places such text can appear in code).
 */
function scriptSafe(text) {
  return text
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<(s)(cript)/gi, (_, s, rest) => `<\\x${s === 's' ? '73' : '53'}${rest}`)
    .replace(/<!--/g, '<\\x21--');
}

/** `code` minified by esbuild (no syntax lowered, UTF-8 kept as it is). */
async function minified(code, options) {
  return (await transform(code, { minify: true, charset: 'utf8', ...options })).code;
}

function sha256(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

async function main() {
  const wasmFile = path.join(www, 'pkg', 'corroborate_bg.wasm');
  if (!existsSync(wasmFile)) throw new Error('build-single: www/pkg/corroborate_bg.wasm is missing: run scripts/build.sh first');
  const wasm = await readFile(wasmFile);
  const demo = JSON.parse(await readFile(path.join(www, 'pkg', 'demo.json'), 'utf8'));
  const css = await minified(await readFile(path.join(www, 'style.css'), 'utf8'), { loader: 'css' });
  const page = await readFile(path.join(www, 'index.html'), 'utf8');

  // the app is a module script (its top-level names are its own), the worker a classic one (in
  // a function, so that its names are its own too)
  const app = scriptSafe(await minified(await link(path.join(www, 'offline.js'), 'document.baseURI'), { format: 'esm' }));
  const worker = scriptSafe(await minified(`'use strict';\n${await link(path.join(www, 'worker.js'), 'self.location.href')}`, { format: 'iife' }));
  const demoJson = JSON.stringify(demo).replace(/</g, '\\u003c');

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(app)} 'wasm-unsafe-eval'`,
    `style-src ${sha256(css)}`,
    'img-src data:',
    'worker-src blob:',
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  let html = page;
  const swap = (pattern, replacement, what) => {
    if (!pattern.test(html)) throw new Error(`build-single: www/index.html has no ${what}`);
    html = html.replace(pattern, () => replacement);
  };
  swap(
    /<!-- Defence in depth:[\s\S]*?-->\s*<meta http-equiv="Content-Security-Policy"\s+content="[^"]*">/,
    `<!-- Single-file build of Corroborate (scripts/build-single.mjs): works from disk with no network.
       The policy allows only this file's own script and style (by hash), WebAssembly, the
       analysis worker from a Blob URL, and no connection of any kind. -->
  <meta http-equiv="Content-Security-Policy" content="${csp}">`,
    'Content-Security-Policy meta element',
  );
  // the served page's bundled stylesheet and module (scripts/build-www.mjs) and the comment on them
  swap(/(?:<!-- pkg\/style\.css[\s\S]*?-->\s*)?<link rel="stylesheet" href="pkg\/style\.css">/, `<style>${css}</style>`, 'stylesheet link');
  swap(/<script type="module" src="pkg\/main\.js"><\/script>/, '', 'pkg/main.js script');
  swap(
    /<\/body>/,
    `<script type="application/octet-stream" id="corroborate-wasm">${wasm.toString('base64')}</script>
<script type="application/json" id="corroborate-demo">${demoJson}</script>
<script type="text/plain" id="corroborate-worker">${worker}</script>
<script type="module">${app}</script>
</body>`,
    '</body>',
  );
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, html);
  // dist/ holds build output only: it ignores itself
  if (path.basename(path.dirname(out)) === 'dist') await writeFile(path.join(path.dirname(out), '.gitignore'), '*\n');
  const size = (await stat(out)).size;
  console.log(`build-single: ${path.relative(repo, out)} (${size} bytes; wasm ${wasm.length} bytes, base64 inside)`);
}

main().catch((err) => {
  console.error(err.message);
  process.exit(1);
});
