#!/usr/bin/env node
// Serves the static export with the headers onnxruntime-web needs for threads:
// COOP/COEP make the page cross-origin isolated (SharedArrayBuffer), CORP lets workers load same-origin files.
// Usage: node scripts/serve-static.mjs [dir=out] [--port 3100] [--host 127.0.0.1] [--base /path]
// --base serves the export under a path, as a host like GitHub Pages does (build it with the same BASE_PATH).
// Text files go out compressed (brotli or gzip, as the client accepts), as static hosts send them.
// --bare sends none of the site's headers (no COOP/COEP): a host that cannot set headers, for tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { SECURITY_HEADERS } from './security-headers.mjs';

const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const VALUE_FLAGS = ['--port', '--host', '--base'];
const root = path.resolve(args.find((a, i) => !a.startsWith('--') && !VALUE_FLAGS.includes(args[i - 1])) ?? 'out');
const port = Number(flag('--port', process.env.PORT ?? 3100));
const host = flag('--host', process.env.HOST ?? '127.0.0.1');
const base = (flag('--base', '') ?? '').replace(/\/+$/, '');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.safetensors': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};
const SECURITY = args.includes('--bare') ? {} : SECURITY_HEADERS;

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`No static export in ${root}. Run "npm run build" first (or "npm start", which builds when needed).`);
  process.exit(1);
}

/** Maps a URL path to a file: /x → x, x.html or x/index.html. Never leaves root. */
function resolveFile(urlPath) {
  let p = urlPath.split('?')[0];
  if (base) {
    if (p !== base && !p.startsWith(`${base}/`)) return null;
    p = p.slice(base.length) || '/';
  }
  try {
    p = decodeURIComponent(p);
  } catch {
    return null;
  }
  const abs = path.join(root, path.normalize(p));
  if (abs !== root && !abs.startsWith(root + path.sep)) return null;
  if (
    path
      .relative(root, abs)
      .split(path.sep)
      .some((part) => part.startsWith('.'))
  )
    return null; // no dotfiles
  for (const candidate of [abs, abs + '.html', path.join(abs, 'index.html')]) {
    try {
      if (fs.statSync(candidate).isFile()) return candidate;
    } catch {
      /* try the next one */
    }
  }
  return null;
}

const server = http.createServer((req, res) => {
  const file = resolveFile(req.url ?? '/');
  const headers = { ...SECURITY };
  if (!file) {
    const notFound = path.join(root, '404.html'); // its asset URLs carry the base path, so it works under --base too
    res.writeHead(404, { ...headers, 'Content-Type': TYPES['.html'] });
    if (req.method === 'HEAD') return res.end();
    return fs.existsSync(notFound) ? send(fs.createReadStream(notFound), res) : res.end('Not found');
  }
  let stat;
  try {
    stat = fs.statSync(file);
  } catch {
    res.writeHead(500, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    return res.end('Could not read the file.');
  }
  headers['Content-Type'] = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  headers['Accept-Ranges'] = 'bytes';
  headers['Cache-Control'] = file.includes(`${path.sep}_next${path.sep}static${path.sep}`)
    ? 'public, max-age=31536000, immutable'
    : 'no-cache';
  const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
  if (range && (range[1] || range[2])) {
    const start = range[1] ? Number(range[1]) : Math.max(0, stat.size - Number(range[2]));
    const end = range[1] && range[2] ? Math.min(Number(range[2]), stat.size - 1) : stat.size - 1;
    if (start > end || start >= stat.size) {
      res.writeHead(416, { ...headers, 'Content-Range': `bytes */${stat.size}` });
      return res.end();
    }
    res.writeHead(206, { ...headers, 'Content-Range': `bytes ${start}-${end}/${stat.size}`, 'Content-Length': end - start + 1 });
    if (req.method === 'HEAD') return res.end();
    return send(fs.createReadStream(file, { start, end }), res);
  }
  headers['Vary'] = 'Accept-Encoding';
  const packed = compressedBody(file, stat, headers['Content-Type'], req.headers['accept-encoding']);
  if (packed) {
    res.writeHead(200, { ...headers, 'Content-Encoding': packed.encoding, 'Content-Length': packed.body.length });
    return res.end(req.method === 'HEAD' ? undefined : packed.body);
  }
  res.writeHead(200, { ...headers, 'Content-Length': stat.size });
  if (req.method === 'HEAD') return res.end();
  send(fs.createReadStream(file), res);
});

// Text is sent compressed, as static hosts do (brotli, else gzip), so local figures match a real host.
// Each file is compressed once per modification time.
const COMPRESSIBLE = /^(text\/|application\/(json|manifest\+json|javascript))|^image\/svg/;
const compressed = new Map();

/** The file's bytes in the encoding the client accepts best, or null to send it as it is. */
function compressedBody(file, stat, type, acceptEncoding = '') {
  if (!COMPRESSIBLE.test(type) || stat.size < 1024) return null;
  const encoding = /\bbr\b/.test(acceptEncoding) ? 'br' : /\bgzip\b/.test(acceptEncoding) ? 'gzip' : null;
  if (!encoding) return null;
  const key = `${encoding}:${file}`;
  const hit = compressed.get(key);
  if (hit && hit.mtimeMs === stat.mtimeMs) return { encoding, body: hit.body };
  let body;
  try {
    const raw = fs.readFileSync(file);
    body =
      encoding === 'br'
        ? zlib.brotliCompressSync(raw, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          })
        : zlib.gzipSync(raw, { level: 9 });
  } catch {
    return null; // unreadable: the plain path reports it
  }
  compressed.set(key, { mtimeMs: stat.mtimeMs, body });
  return { encoding, body };
}

/** Pipes a file; a read error after the headers went out ends the response instead of crashing the server. */
function send(stream, res) {
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

server.listen(port, host, () => {
  console.log(
    `GPT-2 Pamphlet is served at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}${base}/  (from ${path.relative(process.cwd(), root) || '.'}, Ctrl+C to stop)`,
  );
});
