/** Organisation codes (GB 11714-1997): 8 characters of 0-9A-Z + check character (digit or X). */
import type { ParseIdResult } from './types';
import { orgCodeCheckChar, orgCodeValue } from './checks';
import { maskId } from './mask';
import { msg } from './messages';

/** Full validation of a 9-character normalised org code (the hyphen was removed by normalisation). */
export function validateOrgCode(s: string): ParseIdResult {
  for (let i = 0; i < 8; i++) {
    const ch = s.charAt(i);
    if (orgCodeValue(ch) < 0) return { ok: false, error: msg.orgBadChar(i + 1, ch) };
  }
  const expected = orgCodeCheckChar(s.slice(0, 8));
  const actual = s.charAt(8);
  if (!/^[0-9X]$/.test(actual)) return { ok: false, error: msg.orgBadLastChar(actual, expected) };
  if (actual !== expected) return { ok: false, error: msg.orgBadCheck(expected, actual) };
  return { ok: true, type: 'ORG_CODE', value: s, masked: maskId(s, 'ORG_CODE'), warnings: [] };
}
