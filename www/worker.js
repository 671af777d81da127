// The analysis worker: owns the WebAssembly instance so the page stays responsive while the
// (synchronous) Rust `analyze` runs.
//
// Protocol: requests are `{type, id, ...}`; `{type: 'analyze', id, articles, options, format}`
// analyses `articles` (`[{name, text}]`) with `options` (`{edits: [{merge: [names]} | {split:
// name}]}`, or absent), passed to the core as they are. Every request gets exactly one reply
// with the same `id`: `{type: 'report', id, report, ms}` (or `{type: 'report', id, json, ms}` when the request
// said `format: 'json'`: the report as the core's JSON string, which the page parses faster
// than the browser copies a large object between threads; or `{type: 'report', id, parts, ms}`
// for `format: 'parts'`: one JSON string per top-level key, which the page parses one per
// task so that a large report never blocks it for long), `{type: 'ready', id}` or
// `{type: 'error', id, message}`. Unknown message types are logged and answered with an error,
// never ignored silently.
//
// `parts` replies also carry `digest`, the core's JSON of what differs (`digestJson`), and
// `{type: 'digest', id, report}` (a report as a JSON string) is answered `{type: 'digest', id,
// digest}`: the page's digest of an imported report.
//
// `{type: 'read', id, bytes}` (an ArrayBuffer: a file's bytes) is answered `{type: 'read', id,
// text, html}` by the core's input check (`readInput`, the CLI's `input::check` but for HTML,
// which the page reduces to article text), or an error carrying the check's message, worded
// as the CLI words it.
//
// `{type: 'init', id, wasm}` hands the worker the wasm binary (an ArrayBuffer) instead of
// letting it fetch pkg/corroborate_bg.wasm: the single-file build (scripts/build-single.mjs)
// runs this same code from a Blob URL and sends it first. It is answered `ready`, or an error
// when the module is already loading.

let loading = null;
let wasmBytes = null;

/** Loads and instantiates the wasm module once (the promise is shared by every request). */
function core() {
  loading ??= import('./pkg/corroborate.js').then(async (mod) => {
    await (wasmBytes ? mod.default({ module_or_path: wasmBytes }) : mod.default());
    return mod;
  });
  return loading;
}

function reply(message) {
  self.postMessage(message);
}

function describe(err) {
  if (err instanceof Error) return err.message;
  if (typeof err === 'string') return err;
  try {
    return JSON.stringify(err);
  } catch {
    return String(err);
  }
}

self.addEventListener('message', async (event) => {
  const msg = event.data ?? {};
  const { type, id } = msg;
  try {
    switch (type) {
      case 'init': {
        if (loading) throw new Error('init must come before any other request');
        if (!(msg.wasm instanceof ArrayBuffer)) throw new Error('init needs the wasm binary as an ArrayBuffer');
        wasmBytes = msg.wasm;
        await core();
        reply({ type: 'ready', id });
        break;
      }
      case 'ready': {
        await core();
        reply({ type: 'ready', id });
        break;
      }
      case 'analyze': {
        const mod = await core();
        const t0 = performance.now();
        const optionsJson = msg.options == null ? undefined : JSON.stringify(msg.options);
        if (msg.format === 'json') {
          const json = mod.analyzeJson(JSON.stringify(msg.articles), optionsJson);
          reply({ type: 'report', id, json, ms: performance.now() - t0 });
          break;
        }
        if (msg.format === 'parts') {
          // one JSON string per top-level key, so the page can parse them in separate tasks
          const json = mod.analyzeJson(JSON.stringify(msg.articles), optionsJson);
          const report = JSON.parse(json);
          const ms = performance.now() - t0;
          const parts = Object.fromEntries(Object.entries(report).map(([key, value]) => [key, JSON.stringify(value)]));
          // what differs, picked by the core (markdown::digest) from the same report
          reply({ type: 'report', id, parts, digest: mod.digestJson(json), ms });
          break;
        }
        let report = msg.options == null ? mod.analyze(msg.articles) : mod.analyze(msg.articles, msg.options);
        if (typeof report === 'string') report = JSON.parse(report);
        reply({ type: 'report', id, report, ms: performance.now() - t0 });
        break;
      }
      case 'read': {
        const mod = await core();
        const { text, html } = mod.readInput(new Uint8Array(msg.bytes));
        reply({ type: 'read', id, text, html });
        break;
      }
      case 'digest': {
        // an imported report's digest (msg.report: the report as a JSON string)
        const mod = await core();
        reply({ type: 'digest', id, digest: mod.digestJson(msg.report) });
        break;
      }
      default:
        console.warn('corroborate worker: unknown message', msg);
        reply({ type: 'error', id, message: `unknown message type: ${String(type)}` });
    }
  } catch (err) {
    reply({ type: 'error', id, message: describe(err) });
  }
});
