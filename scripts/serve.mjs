// A small static file server for the demo and the tests: correct MIME types (application/wasm),
// no caching, optional CORS for serving dist/ to another origin.
//   node scripts/serve.mjs [--root www] [--port 8080] [--cors] [--isolate] [--quiet] [--delay-wasm MS]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(opt('--root', 'www'));
const port = Number(opt('--port', process.env.PORT || 8080));
const host = opt('--host', '127.0.0.1');
const cors = args.includes('--cors');
const quiet = args.includes('--quiet');
// Cross-origin isolation (COOP + COEP), for bench/run.mjs: the page's clock then has 5 us steps
// instead of 100 us, so a click's sub-millisecond work can be told apart.
const isolate = args.includes('--isolate');
// Tests of a slow network: .wasm files are answered this many milliseconds late.
const wasmDelay = Number(opt('--delay-wasm', 0));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  let file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root + sep)) {
    res.writeHead(403).end('forbidden');
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    const body = await readFile(file);
    const headers = {
      'Content-Type': TYPES[extname(file)] || 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (cors) headers['Access-Control-Allow-Origin'] = '*';
    if (isolate) Object.assign(headers, { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' });
    if (wasmDelay && file.endsWith('.wasm')) await new Promise((r) => setTimeout(r, wasmDelay));
    res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
  }
});

server.on('error', (e) => {
  if (e.code === 'EADDRINUSE') {
    console.error(`error: port ${port} is already in use. Choose another one: PORT=${port + 1} scripts/serve.sh`);
  } else {
    console.error(`error: cannot serve on ${host}:${port}: ${e.message}`);
  }
  process.exit(1);
});

server.listen(port, host, () => {
  const actual = server.address().port;
  if (!quiet) console.log(`Serving ${root} at http://${host}:${actual}/  (Ctrl+C to stop)`);
  else console.log(`listening ${actual}`);
});
