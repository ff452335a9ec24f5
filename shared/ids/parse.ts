/**
 * parseId: normalise, detect the identifier type by length, validate.
 *
 * 18 characters — resident ID or USCC (see `parse18` for the disambiguation);
 * 15 — legacy resident ID (digits only), upgraded to 18;
 * 9  — organisation code (a 10-character "XXXXXXXX-X" input arrives here after normalisation);
 * anything else — BAD_LENGTH.
 */
import type { ParseIdOptions, ParseIdResult } from './types';
import { residentIdCheckChar } from './checks';
import { msg } from './messages';
import { normaliseIdInput } from './normalise';
import { validateOrgCode } from './orgCode';
import { isPlausibleBirthDate, PROVINCE_CODES, validateLegacyResidentId, validateResidentId18 } from './residentId';
import { validateUscc } from './uscc';

const DIGITS = /^[0-9]+$/;

function countNonDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!DIGITS.test(s.charAt(i))) n++;
  return n;
}

/**
 * 18 characters.
 *
 * A. The first 17 characters are digits (the resident-ID shape):
 *    1. valid resident ID → RESIDENT_ID (a string valid under both standards is a resident ID);
 *    2. if it has the full shape of a resident ID (a known province code and positions 7–14 a real
 *       date between 1900-01-01 and today) it is judged as one only: a mistyped resident ID must not
 *       slip through as an all-digit USCC (about 1 in 31 typos would satisfy the GB 32100 check);
 *    3. else a valid USCC whose embedded organisation code also checks → USCC (an all-digit USCC;
 *       the inner check makes a resident-ID typo ~11× less likely to pass as one);
 *    4. else report the resident-ID error when its resident check character is right (so the region
 *       or the birth date is what is wrong), otherwise the USCC error.
 *    Guarantee: a single-character corruption of a valid resident ID is never accepted as a resident
 *    ID; as a USCC only when both GB 32100 and GB 11714 checks pass by chance (well under 1%).
 * B. Letters among the first 17 characters → USCC rules. If the USCC is invalid and the input looks
 *    like a resident ID with a letter or two typed for digits (at most 2 non-digits in 1–17, none in
 *    the birth date 7–14 which is a plausible date, last character a digit or X), the resident-ID
 *    error (BAD_CHARACTER at the first letter, with an O→0-style hint) is reported instead.
 */
function parse18(s: string, today: Date): ParseIdResult {
  const first17 = s.slice(0, 17);
  const last = s.charAt(17);
  const birth = s.slice(6, 14);

  if (DIGITS.test(first17)) {
    const resident = validateResidentId18(s, today);
    if (resident.ok) return resident;
    if (PROVINCE_CODES.has(s.slice(0, 2)) && isPlausibleBirthDate(birth, today)) return resident;
    const uscc = validateUscc(s);
    if (uscc.ok && uscc.warnings.length === 0) return uscc;
    const residentCheckRight = residentIdCheckChar(first17) === last;
    return residentCheckRight || isPlausibleBirthDate(birth, today) ? resident : uscc;
  }

  const uscc = validateUscc(s);
  if (uscc.ok) return uscc;
  const looksResident = countNonDigits(first17) <= 2 && /^[0-9X]$/.test(last) && isPlausibleBirthDate(birth, today);
  return looksResident ? validateResidentId18(s, today) : uscc;
}

export function parseId(input: string, options?: ParseIdOptions): ParseIdResult {
  const s = normaliseIdInput(typeof input === 'string' ? input : '');
  const given = options?.today;
  const today = given instanceof Date && !Number.isNaN(given.getTime()) ? given : new Date();

  if (s.length === 0) return { ok: false, error: msg.empty() };

  const chars = Array.from(s);
  // Someone pasted a masked display form (3710**********1237): say so, whatever the length.
  const star = chars.indexOf('*');
  if (star >= 0) return { ok: false, error: msg.maskedInput(star + 1) };
  // Characters outside the BMP (emoji etc.) would break position arithmetic; none is ever valid.
  if (chars.length !== s.length) {
    const at = chars.findIndex((c) => c.length !== 1);
    return { ok: false, error: msg.unsupportedChar(at + 1) };
  }

  switch (s.length) {
    case 18:
      return parse18(s, today);
    case 15:
      return validateLegacyResidentId(s, today);
    case 9:
      return validateOrgCode(s);
    default:
      return { ok: false, error: msg.badLength(s.length) };
  }
}
