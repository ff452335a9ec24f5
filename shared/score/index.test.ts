import { describe, expect, it } from 'vitest';
import type { HaibeiGrade } from '../contract/domain';
import { HAIBEI_DEFAULT_SCORE, HAIBEI_GRADE_BANDS, haibeiGrade, haibeiGradeBand, isCreditWarning, isXinYiPlusEligible } from './index';

describe('haibeiGrade', () => {
  it.each<[number, HaibeiGrade]>([
    [Number.MIN_SAFE_INTEGER, 'D'],
    [-50, 'D'],
    [0, 'D'],
    [799, 'D'],
    [800, 'D'],
    [801, 'C'],
    [949, 'C'],
    [950, 'B'],
    [999, 'B'],
    [1000, 'A'],
    [1049, 'A'],
    [1050, 'AA'],
    [1149, 'AA'],
    [1150, 'AAA'],
    [1151, 'AAA'],
    [99_999, 'AAA'],
    [Number.MAX_SAFE_INTEGER, 'AAA'],
  ])('%d → %s', (score, grade) => {
    expect(haibeiGrade(score)).toBe(grade);
  });

  it('grades the default score A', () => {
    expect(HAIBEI_DEFAULT_SCORE).toBe(1000);
    expect(haibeiGrade(HAIBEI_DEFAULT_SCORE)).toBe('A');
  });

  it.each([
    [800.5, 'D'],
    [949.9, 'C'],
    [1049.9, 'A'],
    [1149.5, 'AA'],
  ] as const)('fractional %d is graded like its floor (%s)', (score, grade) => {
    expect(haibeiGrade(score)).toBe(grade);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('throws RangeError on %d', (score) => {
    expect(() => haibeiGrade(score)).toThrow(RangeError);
  });
});

describe('HAIBEI_GRADE_BANDS', () => {
  it('covers all integers without gaps or overlaps, highest first', () => {
    expect(HAIBEI_GRADE_BANDS.map((b) => b.grade)).toEqual(['AAA', 'AA', 'A', 'B', 'C', 'D']);
    for (let i = 1; i < HAIBEI_GRADE_BANDS.length; i++) {
      const upper = HAIBEI_GRADE_BANDS[i - 1];
      const lower = HAIBEI_GRADE_BANDS[i];
      expect(lower?.max).toBe((upper?.min ?? Number.NaN) - 1);
    }
    expect(HAIBEI_GRADE_BANDS[0]?.max).toBeNull();
    expect(HAIBEI_GRADE_BANDS.at(-1)?.min).toBeNull();
  });

  it('agrees with haibeiGrade at every bound', () => {
    for (const band of HAIBEI_GRADE_BANDS) {
      if (band.min !== null) expect(haibeiGrade(band.min)).toBe(band.grade);
      if (band.max !== null) expect(haibeiGrade(band.max)).toBe(band.grade);
    }
  });

  it('labels each grade in Chinese, D as 诚信警示', () => {
    expect(haibeiGradeBand('D').label).toBe('D（诚信警示）');
    for (const band of HAIBEI_GRADE_BANDS) expect(band.label.startsWith(band.grade)).toBe(true);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(HAIBEI_GRADE_BANDS)).toBe(true);
    expect(Object.isFrozen(HAIBEI_GRADE_BANDS[0])).toBe(true);
  });
});

describe('grade predicates', () => {
  it.each<[HaibeiGrade, boolean, boolean]>([
    ['AAA', true, false],
    ['AA', true, false],
    ['A', false, false],
    ['B', false, false],
    ['C', false, false],
    ['D', false, true],
  ])('%s: 信易+ %s, 诚信警示 %s', (grade, xinyi, warning) => {
    expect(isXinYiPlusEligible(grade)).toBe(xinyi);
    expect(isCreditWarning(grade)).toBe(warning);
  });
});
