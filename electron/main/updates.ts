import { app, session } from 'electron';
import electronUpdater from 'electron-updater';
import type { AppLogger } from './logging';
import { gateUpdates } from './lib/updateGate';
import { UPDATER_SESSION_PARTITION, nextUpdateCheckDelayMs, proxyConfig, type UpdateFeed } from './lib/updatePolicy';

const MAX_SIGNATURE_BYTES = 16 * 1024;

/**
 * electron-updater against the intranet feed (generic provider), for per-user installs only
 * (lib/updatePolicy.ts). It downloads in the background; the gate (lib/updateGate.ts) installs an update
 * only with the release's own signature, when the app quits, so a clerk is never interrupted at the counter.
 */
export function startAutoUpdates(feed: UpdateFeed, options: { logger: AppLogger; proxy: string; publicKey: string }): void {
  const { logger } = options;
  const updaterSession = session.fromPartition(UPDATER_SESSION_PARTITION, { cache: false });
  void updaterSession.setProxy(proxyConfig(options.proxy)).then(
    () => {
      // electron-updater is CommonJS: its exports are getters that only the default import sees reliably.
      const { autoUpdater, BaseUpdater } = electronUpdater;
      if (!(autoUpdater instanceof BaseUpdater)) {
        logger.error('此平台的更新程序不支持安装前验证签名，自动更新未启动');
        return;
      }
      autoUpdater.logger = logger as unknown as typeof autoUpdater.logger;
      autoUpdater.autoDownload = true;
      autoUpdater.allowDowngrade = false;
      autoUpdater.disableWebInstaller = true;
      autoUpdater.setFeedURL(feed);
      gateUpdates({
        updater: autoUpdater,
        onQuit: (handler) => app.once('quit', (_event, exitCode) => handler(exitCode)),
        fetchSignature: async (fileName) => {
          const url = new URL(`${encodeURIComponent(fileName)}.sig`, feed.url.endsWith('/') ? feed.url : `${feed.url}/`);
          if (url.protocol !== 'https:') throw new Error('更新签名只从 https 地址获取');
          const response = await updaterSession.fetch(url.href, { redirect: 'error', cache: 'no-store' });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          const text = await response.text();
          if (text.length > MAX_SIGNATURE_BYTES) throw new Error('签名文件过大');
          return text;
        },
        publicKey: options.publicKey,
        log: { info: (message) => logger.info(message), error: (message) => logger.error(message) },
      });
      const check = () => {
        autoUpdater
          .checkForUpdates()
          .catch((error: unknown) => logger.warn(`检查更新失败：${error instanceof Error ? error.message : String(error)}`));
        setTimeout(check, nextUpdateCheckDelayMs()).unref();
      };
      setTimeout(check, 60_000 + Math.floor(Math.random() * 10 * 60_000)).unref();
    },
    (error: unknown) => logger.error(`无法为自动更新设置代理，自动更新未启动：${error instanceof Error ? error.message : String(error)}`),
  );
}
