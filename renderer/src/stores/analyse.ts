import { normaliseIdInput, parseId } from '../../../shared/ids';
import type { IdError, ParsedId } from '../../../shared/ids';
import { initialsQueryKey, isInitialsQuery, isNameQueryTooShort } from '../../../shared/names';

/** What the lookup field holds right now, and whether an error may be shown yet. */
export type InputAnalysis =
  | { kind: 'empty' }
  /** `initials`: Latin letters only, searched as pinyin initials (LJJ → 李建军). */
  | { kind: 'name'; name: string; tooShort: boolean; initials: boolean }
  | { kind: 'id'; parsed: ParsedId }
  /** `show`: the input is complete-length (or longer) or Enter was pressed — not while the first digits are typed. */
  | { kind: 'invalid'; error: IdError; show: boolean };

const HAN = /\p{Script=Han}/u;

/** Full-length forms: an 18-character ID/USCC. 15 and 9 are also prefixes of 18, so they never force an error. */
const COMPLETE_LENGTH = 18;

export function analyseInput(raw: string, submitted: boolean, today: Date = new Date()): InputAnalysis {
  const trimmed = raw.trim();
  if (trimmed.length === 0) return { kind: 'empty' };
  if (HAN.test(trimmed)) {
    const name = trimmed.replace(/\s+/g, ' ');
    return { kind: 'name', name, tooShort: isNameQueryTooShort(name), initials: false };
  }
  const result = parseId(raw, { today });
  if (result.ok) return { kind: 'id', parsed: result };
  // Letters only that are not a valid identifier are initials (a USCC always has digits; an
  // all-letter organisation code is rare enough that a valid one is caught by parseId above).
  if (isInitialsQuery(trimmed)) {
    const initials = initialsQueryKey(trimmed);
    return { kind: 'name', name: initials, tooShort: isNameQueryTooShort(initials), initials: true };
  }
  const length = Array.from(normaliseIdInput(raw)).length;
  return { kind: 'invalid', error: result.error, show: submitted || length >= COMPLETE_LENGTH };
}
