/** The check slips terminals printed, found by their 核验码 (reference) or by the check they record. */
import type { Db } from './open';

export interface SlipRecord {
  slipSha256: string;
  reference: string;
  terminalId: string;
  checkId: string;
  /** The slip's QR text (Base45). */
  slip: string;
  receivedAt: string;
}

interface Row {
  slip_sha256: string;
  reference: string;
  terminal_id: string;
  check_id: string;
  slip: string;
  received_at: string;
}

const fromRow = (r: Row): SlipRecord => ({
  slipSha256: r.slip_sha256,
  reference: r.reference,
  terminalId: r.terminal_id,
  checkId: r.check_id,
  slip: r.slip,
  receivedAt: r.received_at,
});

/** Two slips sharing a 核验码 are rare; more than this many is no answer a verifier can use. */
export const SLIPS_PER_REFERENCE_MAX = 5;

export class SlipRepository {
  private readonly insertStmt;
  private readonly byReferenceStmt;
  private readonly byCheckStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string, string, string]>(
      'INSERT OR IGNORE INTO slips (slip_sha256, reference, terminal_id, check_id, slip, received_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byReferenceStmt = db.prepare<[string, number], Row>('SELECT * FROM slips WHERE reference = ? ORDER BY received_at LIMIT ?');
    this.byCheckStmt = db.prepare<[string, string, number], Row>(
      'SELECT * FROM slips WHERE check_id = ? AND terminal_id = ? ORDER BY received_at DESC LIMIT ?',
    );
  }

  /** False when the same slip was recorded before (a print delivered twice). */
  insert(r: SlipRecord): boolean {
    return this.insertStmt.run(r.slipSha256, r.reference, r.terminalId, r.checkId, r.slip, r.receivedAt).changes > 0;
  }

  byReference(reference: string): SlipRecord[] {
    return this.byReferenceStmt.all(reference, SLIPS_PER_REFERENCE_MAX + 1).map(fromRow);
  }

  /** The slips the check's own terminal printed for it, newest first. */
  byCheck(checkId: string, terminalId: string, limit = 10): SlipRecord[] {
    return this.byCheckStmt.all(checkId, terminalId, limit).map(fromRow);
  }
}
