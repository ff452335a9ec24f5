/** Bearer-token sessions, stored by token hash, bound to a terminal and an operator. */
import type { Db } from './open';

export interface SessionRecord {
  terminalId: string;
  operatorId: string;
  expiresAtMs: number;
}

export class SessionRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly expireAllStmt;
  private readonly purgeStmt;
  private readonly revokeStmt;
  private readonly endForTerminalStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string, number, number]>(
      'INSERT INTO sessions (token_hash, terminal_id, operator_id, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?)',
    );
    this.getStmt = db.prepare<[string], { terminal_id: string; operator_id: string; expires_at_ms: number }>(
      'SELECT terminal_id, operator_id, expires_at_ms FROM sessions WHERE token_hash = ?',
    );
    this.expireAllStmt = db.prepare<[number, number]>('UPDATE sessions SET expires_at_ms = ? WHERE expires_at_ms > ?');
    this.purgeStmt = db.prepare<[number]>('DELETE FROM sessions WHERE expires_at_ms < ?');
    this.revokeStmt = db.prepare<[number, string, string, number]>(
      'UPDATE sessions SET expires_at_ms = ? WHERE token_hash = ? AND terminal_id = ? AND expires_at_ms > ?',
    );
    this.endForTerminalStmt = db.prepare<[string]>('DELETE FROM sessions WHERE terminal_id = ?');
  }

  /** Ends every session of a terminal (its identity was handed over to a new enrolment). */
  endForTerminal(terminalId: string): number {
    return this.endForTerminalStmt.run(terminalId).changes;
  }

  insert(tokenHash: string, terminalId: string, operatorId: string, createdAtMs: number, expiresAtMs: number): void {
    this.insertStmt.run(tokenHash, terminalId, operatorId, createdAtMs, expiresAtMs);
  }

  get(tokenHash: string): SessionRecord | undefined {
    const r = this.getStmt.get(tokenHash);
    return r && { terminalId: r.terminal_id, operatorId: r.operator_id, expiresAtMs: r.expires_at_ms };
  }

  expireAll(nowMs: number): number {
    return this.expireAllStmt.run(nowMs - 1, nowMs - 1).changes;
  }

  /** Ends a session of this terminal now (logout); true when it was still valid. */
  revoke(tokenHash: string, terminalId: string, nowMs: number): boolean {
    return this.revokeStmt.run(nowMs - 1, tokenHash, terminalId, nowMs - 1).changes > 0;
  }

  /** Drops sessions that expired more than a day ago. */
  purgeExpired(nowMs: number): void {
    this.purgeStmt.run(nowMs - 86_400_000);
  }
}
