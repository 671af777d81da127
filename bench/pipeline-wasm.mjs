// Whole-pipeline speed of the WebAssembly build in Node: the wasm counterpart of
// `bench-pipeline` (src/bin/bench-pipeline.rs), for choosing the wasm's release profile.
//
//   node bench/pipeline-wasm.mjs PKG_DIR TEXT_DIR... [--rounds 5] [--batch 10]
//
// PKG_DIR is a `wasm-pack build --target web` output (www/pkg after scripts/build.sh). Reads
// every *.txt of the folders (name order), runs `analyze` (the page's call: report as a JS
// object) over them, `--batch` articles per call, once to warm up and then `--rounds` times,
// and prints the median wall and CPU time (the machine is shared: read CPU time), words per
// second (words split at white space, so compare runs of this script with each other, not
// with bench-pipeline's token counts), and the wasm's size raw and gzip -9.
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  if (i < 0) return dflt;
  const v = Number(args[i + 1]);
  args.splice(i, 2);
  if (!(v > 0)) throw new Error(`${name} wants a positive number`);
  return v;
};
const rounds = opt('--rounds', 5);
const batch = opt('--batch', 10);
const [pkg, ...dirs] = args;
if (!pkg || dirs.length === 0) {
  console.error('usage: node bench/pipeline-wasm.mjs PKG_DIR TEXT_DIR... [--rounds N] [--batch N]');
  process.exit(2);
}

const wasmBytes = readFileSync(join(pkg, 'corroborate_bg.wasm'));
const mod = await import(pathToFileURL(resolve(pkg, 'corroborate.js')).href);
await mod.default({ module_or_path: wasmBytes });

const articles = [];
for (const d of dirs) {
  for (const f of readdirSync(d).filter((f) => f.endsWith('.txt')).sort()) {
    articles.push({ name: f, text: readFileSync(join(d, f), 'utf8') });
  }
}
const words = articles.reduce((n, a) => n + a.text.split(/\s+/).filter(Boolean).length, 0);

const wall = [];
const cpu = [];
for (let r = 0; r <= rounds; r++) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  for (let i = 0; i < articles.length; i += batch) {
    mod.analyze(articles.slice(i, i + batch));
  }
  const used = process.cpuUsage(startCpu);
  if (r > 0) {
    wall.push((performance.now() - start) / 1000);
    cpu.push((used.user + used.system) / 1e6);
  }
}
const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const [w, c] = [median(wall), median(cpu)];
console.log(
  `${articles.length} articles, ${words} words, ${batch} per call, ${rounds} rounds: ` +
    `median ${w.toFixed(3)} s wall, ${c.toFixed(3)} s CPU (the process, garbage collector ` +
    `included); ${(words / w / 1000).toFixed(0)}k words per wall s, ` +
    `${(words / c / 1000).toFixed(0)}k per CPU s; wasm ${wasmBytes.length} bytes raw, ` +
    `${gzipSync(wasmBytes, { level: 9 }).length} gzip -9`,
);
