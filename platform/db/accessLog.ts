/** The platform's own record of every lookup, name search and unmask, refused ones included. */
import type { Db } from './open';

/**
 * SUPERVISION_*: a supervisor's dashboard view, drill-down, recorded check or export; RECONCILIATION: a page
 * of one terminal's records; FLEET_VIEW: IT's fleet list; LOAD_VIEW: IT's read of the platform's load;
 * SLIP_LOOKUP: a check slip asked for by its 核验码 (recordId: the code); SUPERVISION_EVENTS: the platform's
 * events (hand-overs, imports, resubmissions) viewed.
 */
export type AccessAction =
  | 'LOOKUP'
  | 'SLIP_LOOKUP'
  | 'NAME_SEARCH'
  | 'UNMASK'
  | 'SUPERVISION_VIEW'
  | 'SUPERVISION_RECORDS'
  | 'SUPERVISION_CHECK'
  | 'SUPERVISION_EXPORT'
  | 'RECONCILIATION'
  | 'FLEET_VIEW'
  | 'LOAD_VIEW'
  | 'SUPERVISION_EVENTS';

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

/** Name searches refused for the budget, per operator, terminal and China-time hour. */
export interface BudgetAlertRow {
  operatorId: string;
  terminalId: string;
  hour: string;
  firstRefusedAt: string;
  lastRefusedAt: string;
  refused: number;
}

/** A name search that was answered (counts against the operator's hourly budget). */
export const ANSWERED_SEARCH = 'candidates:%';
export const BUDGET_EXHAUSTED = 'budget_exhausted';

export class AccessLogRepository {
  private readonly insertStmt;
  private readonly listStmt;
  private readonly searchesSinceStmt;
  private readonly outcomesSinceStmt;

  constructor(private readonly db: Db) {
    this.searchesSinceStmt = db.prepare<[string, string, string], { n: number; oldest: string | null }>(
      `SELECT count(*) AS n, min(at) AS oldest FROM access_log
       WHERE operator_id = ? AND action = 'NAME_SEARCH' AND outcome LIKE ? AND at > ?`,
    );
    this.outcomesSinceStmt = db.prepare<[string, string, string, string], { n: number; oldest: string | null }>(
      'SELECT count(*) AS n, min(at) AS oldest FROM access_log WHERE operator_id = ? AND action = ? AND outcome = ? AND at > ?',
    );
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

  /** Name searches this operator had answered after `sinceIso`, and the oldest of them. */
  answeredSearchesSince(operatorId: string, sinceIso: string): { count: number; oldestAt: string | null } {
    const r = this.searchesSinceStmt.get(operatorId, ANSWERED_SEARCH, sinceIso);
    return { count: r?.n ?? 0, oldestAt: r?.oldest ?? null };
  }

  /** How often this operator's `action` ended in `outcome` after `sinceIso`, and the oldest of them. */
  outcomesSince(operatorId: string, action: AccessAction, outcome: string, sinceIso: string): { count: number; oldestAt: string | null } {
    const r = this.outcomesSinceStmt.get(operatorId, action, outcome, sinceIso);
    return { count: r?.n ?? 0, oldestAt: r?.oldest ?? null };
  }

  /** Refusals for the budget, newest first; `department` limits them to that department's operators. */
  budgetAlerts(filter: { department?: string; fromIso?: string; toIso?: string; limit: number }): BudgetAlertRow[] {
    const where = ["action = 'NAME_SEARCH'", 'outcome = @exhausted', 'operator_id IS NOT NULL'];
    if (filter.fromIso !== undefined) where.push('at >= @fromIso');
    if (filter.toIso !== undefined) where.push('at <= @toIso');
    if (filter.department !== undefined) where.push('operator_id IN (SELECT id FROM operators WHERE department = @department)');
    const sql = `SELECT operator_id AS operatorId, terminal_id AS terminalId,
        strftime('%Y-%m-%dT%H:00+08:00', at, '+8 hours') AS hour,
        min(at) AS firstRefusedAt, max(at) AS lastRefusedAt, count(*) AS refused
      FROM access_log WHERE ${where.join(' AND ')}
      GROUP BY operator_id, terminal_id, hour ORDER BY lastRefusedAt DESC LIMIT @limit`;
    return this.db.prepare<Record<string, unknown>, BudgetAlertRow>(sql).all({ ...filter, exhausted: BUDGET_EXHAUSTED });
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
