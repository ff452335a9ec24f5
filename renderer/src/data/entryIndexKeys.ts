/**
 * Index keys of a list entry (shared/listKeys: every identifier form a lookup may arrive with, and
 * the name prefixes a name search may type), and the entry as the per-record store keeps it.
 */
import type { ListEntry } from '../../../shared/contract';
import { identifierKeysOf, nameKeysOf } from '../../../shared/listKeys';
import { nameOf, type InitialsOf } from '../../../shared/names';
import type { StoredEntry } from './cacheDb';

export { identifierKeysOf, nameKeysOf };

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
