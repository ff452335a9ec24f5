/**
 * A sync page's rows as a list store writes them, computed ahead of the write: `prepare` while the
 * next page is still on its way (index keys and pinyin initials cost CPU), `take` by the write.
 */
import type { SyncChange } from '../../../shared/contract';
import { createInitialsCache } from '../../../shared/names';
import type { StoredEntry } from './cacheDb';
import { toStoredEntry } from './entryIndexKeys';

/** A page's final rows: the last change per id wins; null means deleted. */
export type PageRows = Map<string, StoredEntry | null>;

export class PreparedRows {
  /** Pinyin initials of names seen before: subjects repeat across entries and pages. */
  private readonly initialsOf = createInitialsCache();
  private readonly pages = new WeakMap<readonly SyncChange[], PageRows>();

  prepare(changes: readonly SyncChange[]): void {
    if (this.pages.has(changes)) return;
    const rows: PageRows = new Map();
    for (const change of changes) {
      if (change.op === 'put') rows.set(change.entry.id, toStoredEntry(change.entry, this.initialsOf));
      else rows.set(change.entryId, null);
    }
    this.pages.set(changes, rows);
  }

  /** The page's rows (prepared now if they were not), handed over once. */
  take(changes: readonly SyncChange[]): PageRows {
    this.prepare(changes);
    const rows = this.pages.get(changes)!;
    this.pages.delete(changes);
    return rows;
  }
}
