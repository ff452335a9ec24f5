import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale, type BuildOutput } from '../support/builds';

const BUILD: BuildOutput = { name: 'web', marker: 'dist/web/index.html', sources: ['renderer', 'vite.config.ts'], script: 'build:web' };

function file(root: string, path: string, secondsAgo: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, '');
  const at = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(full, at, at);
}

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'cc-builds-'));
  file(root, 'renderer/src/app.tsx', 100);
  file(root, 'vite.config.ts', 100);
  return root;
}

describe('browser-test builds: rebuilt only when missing or stale', () => {
  it('a missing build is stale', () => {
    expect(isStale(repo(), BUILD)).toBe(true);
  });

  it('a build newer than every source is fresh, so `npm test` (which builds first) builds nothing twice', () => {
    const root = repo();
    file(root, 'dist/web/index.html', 10);
    expect(isStale(root, BUILD)).toBe(false);
  });

  it('a source edited after the build makes it stale, however deep', () => {
    const root = repo();
    file(root, 'dist/web/index.html', 10);
    file(root, 'renderer/src/features/lookup/LookupBar.tsx', 1);
    expect(isStale(root, BUILD)).toBe(true);
  });

  it('a config file edited after the build makes it stale', () => {
    const root = repo();
    file(root, 'dist/web/index.html', 10);
    file(root, 'vite.config.ts', 1);
    expect(isStale(root, BUILD)).toBe(true);
  });

  it('editing a unit test does not', () => {
    const root = repo();
    file(root, 'dist/web/index.html', 10);
    file(root, 'renderer/src/features/lookup/analyse.test.ts', 1);
    expect(isStale(root, BUILD)).toBe(false);
  });
});
