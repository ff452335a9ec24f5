import { describe, expect, it } from 'vitest';
import { parseId } from './index';
import type { ParseIdResult } from './index';

function errorOf(r: ParseIdResult) {
  if (r.ok) throw new Error(`expected a failure, got ${r.type}`);
  return r.error;
}

// Independently computed (Python); D2143569-X is the GB 11714 example, M000100Y4 is embedded in the
// GB 32100 example. Old org codes use the full A–Z, including I, O, S, V, Z.
const VALID = [
  'D2143569X',
  'M000100Y4',
  '123456788',
  'A1B2C3D48',
  '000000000',
  'ZZZZZZZZ3',
  'MA3C0N4R2',
  '793128652',
  'OIS0VZ129',
  '400000122',
  'MA01H3KX6',
];

describe('organisation code', () => {
  it.each(VALID)('%s parses', (code) => {
    expect(parseId(code)).toEqual({
      ok: true,
      type: 'ORG_CODE',
      value: code,
      masked: `${code.slice(0, 2)}*****${code.slice(7)}`,
      warnings: [],
    });
  });

  it('accepts the hyphenated form and lowercase x', () => {
    expect(parseId('D2143569-x')).toMatchObject({ ok: true, value: 'D2143569X' });
    expect(parseId('ｄ２１４３５６９－Ｘ')).toMatchObject({ ok: true, value: 'D2143569X' });
  });

  it('wrong check character → BAD_CHECK at 9 with the expected character', () => {
    expect(errorOf(parseId('D2143569-5'))).toEqual({
      code: 'BAD_CHECK',
      position: 9,
      expected: 'X',
      message: '第9位校验码应为 X，输入的是 5（请核对代码是否抄错）',
    });
  });

  it('a letter other than X as check character → BAD_CHARACTER at 9 with the expected character', () => {
    expect(errorOf(parseId('D2143569A'))).toMatchObject({ code: 'BAD_CHARACTER', position: 9, expected: 'X' });
  });

  it('a non-alphanumeric character in the body → BAD_CHARACTER', () => {
    expect(errorOf(parseId('D21435#9X'))).toMatchObject({ code: 'BAD_CHARACTER', position: 7 });
  });
});
