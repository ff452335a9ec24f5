/** Enrolled terminals, their outbox sequence counter, and the hand-over links between enrolments of one PC. */
import type { Db } from './open';

export interface TerminalRecord {
  id: string;
  name: string;
  secretHash: string;
  enrolledAt: string;
  nextSeq: number;
  /** The later enrolment of the same PC that took this identity over, if any. */
  successorId: string | null;
  replacedAt: string | null;
  /** Recreated by a hand-over: the platform had no record of it (restored from an older backup). */
  adopted: boolean;
}

interface TerminalRow {
  id: string;
  name: string;
  secret_hash: string;
  enrolled_at: string;
  next_seq: number;
  successor_id: string | null;
  replaced_at: string | null;
  adopted: number;
}

/** Longest chain of hand-overs followed (a PC re-enrolled this often is a case for IT anyway). */
const MAX_LINEAGE = 32;

export class TerminalRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly setNextSeqStmt;
  private readonly replaceStmt;
  private readonly deleteStmt;
  private readonly predecessorsStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string, number, number]>(
      'INSERT INTO terminals (id, name, secret_hash, enrolled_at, next_seq, adopted) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string], TerminalRow>(
      'SELECT id, name, secret_hash, enrolled_at, next_seq, successor_id, replaced_at, adopted FROM terminals WHERE id = ?',
    );
    this.setNextSeqStmt = db.prepare<[number, string]>('UPDATE terminals SET next_seq = ? WHERE id = ?');
    this.replaceStmt = db.prepare<[string, string, string]>('UPDATE terminals SET successor_id = ?, replaced_at = ? WHERE id = ?');
    this.deleteStmt = db.prepare<[string]>('DELETE FROM terminals WHERE id = ?');
    this.predecessorsStmt = db.prepare<[string], { id: string }>('SELECT id FROM terminals WHERE successor_id = ?');
  }

  /** Test controls only: the platform forgets the terminal (as a restore from an older backup would). */
  delete(id: string): boolean {
    return this.deleteStmt.run(id).changes > 0;
  }

  insert(id: string, name: string, secretHash: string, enrolledAt: string, options: { nextSeq?: number; adopted?: boolean } = {}): void {
    this.insertStmt.run(id, name, secretHash, enrolledAt, options.nextSeq ?? 1, options.adopted ? 1 : 0);
  }

  get(id: string): TerminalRecord | undefined {
    const r = this.getStmt.get(id);
    return (
      r && {
        id: r.id,
        name: r.name,
        secretHash: r.secret_hash,
        enrolledAt: r.enrolled_at,
        nextSeq: r.next_seq,
        successorId: r.successor_id,
        replacedAt: r.replaced_at,
        adopted: r.adopted === 1,
      }
    );
  }

  setNextSeq(id: string, nextSeq: number): void {
    this.setNextSeqStmt.run(nextSeq, id);
  }

  /** Links `id` to the enrolment that takes it over (a later hand-over of the same id re-links it). */
  replace(id: string, successorId: string, at: string): void {
    this.replaceStmt.run(successorId, at, id);
  }

  /**
   * Every identity of the PC `id` belongs to: the enrolments it took over (and theirs), itself, and the
   * enrolments that took it over. A hand-over is made by IT with the enrolment code on the same PC, so
   * whoever signed in under one of them worked at this PC.
   */
  lineage(id: string): string[] {
    const seen = new Set<string>([id]);
    for (let current = this.get(id)?.successorId, step = 0; current && !seen.has(current) && step < MAX_LINEAGE; step++) {
      seen.add(current);
      current = this.get(current)?.successorId;
    }
    let frontier = [id];
    for (let step = 0; frontier.length > 0 && step < MAX_LINEAGE; step++) {
      const next: string[] = [];
      for (const successor of frontier) {
        for (const { id: predecessor } of this.predecessorsStmt.all(successor)) {
          if (!seen.has(predecessor)) next.push(predecessor);
          seen.add(predecessor);
        }
      }
      frontier = next;
    }
    return [...seen];
  }

  /** Whether `deliverer` may deliver `owner`'s records: it is `owner`, or a successor of it down the hand-over chain. */
  mayDeliverFor(deliverer: string, owner: string): boolean {
    let current = owner;
    for (let step = 0; step <= MAX_LINEAGE; step++) {
      if (current === deliverer) return true;
      const next = this.get(current)?.successorId;
      if (!next) return false;
      current = next;
    }
    return false;
  }
}
