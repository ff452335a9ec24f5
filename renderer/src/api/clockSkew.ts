/** Clock skew between this terminal and the platform, from the HTTP Date header (or a body time). */

import { clockSkewNeedsWarning } from '../../../shared/dates';

/** Seconds the terminal clock is ahead of the platform (negative: behind); null if unknown. */
export function clockSkewSeconds(serverTime: string | undefined | null, localNow: Date): number | null {
  if (!serverTime) return null;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return null;
  return Math.round((localNow.getTime() - server) / 1000);
}

export function clockSkewWarning(skewSeconds: number | null): string | null {
  if (skewSeconds === null || !clockSkewNeedsWarning(skewSeconds)) return null;
  const minutes = Math.round(Math.abs(skewSeconds) / 60);
  return `本机时钟与信用平台相差约 ${minutes} 分钟（${skewSeconds > 0 ? '偏快' : '偏慢'}），有效期判断可能不准确，请联系管理员校准时间`;
}
