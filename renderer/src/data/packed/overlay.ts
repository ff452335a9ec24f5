/**
 * The deltas applied since a generation's snapshot, in memory: the latest row per entry id (null =
 * deleted: a tombstone hides the snapshot's row), which identifier keys find which ids, and the
 * name rows sorted like the snapshot's name index so a search merges both in one order.
 */
import type { ListEntry } from '../../../../shared/contract';
import type { NameHit } from '../../../../shared/snapshot';
import type { StoredEntry } from '../cacheDb';
import { fromStoredEntry } from '../entryIndexKeys';

export interface NameRow {
  key: string;
  hit: NameHit;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function nameHitOf(e: ListEntry): NameHit {
  return {
    id: e.id,
    listType: e.listType,
    subjectKind: e.subjectKind,
    subjectName: e.subjectName,
    identifier: e.identifier,
    identifierType: e.identifierType,
  };
}

export class Overlay {
  private readonly rows = new Map<string, StoredEntry | null>();
  private readonly byKey = new Map<string, Set<string>>();
  private names: NameRow[] | null = null;

  get size(): number {
    return this.rows.size;
  }

  /** True when the overlay decides this entry (a newer row or a tombstone). */
  has(id: string): boolean {
    return this.rows.has(id);
  }

  /** undefined: not in the overlay; null: deleted. */
  get(id: string): StoredEntry | null | undefined {
    return this.rows.get(id);
  }

  apply(id: string, row: StoredEntry | null): void {
    const old = this.rows.get(id);
    if (old) {
      for (const key of old.keys) {
        const ids = this.byKey.get(key);
        ids?.delete(id);
        if (ids?.size === 0) this.byKey.delete(key);
      }
    }
    this.rows.set(id, row);
    if (row) {
      for (const key of row.keys) {
        let ids = this.byKey.get(key);
        if (!ids) this.byKey.set(key, (ids = new Set()));
        ids.add(id);
      }
    }
    this.names = null;
  }

  lookup(key: string): ListEntry[] {
    const out: ListEntry[] = [];
    for (const id of this.byKey.get(key) ?? []) {
      const row = this.rows.get(id);
      if (row) out.push(fromStoredEntry(row));
    }
    return out;
  }

  /** Name rows whose key starts with `prefix`, sorted by key then entry id. */
  nameRows(prefix: string): NameRow[] {
    if (!this.names) {
      const names: NameRow[] = [];
      for (const row of this.rows.values()) {
        if (!row) continue;
        const hit = nameHitOf(row);
        for (const key of row.nameKeys) names.push({ key, hit });
      }
      this.names = names.sort((a, b) => compare(a.key, b.key) || compare(a.hit.id, b.hit.id));
    }
    const names = this.names;
    let lo = 0;
    let hi = names.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (names[mid]!.key < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: NameRow[] = [];
    for (let i = lo; i < names.length && names[i]!.key.startsWith(prefix); i++) out.push(names[i]!);
    return out;
  }

  /** Every entry the overlay holds (not the tombstones). */
  entries(): ListEntry[] {
    const out: ListEntry[] = [];
    for (const row of this.rows.values()) if (row) out.push(fromStoredEntry(row));
    return out;
  }
}
