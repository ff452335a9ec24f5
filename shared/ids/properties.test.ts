import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  identifierIndexKeys,
  legacyForm,
  maskId,
  normaliseIdInput,
  parseId,
  PROVINCE_CODES,
  upgradeLegacyResidentId,
  USCC_ALPHABET,
} from './index';
import type { IdType } from './index';

const TODAY = new Date(2025, 0, 15);

// ---- reference implementations (independent of the module under test) -------------------------
function refResidentCheck(body: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 17; i++) s += Number(body[i]) * (w[i] ?? 0);
  return '10X98765432'.charAt(s % 11);
}
function refUsccCheck(body: string): string {
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let s = 0;
  for (let i = 0; i < 17; i++) s += USCC_ALPHABET.indexOf(body.charAt(i)) * (w[i] ?? 0);
  return USCC_ALPHABET.charAt((31 - (s % 31)) % 31);
}
function refOrgCheck(body: string): string {
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  let s = 0;
  for (let i = 0; i < 8; i++) s += '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.indexOf(body.charAt(i)) * (w[i] ?? 0);
  const c = 11 - (s % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

// ---- generators ---------------------------------------------------------------------------------
const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((a) => a.join(''));
const province = fc.constantFrom(...[...PROVINCE_CODES]);
const birthDate = fc
  .date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2020, 11, 31)), noInvalidDate: true })
  .map((d) => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`);

const residentId = fc.tuple(province, digits(4), birthDate, digits(3)).map(([p, r, d, seq]) => {
  const body = p + r + d + seq;
  return body + refResidentCheck(body);
});

const usccChar = fc.constantFrom(...USCC_ALPHABET.split(''));
const uscc = fc
  .array(usccChar, { minLength: 17, maxLength: 17 })
  .map((a) => a.join(''))
  .filter((body) => /[A-Z]/.test(body)) // an all-digit body could also be a valid resident ID
  .map((body) => body + refUsccCheck(body));

const orgChar = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
const orgCode = fc
  .array(orgChar, { minLength: 8, maxLength: 8 })
  .map((a) => a.join(''))
  .map((body) => body + refOrgCheck(body));

const legacy15 = fc
  .tuple(
    province,
    digits(4),
    birthDate.filter((d) => d.startsWith('19')),
    digits(3),
  )
  .map(([p, r, d, seq]) => p + r + d.slice(2) + seq);

/** Re-types an identifier the way people do: separators, lowercase, full-width characters. */
const messUp = (value: string) =>
  fc
    .array(fc.tuple(fc.constantFrom('', ' ', '-', '\u3000', '－', '–', '\t'), fc.boolean(), fc.boolean()), {
      minLength: value.length,
      maxLength: value.length,
    })
    .map((ops) => {
      let out = ' ';
      for (let i = 0; i < value.length; i++) {
        const [sep, lower, wide] = ops[i] ?? ['', false, false];
        let ch = value.charAt(i);
        if (lower) ch = ch.toLowerCase();
        if (wide) ch = String.fromCharCode(ch.charCodeAt(0) + 0xfee0);
        out += ch + sep;
      }
      return `${out} `;
    });

function visibleCount(masked: string): number {
  return [...masked].filter((c) => c !== '*').length;
}

// ---- properties -----------------------------------------------------------------------------------
describe('properties', () => {
  it('generated valid resident IDs parse with the same value and birth date', () => {
    fc.assert(
      fc.property(residentId, (id) => {
        const r = parseId(id, { today: TODAY });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.type).toBe('RESIDENT_ID');
        expect(r.value).toBe(id);
        expect(r.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
        expect(r.regionCode).toBe(id.slice(0, 6));
        expect(r.legacy).toBe(id.slice(6, 8) === '19' ? id.slice(0, 6) + id.slice(8, 17) : undefined);
      }),
      { numRuns: 1000 },
    );
  });

  it('generated valid USCCs parse with the same value', () => {
    fc.assert(
      fc.property(uscc, (code) => {
        const r = parseId(code, { today: TODAY });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.type).toBe('USCC');
        expect(r.value).toBe(code);
        expect(r.orgCode).toBe(code.slice(8, 17));
        expect(r.regionCode).toBe(code.slice(2, 8));
        const innerOk = refOrgCheck(code.slice(8, 16)) === code.charAt(16);
        expect(r.warnings.map((w) => w.code)).toEqual(innerOk ? [] : ['ORG_CODE_CHECK_MISMATCH']);
      }),
      { numRuns: 1000 },
    );
  });

  it('generated valid org codes parse with the same value', () => {
    fc.assert(
      fc.property(orgCode, (code) => {
        expect(parseId(code)).toMatchObject({ ok: true, type: 'ORG_CODE', value: code });
        expect(parseId(`${code.slice(0, 8)}-${code.charAt(8)}`)).toMatchObject({ ok: true, value: code });
      }),
    );
  });

  it('normalisation invariance: separators, lowercase and full-width do not change the result', () => {
    const anyId = fc.oneof(residentId, uscc, orgCode, legacy15);
    fc.assert(
      fc.property(
        anyId.chain((id) => fc.tuple(fc.constant(id), messUp(id))),
        ([id, messy]) => {
          expect(normaliseIdInput(messy)).toBe(id);
          expect(parseId(messy, { today: TODAY })).toEqual(parseId(id, { today: TODAY }));
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('legacy upgrade round trip', () => {
    fc.assert(
      fc.property(digits(15), (x) => {
        const up = upgradeLegacyResidentId(x);
        expect(up).toHaveLength(18);
        expect(up.slice(6, 8)).toBe('19');
        expect(legacyForm(up)).toBe(x);
      }),
    );
    fc.assert(
      fc.property(residentId, (id) => {
        const l = legacyForm(id);
        if (id.slice(6, 8) === '19') expect(l !== undefined && upgradeLegacyResidentId(l)).toBe(id);
        else expect(l).toBeUndefined();
      }),
    );
  });

  it('legacy 15-digit IDs parse to the upgraded value and are indexed under both forms', () => {
    fc.assert(
      fc.property(legacy15, (x) => {
        const r = parseId(x, { today: TODAY });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value).toBe(upgradeLegacyResidentId(x));
        expect(r.legacy).toBe(x);
        expect(r.warnings.map((w) => w.code)).toEqual(['LEGACY_UPGRADED']);
        expect(r.warnings[0]?.message).not.toContain(x);
        expect(r.warnings[0]?.message).not.toContain(r.value);
        expect(identifierIndexKeys(r)).toEqual([r.value, x]);
      }),
    );
  });

  it('masking never exposes more than 8 characters of the value', () => {
    const typed = fc.oneof(
      residentId.map((v) => [v, 'RESIDENT_ID'] as const),
      legacy15.map((v) => [v, 'RESIDENT_ID'] as const),
      uscc.map((v) => [v, 'USCC'] as const),
      orgCode.map((v) => [v, 'ORG_CODE'] as const),
    );
    fc.assert(
      fc.property(typed, ([value, type]) => {
        const masked = maskId(value, type);
        expect(masked).toHaveLength(value.length);
        expect(visibleCount(masked)).toBeLessThanOrEqual(8);
        expect(masked).not.toBe(value);
        const r = parseId(value, { today: TODAY });
        if (r.ok) expect(visibleCount(r.masked)).toBeLessThanOrEqual(8);
      }),
    );
    const anyType = fc.constantFrom<IdType>('RESIDENT_ID', 'USCC', 'ORG_CODE');
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), anyType, (s, type) => {
        const masked = maskId(s, type);
        const visible = visibleCount(masked);
        expect(visible).toBeLessThanOrEqual(8);
        expect(visible).toBeLessThanOrEqual(Math.ceil(normaliseIdInput(s).length / 2));
      }),
    );
  });

  it('error and warning messages never contain the whole identifier', () => {
    const alnum = fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split(''));
    const candidate = fc.oneof(
      fc.integer({ min: 1, max: 25 }).chain((n) => fc.array(alnum, { minLength: n, maxLength: n }).map((a) => a.join(''))),
      fc.integer({ min: 1, max: 25 }).chain((n) => digits(n)),
      residentId.chain((id) => fc.nat({ max: 17 }).chain((i) => digit.map((d) => id.slice(0, i) + d + id.slice(i + 1)))),
      uscc.chain((code) => fc.nat({ max: 17 }).chain((i) => alnum.map((c) => code.slice(0, i) + c + code.slice(i + 1)))),
    );
    fc.assert(
      fc.property(candidate, (input) => {
        const r = parseId(input, { today: TODAY });
        const texts = r.ok ? r.warnings.map((w) => w.message) : [r.error.message];
        for (const t of texts) {
          if (input.length >= 6) expect(t).not.toContain(input);
          if (r.ok) {
            expect(t).not.toContain(r.value);
            if (r.legacy) expect(t).not.toContain(r.legacy);
          }
        }
        if (!r.ok && r.error.position !== undefined) {
          expect(r.error.position).toBeGreaterThanOrEqual(1);
          expect(r.error.position).toBeLessThanOrEqual(input.length);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parseId never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30, unit: 'grapheme' }), (s) => {
        const r = parseId(s, { today: TODAY });
        expect(typeof r.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});
