import type { IdType } from './types';
import { normaliseIdInput } from './normalise';

function keepEnds(chars: readonly string[], head: number, tail: number): string {
  const n = chars.length;
  return chars.slice(0, head).join('') + '*'.repeat(n - head - tail) + chars.slice(n - tail).join('');
}

/**
 * Display form of an identifier (the input is normalised first):
 * - 18 characters (resident ID or USCC): first 4 + 10 '*' + last 4, e.g. 3710**********1237;
 * - 15-digit legacy resident ID: first 4 + 7 '*' + last 4;
 * - 9-character organisation code: first 2 + '*****' + last 2.
 * Any other length (should not happen for parsed values) keeps at most ⌊n/4⌋ (≤ 4) characters at
 * each end, so at most 8 characters and never more than half of the value are ever shown.
 * The length rules above apply whatever `type` says; `type` documents the caller's intent.
 */
export function maskId(value: string, type: IdType): string {
  const chars = Array.from(normaliseIdInput(value));
  const n = chars.length;
  if (n === 9 || (type === 'ORG_CODE' && n === 9)) return keepEnds(chars, 2, 2);
  if (n === 18 || n === 15) return keepEnds(chars, 4, 4);
  const k = Math.min(4, Math.floor(n / 4));
  return keepEnds(chars, k, k);
}
