import { describe, expect, it } from 'vitest';
import { parseId, usccCheckChar } from './index';
import type { ParseIdResult } from './index';
import { VALID_USCCS } from './__fixtures__/validIds';

function errorOf(r: ParseIdResult) {
  if (r.ok) throw new Error(`expected a failure, got ${r.type}`);
  return r.error;
}

const VALID = VALID_USCCS;

describe('USCC: valid codes', () => {
  it.each(VALID)('%s parses', (code) => {
    const r = parseId(code);
    expect(r).toEqual({
      ok: true,
      type: 'USCC',
      value: code,
      masked: `${code.slice(0, 4)}**********${code.slice(14)}`,
      orgCode: code.slice(8, 17),
      regionCode: code.slice(2, 8),
      warnings: [],
    });
  });

  it('accepts lowercase, spaces, hyphens and full-width characters', () => {
    for (const input of ['91350100m000100y43', '9135 0100 M000 100Y 43', '91350100-M000100Y-4-3', '９１３５０１００Ｍ０００１００Ｙ４３']) {
      expect(parseId(input)).toMatchObject({ ok: true, type: 'USCC', value: '91350100M000100Y43' });
    }
  });
});

describe('USCC: embedded organisation code', () => {
  it('an inner check mismatch still parses, with ORG_CODE_CHECK_MISMATCH', () => {
    // 91370100 MA3C0N4R 0 X : the org code MA3C0N4R has check 2, not 0; the outer check X is right.
    const r = parseId('91370100MA3C0N4R0X');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.orgCode).toBe('MA3C0N4R0');
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]?.code).toBe('ORG_CODE_CHECK_MISMATCH');
    expect(r.warnings[0]?.message).toContain('应为 2');
    expect(r.warnings[0]?.message).not.toContain('91370100MA3C0N4R0X');
  });

  it('an inner check character that is a letter other than X is a mismatch', () => {
    const body = '91370100MA3C0N4RA';
    const r = parseId(body + usccCheckChar(body));
    expect(r.ok && r.warnings.map((w) => w.code)).toEqual(['ORG_CODE_CHECK_MISMATCH']);
  });
});

describe('USCC: errors', () => {
  it('O instead of 0 → BAD_CHARACTER with the position and the hint', () => {
    const e = errorOf(parseId('9135O100M000100Y43'));
    expect(e).toEqual({
      code: 'BAD_CHARACTER',
      position: 5,
      expected: '0',
      message: '第5位的字母 O 不在统一社会信用代码字符集中，是否应为数字 0？',
    });
  });

  it.each([
    ['I', '1', '是否应为数字 1？'],
    ['Z', '2', '是否应为数字 2？'],
    ['S', '5', '是否应为数字 5？'],
    ['V', 'U', '是否应为 U？'],
  ])('%s → hint %s', (letter, hint, text) => {
    const e = errorOf(parseId(`91350100M000100${letter}43`));
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 16, expected: hint });
    expect(e.message).toBe(`第16位的字母 ${letter} 不在统一社会信用代码字符集中，${text}`);
  });

  it('other invalid characters → BAD_CHARACTER without a hint', () => {
    const e = errorOf(parseId('91350100M000100Y4.'));
    expect(e).toMatchObject({ code: 'BAD_CHARACTER', position: 18 });
    expect(e.expected).toBeUndefined();
    expect(e.message).toContain('第18位');
  });

  it('wrong check character → BAD_CHECK at 18 with the expected character', () => {
    const e = errorOf(parseId('91350100M000100Y44'));
    expect(e).toEqual({
      code: 'BAD_CHECK',
      position: 18,
      expected: '3',
      message: '第18位校验码应为 3，输入的是 4（请核对代码是否抄错）',
    });
  });

  it('a check character of a forbidden letter is reported as a bad character', () => {
    expect(errorOf(parseId('91350100M000100Y4O'))).toMatchObject({ code: 'BAD_CHARACTER', position: 18, expected: '0' });
  });

  it('a transposition is caught', () => {
    expect(errorOf(parseId('93150100M000100Y43')).code).toBe('BAD_CHECK');
  });
});
