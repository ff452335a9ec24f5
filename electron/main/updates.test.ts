import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { app, session } from '../../tests/doubles/electron';
import { signUpdate } from './lib/updateSignature';
import type { AppLogger } from './logging';

/** electron-updater's autoUpdater (it loads the real Electron, which cannot run here). */
const updater = vi.hoisted(() => {
  class BaseUpdater {}
  class FakeUpdater extends BaseUpdater {
    readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    autoInstallOnAppQuit = true;
    autoDownload = false;
    allowDowngrade = true;
    disableWebInstaller = false;
    logger: unknown = null;
    feed: unknown = null;
    installs = 0;
    on(event: string, listener: (...args: unknown[]) => void) {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    }
    emit(event: string, ...args: unknown[]) {
      for (const listener of this.listeners.get(event) ?? []) listener(...args);
    }
    setFeedURL(feed: unknown) {
      this.feed = feed;
    }
    checkForUpdates() {
      return Promise.resolve(null);
    }
    install() {
      this.installs += 1;
      return true;
    }
  }
  return { BaseUpdater, autoUpdater: new FakeUpdater() };
});
vi.mock('electron-updater', () => ({ default: updater }));

const { startAutoUpdates } = await import('./updates');

describe('self-update of a per-user install', () => {
  it('downloads through the configured proxy and installs only a signed file, at quit', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const feed = { provider: 'generic' as const, url: 'https://updates.weihai.gov.cn/credit-counter/', channel: 'latest' as const };
    const logged: string[] = [];
    const logger = {
      info: (m: string) => logged.push(m),
      warn: (m: string) => logged.push(m),
      error: (m: string) => logged.push(m),
    } as unknown as AppLogger;

    const dir = mkdtempSync(join(tmpdir(), 'cc-updates-'));
    const name = 'CreditCounter-0.2.0-linux-x86_64.AppImage';
    writeFileSync(join(dir, name), 'new AppImage');
    const signature = JSON.stringify(
      signUpdate(
        Buffer.from('new AppImage'),
        { file: name, version: '0.2.0' },
        privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      ),
    );
    const updaterSession = session.fromPartition('electron-updater');
    updaterSession.fetchImpl = async (url) =>
      url.endsWith(`${encodeURIComponent(name)}.sig`) ? new Response(signature) : new Response('', { status: 404 });

    startAutoUpdates(feed, {
      logger,
      proxy: 'https=proxy.local:8080',
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    });
    await vi.waitFor(() => expect(updater.autoUpdater.feed).toEqual(feed));

    expect(updaterSession.proxy).toEqual({ proxyRules: 'https=proxy.local:8080' });
    expect(updater.autoUpdater).toMatchObject({ autoInstallOnAppQuit: false, allowDowngrade: false, disableWebInstaller: true });

    updater.autoUpdater.emit('update-downloaded', { version: '0.2.0', downloadedFile: join(dir, name) });
    await vi.waitFor(() => expect(logged.join('\n')).toContain('签名已验证'));
    expect(updaterSession.fetched).toEqual([`https://updates.weihai.gov.cn/credit-counter/${encodeURIComponent(name)}.sig`]);
    expect(updater.autoUpdater.installs).toBe(0);
    app.emit('quit', {}, 0);
    expect(updater.autoUpdater.installs).toBe(1);
  });
});
