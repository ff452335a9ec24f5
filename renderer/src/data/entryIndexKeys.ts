/**
 * Index keys of a list entry: every identifier form a lookup may arrive with, and the name
 * prefixes a name search may type (the name itself and its pinyin initials).
 */
import { pinyin } from 'pinyin-pro';
import type { ListEntry } from '../../../shared/contract';
import { identifierIndexKeys, normaliseIdInput, parseId } from '../../../shared/ids';
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

/** Names are compared without spaces, full-width letters folded, Latin letters upper-cased. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** 张三 → "ZS"; letters and digits in a name keep their place, punctuation drops out. */
export function pinyinInitials(name: string): string {
  const letters = pinyin(normaliseName(name), { pattern: 'first', toneType: 'none', type: 'array' });
  return letters
    .join('')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** True when a query should be read as pinyin initials rather than as the start of a name. */
export function isInitialsQuery(query: string): boolean {
  return /^[A-Za-z]+$/.test(query.trim());
}

export function nameKeysOf(name: string, initialsCache?: Map<string, string>): string[] {
  const normalised = normaliseName(name);
  let initials = initialsCache?.get(normalised);
  if (initials === undefined) {
    initials = pinyinInitials(normalised);
    initialsCache?.set(normalised, initials);
  }
  return initials && initials !== normalised ? [normalised, initials] : [normalised];
}

export function toStoredEntry(entry: ListEntry, initialsCache?: Map<string, string>): StoredEntry {
  return { ...entry, keys: identifierKeysOf(entry.identifier), nameKeys: nameKeysOf(entry.subjectName, initialsCache) };
}

export function fromStoredEntry(stored: StoredEntry): ListEntry {
  const { keys: _keys, nameKeys: _nameKeys, ...entry } = stored;
  return entry;
}
