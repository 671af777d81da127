// @ts-check
// The service worker that lets the page work offline after its first visit.
//
// On install it caches the whole app (ASSETS: the page, its bundled module, worker and
// stylesheet, the wasm binary, the sample articles, the vendored Readability), taking what the
// first visit already downloaded from the HTTP cache. Requests for this origin then go to
// the network first, so a rebuilt page is always picked up and the cache refreshed, and fall
// back to the cache when the network fails. Nothing is ever fetched from another origin, and
// requests to other origins are not touched.
//
// ASSETS lists exactly the files the built page can load: index.html loads pkg/main.js and
// pkg/style.css, which scripts/build-www.mjs bundles from the modules in www/ (main.js and its
// imports, worker.js with the wasm-bindgen glue, style.css), not the source modules themselves.
// Source maps (pkg/*.map) are left out: the browser fetches them only for its developer tools.
// The embed example (embed-example.html, widget.js) loads the source modules and is not cached.
// tests/e2e/offline.spec.js checks the list against what a visit fetches.

// The cache is named after the build (pkg/build.js, written by scripts/build-www.mjs): a new
// build installs into a fresh cache and activation deletes every other corroborate cache. Only
// the files in ASSETS are ever stored, so the cache stays bounded by the app's own size.
/** This script's global scope, a service worker's (`self`, typed as what it is here). */
const sw = /** @type {ServiceWorkerGlobalScope & {CORROBORATE_BUILD?: string}} */ (/** @type {unknown} */ (self));

try {
  importScripts('pkg/build.js');
} catch {
  // no build id (www/pkg/ not built yet): one fixed name
}
const CACHE = `corroborate-${sw.CORROBORATE_BUILD ?? 'dev'}`;

const ASSETS = [
  './',
  'index.html',
  'pkg/style.css',
  'pkg/main.js',
  'pkg/worker.js',
  'pkg/build.js',
  'pkg/corroborate_bg.wasm',
  'pkg/demo.json',
  'pkg/vendor/readability.js',
];

/** Absolute URLs of ASSETS: the only requests whose responses are stored. */
const CACHED = new Set(ASSETS.map((a) => new URL(a, sw.location.href).href));

// Install copies the files from the browser's HTTP cache where it can (`force-cache`): main.js
// registers this worker only after the first analysis is on the page, so the page, its modules,
// the wasm and the samples were all just fetched and are not downloaded a second time (the
// server must let the browser keep them: `Cache-Control: no-cache` with an ETag, not
// `no-store`; see the README). Only files the page has not used yet are fetched.
sw.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS.map((a) => new Request(a, { cache: 'force-cache' }))))
      .then(() => sw.skipWaiting()),
  );
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('corroborate-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => sw.clients.claim()),
  );
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === 'basic' && CACHED.has(new URL(request.url).href)) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = (await cache.match(request, { ignoreSearch: true })) ?? (request.mode === 'navigate' ? await cache.match('index.html') : undefined);
    if (cached) return cached;
    throw err;
  }
}

sw.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || new URL(request.url).origin !== sw.location.origin) return;
  event.respondWith(networkFirst(request));
});
