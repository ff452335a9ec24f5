/**
 * The operators who signed in (online) on each terminal: a record a terminal delivers may name only
 * one of them — whoever is signed in when it goes out, or someone who worked there before.
 */
import type { Db } from './open';

export class TerminalOperatorRepository {
  private readonly insertStmt;
  private readonly hasStmt;
  private readonly forgetStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare<[string, string, string]>(
      'INSERT OR IGNORE INTO terminal_operators (terminal_id, operator_id, first_sign_in_at) VALUES (?, ?, ?)',
    );
    this.hasStmt = db.prepare<[string, string], { one: number }>(
      'SELECT 1 AS one FROM terminal_operators WHERE terminal_id = ? AND operator_id = ?',
    );
    this.forgetStmt = db.prepare<[string]>('DELETE FROM terminal_operators WHERE terminal_id = ?');
  }

  recordSignIn(terminalId: string, operatorId: string, at: string): void {
    this.insertStmt.run(terminalId, operatorId, at);
  }

  signedInOn(terminalId: string, operatorId: string): boolean {
    return this.hasStmt.get(terminalId, operatorId) !== undefined;
  }

  /** Test controls only: the sign-ins of a terminal the platform forgets (a restore from an older backup). */
  forgetTerminal(terminalId: string): number {
    return this.forgetStmt.run(terminalId).changes;
  }

  /** Whether the operator signed in under any of these terminal ids (the identities of one PC). */
  signedInOnAny(terminalIds: readonly string[], operatorId: string): boolean {
    return terminalIds.some((terminalId) => this.signedInOn(terminalId, operatorId));
  }
}
