import { describe, expect, it } from 'vitest';
import { parseId, residentIdCheckChar, usccCheckChar } from './index';
import type { ParseIdResult } from './index';
import { VALID_RESIDENT_IDS } from './__fixtures__/validIds';

const TODAY = new Date(2025, 0, 15); // local 2025-01-15

/** 17-digit body + its correct check character. */
function withCheck(body17: string): string {
  return body17 + residentIdCheckChar(body17);
}

function errorOf(r: ParseIdResult) {
  if (r.ok) throw new Error(`expected a failure, got ${r.type}`);
  return r.error;
}

const VALID = VALID_RESIDENT_IDS;

describe('resident ID: valid numbers', () => {
  it.each(VALID)('%s parses', (id) => {
    const r = parseId(id, { today: TODAY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.type).toBe('RESIDENT_ID');
    expect(r.value).toBe(id);
    expect(r.regionCode).toBe(id.slice(0, 6));
    expect(r.birthDate).toBe(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
    expect(r.masked).toBe(`${id.slice(0, 4)}**********${id.slice(14)}`);
    expect(r.warnings).toEqual([]);
    if (id.slice(6, 8) === '19') expect(r.legacy).toBe(id.slice(0, 6) + id.slice(8, 17));
    else expect(r.legacy).toBeUndefined();
  });

  it('accepts lowercase x', () => {
    expect(parseId('11010519491231002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts full-width input', () => {
    expect(parseId('１１０１０５１９４９１２３１００２ｘ')).toMatchObject({
      ok: true,
      type: 'RESIDENT_ID',
      value: '11010519491231002X',
    });
  });

  it('accepts spaces and hyphens', () => {
    expect(parseId(' 110105 19491231 002X ')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(parseId('110105-1949-1231-002X')).toMatchObject({ ok: true, value: '11010519491231002X' });
    expect(parseId('110105\u30001949\u30001231\u3000002x')).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('accepts every province code of the list', () => {
    // The GB/T 2260 province-level codes, restated here as the specification.
    // prettier-ignore
    const codes = ['11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45',
      '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91'];
    for (const p of codes) {
      const id = withCheck(`${p}010219800101012`);
      expect(parseId(id, { today: TODAY })).toMatchObject({ ok: true, type: 'RESIDENT_ID', value: id });
    }
  });
});

describe('resident ID: birth dates', () => {
  it.each([
    ['2000-02-29 (divisible by 400)', '20000229'],
    ['1996-02-29', '19960229'],
    ['2024-02-29', '20240229'],
  ])('Feb 29 on a leap year is accepted: %s', (_label, ymd) => {
    const id = withCheck(`370102${ymd}123`);
    expect(parseId(id, { today: TODAY })).toMatchObject({ ok: true, birthDate: `${ymd.slice(0, 4)}-02-29` });
  });

  it.each([
    ['1900 (divisible by 100, not by 400)', '19000229'],
    ['2001', '20010229'],
    ['2023', '20230229'],
  ])('Feb 29 on a non-leap year is rejected: %s', (_label, ymd) => {
    const id = withCheck(`370102${ymd}123`);
    const e = errorOf(parseId(id, { today: TODAY }));
    expect(e.code).toBe('BAD_BIRTH_DATE');
    expect(e.position).toBe(7);
    expect(e.message).toContain('2月');
    expect(e.message).toContain('不是闰年');
    expect(e.message).not.toContain(id);
  });

  it('rejects impossible months and days', () => {
    for (const ymd of ['19851301', '19850001', '19850431', '19850100', '19851232']) {
      const e = errorOf(parseId(withCheck(`370102${ymd}123`), { today: TODAY }));
      expect(e).toMatchObject({ code: 'BAD_BIRTH_DATE', position: 7 });
    }
  });

  it("accepts the standard's own sample born 1880 with a warning in Chinese", () => {
    // GB 11643-1999 publishes 440524188001010014 as a worked example.
    const r = parseId('440524188001010014', { today: TODAY });
    expect(r).toMatchObject({ ok: true, type: 'RESIDENT_ID', birthDate: '1880-01-01' });
    if (!r.ok) return;
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatchObject({ code: 'BIRTH_BEFORE_1900' });
    expect(r.warnings[0]?.message).toContain('1880-01-01');
    expect(r.warnings[0]?.message).toContain('早于1900年');
    expect(r.warnings[0]?.message).not.toContain('440524188001010014');
  });

  it('a real date before 1900 is a warning, 1900-01-01 is not', () => {
    expect(parseId(withCheck('37010218991231123'), { today: TODAY })).toMatchObject({
      ok: true,
      birthDate: '1899-12-31',
      warnings: [{ code: 'BIRTH_BEFORE_1900' }],
    });
    expect(parseId(withCheck('37010219000101123'), { today: TODAY })).toMatchObject({ ok: true, warnings: [] });
  });

  it('an impossible date before 1900 stays refused (30 February, 29 February 1800, year 0000)', () => {
    for (const ymd of ['18800230', '18000229', '00000101', '18891301']) {
      const e = errorOf(parseId(withCheck(`370102${ymd}123`), { today: TODAY }));
      expect(e).toMatchObject({ code: 'BAD_BIRTH_DATE', position: 7 });
    }
  });

  it('a wrong check digit on a pre-1900 number is still refused', () => {
    expect(errorOf(parseId('440524188001010015', { today: TODAY })).code).toBe('BAD_CHECK');
  });

  it('a birth date of today (China time) is accepted, whatever the machine time zone', () => {
    // 2024-06-15T16:30Z is already 2024-06-16 00:30 in Weihai.
    const justAfterMidnight = new Date('2024-06-15T16:30:00Z');
    expect(parseId(withCheck('37010220240616123'), { today: justAfterMidnight })).toMatchObject({ ok: true, birthDate: '2024-06-16' });
  });

  it('birth date today is accepted, tomorrow is FUTURE_BIRTH_DATE', () => {
    const today = new Date('2024-06-15T23:59:59+08:00'); // late evening in China
    expect(parseId(withCheck('37010220240615123'), { today })).toMatchObject({ ok: true, birthDate: '2024-06-15' });
    const e = errorOf(parseId(withCheck('37010220240616123'), { today }));
    expect(e.code).toBe('FUTURE_BIRTH_DATE');
    expect(e.position).toBe(7);
    expect(e.message).toContain('2024-06-16');
    expect(e.message).toContain('2024-06-15');
  });

  it('uses the current date when options.today is omitted', () => {
    const next = new Date();
    next.setFullYear(next.getFullYear() + 1);
    const y = String(next.getFullYear());
    const e = errorOf(parseId(withCheck(`370102${y}0101123`)));
    expect(e.code).toBe('FUTURE_BIRTH_DATE');
  });
});

describe('resident ID: region, characters and check', () => {
  it('unknown province code → BAD_REGION at position 1', () => {
    let checked = 0;
    for (const p of ['00', '10', '16', '20', '24', '30', '38', '40', '47', '55', '60', '66', '70', '72', '80', '84', '90', '92', '99']) {
      const id = withCheck(`${p}010219850712123`);
      if (usccCheckChar(id.slice(0, 17)) === id.charAt(17)) continue; // would be a valid USCC
      const e = errorOf(parseId(id, { today: TODAY }));
      expect(e).toMatchObject({ code: 'BAD_REGION', position: 1 });
      expect(e.message).toContain(`“${p}”`);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(15);
  });

  it('wrong check character → BAD_CHECK at 18 with the expected character', () => {
    const e = errorOf(parseId('110105194912310025', { today: TODAY }));
    expect(e).toEqual({
      code: 'BAD_CHECK',
      position: 18,
      expected: 'X',
      message: '第18位校验码应为 X，输入的是 5（请核对号码是否抄错）',
    });
  });

  it('X where a digit belongs → BAD_CHECK naming the digit', () => {
    const e = errorOf(parseId('37108219850712123X', { today: TODAY }));
    expect(e).toMatchObject({ code: 'BAD_CHECK', position: 18, expected: '8' });
    expect(e.message).toBe('第18位校验码应为 8，输入的是 X（请核对号码是否抄错）');
  });

  it('a letter other than X at position 18 → BAD_CHARACTER at 18 with the expected character', () => {
    const e = errorOf(parseId('37108219850712123A', { today: TODAY }));
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 18, expected: '8' });
  });

  it('a letter O typed for 0 inside the number → BAD_CHARACTER with the position and hint', () => {
    const e = errorOf(parseId('11O10519491231002X', { today: TODAY }));
    // "11O105..." has 18 characters: 1 1 O 1 0 5 ... → position 3
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 3, expected: '0' });
    expect(e.message).toContain('第3位');
    expect(e.message).toContain('是否应为数字 0');
  });

  it('a stray letter in the sequence → BAD_CHARACTER (resident) rather than a USCC error', () => {
    const id = '3710821985071212A8';
    expect(usccCheckChar(id.slice(0, 17))).not.toBe(id.charAt(17));
    const e = errorOf(parseId(id, { today: TODAY }));
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 17 });
    expect(e.message).toContain('身份证号第17位应为数字');
  });
});

describe('18 digits: resident ID or USCC', () => {
  it('a string valid under both standards is a resident ID', () => {
    for (const id of ['370102198511127205', '370102198502105231']) {
      expect(usccCheckChar(id.slice(0, 17))).toBe(id.charAt(17));
      expect(parseId(id, { today: TODAY })).toMatchObject({ ok: true, type: 'RESIDENT_ID', value: id });
    }
  });

  it('an all-digit valid USCC that is not a valid resident ID is a USCC', () => {
    for (const id of ['916395073340418576', '916302408048800900', '916074431484376048']) {
      expect(parseId(id, { today: TODAY })).toMatchObject({
        ok: true,
        type: 'USCC',
        value: id,
        orgCode: id.slice(8, 17),
        regionCode: id.slice(2, 8),
        warnings: [],
      });
    }
  });

  it('both fail, positions 7–14 a plausible date → resident error', () => {
    const id = '371082198507121230';
    expect(usccCheckChar(id.slice(0, 17))).not.toBe('0');
    expect(errorOf(parseId(id, { today: TODAY }))).toMatchObject({ code: 'BAD_CHECK', expected: '8' });
  });

  it('both fail, no plausible date and wrong resident check → USCC error', () => {
    const body = '91639507334041857';
    const wrong = ['0', '1', '2', '3'].find((c) => c !== usccCheckChar(body) && c !== residentIdCheckChar(body)) as string;
    const e = errorOf(parseId(body + wrong, { today: TODAY }));
    expect(e).toMatchObject({ code: 'BAD_CHECK', position: 18, expected: usccCheckChar(body) });
    expect(e.message).toContain('请核对代码');
  });

  it('both fail, resident check right but the date is impossible → resident BAD_BIRTH_DATE', () => {
    const id = withCheck('37010219850230123');
    if (usccCheckChar(id.slice(0, 17)) !== id.charAt(17)) {
      expect(errorOf(parseId(id, { today: TODAY })).code).toBe('BAD_BIRTH_DATE');
    }
  });
});

describe('legacy 15-digit resident ID', () => {
  it('is upgraded to 18 digits with a warning that shows only the masked form', () => {
    const r = parseId('110105491231002', { today: TODAY });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({
      type: 'RESIDENT_ID',
      value: '11010519491231002X',
      legacy: '110105491231002',
      birthDate: '1949-12-31',
      regionCode: '110105',
      masked: '1101**********002X',
    });
    expect(r.warnings).toHaveLength(1);
    const w = r.warnings[0];
    expect(w?.code).toBe('LEGACY_UPGRADED');
    expect(w?.message).toBe('已将15位旧身份证号升级为18位：1101**********002X');
    expect(w?.message).not.toContain('110105491231002');
    expect(w?.message).not.toContain('11010519491231002X');
  });

  it('accepts separators and full-width digits', () => {
    expect(parseId('１１０１０５ 491231-002', { today: TODAY })).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('validates the region', () => {
    expect(errorOf(parseId('100105491231002'))).toMatchObject({ code: 'BAD_REGION', position: 1 });
  });

  it('validates the date (19YYMMDD, leap years)', () => {
    expect(parseId('370102960229123', { today: TODAY }).ok).toBe(true); // 1996-02-29
    const e = errorOf(parseId('370102000229123', { today: TODAY })); // 1900-02-29
    expect(e).toMatchObject({ code: 'BAD_BIRTH_DATE', position: 7 });
    expect(e.message).toContain('第7–12位');
    expect(errorOf(parseId('370102851301123')).code).toBe('BAD_BIRTH_DATE');
    expect(errorOf(parseId('370102850132123')).code).toBe('BAD_BIRTH_DATE');
  });

  it('must be digits only', () => {
    const e = errorOf(parseId('37010285O712123'));
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 9, expected: '0' });
    expect(errorOf(parseId('37010285071212X'))).toMatchObject({ code: 'BAD_CHARACTER', position: 15 });
  });
});
