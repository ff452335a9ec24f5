import { posix, win32 } from 'node:path';

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

/** Candidate folders for saved slips: Documents\核查单, then the app's own data folder. */
export function slipDirectories(platform: 'win32' | 'linux', dirs: { documents: string | undefined; userData: string }): string[] {
  return savedFileDirectories(platform, dirs, '核查单');
}
