import { describe, expect, it } from 'vitest';
import { parseId } from './index';
import type { ParseIdResult } from './index';
import { VALID_ORG_CODES } from './__fixtures__/validIds';

function errorOf(r: ParseIdResult) {
  if (r.ok) throw new Error(`expected a failure, got ${r.type}`);
  return r.error;
}

const VALID = VALID_ORG_CODES;

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
