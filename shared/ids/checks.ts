/**
 * Check-character algorithms of the three standards. Pure functions; they throw a RangeError on
 * structurally wrong input (wrong length or characters outside the standard's character set), since
 * calling them with such input is a programming error. Error messages never echo the input.
 */

/** GB 32100-2015 character set, values 0–30 in this order (no I, O, S, V, Z). */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 character set: 0–9 then A=10 … Z=35. */
export const ORG_CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

const RESIDENT_WEIGHTS: readonly number[] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_CHECK_CHARS = '10X98765432';
const USCC_WEIGHTS: readonly number[] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

const SEVENTEEN_DIGITS = /^[0-9]{17}$/;
const FIFTEEN_DIGITS = /^[0-9]{15}$/;

function upperAscii(s: string): string {
  return s.replace(/[a-z]/g, (c) => c.toUpperCase());
}

function charAt(s: string, i: number): string {
  return s.charAt(i);
}

function weightAt(weights: readonly number[], i: number): number {
  const w = weights[i];
  if (w === undefined) throw new RangeError('weight index out of range');
  return w;
}

/** GB 11643-1999: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, check = "10X98765432"[S mod 11]. */
export function residentIdCheckChar(first17: string): string {
  if (!SEVENTEEN_DIGITS.test(first17)) {
    throw new RangeError(`residentIdCheckChar: expected 17 digits (got ${first17.length} characters)`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * weightAt(RESIDENT_WEIGHTS, i);
  return charAt(RESIDENT_CHECK_CHARS, sum % 11);
}

/** Value of a character in the USCC alphabet (0–30), or -1. */
export function usccValue(ch: string): number {
  return ch.length === 1 ? USCC_ALPHABET.indexOf(ch) : -1;
}

/** Value of a character in the full 0-9A-Z org-code set (0–35), or -1. */
export function orgCodeValue(ch: string): number {
  return ch.length === 1 ? ORG_CODE_ALPHABET.indexOf(ch) : -1;
}

/** GB 32100-2015: check = alphabet[(31 − S mod 31) mod 31]. Lowercase letters are accepted. */
export function usccCheckChar(first17: string): string {
  const s = upperAscii(first17);
  if (s.length !== 17) {
    throw new RangeError(`usccCheckChar: expected 17 characters (got ${s.length})`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = usccValue(charAt(s, i));
    if (v < 0) throw new RangeError(`usccCheckChar: character ${i + 1} is not in the USCC alphabet`);
    sum += v * weightAt(USCC_WEIGHTS, i);
  }
  return charAt(USCC_ALPHABET, (31 - (sum % 31)) % 31);
}

/** GB 11714-1997: values over 0-9A-Z, check = 11 − S mod 11, 10 → X, 11 → 0. Lowercase accepted. */
export function orgCodeCheckChar(first8: string): string {
  const s = upperAscii(first8);
  if (s.length !== 8) {
    throw new RangeError(`orgCodeCheckChar: expected 8 characters (got ${s.length})`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const v = orgCodeValue(charAt(s, i));
    if (v < 0) throw new RangeError(`orgCodeCheckChar: character ${i + 1} is not 0-9 or A-Z`);
    sum += v * weightAt(ORG_CODE_WEIGHTS, i);
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * 15-digit legacy resident ID → 18 digits: insert "19" before the two-digit year (after position 6)
 * and append the GB 11643 check character. Structural only (does not validate region or date).
 */
export function upgradeLegacyResidentId(id15: string): string {
  if (!FIFTEEN_DIGITS.test(id15)) {
    throw new RangeError(`upgradeLegacyResidentId: expected 15 digits (got ${id15.length} characters)`);
  }
  const body = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return body + residentIdCheckChar(body);
}

/**
 * The 15-digit form of an 18-character resident ID born 1900–1999 (drop the "19" and the check
 * character). `undefined` when the ID is not a structurally valid 18-char ID with a correct check
 * character, or when the birth year is not 19xx. Lowercase x is accepted.
 */
export function legacyForm(id18: string): string | undefined {
  const s = upperAscii(id18);
  if (!/^[0-9]{17}[0-9X]$/.test(s)) return undefined;
  if (s.slice(6, 8) !== '19') return undefined;
  if (residentIdCheckChar(s.slice(0, 17)) !== s.charAt(17)) return undefined;
  return s.slice(0, 6) + s.slice(8, 17);
}
