// @ts-check
// Entry point of the single-file build (scripts/build-single.mjs → dist/corroborate.html), which
// links this module and everything it imports into one inline script. Nothing is fetched: the
// wasm binary (base64), the worker's script and the sample articles come from data blocks in
// the same file, the worker starts from a Blob URL and gets the wasm binary in its first
// message, and the session is kept in IndexedDB as on the served page.
import { createApp } from './app.js';
import { AnalyzerClient } from './client.js';
import { buildLayout } from './layout.js';
import { openStore, rememberedTheme } from './store.js';

function dataBlock(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`this file is incomplete: #${id} is missing`);
  return node.textContent;
}

/** Base64 to bytes (Uint8Array.fromBase64 where the browser has it). */
function decodeBase64(text) {
  const clean = text.replace(/\s+/g, '');
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(clean);
  const binary = atob(clean);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

// The worker is a classic script: a Blob URL cannot hold a module worker on a file:// page.
// Its first message hands it the wasm binary.
const source = new Blob([dataBlock('corroborate-worker')], { type: 'text/javascript' });
const client = new AnalyzerClient(new Worker(URL.createObjectURL(source), { name: 'corroborate' }));
client.init(decodeBase64(dataBlock('corroborate-wasm')).buffer).catch((err) => console.error('corroborate: the analysis core did not start:', err.message));

document.getElementById('main').append(buildLayout());
createApp(document, {
  client,
  demo: async () => JSON.parse(dataBlock('corroborate-demo')),
  store: openStore('corroborate-single'),
  ...rememberedTheme(document),
}).start();
