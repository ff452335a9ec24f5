/**
 * Small key/value state of the platform: the sync epoch and sequence counter, the compaction
 * horizon, the catalogue and what the database was seeded with.
 */
import type { Db } from './open';

export interface SyncState {
  epoch: string;
  /** Highest seq ever assigned (kept apart from max(seq): purged tombstones must never be reused). */
  lastSeq: number;
  /** Tombstones with seq ≤ horizon may have been purged; older cursors must resync. */
  horizon: number;
}

export class MetaStore {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | undefined {
    return this.getStmt.get(key)?.value;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }

  getJson<T>(key: string): T | undefined {
    const raw = this.get(key);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  setJson(key: string, value: unknown): void {
    this.set(key, JSON.stringify(value));
  }

  syncState(): SyncState {
    return {
      epoch: this.get('epoch') ?? 'unset',
      lastSeq: Number(this.get('last_seq') ?? 0),
      horizon: Number(this.get('horizon') ?? 0),
    };
  }

  /** Reserves the next sequence number; call inside the transaction that writes the change. */
  nextSeq(): number {
    const seq = Number(this.get('last_seq') ?? 0) + 1;
    this.set('last_seq', String(seq));
    return seq;
  }

  dataVersion(): string {
    const { epoch, lastSeq } = this.syncState();
    return formatDataVersion(epoch, lastSeq);
  }
}

export function formatDataVersion(epoch: string, seq: number): string {
  return `E${epoch}.${seq}`;
}
