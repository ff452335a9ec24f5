import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticServerOptions {
  /** Folder to serve (a Vite build). */
  root: string;
  port?: number;
  host?: string;
  /** Extra JSON documents served at fixed paths, e.g. { '/config.json': { platformUrl } }. */
  json?: Record<string, unknown>;
}

export interface RunningStaticServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * A small static server for the web build (the PWA as an intranet web server would serve it):
 * GET/HEAD only, no path traversal, explicit content types, SPA fallback to index.html.
 */
export async function serveStatic(options: StaticServerOptions): Promise<RunningStaticServer> {
  const root = resolve(options.root);
  const server: Server = createServer((request, response) => {
    void (async () => {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
      const extra = options.json?.[pathname];
      if (extra !== undefined) {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES['.json']!, 'Cache-Control': 'no-store' }).end(JSON.stringify(extra));
        return;
      }
      const candidate = normalize(join(root, pathname));
      if (candidate !== root && !candidate.startsWith(root + sep)) {
        response.writeHead(403).end();
        return;
      }
      let file = candidate;
      const info = await stat(file).catch(() => null);
      if (!info || info.isDirectory()) {
        const index = join(info ? file : root, 'index.html');
        // Unknown paths without an extension are app routes: serve the shell.
        if (info || extname(pathname) === '') file = index;
        else {
          response.writeHead(404).end();
          return;
        }
      }
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      // The service worker and the shell must revalidate so that a new version is noticed.
      const noCache = file.endsWith('index.html') || file.endsWith('sw.js');
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': noCache ? 'no-cache' : 'public, max-age=31536000, immutable' });
      if (request.method === 'HEAD') response.end();
      else
        createReadStream(file)
          .on('error', () => response.destroy())
          .pipe(response);
    })().catch(() => {
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolveListen());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
