/** Terminal public keys the platform certified for check slips, and their revocation. */
import type { RevokedKey } from '../../shared/slip/revocations';
import type { Db } from './open';

export interface TerminalKeyRecord {
  keyId: string;
  terminalId: string;
  publicKey: string;
  certificate: string;
  issuedAt: string;
  revokedAt: string | null;
}

interface Row {
  key_id: string;
  terminal_id: string;
  public_key: string;
  certificate: string;
  issued_at: string;
  revoked_at: string | null;
}

const fromRow = (r: Row): TerminalKeyRecord => ({
  keyId: r.key_id,
  terminalId: r.terminal_id,
  publicKey: r.public_key,
  certificate: r.certificate,
  issuedAt: r.issued_at,
  revokedAt: r.revoked_at,
});

export class TerminalKeyRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly revokeStmt;
  private readonly revokedStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, string, string]>(
      'INSERT INTO terminal_keys (key_id, terminal_id, public_key, certificate, issued_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string], Row>('SELECT * FROM terminal_keys WHERE key_id = ?');
    this.revokeStmt = db.prepare<[string, string]>('UPDATE terminal_keys SET revoked_at = ? WHERE terminal_id = ? AND revoked_at IS NULL');
    this.revokedStmt = db.prepare<[], { key_id: string; revoked_at: string }>(
      'SELECT key_id, revoked_at FROM terminal_keys WHERE revoked_at IS NOT NULL ORDER BY key_id',
    );
  }

  insert(r: Omit<TerminalKeyRecord, 'revokedAt'>): void {
    this.insertStmt.run(r.keyId, r.terminalId, r.publicKey, r.certificate, r.issuedAt);
  }

  get(keyId: string): TerminalKeyRecord | undefined {
    const r = this.getStmt.get(keyId);
    return r && fromRow(r);
  }

  /** Revokes every key of the terminal (it was handed over, or IT retired it). */
  revokeTerminal(terminalId: string, at: string): number {
    return this.revokeStmt.run(at, terminalId).changes;
  }

  /** Each revoked key and the second from which it is no longer trusted (slips signed before still stand). */
  revokedKeys(): RevokedKey[] {
    return this.revokedStmt.all().map((r) => ({ keyId: r.key_id, revokedAt: Math.floor(Date.parse(r.revoked_at) / 1000) }));
  }
}
