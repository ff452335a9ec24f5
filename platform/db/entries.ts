/**
 * List entries and their change log. Every change (insert, status change, deletion) moves the row
 * to a fresh seq; a deletion leaves a tombstone so that delta sync can tell clients about it.
 * Each row keeps the entry's JSON as published, so a sync page is assembled by SQLite in one
 * string instead of one JS object per row.
 */
import type { EntryStatus, ListEntry } from '../../shared/contract';
import { CHANGES_PAGE_SQL, changesPageOf, type ChangesPage, type ChangesRow } from '../sync/changesQuery';
import type { MetaStore } from './meta';
import { SEQ_BUCKET_SIZE } from './migrations';
import type { Db } from './open';

export interface StoredEntry {
  seq: number;
  matchKey: string;
  entry: ListEntry;
}

export type { ChangesPage } from '../sync/changesQuery';

export class EntryRepository {
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly removeRowStmt;
  private readonly rewriteStmt;
  private readonly tombstoneStmt;
  private readonly purgeStmt;
  private readonly byKeyStmt;
  private readonly pageStmt;
  private readonly countLiveStmt;
  private readonly countDeletedStmt;

  constructor(
    private readonly db: Db,
    private readonly meta: MetaStore,
  ) {
    this.insertStmt = db.prepare<[number, string, string, string]>(
      'INSERT INTO entries (seq, id, deleted, match_key, entry) VALUES (?, ?, 0, ?, ?)',
    );
    this.byIdStmt = db.prepare<[string], { seq: number; deleted: number; match_key: string; entry: string }>(
      'SELECT seq, deleted, match_key, entry FROM entries WHERE id = ?',
    );
    this.removeRowStmt = db.prepare<[string]>('DELETE FROM entries WHERE id = ?');
    this.rewriteStmt = db.prepare<[number, string, string]>('UPDATE entries SET seq = ?, entry = ? WHERE id = ? AND deleted = 0');
    this.tombstoneStmt = db.prepare<[number, string]>('UPDATE entries SET seq = ?, deleted = 1 WHERE id = ? AND deleted = 0');
    this.purgeStmt = db.prepare('DELETE FROM entries WHERE deleted = 1');
    this.byKeyStmt = db.prepare<[string], { seq: number; match_key: string; entry: string }>(
      'SELECT seq, match_key, entry FROM entries WHERE match_key = ? AND deleted = 0',
    );
    this.pageStmt = db.prepare<[number, number, number], ChangesRow>(CHANGES_PAGE_SQL);
    // Exact counts in O(bucket size + buckets): rows in the position's own bucket through the
    // narrow index, whole later buckets from their trigger-maintained totals.
    const count = (flag: 0 | 1, column: 'live' | 'deleted') =>
      db.prepare<[number, number, number], { n: number }>(
        `SELECT (SELECT count(*) FROM entries INDEXED BY entries_deleted_seq WHERE deleted = ${flag} AND seq > ? AND seq < ?)
              + (SELECT coalesce(sum(${column}), 0) FROM seq_buckets WHERE bucket > ?) AS n`,
      );
    this.countLiveStmt = count(0, 'live');
    this.countDeletedStmt = count(1, 'deleted');
  }

  /** Bulk path for the seeder: the caller assigns seq and holds the transaction. */
  insertWithSeq(entry: ListEntry, matchKey: string, seq: number): void {
    this.insertStmt.run(seq, entry.id, matchKey, JSON.stringify(entry));
  }

  /** Publishes (or republishes, replacing a tombstone) an entry as a new change. */
  put(entry: ListEntry, matchKey: string): number {
    return this.db.transaction(() => {
      this.removeRowStmt.run(entry.id);
      const seq = this.meta.nextSeq();
      this.insertWithSeq(entry, matchKey, seq);
      return seq;
    })();
  }

  get(id: string): StoredEntry | undefined {
    const row = this.byIdStmt.get(id);
    return row && row.deleted === 0 ? { seq: row.seq, matchKey: row.match_key, entry: JSON.parse(row.entry) as ListEntry } : undefined;
  }

  setStatus(id: string, status: EntryStatus, updatedAt: string): number | undefined {
    return this.db.transaction(() => {
      const stored = this.get(id);
      if (!stored) return undefined;
      const seq = this.meta.nextSeq();
      this.rewriteStmt.run(seq, JSON.stringify({ ...stored.entry, status, updatedAt }), id);
      return seq;
    })();
  }

  delete(id: string): number | undefined {
    return this.db.transaction(() => {
      if (!this.get(id)) return undefined;
      const seq = this.meta.nextSeq();
      this.tombstoneStmt.run(seq, id);
      return seq;
    })();
  }

  /** Purges all tombstones; cursors older than the current head can no longer be served. */
  compact(): { purged: number; horizon: number } {
    return this.db.transaction(() => {
      const purged = this.purgeStmt.run().changes;
      const horizon = this.meta.syncState().lastSeq;
      this.meta.set('horizon', String(horizon));
      return { purged, horizon };
    })();
  }

  liveByMatchKey(key: string): StoredEntry[] {
    return this.byKeyStmt.all(key).map((row) => ({ seq: row.seq, matchKey: row.match_key, entry: JSON.parse(row.entry) as ListEntry }));
  }

  /** Up to `limit` changes with seq > after, in seq order; tombstones only if seq > tombstonesAfter. */
  changesAfter(after: number, tombstonesAfter: number, limit: number): ChangesPage {
    return changesPageOf(this.pageStmt.get(after, tombstonesAfter, limit));
  }

  /** Changes a page walk would still serve after `after` (live rows, tombstones after the bound). */
  countAfter(after: number, tombstonesAfter: number): number {
    return this.countFrom(this.countLiveStmt, after) + this.countFrom(this.countDeletedStmt, Math.max(after, tombstonesAfter));
  }

  private countFrom(stmt: typeof this.countLiveStmt, after: number): number {
    const bucket = Math.floor(after / SEQ_BUCKET_SIZE);
    return stmt.get(after, (bucket + 1) * SEQ_BUCKET_SIZE, bucket)?.n ?? 0;
  }
}
