import { afterEach, describe, expect, it } from 'vitest';
import { formatClock, formatDate, formatDateTime, formatFileStamp } from './format';

const savedZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedZone;
});

// Node reads TZ afresh for every Date, so each case runs as a PC set to that zone.
const ZONES = ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Asia/Shanghai'];

describe.each(ZONES)('times on a PC set to %s', (zone) => {
  it('shows every instant in China time', () => {
    process.env.TZ = zone;
    // 19:29 UTC is 03:29 the next morning in China.
    expect(formatDateTime('2026-12-01T19:29:00.000Z')).toBe('2026年12月2日 03:29');
    expect(formatDateTime('2026-12-01T19:29:05.000Z', true)).toBe('2026年12月2日 03:29:05');
    expect(formatClock(new Date('2026-12-01T19:29:00.000Z'))).toBe('12月2日 03:29');
    expect(formatFileStamp(new Date('2026-12-01T19:29:05.000Z'))).toBe('20261202-032905');
  });

  it('keeps a published calendar date on its day', () => {
    process.env.TZ = zone;
    expect(formatDate('2026-03-01')).toBe('2026年3月1日');
    expect(formatDate('1899-12-31')).toBe('1899年12月31日');
    expect(formatDate('2026-12-01T19:29:00.000Z')).toBe('2026年12月2日');
  });
});

it('says what it cannot read instead of inventing a time', () => {
  expect(formatDateTime(null)).toBe('—');
  expect(formatDateTime('not a time')).toBe('not a time');
  expect(formatDate(undefined)).toBe('—');
});
