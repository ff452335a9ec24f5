import { posix, win32 } from 'node:path';
import { APP_HOST, APP_SCHEME } from './appOrigin';

/** What the app:// handler answers, independent of Electron's Response plumbing. */
export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string;
}

export interface AppProtocolDeps {
  /** Absolute directory holding the built renderer (index.html and assets). */
  root: string;
  platform: 'win32' | 'linux' | 'darwin';
  /** Full Content-Security-Policy value, sent on every response including errors. */
  contentSecurityPolicy: string;
  /** File contents, or null when the file does not exist or is not a regular file. */
  readFile(path: string): Promise<Uint8Array | null>;
}

/** Explicit content types: a file type not listed here is not served. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeFor(fileName: string): string | undefined {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return undefined;
  return CONTENT_TYPES[fileName.slice(dot).toLowerCase()];
}

function baseHeaders(csp: string): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

function errorResponse(status: number, message: string, csp: string, extra: Record<string, string> = {}): AppResponse {
  return {
    status,
    headers: { ...baseHeaders(csp), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...extra },
    body: message,
  };
}

/**
 * The raw path of an app:// URL as the client wrote it, before WHATWG parsing resolves dot segments
 * (which would silently turn `/%2e%2e/etc/passwd` into `/etc/passwd`). Traversal attempts are refused
 * outright rather than "resolved" into something harmless, so they show up as 403 in the log.
 */
function rawPath(url: string): string {
  const afterScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#\\]*/i, '');
  const end = afterScheme.search(/[?#]/);
  return end < 0 ? afterScheme : afterScheme.slice(0, end);
}

/** Decodes percent-escapes repeatedly (double encoding) and returns undefined on malformed input. */
function fullyDecode(segment: string): string | undefined {
  let current = segment;
  for (let round = 0; round < 4; round++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return undefined;
    }
    if (next === current) return current;
    current = next;
  }
  return current.includes('%') ? undefined : current;
}

/**
 * Splits an app:// path into safe, decoded segments, or returns undefined when the path tries to leave
 * the renderer directory: `..`/`.` segments (plain or encoded), backslashes, encoded slashes, NUL,
 * drive letters or alternate data streams (`:`).
 */
export function safeSegments(path: string): string[] | undefined {
  if (path.includes('\\')) return undefined;
  const segments: string[] = [];
  for (const raw of path.split('/')) {
    if (raw === '') continue;
    const decoded = fullyDecode(raw);
    if (decoded === undefined) return undefined;
    if (decoded === '.' || decoded === '..') return undefined;
    if (/[\\/:\0]/.test(decoded)) return undefined;
    segments.push(decoded);
  }
  return segments;
}

/**
 * Answers one request for the app:// scheme: GET (and HEAD) only, one host, no traversal, explicit
 * content types, the CSP on every response, and index.html for extension-less paths (the SPA's routes).
 */
export async function answerAppRequest(request: { method: string; url: string }, deps: AppProtocolDeps): Promise<AppResponse> {
  const csp = deps.contentSecurityPolicy;
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    return errorResponse(405, 'Method Not Allowed', csp, { Allow: 'GET, HEAD' });
  }

  let parsed: URL;
  try {
    parsed = new URL(request.url);
  } catch {
    return errorResponse(400, 'Bad Request', csp);
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port !== '' || parsed.username !== '') {
    return errorResponse(404, 'Not Found', csp);
  }

  const raw = safeSegments(rawPath(request.url));
  const normalised = safeSegments(parsed.pathname);
  if (raw === undefined || normalised === undefined) return errorResponse(403, 'Forbidden', csp);

  const pathApi = deps.platform === 'win32' ? win32 : posix;
  const root = pathApi.resolve(deps.root);
  const last = normalised[normalised.length - 1];
  // Routes of the single-page app have no file extension: they all get index.html.
  const isRoute = last === undefined || !last.includes('.');
  const relative = isRoute ? ['index.html'] : normalised;
  const filePath = pathApi.resolve(root, ...relative);
  if (filePath !== root && !filePath.startsWith(root.endsWith(pathApi.sep) ? root : root + pathApi.sep)) {
    return errorResponse(403, 'Forbidden', csp);
  }

  const fileName = relative[relative.length - 1] ?? 'index.html';
  const contentType = contentTypeFor(fileName);
  if (contentType === undefined) return errorResponse(404, 'Not Found', csp);

  let body: Uint8Array | null;
  try {
    body = await deps.readFile(filePath);
  } catch {
    return errorResponse(500, 'Internal Server Error', csp);
  }
  if (body === null) return errorResponse(404, 'Not Found', csp);

  return {
    status: 200,
    headers: {
      ...baseHeaders(csp),
      'Content-Type': contentType,
      // Files come from the installed package; after an update the same name may hold new content.
      'Cache-Control': 'no-cache',
    },
    body: method === 'HEAD' ? '' : body,
  };
}
