// Zero-dependency static file server for the page and its browser tests.
//
// usage: node scripts/serve.mjs [root=www] [port=8123] [host=127.0.0.1]
//
// Serves files under `root` only (no directory listing, nothing outside root), `.wasm` as
// application/wasm (needed by WebAssembly.instantiateStreaming) and modules as JavaScript, with
// `Cache-Control: no-cache` and an ETag: the browser keeps each file but asks again every time
// (a 304 when unchanged), so a rebuild is always picked up and the service worker's install
// reads the files the page just loaded from the HTTP cache instead of downloading them twice.
// SERVE_LOG=FILE appends one line per response (`status bytes path`), for scripts/page-weight.mjs.
import http from 'node:http';
import { appendFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';

const root = path.resolve(process.argv[2] ?? 'www');
const port = Number(process.argv[3] ?? 8123);
const host = process.argv[4] ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

function send(res, status, body, type = 'text/plain; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

function log(status, bytes, file) {
  if (process.env.SERVE_LOG) appendFileSync(process.env.SERVE_LOG, `${status} ${bytes} ${path.relative(root, file)}\n`);
}

const server = http.createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'method not allowed');
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    return send(res, 400, 'bad request');
  }
  let file = path.resolve(root, `.${pathname}`);
  if (file !== root && !file.startsWith(root + path.sep)) return send(res, 403, 'forbidden');
  try {
    if ((await stat(file)).isDirectory()) file = path.join(file, 'index.html');
    const info = await stat(file);
    const etag = `"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-cache', etag, 'x-content-type-options': 'nosniff' };
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, headers);
      res.end();
      log(304, 0, file);
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    log(200, body.length, file);
  } catch {
    send(res, 404, 'not found');
  }
});

server.listen(port, host, () => console.log(`serving ${root} on http://${host}:${port}/`));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
