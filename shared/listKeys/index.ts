/**
 * The index keys of a published list entry, the same on the terminal and on the platform: every
 * identifier form a lookup may arrive with (canonical first), and the name keys a name search
 * compares (the normalised name and its pinyin initials).
 */
import { identifierIndexKeys, normaliseIdInput, parseId } from '../ids';
import { normaliseName, pinyinInitials, type InitialsOf, type NameOf } from '../names';

/**
 * A published identifier that no longer parses (a typo at the authority) is still findable by
 * its normalised form; parsing uses a far-future "today" because list data is not input.
 */
const PARSE_TODAY = new Date('9999-12-31T00:00:00Z');

/** Every key an entry published under `published` is found by; the canonical form comes first. */
export function identifierKeysOf(published: string): string[] {
  const parsed = parseId(published, { today: PARSE_TODAY });
  return parsed.ok ? identifierIndexKeys(parsed) : [normaliseIdInput(published)];
}

/** `initialsOf`: pass a `createInitialsCache()` when many names are keyed in a row. */
export function nameKeysOf(name: string, of: NameOf, initialsOf: InitialsOf = pinyinInitials): string[] {
  const normalised = normaliseName(name);
  const initials = initialsOf(normalised, of);
  return initials && initials !== normalised ? [normalised, initials] : [normalised];
}
