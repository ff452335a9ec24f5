import { describe, expect, it } from 'vitest';
import { normaliseIdInput, parseId } from './index';

describe('normaliseIdInput', () => {
  it('trims and drops all whitespace, including U+3000 and NBSP', () => {
    expect(normaliseIdInput('  1101 0519\t4912\n31002X  ')).toBe('11010519491231002X');
    expect(normaliseIdInput('\u30001101\u30000519\u00A0491231002X\u3000')).toBe('11010519491231002X');
  });

  it('drops hyphens and dash look-alikes', () => {
    expect(normaliseIdInput('D2143569-X')).toBe('D2143569X');
    expect(normaliseIdInput('D2143569－X')).toBe('D2143569X'); // full-width hyphen-minus
    expect(normaliseIdInput('D2143569–X')).toBe('D2143569X'); // en dash
    expect(normaliseIdInput('D2143569—X')).toBe('D2143569X'); // em dash
    expect(normaliseIdInput('D2143569\u2212X')).toBe('D2143569X'); // minus sign
  });

  it('drops zero-width characters', () => {
    expect(normaliseIdInput('\uFEFF1101\u200B0519491231002X')).toBe('11010519491231002X');
  });

  it('converts full-width to half-width and lowercase to uppercase', () => {
    expect(normaliseIdInput('ＡＢＣ１２３')).toBe('ABC123');
    expect(normaliseIdInput('１１０１０５１９４９１２３１００２ｘ')).toBe('11010519491231002X');
    expect(normaliseIdInput('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('keeps other characters so validation can point at them', () => {
    expect(normaliseIdInput('1101*5')).toBe('1101*5');
    expect(normaliseIdInput('号码')).toBe('号码');
  });

  it('returns an empty string for blank input', () => {
    expect(normaliseIdInput('')).toBe('');
    expect(normaliseIdInput(' \u3000\t- ')).toBe('');
  });
});

describe('parseId: empty input', () => {
  it.each(['', '   ', '\u3000\u3000', '\t\n', ' - － '])('%j → EMPTY', (input) => {
    const r = parseId(input);
    expect(r).toEqual({ ok: false, error: { code: 'EMPTY', message: '请输入证件号码或统一社会信用代码' } });
  });
});

describe('parseId: length detection', () => {
  it('17 digits → BAD_LENGTH naming the accepted lengths and the actual length', () => {
    const r = parseId('11010519491231002');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_LENGTH');
      expect(r.error.message).toContain('18位身份证号/统一社会信用代码');
      expect(r.error.message).toContain('15位旧身份证号');
      expect(r.error.message).toContain('9位组织机构代码');
      expect(r.error.message).toContain('17位');
      expect(r.error.message).not.toContain('11010519491231002');
    }
  });

  it('19 characters → BAD_LENGTH with 19', () => {
    const r = parseId('11010519491231002X1');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('BAD_LENGTH');
      expect(r.error.message).toContain('输入的是19位');
    }
  });

  it('counts the normalised length', () => {
    const r = parseId(' 1101-0519 4912 3100 ');
    expect(!r.ok && r.error.message).toContain('输入的是16位');
  });

  it('10 characters with a hyphen before the check character → org code', () => {
    expect(parseId('D2143569-X')).toMatchObject({ ok: true, type: 'ORG_CODE', value: 'D2143569X' });
  });

  it('a pasted masked display form is refused with a specific message', () => {
    const r = parseId('3710**********1237');
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ code: 'BAD_CHARACTER', position: 5 });
      expect(r.error.message).toContain('脱敏');
    }
  });

  it('characters outside the BMP are reported at their position', () => {
    const r = parseId('1101😀0519491231002');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatchObject({ code: 'BAD_CHARACTER', position: 5 });
  });

  it('does not throw on non-string input at runtime', () => {
    expect(parseId(undefined as unknown as string)).toMatchObject({ ok: false, error: { code: 'EMPTY' } });
  });
});
