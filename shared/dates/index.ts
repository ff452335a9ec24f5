/**
 * Calendar dates in China time (UTC+8, no daylight saving since 1991). Validity of list entries
 * is published as calendar dates, so every judgement compares YYYY-MM-DD strings, never instants.
 */

/** China time is UTC+8 all year: what every time shown to a clerk is written in, whatever the PC's zone. */
export const CHINA_UTC_OFFSET_MINUTES = 8 * 60;
const CHINA_OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD of a UTC-based Date; only four-digit years are representable. */
function formatUtc(d: Date): string {
  const year = d.getUTCFullYear();
  if (year < 0 || year > 9999) throw new RangeError(`日期超出范围：${d.toISOString()}`);
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}`;
}

/** Days since 1970-01-01 of a real calendar date; throws on malformed or impossible dates. */
function toDayNumber(isoDate: string): number {
  const m = ISO_DATE.exec(isoDate);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${isoDate}`);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const d = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  d.setUTCFullYear(year, month - 1, day);
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new RangeError(`不存在的日期：${isoDate}`);
  }
  return Math.round(d.getTime() / DAY_MS);
}

/** True for a well-formed, real calendar date (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  try {
    toDayNumber(value);
    return true;
  } catch {
    return false;
  }
}

/** The China calendar date (YYYY-MM-DD) at the instant `now`. */
export function chinaDate(now: Date): string {
  const t = now.getTime();
  if (!Number.isFinite(t)) throw new RangeError('无效的时间');
  return formatUtc(new Date(t + CHINA_OFFSET_MS));
}

/** `isoDate` plus `n` calendar days (n may be negative). */
export function addDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`天数必须是整数：${String(n)}`);
  return formatUtc(new Date((toDayNumber(isoDate) + n) * DAY_MS));
}

/**
 * -1, 0 or 1. Fixed-width YYYY-MM-DD strings order like the dates they name, so only the format
 * is checked here (an impossible date from a feed must not crash an evaluation).
 */
export function compareIsoDate(a: string, b: string): -1 | 0 | 1 {
  if (!ISO_DATE.test(a)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${a}`);
  if (!ISO_DATE.test(b)) throw new RangeError(`日期格式应为 YYYY-MM-DD：${b}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * Terminal and platform clocks further apart than this are pointed out to the clerk: validity is
 * judged by the terminal's clock (the offline-core issue: warn past 5 minutes).
 */
export const CLOCK_SKEW_WARNING_SECONDS = 5 * 60;

/** True when a measured skew (seconds, either sign) is worth a warning. */
export function clockSkewNeedsWarning(skewSeconds: number | null): boolean {
  return skewSeconds !== null && Math.abs(skewSeconds) > CLOCK_SKEW_WARNING_SECONDS;
}
