import { lstat, readdir, unlink } from 'node:fs/promises';
import { join, posix, win32 } from 'node:path';

/** 20261127-142233 — local time, sortable, no characters Windows forbids. */
function localStamp(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${date}-${time}`;
}

/** 核查单-20261127-142233.pdf */
export function slipFileName(now: Date): string {
  return `核查单-${localStamp(now)}.pdf`;
}

/** 终端记录导出-20261127-142233.json */
export function journalExportFileName(now: Date): string {
  return `终端记录导出-${localStamp(now)}.json`;
}

/** Candidate folders for files the app saves, best first: Documents\<folder>, then the app's own data folder. */
export function savedFileDirectories(
  platform: 'win32' | 'linux',
  dirs: { documents: string | undefined; userData: string },
  folder: string,
): string[] {
  const pathApi = platform === 'win32' ? win32 : posix;
  const candidates = [dirs.documents ? pathApi.join(dirs.documents, folder) : undefined, pathApi.join(dirs.userData, folder)];
  return candidates.filter((dir): dir is string => dir !== undefined);
}

/** The app's own slip files, and nothing else: retention deletes only these. */
const SLIP_FILE = /^核查单-\d{8}-\d{6}\.pdf$/;

/**
 * Candidate folders for saved slips, best first: the folder IT set (slipFolder), else Documents\核查单;
 * then the app's own data folder.
 */
export function slipDirectories(
  platform: 'win32' | 'linux',
  dirs: { configured: string; documents: string | undefined; userData: string },
): string[] {
  if (!dirs.configured) return savedFileDirectories(platform, dirs, '核查单');
  const pathApi = platform === 'win32' ? win32 : posix;
  return [dirs.configured, pathApi.join(dirs.userData, '核查单')];
}

/**
 * Every folder the retention rule looks into: where slips are saved now, plus Documents\核查单, where they
 * went before IT set a folder (those would otherwise stay forever).
 */
export function slipRetentionDirectories(
  platform: 'win32' | 'linux',
  dirs: { configured: string; documents: string | undefined; userData: string },
): string[] {
  const pathApi = platform === 'win32' ? win32 : posix;
  const formerDefault = dirs.documents ? [pathApi.join(dirs.documents, '核查单')] : [];
  return [...new Set([...slipDirectories(platform, dirs), ...formerDefault])];
}

export interface PurgeResult {
  deleted: number;
  /** "file: reason" for each slip that could not be deleted. */
  failures: string[];
}

/**
 * Slips carry personal data: each one older than `retentionDays` (by its modification time) is deleted
 * from every slip folder. Only regular files named like the app's slips are touched.
 */
export async function purgeExpiredSlips(
  directories: readonly string[],
  options: { now: Date; retentionDays: number },
): Promise<PurgeResult> {
  const cutoff = options.now.getTime() - options.retentionDays * 24 * 60 * 60 * 1000;
  const result: PurgeResult = { deleted: 0, failures: [] };
  for (const directory of directories) {
    let names: string[];
    try {
      names = await readdir(directory);
    } catch {
      continue; // no such folder (yet): nothing to delete
    }
    for (const name of names.filter((entry) => SLIP_FILE.test(entry))) {
      const path = join(directory, name);
      try {
        const info = await lstat(path);
        if (!info.isFile() || info.mtimeMs >= cutoff) continue;
        await unlink(path);
        result.deleted += 1;
      } catch (error) {
        result.failures.push(`${path}：${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }
  return result;
}
