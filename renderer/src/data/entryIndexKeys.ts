/**
 * Index keys of a list entry: every identifier form a lookup may arrive with, and the name
 * prefixes a name search may type (the name itself and its pinyin initials).
 */
import type { ListEntry } from '../../../shared/contract';
import { identifierIndexKeys, normaliseIdInput, parseId } from '../../../shared/ids';
import { nameOf, normaliseName, pinyinInitials, type InitialsOf, type NameOf } from '../../../shared/names';
import type { StoredEntry } from './cacheDb';

/**
 * A published identifier that no longer parses (a typo at the authority) is still findable by
 * its normalised form; parsing uses a far-future "today" because list data is not input.
 */
const PARSE_TODAY = new Date('9999-12-31T00:00:00Z');

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

export function toStoredEntry(entry: ListEntry, initialsOf?: InitialsOf): StoredEntry {
  return {
    ...entry,
    keys: identifierKeysOf(entry.identifier),
    nameKeys: nameKeysOf(entry.subjectName, nameOf(entry.subjectKind), initialsOf),
  };
}

export function fromStoredEntry(stored: StoredEntry): ListEntry {
  const { keys: _keys, nameKeys: _nameKeys, ...entry } = stored;
  return entry;
}
