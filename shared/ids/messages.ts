/**
 * All user-facing texts (Chinese). Rule: a message may quote a single character or a short part of
 * the identifier (a province code, a birth date) but never the whole clear identifier.
 */
import type { IdError, IdErrorCode, IdWarning } from './types';

function err(code: IdErrorCode, message: string, position?: number, expected?: string): IdError {
  const e: IdError = { code, message };
  if (position !== undefined) e.position = position;
  if (expected !== undefined) e.expected = expected;
  return e;
}

/** Letters that are not in the USCC alphabet, and what was probably meant. */
export const USCC_LETTER_HINTS: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5', V: 'U' };
/** Letters typed where a digit belongs (resident IDs). */
export const DIGIT_LETTER_HINTS: Readonly<Record<string, string>> = { O: '0', I: '1', Z: '2', S: '5' };

function quote(ch: string): string {
  return `“${ch}”`;
}

function describeChar(ch: string): string {
  if (/^[A-Z]$/.test(ch)) return `字母 ${ch}`;
  if (/^[0-9]$/.test(ch)) return `数字 ${ch}`;
  return `字符${quote(ch)}`;
}

function suggestion(hint: string): string {
  return /^[0-9]$/.test(hint) ? `是否应为数字 ${hint}？` : `是否应为 ${hint}？`;
}

export const msg = {
  empty: (): IdError => err('EMPTY', '请输入证件号码或统一社会信用代码'),

  badLength: (actual: number): IdError =>
    err('BAD_LENGTH', `号码位数不对：应为18位身份证号/统一社会信用代码、15位旧身份证号或9位组织机构代码，输入的是${actual}位`),

  maskedInput: (position: number): IdError =>
    err('BAD_CHARACTER', `第${position}位是星号（*），请输入完整号码，而不是脱敏显示的号码`, position),

  unsupportedChar: (position: number): IdError => err('BAD_CHARACTER', `第${position}位含有无法识别的字符，请只输入数字和字母`, position),

  // ---- resident ID ----------------------------------------------------------------------------
  residentNotDigit: (position: number, ch: string): IdError => {
    const hint = DIGIT_LETTER_HINTS[ch];
    const base = `身份证号第${position}位应为数字，输入的是${describeChar(ch)}`;
    return hint !== undefined ? err('BAD_CHARACTER', `${base}，${suggestion(hint)}`, position, hint) : err('BAD_CHARACTER', base, position);
  },

  legacyNotDigit: (position: number, ch: string): IdError => {
    const hint = DIGIT_LETTER_HINTS[ch];
    const base = `15位旧身份证号应全部为数字，第${position}位是${describeChar(ch)}`;
    return hint !== undefined ? err('BAD_CHARACTER', `${base}，${suggestion(hint)}`, position, hint) : err('BAD_CHARACTER', base, position);
  },

  residentBadLastChar: (ch: string, expected: string): IdError =>
    err('BAD_CHARACTER', `身份证号第18位（校验码）只能是数字或 X，输入的是${describeChar(ch)}；按前17位计算应为 ${expected}`, 18, expected),

  badRegion: (province: string): IdError =>
    err('BAD_REGION', `身份证号第1–2位${quote(province)}不是有效的省级行政区划代码（前6位应为户籍所在地的行政区划代码）`, 1),

  birthYearZero: (span: string): IdError => err('BAD_BIRTH_DATE', `${span}的出生日期无效：公历没有0000年`, 7),

  birthMonthInvalid: (span: string, month: string): IdError =>
    err('BAD_BIRTH_DATE', `${span}的出生日期无效：月份 ${month} 不存在（应为01–12）`, 7),

  birthDayInvalid: (span: string, year: number, month: number, day: string, daysInMonth: number): IdError => {
    const leapNote = month === 2 && daysInMonth === 28 && day === '29' ? `（${year}年不是闰年）` : '';
    return err('BAD_BIRTH_DATE', `${span}的出生日期无效：${year}年${month}月没有${day}日，该月只有${daysInMonth}天${leapNote}`, 7);
  },

  futureBirthDate: (span: string, isoDate: string, isoToday: string): IdError =>
    err('FUTURE_BIRTH_DATE', `${span}的出生日期 ${isoDate} 晚于今天（${isoToday}），请核对号码`, 7),

  residentBadCheck: (expected: string, actual: string): IdError =>
    err('BAD_CHECK', `第18位校验码应为 ${expected}，输入的是 ${actual}（请核对号码是否抄错）`, 18, expected),

  // ---- USCC -----------------------------------------------------------------------------------
  usccBadChar: (position: number, ch: string): IdError => {
    const hint = USCC_LETTER_HINTS[ch];
    if (hint !== undefined) {
      return err('BAD_CHARACTER', `第${position}位的字母 ${ch} 不在统一社会信用代码字符集中，${suggestion(hint)}`, position, hint);
    }
    return err(
      'BAD_CHARACTER',
      `第${position}位的${describeChar(ch)}不是统一社会信用代码的有效字符（只能是数字和除 I、O、S、V、Z 以外的大写字母）`,
      position,
    );
  },

  usccBadCheck: (expected: string, actual: string): IdError =>
    err('BAD_CHECK', `第18位校验码应为 ${expected}，输入的是 ${actual}（请核对代码是否抄错）`, 18, expected),

  // ---- organisation code ------------------------------------------------------------------------
  orgBadChar: (position: number, ch: string): IdError =>
    err('BAD_CHARACTER', `组织机构代码第${position}位的${describeChar(ch)}无效（前8位只能是数字或大写字母）`, position),

  orgBadLastChar: (ch: string, expected: string): IdError =>
    err(
      'BAD_CHARACTER',
      `组织机构代码第9位（校验码）只能是数字或 X，输入的是${describeChar(ch)}；按前8位计算应为 ${expected}`,
      9,
      expected,
    ),

  orgBadCheck: (expected: string, actual: string): IdError =>
    err('BAD_CHECK', `第9位校验码应为 ${expected}，输入的是 ${actual}（请核对代码是否抄错）`, 9, expected),

  // ---- warnings -------------------------------------------------------------------------------
  orgCodeCheckMismatch: (expected: string, actual: string): IdWarning => ({
    code: 'ORG_CODE_CHECK_MISMATCH',
    message: `统一社会信用代码第9–17位内嵌的组织机构代码校验不符（第17位按组织机构代码规则应为 ${expected}，实际为 ${actual}）；代码本身校验通过，但按组织机构代码匹配名单数据时可能查不到`,
  }),

  birthBefore1900: (span: string, isoDate: string): IdWarning => ({
    code: 'BIRTH_BEFORE_1900',
    message: `${span}的出生日期 ${isoDate} 早于1900年：日期有效，号码校验通过，但极少见，请与证件原件核对`,
  }),

  legacyUpgraded: (masked18: string): IdWarning => ({
    code: 'LEGACY_UPGRADED',
    message: `已将15位旧身份证号升级为18位：${masked18}`,
  }),
};
