// The analysis worker: owns the WebAssembly instance so the page stays responsive while the
// (synchronous) Rust `analyze` runs.
//
// Protocol: requests are `{type, id, ...}`; every request gets exactly one reply with the same
// `id`: `{type: 'report', id, report, ms}`, `{type: 'ready', id}` or `{type: 'error', id, message}`.
// Unknown message types are logged and answered with an error, never ignored silently.

let loading = null;

/** Loads and instantiates the wasm module once (the promise is shared by every request). */
function core() {
  loading ??= import('./pkg/corroborate.js').then(async (mod) => {
    await mod.default();
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
      case 'ready': {
        await core();
        reply({ type: 'ready', id });
        break;
      }
      case 'analyze': {
        const mod = await core();
        const t0 = performance.now();
        let report = mod.analyze(msg.articles);
        if (typeof report === 'string') report = JSON.parse(report);
        reply({ type: 'report', id, report, ms: performance.now() - t0 });
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
