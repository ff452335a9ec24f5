/** Unified social credit codes (GB 32100-2015) with the embedded organisation code (GB 11714). */
import type { IdWarning, ParseIdResult } from './types';
import { orgCodeCheckChar, usccCheckChar, usccValue } from './checks';
import { maskId } from './mask';
import { msg } from './messages';

/** Full USCC validation of an 18-character normalised string. */
export function validateUscc(s: string): ParseIdResult {
  for (let i = 0; i < 18; i++) {
    const ch = s.charAt(i);
    if (usccValue(ch) < 0) return { ok: false, error: msg.usccBadChar(i + 1, ch) };
  }
  const expected = usccCheckChar(s.slice(0, 17));
  const actual = s.charAt(17);
  if (actual !== expected) return { ok: false, error: msg.usccBadCheck(expected, actual) };

  const orgCode = s.slice(8, 17);
  const warnings: IdWarning[] = [];
  // Positions 9–16 are in the USCC alphabet, a subset of 0-9A-Z, so this cannot throw.
  const innerExpected = orgCodeCheckChar(orgCode.slice(0, 8));
  const innerActual = orgCode.charAt(8);
  if (innerActual !== innerExpected) warnings.push(msg.orgCodeCheckMismatch(innerExpected, innerActual));

  return {
    ok: true,
    type: 'USCC',
    value: s,
    masked: maskId(s, 'USCC'),
    orgCode,
    regionCode: s.slice(2, 8),
    warnings,
  };
}
