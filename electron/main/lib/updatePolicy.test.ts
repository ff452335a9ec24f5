import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigFile } from './configSources';
import {
  UPDATER_SESSION_PARTITION,
  installScope,
  isFolderWritable,
  nextUpdateCheckDelayMs,
  proxyConfig,
  updateFeed,
  type UpdateHost,
} from './updatePolicy';

const KEY = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA…\n-----END PUBLIC KEY-----';
const perUserAppImage: UpdateHost = { isPackaged: true, platform: 'linux', appImage: true, installScope: 'per-user', signingKey: KEY };
const managed = { autoUpdateUrl: 'https://updates.intra/credit-counter/', source: 'policy' as const };

describe('update policy', () => {
  it('a per-user install with a managed https feed and a built-in signing key updates itself', () => {
    expect(updateFeed(managed, perUserAppImage)).toEqual({
      kind: 'feed',
      feed: { provider: 'generic', url: 'https://updates.intra/credit-counter/', channel: 'latest' },
    });
    expect(updateFeed({ ...managed, source: 'machine' }, { ...perUserAppImage, platform: 'win32', appImage: false }).kind).toBe('feed');
  });

  it('a per-machine install never updates itself: a clerk must never see a UAC prompt; IT pushes the installer', () => {
    const decision = updateFeed(managed, { ...perUserAppImage, platform: 'win32', appImage: false, installScope: 'per-machine' });
    expect(decision).toMatchObject({ kind: 'off', reason: expect.stringMatching(/所有用户/) });
  });

  it('only a managed source may turn updates on', () => {
    for (const source of ['beside-executable', 'command-line', 'default'] as const) {
      expect(updateFeed({ ...managed, source }, perUserAppImage), source).toMatchObject({
        kind: 'off',
        reason: expect.stringMatching(/组策略/),
      });
    }
  });

  it('never over plain http, and never without the key that checks the signature', () => {
    expect(updateFeed({ ...managed, autoUpdateUrl: 'http://updates.intra/' }, perUserAppImage)).toMatchObject({ kind: 'off' });
    expect(updateFeed(managed, { ...perUserAppImage, signingKey: null })).toMatchObject({
      kind: 'off',
      reason: expect.stringMatching(/公钥/),
    });
  });

  it('never updates development runs or deb installs (the package manager does)', () => {
    expect(updateFeed(managed, { ...perUserAppImage, isPackaged: false }).kind).toBe('off');
    expect(updateFeed(managed, { ...perUserAppImage, appImage: false }).kind).toBe('off');
    expect(updateFeed({ ...managed, autoUpdateUrl: 'off' }, perUserAppImage)).toMatchObject({ kind: 'off' });
  });

  it('the configuration refuses an http update feed outright', () => {
    const layer = parseConfigFile('machine', JSON.stringify({ autoUpdateUrl: 'http://updates.intra/credit-counter/' }), 'x');
    expect(layer.values).toEqual({});
    expect(layer.problems[0]).toMatch(/autoUpdateUrl/);
    expect(parseConfigFile('machine', JSON.stringify({ autoUpdateUrl: 'https://updates.intra/' }), 'x').values).toEqual({
      autoUpdateUrl: 'https://updates.intra/',
    });
  });

  it('a folder the user may write is a per-user install; one only administrators may write is per-machine', () => {
    expect(installScope(true)).toBe('per-user');
    expect(installScope(false)).toBe('per-machine');
    const folder = mkdtempSync(join(tmpdir(), 'cc-program-'));
    expect(isFolderWritable(folder)).toBe(true);
    expect(readdirSync(folder)).toEqual([]); // the test file is gone again
    expect(isFolderWritable(join(folder, 'missing'))).toBe(false);
    rmSync(folder, { recursive: true });
  });

  it('the updater uses the configured proxy, like the rest of the app', () => {
    expect(proxyConfig('http=proxy.local:8080')).toEqual({ proxyRules: 'http=proxy.local:8080' });
    expect(proxyConfig('')).toEqual({ mode: 'system' });
    // electron-updater downloads in a session partition of its own: the app sets the proxy on that one too.
    const executor = createRequire(import.meta.url).resolve('electron-updater/out/electronHttpExecutor.js');
    expect(readFileSync(executor, 'utf8')).toContain(`NET_SESSION_NAME = "${UPDATER_SESSION_PARTITION}"`);
  });

  it('spreads checks between 4 and 5 hours', () => {
    expect(nextUpdateCheckDelayMs(() => 0)).toBe(4 * 3_600_000);
    expect(nextUpdateCheckDelayMs(() => 0.999_999)).toBeLessThan(5 * 3_600_000);
  });
});
