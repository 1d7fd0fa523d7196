// A server that behaves like a CDN for bench/run.mjs: gzip for text and wasm (when the browser
// asks for it), keep-alive connections, the right Content-Type, CORS, long caching headers
// (the benchmark uses a fresh browser context per load, so nothing is cached between loads).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
};

/** Serves `root` on a free port; resolves to { url, stop }. */
export function cdn(root = '.') {
  const base = resolve(root);
  const cache = new Map();
  const server = createServer(async (req, res) => {
    let file = normalize(join(base, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
    if (file !== base && !file.startsWith(base + sep)) return res.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const type = TYPES[extname(file)] || 'application/octet-stream';
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] || '') && type !== 'image/png';
      let body = await readFile(file);
      if (gzip) {
        const key = `${file}:${body.length}`;
        if (!cache.has(key)) cache.set(key, gzipSync(body, { level: 9 }));
        body = cache.get(key);
      }
      res.writeHead(200, {
        'Content-Type': type, 'Content-Length': body.length, 'Cache-Control': 'public, max-age=300',
        'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding', ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      }).end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  server.keepAliveTimeout = 60_000;
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    url: `http://127.0.0.1:${server.address().port}/`,
    stop: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  })));
}
