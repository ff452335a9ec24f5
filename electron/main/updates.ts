import electronUpdater from 'electron-updater';
import type { AppLogger } from './logging';
import { nextUpdateCheckDelayMs, type UpdateFeed } from './lib/updatePolicy';

/**
 * electron-updater against the intranet feed (generic provider). Downloads in the background and
 * installs when the app quits, so a clerk is never interrupted at the counter.
 */
export function startAutoUpdates(feed: UpdateFeed, logger: AppLogger): void {
  // electron-updater is CommonJS: its exports are getters that only the default import sees reliably.
  const { autoUpdater } = electronUpdater;
  autoUpdater.logger = logger as unknown as typeof autoUpdater.logger;
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  autoUpdater.allowDowngrade = false;
  autoUpdater.setFeedURL(feed);
  const check = () => {
    autoUpdater
      .checkForUpdates()
      .catch((error: unknown) => logger.warn(`检查更新失败：${error instanceof Error ? error.message : String(error)}`));
    setTimeout(check, nextUpdateCheckDelayMs()).unref();
  };
  setTimeout(check, 60_000 + Math.floor(Math.random() * 10 * 60_000)).unref();
}
