import { posix, win32 } from 'node:path';

/** 核查单-20261127-142233.pdf — local time, sortable, no characters Windows forbids. */
export function slipFileName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}`;
  const time = `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `核查单-${date}-${time}.pdf`;
}

/** Candidate folders for saved slips, best first: Documents\核查单, then the app's own data folder. */
export function slipDirectories(platform: 'win32' | 'linux', dirs: { documents: string | undefined; userData: string }): string[] {
  const pathApi = platform === 'win32' ? win32 : posix;
  const candidates = [dirs.documents ? pathApi.join(dirs.documents, '核查单') : undefined, pathApi.join(dirs.userData, '核查单')];
  return candidates.filter((dir): dir is string => dir !== undefined);
}
