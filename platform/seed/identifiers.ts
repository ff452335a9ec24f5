/** Valid identifiers for generated subjects, built with the shared check-character functions. */
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar, USCC_ALPHABET } from '../../shared/ids';
import type { Rng } from './prng';

/** 18-digit resident ID; the sequence code's last digit is odd for men, even for women (GB 11643). */
export function makeResidentId(rng: Rng, region: string, birthDate: string, male: boolean): string {
  const order = rng.int(0, 49) * 2 + (male ? 1 : 0);
  const sequence = String(rng.int(0, 9)) + String(order).padStart(2, '0');
  const first17 = region + birthDate.replaceAll('-', '') + sequence;
  return first17 + residentIdCheckChar(first17);
}

/** Registration-department + type code (USCC positions 1–2). */
export type UsccRegistration = '91' | '92' | '12';

const ALNUM = USCC_ALPHABET; // positions 9–16 must be in the USCC alphabet

/** USCC with a valid embedded organisation code (positions 9–17). */
export function makeUscc(rng: Rng, registration: UsccRegistration, region: string): { uscc: string; orgCode: string } {
  let body8: string;
  if (registration === '12') {
    // Institutions kept their old all-digit codes (many start with 4).
    body8 = '4' + randomChars(rng, '0123456789', 7);
  } else if (rng.chance(0.3)) {
    body8 = randomChars(rng, '0123456789', 8);
  } else {
    // Codes issued since the 2015 reform start with "MA".
    body8 = 'MA' + randomChars(rng, ALNUM, 6);
  }
  const orgCode = body8 + orgCodeCheckChar(body8);
  const first17 = registration + region + orgCode;
  return { uscc: first17 + usccCheckChar(first17), orgCode };
}

function randomChars(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += alphabet.charAt(rng.int(0, alphabet.length - 1));
  return out;
}
