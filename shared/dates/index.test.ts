import { describe, expect, it } from 'vitest';
import { addDays, chinaDate, clockSkewNeedsWarning, compareIsoDate, daysBetween, isIsoDate } from './index';

describe('chinaDate', () => {
  it.each([
    ['2026-03-01T15:59:59Z', '2026-03-01'], // 23:59:59 CST
    ['2026-03-01T15:59:59.999Z', '2026-03-01'],
    ['2026-03-01T16:00:00Z', '2026-03-02'], // 00:00:00 CST next day
    ['2026-03-01T00:00:00Z', '2026-03-01'],
    ['2026-02-28T16:00:00Z', '2026-03-01'], // month rollover
    ['2024-02-28T16:00:00Z', '2024-02-29'], // leap day
    ['2025-12-31T16:00:00Z', '2026-01-01'], // year rollover
    ['2026-06-30T15:59:59Z', '2026-06-30'],
    ['2026-06-30T16:00:00Z', '2026-07-01'],
    ['2026-03-02T00:00:00+08:00', '2026-03-02'],
    ['2026-03-01T23:59:59-08:00', '2026-03-02'], // same instant judged in China time
  ])('%s → %s', (instant, date) => {
    expect(chinaDate(new Date(instant))).toBe(date);
  });

  it('ignores daylight saving in other zones (China has none)', () => {
    // 2026-03-29 01:00 UTC is the EU DST switch; China time is simply +8.
    expect(chinaDate(new Date('2026-03-29T01:00:00Z'))).toBe('2026-03-29');
    expect(chinaDate(new Date('2026-03-29T16:00:00Z'))).toBe('2026-03-30');
  });

  it('throws RangeError on an invalid Date', () => {
    expect(() => chinaDate(new Date('nope'))).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it.each([
    ['2026-03-01', 0, '2026-03-01'],
    ['2026-03-01', 1, '2026-03-02'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-06-30', 30, '2026-07-30'],
    ['2026-01-31', 365, '2027-01-31'],
    ['0001-01-01', 0, '0001-01-01'],
  ] as const)('%s %+d → %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it.each([
    ['2026-02-30', 1],
    ['2026-3-1', 1],
    ['2026-03-01', 1.5],
    ['2026-03-01', Number.NaN],
  ] as const)('throws RangeError for %s %d', (date, n) => {
    expect(() => addDays(date, n)).toThrow(RangeError);
  });
});

describe('compareIsoDate', () => {
  it.each([
    ['2026-06-30', '2026-07-01', -1],
    ['2026-07-01', '2026-06-30', 1],
    ['2026-06-30', '2026-06-30', 0],
    ['2025-12-31', '2026-01-01', -1],
    ['2026-10-01', '2026-09-30', 1],
  ] as const)('%s vs %s → %d', (a, b, expected) => {
    expect(compareIsoDate(a, b)).toBe(expected);
  });

  it('throws RangeError on malformed input', () => {
    expect(() => compareIsoDate('2026/06/30', '2026-06-30')).toThrow(RangeError);
    expect(() => compareIsoDate('2026-06-30', '')).toThrow(RangeError);
  });
});

describe('daysBetween / isIsoDate', () => {
  it('counts calendar days', () => {
    expect(daysBetween('2026-06-30', '2026-07-30')).toBe(30);
    expect(daysBetween('2026-07-30', '2026-06-30')).toBe(-30);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
  });

  it.each([
    ['2026-06-30', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['20260630', false],
  ] as const)('isIsoDate(%s) → %s', (value, ok) => {
    expect(isIsoDate(value)).toBe(ok);
  });
});

describe('clockSkewNeedsWarning', () => {
  it.each([
    [null, false],
    [0, false],
    [300, false],
    [-300, false],
    [301, true],
    [-301, true],
    [600, true],
  ] as const)('%s s → %s', (skew, warn) => {
    expect(clockSkewNeedsWarning(skew)).toBe(warn);
  });
});
