import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MANAGED_SOURCES, type ConfigSource, type ConfigValues } from '../../../shared/config/schema';

export type UpdateFeed = { provider: 'generic'; url: string; channel: 'latest' };
export type UpdateDecision = { kind: 'feed'; feed: UpdateFeed } | { kind: 'off'; reason: string };

export interface UpdateHost {
  isPackaged: boolean;
  platform: 'win32' | 'linux';
  /** Running from an AppImage (the only Linux form that can replace itself; the deb updates by apt). */
  appImage: boolean;
  installScope: InstallScope;
  /** The release public key built into the app (updateSigningKey.ts), or null when none is. */
  signingKey: string | null;
}

export type InstallScope = 'per-user' | 'per-machine';

/**
 * Whether the program folder is the user's own: a per-user install can replace itself, a per-machine one
 * (Program Files, /opt) would need elevation — a UAC prompt a clerk must never see.
 */
export function installScope(programFolderWritable: boolean): InstallScope {
  return programFolderWritable ? 'per-user' : 'per-machine';
}

/** Whether this user can create a file in the folder (a write test: Windows ACLs are not visible to fs.access). */
export function isFolderWritable(folder: string): boolean {
  const probe = join(folder, `.credit-counter-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '', { flag: 'wx' });
    rmSync(probe, { force: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether this install updates itself, and from where. Only a per-user install does, only from an https
 * feed that a managed source (machine file or Group Policy) names, and only with a built-in key to check
 * each update's own signature (updateGate.ts). Per-machine installs are updated by IT, who pushes the
 * signed installer silently; deb installs by the package manager.
 */
export function updateFeed(config: Pick<ConfigValues, 'autoUpdateUrl'> & { source: ConfigSource }, host: UpdateHost): UpdateDecision {
  if (config.autoUpdateUrl === 'off') return { kind: 'off', reason: '未配置自动更新（autoUpdateUrl 为 off）' };
  if (!host.isPackaged) return { kind: 'off', reason: '开发运行不自动更新' };
  if (host.platform === 'linux' && !host.appImage) return { kind: 'off', reason: 'deb 安装由软件包管理器更新' };
  if (host.installScope === 'per-machine') {
    return { kind: 'off', reason: '为所有用户安装的窗口端不自行更新（需要管理员权限），由 IT 静默推送已签名的安装包' };
  }
  if (!MANAGED_SOURCES.includes(config.source)) {
    return { kind: 'off', reason: '自动更新地址必须由本机配置文件或组策略设置，已忽略' };
  }
  if (!config.autoUpdateUrl.startsWith('https://')) return { kind: 'off', reason: '自动更新只允许 https 地址' };
  if (!host.signingKey) return { kind: 'off', reason: '本版本未内置更新签名公钥，无法验证更新，自动更新已关闭' };
  return { kind: 'feed', feed: { provider: 'generic', url: config.autoUpdateUrl, channel: 'latest' } };
}

/**
 * electron-updater's own session partition (NET_SESSION_NAME in its electronHttpExecutor): it downloads
 * there, not in the default session, so the configured proxy must be set on it too.
 */
export const UPDATER_SESSION_PARTITION = 'electron-updater';

/** Chromium proxy settings from the proxy key: the rules IT gave, or the system's. */
export function proxyConfig(proxy: string): { proxyRules: string } | { mode: 'system' } {
  return proxy ? { proxyRules: proxy } : { mode: 'system' };
}

/** Checks every few hours, spread over the hour so a thousand terminals do not ask at once. */
export function nextUpdateCheckDelayMs(random: () => number = Math.random): number {
  const base = 4 * 60 * 60 * 1000;
  return base + Math.floor(random() * 60 * 60 * 1000);
}
