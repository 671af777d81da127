// Assembles the page's generated assets into www/pkg/ (next to the wasm-pack output, which
// scripts/build.sh writes first). The page is static: everything it loads sits under www/, and
// nothing is fetched from node_modules at run time:
//
// - www/pkg/demo.json: the sample articles, `[{name, text}]`, from seeds/*.txt (sorted by name);
// - www/pkg/samples/sample-N.txt: the same articles as files (N from 1, in that order), for
//   www/embed-example.html, whose widget loads articles by URL;
// - www/pkg/build.js: the build's id, for the service worker's cache name;
// - www/pkg/vendor/readability.js: Mozilla Readability (npm @mozilla/readability, installed by
//   `npm ci`) as an ES module, minified by terser (npm), with its licence and its type
//   declarations (for `npm run check:www`) beside it;
// - www/pkg/main.js, www/pkg/worker.js, www/pkg/style.css: what index.html loads. The page's
//   module graph (entry www/main.js) and the analysis worker's (www/worker.js with the
//   wasm-bindgen glue www/pkg/corroborate.js) each bundled into one minified ES module by
//   esbuild (npm), and the stylesheet minified by it, with a source map beside each (linked
//   from a comment: the browser fetches it only when its developer tools are open, and the
//   service worker does not cache it). The source modules stay in www/ as they are: the widget
//   (www/widget.js), the single-file build and some browser tests load them.
//
// usage: node scripts/build-www.mjs
import { copyFile, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { minify } from 'terser';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = path.join(repo, 'www', 'pkg');
const vendor = path.join(pkg, 'vendor');
const written = [];

async function write(file, contents) {
  await writeFile(file, contents);
  written.push(file);
}

await mkdir(vendor, { recursive: true });

// Sample articles.
const seeds = path.join(repo, 'seeds');
const names = (await readdir(seeds)).filter((n) => n.endsWith('.txt')).sort();
if (names.length === 0) throw new Error(`no .txt files in ${seeds}`);
const demo = [];
for (const name of names) demo.push({ name, text: await readFile(path.join(seeds, name), 'utf8') });
await write(path.join(pkg, 'demo.json'), `${JSON.stringify(demo, null, 1)}\n`);
const samples = path.join(pkg, 'samples');
await mkdir(samples, { recursive: true });
for (const [i, d] of demo.entries()) await write(path.join(samples, `sample-${i + 1}.txt`), d.text);

// Mozilla Readability as an ES module. The file is a plain script that assigns
// `module.exports` only when `module` exists; an `export` line is all it needs.
const readabilityDir = path.join(repo, 'node_modules', '@mozilla', 'readability');
if (!existsSync(path.join(readabilityDir, 'Readability.js'))) {
  throw new Error('node_modules/@mozilla/readability is missing: run `npm ci` at the repository root first');
}
const { version } = JSON.parse(await readFile(path.join(readabilityDir, 'package.json'), 'utf8'));
const source = await readFile(path.join(readabilityDir, 'Readability.js'), 'utf8');
// Minified with terser (its comments and long names are a third of the page's JavaScript;
// the first visit's weight budget is 1.2 MB gzip), as the plain script it is (top-level names
// kept), with the export on a line of its own for scripts/build-single.mjs's linker.
const { code } = await minify(source, { compress: true, mangle: true, format: { comments: false } });
await write(
  path.join(vendor, 'readability.js'),
  `// @mozilla/readability ${version} (Apache-2.0, see readability.LICENSE.md), made an ES module and minified by scripts/build-www.mjs.\n${code}\nexport { Readability };\n`,
);
await copyFile(path.join(readabilityDir, 'LICENSE.md'), path.join(vendor, 'readability.LICENSE.md'));
written.push(path.join(vendor, 'readability.LICENSE.md'));
// its type declarations, for the type check of the page (`npm run check:www`); never served
await copyFile(path.join(readabilityDir, 'index.d.ts'), path.join(vendor, 'readability.d.ts'));
written.push(path.join(vendor, 'readability.d.ts'));

// The page's and the worker's module graphs, bundled and minified by esbuild, and the
// stylesheet minified. The bundles sit in www/pkg/, one folder below their sources, so every
// `new URL('…', import.meta.url)` in the sources (the demo, the worker, the service worker, the
// wasm binary) is rebased to the bundle's folder when it is read; a URL naming a bundled entry
// (worker.js) is pointed at its bundle. Vendored libraries (www/pkg/vendor/) stay files of
// their own, imported only when needed (Readability: when an HTML file is imported).
const www = path.join(repo, 'www');
if (!existsSync(path.join(pkg, 'corroborate.js'))) {
  throw new Error('build-www: www/pkg/corroborate.js is missing: run scripts/build.sh (the wasm build, then this script)');
}
const ENTRIES = { main: path.join(www, 'main.js'), worker: path.join(www, 'worker.js') };
const bundleOf = new Map(Object.entries(ENTRIES).map(([name, file]) => [file, path.join(pkg, `${name}.js`)]));
const META_URL = /new URL\(\s*(['"])([^'"]+)\1\s*,\s*import\.meta\.url\s*\)/g;
const fromPkg = (file) => {
  const rel = path.relative(pkg, file).split(path.sep).join('/');
  return rel.startsWith('../') ? rel : `./${rel}`;
};
const rebase = {
  name: 'corroborate-rebase',
  setup(b) {
    b.onResolve({ filter: /\/pkg\/vendor\// }, (args) => ({ path: fromPkg(path.resolve(args.resolveDir, args.path)), external: true }));
    b.onLoad({ filter: /\.js$/ }, async (args) => {
      const code = (await readFile(args.path, 'utf8')).replace(META_URL, (_, q, spec) => {
        const target = path.resolve(path.dirname(args.path), spec);
        return `new URL(${q}${fromPkg(bundleOf.get(target) ?? target)}${q}, import.meta.url)`;
      });
      return { contents: code, loader: 'js' };
    });
  },
};
const bundled = await build({
  entryPoints: [...Object.entries(ENTRIES).map(([out, file]) => ({ in: file, out })), { in: path.join(www, 'style.css'), out: 'style' }],
  outdir: pkg,
  bundle: true,
  format: 'esm',
  minify: true,
  charset: 'utf8',
  sourcemap: 'linked',
  sourcesContent: true,
  plugins: [rebase],
  metafile: true,
  logLevel: 'warning',
});
for (const out of Object.keys(bundled.metafile.outputs)) {
  const file = path.resolve(repo, out);
  written.push(file);
  if (!file.endsWith('.js')) continue;
  // every URL a bundle builds from its own address names a file that is there
  const code = await readFile(file, 'utf8');
  for (const [, , spec] of code.matchAll(META_URL)) {
    if (!existsSync(path.resolve(pkg, spec))) throw new Error(`build-www: ${path.relative(repo, file)} refers to ${spec}, which is not in www/pkg/`);
  }
  if (/\bimport\.meta\b/.test(code.replace(META_URL, ''))) throw new Error(`build-www: ${path.relative(repo, file)} uses import.meta other than new URL(…, import.meta.url)`);
}

// The build's id for the service worker's cache name (www/pkg/build.js, loaded by sw.js with
// importScripts): a hash of the page's own files, everything written above, the wasm binary
// and the demo, so that every build that changes what the page serves gets a fresh cache and
// the old one is deleted.
{
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const own = async (dir) => {
    for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (full !== pkg) await own(full);
      } else hash.update(e.name).update(await readFile(full));
    }
  };
  await own(www);
  for (const file of written) hash.update(path.relative(pkg, file)).update(await readFile(file));
  hash.update(await readFile(path.join(pkg, 'corroborate_bg.wasm')));
  hash.update(JSON.stringify(demo));
  await write(path.join(pkg, 'build.js'), `self.CORROBORATE_BUILD = '${hash.digest('hex').slice(0, 16)}';\n`);
}

for (const file of written) {
  const gzip = gzipSync(await readFile(file), { level: 9 }).length;
  console.log(`build-www: ${path.relative(repo, file)} (${(await stat(file)).size} bytes, ${gzip} gzip -9)`);
}
