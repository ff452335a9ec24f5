import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../../../shared/ids';
import { analyseInput } from './analyse';

const TODAY = new Date('2026-11-27T10:00:00+08:00');
const first17 = '37100219880512123';
const valid = first17 + residentIdCheckChar(first17);
const wrong = first17 + (valid.endsWith('5') ? '6' : '5');

describe('analyseInput', () => {
  it('is empty for blank input', () => {
    expect(analyseInput('   ', false, TODAY)).toEqual({ kind: 'empty' });
  });

  it('treats Chinese characters as a name search', () => {
    expect(analyseInput('威海某某有限公司', false, TODAY)).toMatchObject({ kind: 'name', tooShort: false });
    expect(analyseInput('李', false, TODAY)).toMatchObject({ kind: 'name', tooShort: true });
    expect(analyseInput('李J', false, TODAY)).toMatchObject({ kind: 'name', tooShort: true });
    expect(analyseInput('李建', false, TODAY)).toMatchObject({ kind: 'name', tooShort: false });
  });

  it('reads Latin letters as pinyin initials, never as a broken identifier', () => {
    expect(analyseInput('ljj', true, TODAY)).toEqual({ kind: 'name', name: 'LJJ', tooShort: false, initials: true });
    expect(analyseInput('l', true, TODAY)).toMatchObject({ kind: 'name', tooShort: true, initials: true });
    expect(analyseInput('lj', true, TODAY)).toMatchObject({ kind: 'name', tooShort: true, initials: true });
    expect(analyseInput('李建军', true, TODAY)).toMatchObject({ kind: 'name', initials: false });
    // A USCC being typed contains digits and stays an identifier in the making.
    expect(analyseInput('91371000MA', false, TODAY)).toMatchObject({ kind: 'invalid', show: false });
  });

  it('hides errors while the first digits are typed, shows them on Enter', () => {
    expect(analyseInput('3710021988', false, TODAY)).toMatchObject({ kind: 'invalid', show: false });
    expect(analyseInput('3710021988', true, TODAY)).toMatchObject({ kind: 'invalid', show: true });
  });

  it('shows a wrong check character at full length, naming the expected one', () => {
    const result = analyseInput(wrong, false, TODAY);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.show).toBe(true);
    expect(result.error.expected).toBe(valid.slice(-1));
    expect(result.error.message).toContain(`应为 ${valid.slice(-1)}`);
  });

  it('accepts a valid ID typed with spaces and lowercase', () => {
    const spaced = `${valid.slice(0, 6)} ${valid.slice(6, 14)} ${valid.slice(14).toLowerCase()}`;
    expect(analyseInput(spaced, false, TODAY)).toMatchObject({ kind: 'id', parsed: { type: 'RESIDENT_ID', value: valid } });
  });

  it('does not flag a 15-digit prefix of an 18-digit number before Enter', () => {
    const result = analyseInput(valid.slice(0, 15), false, TODAY);
    expect(result.kind === 'id' || (result.kind === 'invalid' && !result.show)).toBe(true);
  });
});
