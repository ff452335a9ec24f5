/**
 * Stands between electron-updater and the installer: nothing is installed unless the downloaded file
 * carries the release's own signature (updateSignature.ts). electron-updater downloads; the gate verifies
 * the download, and when the clerk quits the app it verifies the file once more (it sat on disk meanwhile)
 * and only then lets electron-updater run it. Pure: the caller passes the updater, the quit hook and a
 * fetch for the signature file.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sha512Base64, verifyUpdate, type SignatureVerdict } from './updateSignature';

/** The part of electron-updater's autoUpdater the gate drives. */
export interface GatedUpdater {
  autoInstallOnAppQuit: boolean;
  on(event: 'update-downloaded', listener: (event: { version: string; downloadedFile: string }) => void): unknown;
  install(isSilent: boolean, isForceRunAfter: boolean): boolean;
}

export interface UpdateGateOptions {
  updater: GatedUpdater;
  /** Called once when the app quits, with its exit code (app.once('quit')). */
  onQuit(handler: (exitCode: number) => void): void;
  /** The signature file `<name>.sig` from the feed. */
  fetchSignature(fileName: string): Promise<string>;
  publicKey: string;
  log: { info(message: string): void; error(message: string): void };
}

interface Verified {
  path: string;
  file: string;
  version: string;
  signature: string;
}

export function gateUpdates(options: UpdateGateOptions): void {
  const { updater, log } = options;
  // electron-updater would otherwise install whatever it downloaded when the app quits.
  updater.autoInstallOnAppQuit = false;
  let pending: Verified | null = null;

  const check = (candidate: Verified): SignatureVerdict => {
    let sha512: string;
    try {
      sha512 = sha512Base64(readFileSync(candidate.path));
    } catch (error) {
      return { ok: false, reason: `无法读取下载的文件（${error instanceof Error ? error.message : String(error)}）` };
    }
    return verifyUpdate(sha512, candidate.signature, { file: candidate.file, version: candidate.version }, options.publicKey);
  };

  updater.on('update-downloaded', (event) => {
    pending = null;
    const file = basename(event.downloadedFile);
    void options
      .fetchSignature(file)
      .then((signature) => {
        const candidate = { path: event.downloadedFile, file, version: event.version, signature };
        const verdict = check(candidate);
        if (verdict.ok) {
          pending = candidate;
          log.info(`更新 ${event.version} 已下载，签名已验证，将在退出程序时安装`);
        } else {
          log.error(`更新 ${event.version}（${file}）签名验证失败，不会安装：${verdict.reason}`);
        }
      })
      .catch((error: unknown) => {
        log.error(
          `无法获取更新签名 ${file}.sig，更新 ${event.version} 不会安装：${error instanceof Error ? error.message : String(error)}`,
        );
      });
  });

  options.onQuit((exitCode) => {
    if (!pending || exitCode !== 0) return;
    const verdict = check(pending);
    if (!verdict.ok) {
      log.error(`更新 ${pending.version} 在安装前再次验证失败，不会安装：${verdict.reason}`);
      return;
    }
    log.info(`安装更新 ${pending.version}`);
    updater.install(true, false);
  });
}
