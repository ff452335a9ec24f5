/** Resident identity card numbers (GB 11643-1999), 18-digit and legacy 15-digit forms. */
import type { IdError, IdWarning, ParseIdResult, ParsedId } from './types';
import { legacyForm, residentIdCheckChar, upgradeLegacyResidentId } from './checks';
import { maskId } from './mask';
import { msg } from './messages';
import { chinaDate } from '../dates';

/** Province-level codes accepted as the first two digits. */
// prettier-ignore
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83', '91',
]);

const DIGIT = /^[0-9]$/;

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Birth years before this are real but rare enough that the clerk is asked to check the card. */
const USUAL_EARLIEST_BIRTH_YEAR = 1900;

/**
 * Validates an 8-digit YYYYMMDD birth date: a real calendar date (leap years; there is no year 0000)
 * not after `today`. A date before 1900 is real (GB 11643's own worked example is born 1880): it is
 * not an error here, see `birthDateWarnings`. `span` names the positions in messages ("第7–14位").
 */
export function checkBirthDate(yyyymmdd: string, today: Date, span: string): IdError | null {
  if (!/^[0-9]{8}$/.test(yyyymmdd)) throw new RangeError('checkBirthDate: expected 8 digits');
  const y = Number(yyyymmdd.slice(0, 4));
  const mm = yyyymmdd.slice(4, 6);
  const dd = yyyymmdd.slice(6, 8);
  const m = Number(mm);
  const d = Number(dd);
  if (y === 0) return msg.birthYearZero(span);
  if (m < 1 || m > 12) return msg.birthMonthInvalid(span, mm);
  const dim = daysInMonth(y, m);
  if (d < 1 || d > dim) return msg.birthDayInvalid(span, y, m, dd, dim);
  // Judged in China time, the same on a UTC server as on the terminal.
  const isoToday = chinaDate(today);
  if (isoDate(yyyymmdd) > isoToday) return msg.futureBirthDate(span, isoDate(yyyymmdd), isoToday);
  return null;
}

function isoDate(yyyymmdd: string): string {
  return `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6, 8)}`;
}

function isBeforeUsualRange(yyyymmdd: string): boolean {
  return Number(yyyymmdd.slice(0, 4)) < USUAL_EARLIEST_BIRTH_YEAR;
}

/** Warnings for a birth date that `checkBirthDate` accepted. */
function birthDateWarnings(yyyymmdd: string, span: string): IdWarning[] {
  return isBeforeUsualRange(yyyymmdd) ? [msg.birthBefore1900(span, isoDate(yyyymmdd))] : [];
}

/**
 * True when the 8 characters are a real date between 1900-01-01 and today. Used to tell a mistyped
 * resident ID from an all-digit USCC, so it keeps the usual range: widening it to every real date
 * would make many valid USCCs look like resident IDs.
 */
export function isPlausibleBirthDate(yyyymmdd: string, today: Date): boolean {
  return /^[0-9]{8}$/.test(yyyymmdd) && !isBeforeUsualRange(yyyymmdd) && checkBirthDate(yyyymmdd, today, '') === null;
}

function residentOk(value: string, legacyInput?: string, warnings: IdWarning[] = []): ParsedId {
  const parsed: ParsedId = {
    ok: true,
    type: 'RESIDENT_ID',
    value,
    masked: maskId(value, 'RESIDENT_ID'),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    regionCode: value.slice(0, 6),
    warnings,
  };
  const legacy = legacyInput ?? legacyForm(value);
  if (legacy !== undefined) parsed.legacy = legacy;
  return parsed;
}

/** Full resident-ID validation of an 18-character normalised string. */
export function validateResidentId18(s: string, today: Date): ParseIdResult {
  for (let i = 0; i < 17; i++) {
    const ch = s.charAt(i);
    if (!DIGIT.test(ch)) return { ok: false, error: msg.residentNotDigit(i + 1, ch) };
  }
  const last = s.charAt(17);
  const expected = residentIdCheckChar(s.slice(0, 17));
  if (!DIGIT.test(last) && last !== 'X') return { ok: false, error: msg.residentBadLastChar(last, expected) };
  const province = s.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return { ok: false, error: msg.badRegion(province) };
  const dateError = checkBirthDate(s.slice(6, 14), today, '第7–14位');
  if (dateError) return { ok: false, error: dateError };
  if (last !== expected) return { ok: false, error: msg.residentBadCheck(expected, last) };
  return residentOk(s, undefined, birthDateWarnings(s.slice(6, 14), '第7–14位'));
}

/** Legacy 15-digit resident ID: region + YYMMDD (19YY) + 3-digit sequence; upgraded to 18. */
export function validateLegacyResidentId(s: string, today: Date): ParseIdResult {
  for (let i = 0; i < 15; i++) {
    const ch = s.charAt(i);
    if (!DIGIT.test(ch)) return { ok: false, error: msg.legacyNotDigit(i + 1, ch) };
  }
  const province = s.slice(0, 2);
  if (!PROVINCE_CODES.has(province)) return { ok: false, error: msg.badRegion(province) };
  const dateError = checkBirthDate(`19${s.slice(6, 12)}`, today, '第7–12位');
  if (dateError) return { ok: false, error: dateError };
  const value = upgradeLegacyResidentId(s);
  const masked = maskId(value, 'RESIDENT_ID');
  return residentOk(value, s, [msg.legacyUpgraded(masked)]);
}
