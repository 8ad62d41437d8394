// The static server of the three-engine journeys. Like support.mjs's startServer, plus what
// the journeys need from the server side, the same for every engine:
// - every HTML page gets recorder.js as its first script (WebKit has no console access);
// - a mount can pretend files are missing (404) or serve a replacement for a file, so a
//   test can take app.js, the worker, the wasm or uplot.js away or make it throw;
// - a mount can let the browser cache its files (else nothing is cached), for journeys that
//   load the same page many times;
// - every answer of 400 or more is recorded in `httpErrors`.
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MIME } from '../support.mjs';

const RECORDER_URL = '/__engines/recorder.js';
const RECORDER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorder.js');

/**
 * mounts: URL prefix -> folder, or { dir, missing: [file, …], replace: { file: source }, cache: true }
 * (file names relative to the mount). The longest prefix wins; a prefix itself serves index.html.
 * @returns {Promise<{ origin: string, httpErrors: string[], close: () => Promise<void> }>}
 */
export function startEngineServer(mounts) {
  const httpErrors = [];
  const table = Object.entries(mounts).map(([prefix, m]) => [prefix, typeof m === 'string' ? { dir: m } : m])
    .sort(([a], [b]) => b.length - a.length);
  const server = http.createServer(async (req, res) => {
    let cache = false;
    const send = (status, type, body) => {
      if (status >= 400) httpErrors.push(`HTTP ${status}: ${req.url}`);
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache && status === 200 ? 'max-age=600' : 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    try {
      const pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (pathname === '/favicon.ico') return send(204, 'text/plain', '');
      if (pathname === RECORDER_URL) return send(200, MIME['.js'], await fs.readFile(RECORDER));
      const found = table.find(([prefix]) => pathname.startsWith(prefix));
      if (!found) return send(404, 'text/plain', 'not found');
      const [prefix, mount] = found;
      cache = mount.cache === true;
      const rel = pathname.slice(prefix.length) || 'index.html';
      const type = MIME[path.extname(rel)] ?? 'application/octet-stream';
      if (mount.missing?.includes(rel)) return send(404, 'text/plain', 'not found (taken away by the test)');
      if (mount.replace && rel in mount.replace) return send(200, type, mount.replace[rel]);
      const file = path.resolve(mount.dir, `./${rel}`);
      if (file !== mount.dir && !file.startsWith(mount.dir + path.sep)) return send(403, 'text/plain', 'forbidden');
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) return send(404, 'text/plain', 'not found');
      let body = await fs.readFile(file);
      if (type.startsWith('text/html')) body = body.toString('utf8').replace(/<head>/i, `<head><script src="${RECORDER_URL}"></script>`);
      send(200, type, body);
    } catch (e) {
      send(500, 'text/plain', String(e));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      origin: `http://127.0.0.1:${server.address().port}`,
      httpErrors,
      close: () => new Promise((done) => {
        server.closeAllConnections?.();
        server.close(() => done());
      }),
    }));
  });
}
