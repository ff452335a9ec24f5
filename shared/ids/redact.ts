import { normaliseIdInput } from './normalise';
import { parseId } from './parse';

const FAR_FUTURE = new Date('9999-12-31T00:00:00Z');

const DIGIT = '[0-9\\uFF10-\\uFF19]';
const LAST = '[0-9Xx\\uFF10-\\uFF19\\uFF38\\uFF58]';
/** A space or a dash between groups of digits (normaliseIdInput drops the same ones). */
const SEPARATOR = '[ \\u00A0\\u3000\\-\\u2010-\\u2015\\u2212\\uFF0D]';
/**
 * Digits shaped like a resident ID, however they were typed: 15 to 18 of them (the last may be X),
 * full-width or not, in groups split by a space or a dash, glued to letters or not — never part of
 * a longer run of digits.
 */
const RESIDENT_ID_LIKE = new RegExp(`(?<!${DIGIT})${DIGIT}(?:${SEPARATOR}?${DIGIT}){13,16}(?:${SEPARATOR}?${LAST})?(?!${DIGIT})`, 'gu');

function maskedIfIdentifier(text: string): string {
  const parsed = parseId(text, { today: FAR_FUTURE });
  return parsed.ok ? parsed.masked : text;
}

/**
 * Free text (an unmask reason, a case number, a log line…) may hold an ID number someone typed:
 * every token that is a valid resident ID or unified social credit code, and every valid resident
 * ID however it was spelled inside a longer token, is replaced by its masked form.
 */
export function redactIdentifiers(text: string): string {
  return text
    .replace(/[0-9A-Za-z]+/g, (token) => (token.length === 15 || token.length === 18 ? maskedIfIdentifier(token) : token))
    .replace(RESIDENT_ID_LIKE, (digits) => {
      const candidate = normaliseIdInput(digits);
      if (candidate.length !== 15 && candidate.length !== 18) return digits;
      const masked = maskedIfIdentifier(candidate);
      return masked === candidate ? digits : masked;
    });
}
