/**
 * Calendar helpers for the generator. Demo data is dated relative to a fixed day (not the real
 * clock), so the same seed gives the same data on any day.
 */
export const DATA_AS_OF = '2026-11-20';

const DAY_MS = 86_400_000;

// Date parsing and formatting dominated seeding time; the generator only ever uses a few tens of
// thousands of distinct days, so both directions are memoised.
const dayNumbers = new Map<string, number>();
const isoDates = new Map<number, string>();

export function dayNumber(isoDate: string): number {
  let day = dayNumbers.get(isoDate);
  if (day === undefined) {
    const [y, m, d] = isoDate.split('-').map(Number);
    day = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS;
    dayNumbers.set(isoDate, day);
  }
  return day;
}

export function isoFromDayNumber(day: number): string {
  let iso = isoDates.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    isoDates.set(day, iso);
  }
  return iso;
}

export function addDays(isoDate: string, days: number): string {
  return isoFromDayNumber(dayNumber(isoDate) + days);
}

export function addYears(isoDate: string, years: number): string {
  const y = Number(isoDate.slice(0, 4)) + years;
  const md = isoDate.slice(5);
  // 29 February in a non-leap target year becomes 28 February.
  const candidate = `${y}-${md}`;
  return isoFromDayNumber(dayNumber(candidate)).slice(5) === md ? candidate : `${y}-02-28`;
}

/** An instant on that day in China time (+08:00), as published timestamps are. */
export function chinaDateTime(isoDate: string, minuteOfDay: number): string {
  const h = String(Math.floor(minuteOfDay / 60) % 24).padStart(2, '0');
  const m = String(minuteOfDay % 60).padStart(2, '0');
  return `${isoDate}T${h}:${m}:00+08:00`;
}
