import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, posix, win32 } from 'node:path';

/** A fixed ASCII folder name: IndexedDB lives there, so it must not follow a (localised) product name. */
export const USER_DATA_FOLDER = 'CreditCounter';

/** What Chromium's single-instance check (Windows) keeps open in the user data folder while the app runs. */
const CHROMIUM_LOCKFILE = 'lockfile';

export interface UserDataLocation {
  /** Where user data lives now. */
  current: string;
  /** Where earlier versions kept it (Windows: the roaming profile), or null when there is nothing to migrate. */
  legacy: string | null;
}

/**
 * Windows: %LOCALAPPDATA%\CreditCounter. The cache is hundreds of MB and the DPAPI-protected terminal
 * secret belongs to this PC, so nothing may roam with the profile (earlier versions used the roaming
 * %APPDATA%). Linux: ~/.config/CreditCounter, which does not roam.
 */
export function userDataLocation(
  platform: 'win32' | 'linux',
  paths: { appData: string; home: string },
  env: Readonly<Record<string, string | undefined>>,
): UserDataLocation {
  if (platform !== 'win32') return { current: posix.join(paths.appData, USER_DATA_FOLDER), legacy: null };
  const localAppData =
    env.LOCALAPPDATA && /^[A-Za-z]:\\/.test(env.LOCALAPPDATA) ? env.LOCALAPPDATA : win32.join(paths.home, 'AppData', 'Local');
  return { current: win32.join(localAppData, USER_DATA_FOLDER), legacy: win32.join(paths.appData, USER_DATA_FOLDER) };
}

export type MigrationResult = {
  kind: 'none' | 'moved' | 'copied' | 'skipped' | 'failed';
  /** The folder to use for this start. */
  userData: string;
  /** A line for the log (Chinese), when something happened. */
  message?: string;
};

export interface MigrationFs {
  renameSync(from: string, to: string): void;
}

/** What makes a folder "hold data": the journal and cache, the terminal secret, Chromium's profile state. */
function holdsData(dir: string): boolean {
  return ['IndexedDB', 'terminal-secret.bin', 'Local State'].some((name) => existsSync(join(dir, name)));
}

function isEmptyDirectory(dir: string): boolean {
  return readdirSync(dir).length === 0;
}

/** Every file below `dir` with its size, relative to `dir`, to check a copy before the original goes. */
function inventory(dir: string, prefix = ''): Map<string, number> {
  const files = new Map<string, number>();
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) for (const [name, size] of inventory(full, relative)) files.set(name, size);
    else files.set(relative, statSync(full).size);
  }
  return files;
}

function sameInventory(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([name, size]) => b.get(name) === size);
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/**
 * Moves the user data of an earlier install from `legacy` to `current`, once, before Chromium opens
 * either (it must run before `ready`, hence synchronous). A rename keeps the journal byte for byte; when the
 * folders are on different volumes (a redirected roaming profile) the folder is copied to a staging folder,
 * checked file by file, renamed into place, and only then is the original removed. Nothing is ever
 * overwritten: if the local folder already holds data, both stay and the log says so. If the move fails
 * (files in use), this start keeps using the old folder and the next start tries again.
 */
export function migrateUserData(legacy: string | null, current: string, fs: MigrationFs = { renameSync }): MigrationResult {
  if (legacy === null || !existsSync(legacy)) return { kind: 'none', userData: current };
  // Another instance (whose own migration failed) is running on the old folder: this start runs before the
  // single-instance check, and a copy taken under it would lose what it journals next. Chromium holds
  // "lockfile" open, deleted on close, while it runs.
  if (existsSync(join(legacy, CHROMIUM_LOCKFILE))) {
    return {
      kind: 'failed',
      userData: legacy,
      message: `旧位置 ${legacy} 正在被另一个运行中的窗口端使用，用户数据本次未迁移，下次启动再试。`,
    };
  }
  if (existsSync(current)) {
    if (holdsData(current) || !isEmptyDirectory(current)) {
      return {
        kind: 'skipped',
        userData: current,
        message: `用户数据已在 ${current}，旧位置 ${legacy} 仍有数据，未合并。若旧位置有未上传的记录，请联系技术支持处理。`,
      };
    }
    rmSync(current, { recursive: true, force: true });
  }
  try {
    mkdirSync(dirname(current), { recursive: true });
    fs.renameSync(legacy, current);
    return { kind: 'moved', userData: current, message: `用户数据已从 ${legacy} 移到本机目录 ${current}。` };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') {
      return {
        kind: 'failed',
        userData: legacy,
        message: `用户数据未能从 ${legacy} 移到 ${current}（${errorText(error)}），本次继续使用旧位置，下次启动再试。`,
      };
    }
  }
  const staging = `${current}.migrating`;
  try {
    rmSync(staging, { recursive: true, force: true });
    cpSync(legacy, staging, { recursive: true, errorOnExist: true, force: false, preserveTimestamps: true });
    if (!sameInventory(inventory(legacy), inventory(staging))) throw new Error('复制后的文件与原文件不一致');
    fs.renameSync(staging, current);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    return {
      kind: 'failed',
      userData: legacy,
      message: `用户数据未能从 ${legacy} 复制到 ${current}（${errorText(error)}），本次继续使用旧位置，下次启动再试。`,
    };
  }
  try {
    rmSync(legacy, { recursive: true });
  } catch (error) {
    return {
      kind: 'copied',
      userData: current,
      message: `用户数据已复制到 ${current}，但旧位置 ${legacy} 未能删除（${errorText(error)}），请手动删除。`,
    };
  }
  return { kind: 'copied', userData: current, message: `用户数据已从 ${legacy} 复制到本机目录 ${current}，旧位置已删除。` };
}
