import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerAppRequest, contentTypeFor, safeSegments, type AppProtocolDeps } from './appProtocolPolicy';
import { buildContentSecurityPolicy } from './contentSecurityPolicy';

const CSP = buildContentSecurityPolicy('https://credit.weihai.gov.cn/');
const files: Record<string, string> = {
  '/srv/app/index.html': '<!doctype html><title>信用核查窗口端</title>',
  '/srv/app/assets/index-abc.js': 'console.log(1)',
  '/srv/app/assets/index-abc.css': 'body{}',
  '/srv/app/icons/icon-192.png': 'PNG',
  '/srv/app/manifest.webmanifest': '{}',
  '/srv/app/notes.exe': 'MZ',
};
const deps: AppProtocolDeps = {
  root: '/srv/app',
  platform: 'linux',
  contentSecurityPolicy: CSP,
  readFile: (path) => Promise.resolve(path in files ? new TextEncoder().encode(files[path]) : null),
};
const get = (url: string, method = 'GET') => answerAppRequest({ method, url }, deps);

describe('app:// request policy', () => {
  it('serves index.html for the root and for extension-less routes (SPA fallback)', async () => {
    for (const url of ['app://credit-counter/', 'app://credit-counter', 'app://credit-counter/lookup/123?x=1#top']) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      expect(answer.headers['Content-Type']).toBe('text/html; charset=utf-8');
      expect(new TextDecoder().decode(answer.body as Uint8Array)).toContain('信用核查窗口端');
    }
  });

  it('sends explicit content types', async () => {
    expect((await get('app://credit-counter/assets/index-abc.js')).headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect((await get('app://credit-counter/assets/index-abc.css')).headers['Content-Type']).toBe('text/css; charset=utf-8');
    expect((await get('app://credit-counter/icons/icon-192.png')).headers['Content-Type']).toBe('image/png');
    expect((await get('app://credit-counter/manifest.webmanifest')).headers['Content-Type']).toBe(
      'application/manifest+json; charset=utf-8',
    );
    expect(contentTypeFor('x.woff2')).toBe('font/woff2');
    expect(contentTypeFor('Makefile')).toBeUndefined();
  });

  it('does not serve unknown file types or missing files', async () => {
    expect((await get('app://credit-counter/notes.exe')).status).toBe(404);
    expect((await get('app://credit-counter/assets/missing.js')).status).toBe(404);
  });

  it('allows GET and HEAD only (405 otherwise)', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const answer = await get('app://credit-counter/', method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.Allow).toBe('GET, HEAD');
    }
    const head = await get('app://credit-counter/', 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('answers 404 for any other host', async () => {
    for (const url of [
      'app://evil/',
      'app://credit-counter.evil/',
      'app://credit-counter:8080/',
      'app://user@credit-counter/',
      'file:///etc/passwd',
    ]) {
      expect((await get(url)).status, url).toBe(404);
    }
  });

  it('refuses path traversal with 403, plain, encoded, double-encoded and with backslashes', async () => {
    const attempts = [
      'app://credit-counter/../../etc/passwd',
      'app://credit-counter/assets/../../../etc/passwd',
      'app://credit-counter/%2e%2e/%2e%2e/etc/passwd',
      'app://credit-counter/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
      'app://credit-counter/..%2f..%2fetc/passwd',
      'app://credit-counter/%252e%252e%252fetc/passwd',
      'app://credit-counter/..%5c..%5cwindows%5cwin.ini',
      'app://credit-counter/assets\\..\\..\\secret.js',
      'app://credit-counter/C:%5cWindows%5cwin.ini',
      'app://credit-counter/index.html%00.js',
      'app://credit-counter/./index.html',
    ];
    for (const url of attempts) {
      expect((await get(url)).status, url).toBe(403);
    }
  });

  it('puts the CSP (and nosniff) on every response, errors included', async () => {
    const answers = await Promise.all([
      get('app://credit-counter/'),
      get('app://credit-counter/', 'POST'),
      get('app://evil/'),
      get('app://credit-counter/%2e%2e/x'),
      get('app://credit-counter/missing.js'),
    ]);
    for (const answer of answers) {
      expect(answer.headers['Content-Security-Policy']).toBe(CSP);
      expect(answer.headers['X-Content-Type-Options']).toBe('nosniff');
    }
  });

  it('keeps Windows roots and separators safe too', async () => {
    const windows: AppProtocolDeps = {
      ...deps,
      root: 'C:\\Program Files\\信用核查窗口端\\resources\\app.asar\\out\\renderer',
      platform: 'win32',
      readFile: (path) => Promise.resolve(path.endsWith('\\index.html') ? new Uint8Array([60]) : null),
    };
    expect((await answerAppRequest({ method: 'GET', url: 'app://credit-counter/cases' }, windows)).status).toBe(200);
    expect((await answerAppRequest({ method: 'GET', url: 'app://credit-counter/..%5C..%5Cx.js' }, windows)).status).toBe(403);
  });

  it('answers 500 (with the CSP) when the file cannot be read', async () => {
    const failing: AppProtocolDeps = { ...deps, readFile: () => Promise.reject(new Error('EIO')) };
    const answer = await answerAppRequest({ method: 'GET', url: 'app://credit-counter/' }, failing);
    expect(answer.status).toBe(500);
    expect(answer.headers['Content-Security-Policy']).toBe(CSP);
  });

  it('splits safe paths into decoded segments', () => {
    expect(safeSegments('/assets/%E4%BF%A1%E7%94%A8.png')).toEqual(['assets', '信用.png']);
    expect(safeSegments('/a/%2e%2e/b')).toBeUndefined();
    expect(safeSegments('/%E0%A4%A')).toBeUndefined();
  });
});

describe('Content-Security-Policy', () => {
  it('is strict and connects only to itself and the configured platform origin', () => {
    const csp = buildContentSecurityPolicy('https://credit.weihai.gov.cn:8443/base/path?q=1');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self' https://credit.weihai.gov.cn:8443");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("img-src 'self' data:");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
  });

  it('ignores a platform URL that is not http(s)', () => {
    expect(buildContentSecurityPolicy('javascript:alert(1)')).toContain("connect-src 'self';");
  });
});

describe('app:// handler on a real directory', () => {
  it('reads files from disk and never serves directories', async () => {
    const root = mkdtempSync(join(tmpdir(), 'cc-app-'));
    mkdirSync(join(root, 'assets.js'));
    writeFileSync(join(root, 'index.html'), '<p>信用</p>');
    const { serveApp } = await import('../appProtocol');
    const { protocol, resetElectronDouble } = await import('../../../tests/doubles/electron');
    resetElectronDouble();
    serveApp({ root, platform: 'linux', contentSecurityPolicy: CSP });
    const ok = await protocol.simulateRequest('app://credit-counter/');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe('<p>信用</p>');
    expect(ok.headers.get('content-security-policy')).toBe(CSP);
    const directory = await protocol.simulateRequest('app://credit-counter/assets.js');
    expect(directory.status).toBe(404);
    const post = await protocol.simulateRequest('app://credit-counter/', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('content-security-policy')).toBe(CSP);
  });
});
