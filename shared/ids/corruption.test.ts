/**
 * Every single-character substitution of valid identifiers must be rejected — with the documented
 * exceptions that follow from the standards themselves:
 *
 * - Resident IDs (mod 11, all weights non-zero mod 11, digit differences 1–9 and digit↔X): a single
 *   substitution always breaks the GB 11643 check, so a corruption is NEVER accepted as a resident ID.
 *   An all-digit 18-character string is also a candidate USCC, but parseId judges anything with a
 *   resident ID's shape (province code, real birth date) as a resident ID only, and accepts an
 *   all-digit USCC only when its embedded organisation code checks too; so a corruption passes as a
 *   USCC well under 1% of the time. That is the API's guarantee, asserted below.
 * - USCCs (mod 31 prime, weights 3^i mod 31 non-zero, value differences 1–30): a substitution is
 *   always caught — never accepted as a USCC. Codes with at least two letters in positions 1–17 cannot
 *   turn into a resident ID with one substitution, so for them every corruption is rejected outright.
 * - Org codes (mod 11 over values 0–35): the check character (9th) is always caught. In the body a
 *   substitution whose value difference is a multiple of 11 (0↔B, 1↔C, A↔L, …) is undetectable by
 *   GB 11714 itself; every other body substitution is caught.
 */
import { describe, expect, it } from 'vitest';
import { parseId, USCC_ALPHABET, usccCheckChar } from './index';
import { VALID_ORG_CODES, VALID_RESIDENT_IDS, VALID_USCCS } from './__fixtures__/validIds';

const TODAY = new Date(2025, 0, 15);
const DIGITS = '0123456789';
const FULL = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function substitutions(value: string, allowedAt: (i: number) => string): Array<{ i: number; from: string; to: string; s: string }> {
  const out: Array<{ i: number; from: string; to: string; s: string }> = [];
  for (let i = 0; i < value.length; i++) {
    const from = value.charAt(i);
    for (const to of allowedAt(i)) {
      if (to === from) continue;
      out.push({ i, from, to, s: value.slice(0, i) + to + value.slice(i + 1) });
    }
  }
  return out;
}

const RESIDENT = VALID_RESIDENT_IDS.slice(0, 11);

const USCC_WITH_LETTERS = [...VALID_USCCS.slice(0, 10), '91370100MA3C0N4R0X'];

const USCC_ALL_DIGITS = ['916395073340418576', '916302408048800900', '916074431484376048'];

const ORG = VALID_ORG_CODES;

describe('single-character corruption: resident IDs', () => {
  it('is never accepted as a resident ID; accepted only as a USCC when the GB 32100 check happens to pass', () => {
    let total = 0;
    let asUscc = 0;
    for (const id of RESIDENT) {
      for (const c of substitutions(id, (i) => (i === 17 ? `${DIGITS}X` : DIGITS))) {
        total++;
        const r = parseId(c.s, { today: TODAY });
        if (r.ok) {
          expect(r.type, `${id} pos ${c.i + 1} ${c.from}→${c.to}`).toBe('USCC');
          expect(usccCheckChar(c.s.slice(0, 17))).toBe(c.s.charAt(17));
          asUscc++;
        } else if (c.i === 17) {
          // A corrupted check character is always reported precisely (the date is plausible).
          expect(r.error).toMatchObject({ code: 'BAD_CHECK', position: 18, expected: id.charAt(17) });
        }
      }
    }
    expect(total).toBe(RESIDENT.length * (17 * 9 + 10));
    // Only corruptions that break the province or birth date can pass as an all-digit USCC, and then
    // only when both the outer (mod 31) and the embedded organisation-code (mod 11) checks pass.
    expect(asUscc).toBeLessThan(total / 100);
  });

  it('corrupting the birth-date digits gives a date or check error, never ok as a resident', () => {
    for (const id of RESIDENT) {
      for (const c of substitutions(id, (i) => (i >= 6 && i < 14 ? DIGITS : ''))) {
        const r = parseId(c.s, { today: TODAY });
        if (r.ok) expect(r.type).toBe('USCC');
        else expect(['BAD_BIRTH_DATE', 'FUTURE_BIRTH_DATE', 'BAD_CHECK']).toContain(r.error.code);
      }
    }
  });
});

describe('single-character corruption: USCCs', () => {
  it('every substitution within the alphabet is rejected (codes with ≥ 2 letters in 1–17)', () => {
    let total = 0;
    for (const code of USCC_WITH_LETTERS) {
      expect(parseId(code).ok).toBe(true);
      for (const c of substitutions(code, () => USCC_ALPHABET)) {
        total++;
        const r = parseId(c.s, { today: TODAY });
        expect(r.ok, `${code} pos ${c.i + 1} ${c.from}→${c.to}`).toBe(false);
      }
    }
    expect(total).toBe(USCC_WITH_LETTERS.length * 18 * 30);
  });

  it('corrupting the check character names the right one', () => {
    for (const code of USCC_WITH_LETTERS) {
      for (const c of substitutions(code, (i) => (i === 17 ? USCC_ALPHABET : ''))) {
        const r = parseId(c.s);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_CHECK', position: 18, expected: code.charAt(17) });
      }
    }
  });

  it('all-digit USCCs: a substitution is never accepted as a USCC', () => {
    for (const code of USCC_ALL_DIGITS) {
      expect(parseId(code, { today: TODAY })).toMatchObject({ ok: true, type: 'USCC' });
      for (const c of substitutions(code, () => USCC_ALPHABET)) {
        const r = parseId(c.s, { today: TODAY });
        // Could only be ok as a resident ID that happens to be fully valid (region, date, mod 11).
        if (r.ok) expect(r.type).toBe('RESIDENT_ID');
      }
    }
  });

  it('substituting a forbidden letter gives BAD_CHARACTER at that position', () => {
    for (const code of USCC_WITH_LETTERS) {
      for (const c of substitutions(code, () => 'IOSVZ')) {
        const r = parseId(c.s);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_CHARACTER', position: c.i + 1 });
      }
    }
  });
});

describe('single-character corruption: organisation codes', () => {
  it('check character: every other allowed value is rejected with the expected character', () => {
    for (const code of ORG) {
      for (const c of substitutions(code, (i) => (i === 8 ? `${DIGITS}X` : ''))) {
        const r = parseId(c.s);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_CHECK', position: 9, expected: code.charAt(8) });
      }
    }
  });

  it('body: rejected unless the value difference is a multiple of 11 (undetectable by GB 11714)', () => {
    let undetectable = 0;
    for (const code of ORG) {
      for (const c of substitutions(code, (i) => (i < 8 ? FULL : ''))) {
        const diff = FULL.indexOf(c.to) - FULL.indexOf(c.from);
        const r = parseId(c.s);
        if (diff % 11 === 0) {
          expect(r).toMatchObject({ ok: true, type: 'ORG_CODE', value: c.s });
          undetectable++;
        } else {
          expect(r.ok, `${code} pos ${c.i + 1} ${c.from}→${c.to}`).toBe(false);
          if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_CHECK', position: 9, expected: expect.any(String) });
        }
      }
    }
    expect(undetectable).toBeGreaterThan(0);
  });

  it('body substitutions among digits only are always caught', () => {
    for (const code of ORG) {
      for (const c of substitutions(code, (i) => (i < 8 && DIGITS.includes(code.charAt(i)) ? DIGITS : ''))) {
        expect(parseId(c.s).ok).toBe(false);
      }
    }
  });
});
