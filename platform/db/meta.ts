/**
 * Small key/value state of the platform: the sync epoch and sequence counter, the compaction
 * horizon, the catalogue and what the database was seeded with — and which opening of the
 * database ("run") handed out which sequence numbers, so a cursor can prove it belongs to this
 * history (see runAt).
 */
import { randomBytes } from 'node:crypto';
import type { Db } from './open';

export interface SyncState {
  epoch: string;
  /** Highest seq ever assigned (kept apart from max(seq): purged tombstones must never be reused). */
  lastSeq: number;
  /** Tombstones with seq ≤ horizon may have been purged; older cursors must resync. */
  horizon: number;
}

/** Run of the seqs written before runs were recorded (the seeded data, or a database older than migration 6). */
export const UNRECORDED_RUN = '-';

export class MetaStore {
  private readonly getStmt;
  private readonly setStmt;
  private readonly runAtStmt;
  private readonly lastRunStmt;
  private readonly insertRunStmt;
  /**
   * Random per opening of the database. A backup restored, or a power cut that lost the last
   * writes, always means a new opening: seqs handed out again get this new run, so the same seq
   * names a different run than the one a cursor from before the loss remembers.
   */
  readonly runId = randomBytes(8).toString('hex');

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.runAtStmt = db.prepare<[number], { run_id: string }>(
      'SELECT run_id FROM seq_runs WHERE first_seq <= ? ORDER BY first_seq DESC LIMIT 1',
    );
    this.lastRunStmt = db.prepare<[], { run_id: string }>('SELECT run_id FROM seq_runs ORDER BY first_seq DESC LIMIT 1');
    this.insertRunStmt = db.prepare<[number, string]>('INSERT INTO seq_runs (first_seq, run_id) VALUES (?, ?)');
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
    // Checked every time rather than remembered: a rolled-back first write must not leave this
    // run unrecorded (its seqs would then pass for the previous run's).
    if (this.lastRunStmt.get()?.run_id !== this.runId) this.insertRunStmt.run(seq, this.runId);
    return seq;
  }

  /** The run that handed out `seq` in this database's history (UNRECORDED_RUN for 0 and the seeded seqs). */
  runAt(seq: number): string {
    return seq <= 0 ? UNRECORDED_RUN : (this.runAtStmt.get(seq)?.run_id ?? UNRECORDED_RUN);
  }

  dataVersion(): string {
    const { epoch, lastSeq } = this.syncState();
    return formatDataVersion(epoch, lastSeq);
  }
}

export function formatDataVersion(epoch: string, seq: number): string {
  return `E${epoch}.${seq}`;
}
