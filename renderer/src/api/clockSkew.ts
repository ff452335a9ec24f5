/** Clock skew between this terminal and the platform, from the HTTP Date header (or a body time). */

import { clockSkewNeedsWarning } from '../../../shared/dates';
import type { Notice } from '../model';

/** Seconds the terminal clock is ahead of the platform (negative: behind); null if unknown. */
export function clockSkewSeconds(serverTime: string | undefined | null, localNow: Date): number | null {
  if (!serverTime) return null;
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return null;
  return Math.round((localNow.getTime() - server) / 1000);
}

/** The notice shown with a result when the clocks differ enough to misjudge validity; null when they agree. */
export function clockSkewNotice(skewSeconds: number | null): Notice | null {
  if (skewSeconds === null || !clockSkewNeedsWarning(skewSeconds)) return null;
  return { code: 'clock_skew', params: { skewSeconds } };
}
