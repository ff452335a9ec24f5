/** The platform's own record of every lookup, name search and unmask, refused ones included. */
import type { Db } from './open';

export type AccessAction = 'LOOKUP' | 'NAME_SEARCH' | 'UNMASK';

export interface AccessLogEntry {
  at: string;
  terminalId: string | null;
  operatorId: string | null;
  action: AccessAction;
  matter: string | null;
  caseNo: string | null;
  /** Canonical identifier when it parsed, else the input as given (truncated). */
  identifier: string | null;
  nameQuery: string | null;
  outcome: string;
  /** UNMASK: the supervisor record whose identifier was asked for, and why. */
  recordId?: string | null;
  reason?: string | null;
}

export class AccessLogRepository {
  private readonly insertStmt;
  private readonly listStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO access_log (at, terminal_id, operator_id, action, matter, case_no, identifier, name_query, outcome, record_id, reason)
       VALUES (@at, @terminalId, @operatorId, @action, @matter, @caseNo, @identifier, @nameQuery, @outcome, @recordId, @reason)`,
    );
    this.listStmt = db.prepare<
      [number],
      {
        at: string;
        terminal_id: string | null;
        operator_id: string | null;
        action: string;
        matter: string | null;
        case_no: string | null;
        identifier: string | null;
        name_query: string | null;
        outcome: string;
        record_id: string | null;
        reason: string | null;
      }
    >(
      'SELECT at, terminal_id, operator_id, action, matter, case_no, identifier, name_query, outcome, record_id, reason FROM access_log ORDER BY id DESC LIMIT ?',
    );
  }

  record(entry: AccessLogEntry): void {
    this.insertStmt.run({ ...entry, recordId: entry.recordId ?? null, reason: entry.reason ?? null });
  }

  /** Newest first. */
  latest(limit: number): AccessLogEntry[] {
    return this.listStmt.all(limit).map((r) => ({
      at: r.at,
      terminalId: r.terminal_id,
      operatorId: r.operator_id,
      action: r.action as AccessAction,
      matter: r.matter,
      caseNo: r.case_no,
      identifier: r.identifier,
      nameQuery: r.name_query,
      outcome: r.outcome,
      recordId: r.record_id,
      reason: r.reason,
    }));
  }
}
