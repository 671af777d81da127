// @ts-check
// The analysis worker: owns the WebAssembly instance so the page stays responsive while the
// (synchronous) Rust `analyze` runs.
//
// Protocol (the types: types/worker.d.ts). Requests are `{type, id, ...}`; every reply is
// `{id, kind, ...}` with the request's `id`, and `kind` one of:
// - `'result'`: the request's one answer, with what it asked for (below);
// - `'error'`: its one answer when it failed, `{id, kind: 'error', message}`;
// - `'progress'`: a notice before the answer of an `analyze` that asked for them.
// Unknown request types are logged and answered with an error, never ignored silently.
//
// - `{type: 'analyze', id, articles, options, progress}` analyses `articles` (`[{name, text}]`)
//   with `options` (`{edits: [{merge: [names]} | {split: name}]}`, or absent), passed to the
//   core as they are. The result is `{id, kind: 'result', parts, digest, ms}`: `parts`, one JSON
//   string per top-level key of the report, which the page parses one per task so that a large
//   report never blocks it for long; `digest`, the core's JSON of what differs (`digestJson`).
//   With `progress: true` it is preceded by zero or more `{id, kind: 'progress', stage, step,
//   steps, done, total}`: stage `stage` (the core's `stages()`, number `step` of `steps`, from 1)
//   is running with `done` of `total` articles through it; after the last stage ends, `stage`
//   is the last with `done === total`. At most one per stage change and otherwise one per 50 ms,
//   so a long list of articles does not flood the page.
// - `{type: 'digest', id, report}` (a report as a JSON string): `{id, kind: 'result', digest}`,
//   the page's digest of an imported report.
// - `{type: 'read', id, bytes}` (an ArrayBuffer: a file's bytes): `{id, kind: 'result', text,
//   html}` by the core's input check (`readInput`, the CLI's `input::check` but for HTML, which
//   the page reduces to article text), or an error carrying the check's message, worded as the
//   CLI words it.
// - `{type: 'ready', id}`: `{id, kind: 'result'}` once the wasm module is loaded.
// - `{type: 'init', id, wasm}` hands the worker the wasm binary (an ArrayBuffer) instead of
//   letting it fetch pkg/corroborate_bg.wasm: the single-file build (scripts/build-single.mjs)
//   runs this same code from a Blob URL and sends it first. Answered like `ready`, or with an
//   error when the module is already loading.

/** @import { WorkerReply, WorkerRequest } from '../types/worker.js' */

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

/**
 * The core's progress function for request `id` (`(stage, done, total)` as each stage ends and
 * after each article of the per-article stages), posting what is running: at each stage
 * change, else at most every 50 ms.
 */
function progressOf(mod, id) {
  const stages = mod.stages();
  let last = 0;
  return (stage, done, total) => {
    const now = performance.now();
    if (done < total && now - last < 50) return;
    last = now;
    // an ended stage means the next one runs, none of its articles done yet
    const at = stages.indexOf(stage);
    const next = done === total && at + 1 < stages.length;
    const step = next ? at + 2 : at + 1;
    reply({ id, kind: 'progress', stage: stages[step - 1], step, steps: stages.length, done: next ? 0 : done, total });
  };
}

/** @param {WorkerReply} message */
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

self.addEventListener('message', /** @param {MessageEvent<WorkerRequest>} event */ async (event) => {
  const msg = event.data ?? /** @type {WorkerRequest} */ ({});
  const { type, id } = msg;
  try {
    switch (msg.type) {
      case 'init': {
        if (loading) throw new Error('init must come before any other request');
        if (!(msg.wasm instanceof ArrayBuffer)) throw new Error('init needs the wasm binary as an ArrayBuffer');
        wasmBytes = msg.wasm;
        await core();
        reply({ id, kind: 'result' });
        break;
      }
      case 'ready': {
        await core();
        reply({ id, kind: 'result' });
        break;
      }
      case 'analyze': {
        const mod = await core();
        const t0 = performance.now();
        const optionsJson = msg.options == null ? undefined : JSON.stringify(msg.options);
        const progress = msg.progress ? progressOf(mod, id) : undefined;
        const json = mod.analyzeJson(JSON.stringify(msg.articles), optionsJson, progress);
        // one JSON string per top-level key, so the page can parse them in separate tasks
        const report = JSON.parse(json);
        const ms = performance.now() - t0;
        const parts = Object.fromEntries(Object.entries(report).map(([key, value]) => [key, JSON.stringify(value)]));
        // what differs, picked by the core (markdown::digest) from the same report
        reply({ id, kind: 'result', parts, digest: mod.digestJson(json), ms });
        break;
      }
      case 'read': {
        const mod = await core();
        const { text, html } = mod.readInput(new Uint8Array(msg.bytes));
        reply({ id, kind: 'result', text, html });
        break;
      }
      case 'digest': {
        // an imported report's digest (msg.report: the report as a JSON string)
        const mod = await core();
        reply({ id, kind: 'result', digest: mod.digestJson(msg.report) });
        break;
      }
      default:
        console.warn('corroborate worker: unknown message', msg);
        reply({ id, kind: 'error', message: `unknown message type: ${String(type)}` });
    }
  } catch (err) {
    reply({ id, kind: 'error', message: describe(err) });
  }
});
