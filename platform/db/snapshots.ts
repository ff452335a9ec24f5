/** Published snapshots and their sealed blocks (content-addressed, shared between snapshots). */
import type { Db } from './open';

export interface SnapshotRecord {
  id: number;
  epoch: string;
  lastSeq: number;
  createdAt: string;
  entryCount: number;
  /** The manifest response exactly as served (statement, signature, body). */
  response: string;
  /** Every block hash the manifest names. */
  blocks: string[];
  stats: SnapshotStats;
}

export interface SnapshotStats {
  buildMs: number;
  readMs: number;
  encodeMs: number;
  sealMs: number;
  storeMs: number;
  blocks: number;
  /** Ciphertext bytes of all blocks: what a terminal with nothing downloads. */
  bytes: number;
  plainBytes: number;
  /** Blocks that were not already stored from an earlier snapshot. */
  newBlocks: number;
  /** Blocks (and their bytes) a terminal holding the previous snapshot fetches for this one. */
  changedBlocks: number;
  changedBytes: number;
}

interface Row {
  id: number;
  epoch: string;
  last_seq: number;
  created_at: string;
  entry_count: number;
  response: string;
  blocks: string;
  stats: string;
}

function fromRow(r: Row): SnapshotRecord {
  return {
    id: r.id,
    epoch: r.epoch,
    lastSeq: r.last_seq,
    createdAt: r.created_at,
    entryCount: r.entry_count,
    response: r.response,
    blocks: JSON.parse(r.blocks) as string[],
    stats: JSON.parse(r.stats) as SnapshotStats,
  };
}

export class SnapshotRepository {
  private readonly insertBlockStmt;
  private readonly blockStmt;
  private readonly latestStmt;
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.insertBlockStmt = db.prepare<[string, Uint8Array]>('INSERT OR IGNORE INTO snapshot_blocks (hash, bytes) VALUES (?, ?)');
    this.blockStmt = db.prepare<[string], { bytes: Buffer }>('SELECT bytes FROM snapshot_blocks WHERE hash = ?');
    this.latestStmt = db.prepare<[], Row>('SELECT * FROM snapshots ORDER BY id DESC LIMIT 1');
    this.insertStmt = db.prepare<[string, number, string, number, string, string, string]>(
      'INSERT INTO snapshots (epoch, last_seq, created_at, entry_count, response, blocks, stats) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Stores blocks not stored yet; returns how many were new. One short transaction per call. */
  insertBlocks(blocks: ReadonlyArray<{ hash: string; bytes: Uint8Array }>): number {
    return this.db.transaction(() => {
      let added = 0;
      for (const block of blocks) added += this.insertBlockStmt.run(block.hash, block.bytes).changes;
      return added;
    })();
  }

  block(hash: string): Buffer | undefined {
    return this.blockStmt.get(hash)?.bytes;
  }

  latest(): SnapshotRecord | undefined {
    const row = this.latestStmt.get();
    return row && fromRow(row);
  }

  save(record: Omit<SnapshotRecord, 'id'>): SnapshotRecord {
    const id = Number(
      this.insertStmt.run(
        record.epoch,
        record.lastSeq,
        record.createdAt,
        record.entryCount,
        record.response,
        JSON.stringify(record.blocks),
        JSON.stringify(record.stats),
      ).lastInsertRowid,
    );
    return { ...record, id };
  }

  /**
   * Keeps the newest `keep` snapshots (a terminal may still be downloading the previous one) and
   * the blocks they name; everything else goes.
   */
  prune(keep: number): number {
    return this.db.transaction(() => {
      const kept = this.db.prepare<[number], Row>('SELECT * FROM snapshots ORDER BY id DESC LIMIT ?').all(keep).map(fromRow);
      const oldest = kept[kept.length - 1]?.id ?? 0;
      this.db.prepare<[number]>('DELETE FROM snapshots WHERE id < ?').run(oldest);
      const referenced = new Set(kept.flatMap((s) => s.blocks));
      const remove = this.db.prepare<[string]>('DELETE FROM snapshot_blocks WHERE hash = ?');
      let removed = 0;
      for (const { hash } of this.db.prepare<[], { hash: string }>('SELECT hash FROM snapshot_blocks').all()) {
        if (!referenced.has(hash)) removed += remove.run(hash).changes;
      }
      return removed;
    })();
  }
}
