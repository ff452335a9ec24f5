/** Enrolled terminals and their outbox sequence counter. */
import type { Db } from './open';

export interface TerminalRecord {
  id: string;
  name: string;
  secretHash: string;
  enrolledAt: string;
  nextSeq: number;
}

export class TerminalRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly setNextSeqStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string]>(
      'INSERT INTO terminals (id, name, secret_hash, enrolled_at, next_seq) VALUES (?, ?, ?, ?, 1)',
    );
    this.getStmt = db.prepare<[string], { id: string; name: string; secret_hash: string; enrolled_at: string; next_seq: number }>(
      'SELECT id, name, secret_hash, enrolled_at, next_seq FROM terminals WHERE id = ?',
    );
    this.setNextSeqStmt = db.prepare<[number, string]>('UPDATE terminals SET next_seq = ? WHERE id = ?');
  }

  insert(id: string, name: string, secretHash: string, enrolledAt: string): void {
    this.insertStmt.run(id, name, secretHash, enrolledAt);
  }

  get(id: string): TerminalRecord | undefined {
    const r = this.getStmt.get(id);
    return r && { id: r.id, name: r.name, secretHash: r.secret_hash, enrolledAt: r.enrolled_at, nextSeq: r.next_seq };
  }

  setNextSeq(id: string, nextSeq: number): void {
    this.setNextSeqStmt.run(nextSeq, id);
  }
}
