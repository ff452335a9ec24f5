/** Outbox mutations as received: accepted ones are the records; rejected ones keep their problem. */
import type { MutationKind, Problem } from '../../shared/contract';
import type { Db } from './open';

export type StoredStatus = 'accepted' | 'rejected';

export interface StoredMutation {
  id: string;
  terminalId: string;
  seq: number;
  kind: MutationKind;
  operatorId: string;
  occurredAt: string;
  receivedAt: string;
  body: unknown;
  fingerprint: string;
  status: StoredStatus;
  problem: Problem | null;
  /** Audit records only: whether the record continues its terminal's hash chain (null: not checked). */
  chainOk: boolean | null;
  /** Why the chain is broken at this record (when chainOk is false). */
  chainProblem: string | null;
  /** The operator whose session delivered the record (null: received before the platform recorded it). */
  deliveredBy: string | null;
  /** Accepted under the catalogue version its terminal used, which differs from the day's: how. */
  catalogueNote: string | null;
  /** Id of the rejected mutation this one resubmits. */
  resubmits: string | null;
}

interface MutationRowData {
  id: string;
  terminal_id: string;
  seq: number;
  kind: string;
  operator_id: string;
  occurred_at: string;
  received_at: string;
  body: string;
  fingerprint: string;
  status: string;
  problem: string | null;
  chain_ok: number | null;
  chain_problem: string | null;
  delivered_by: string | null;
  catalogue_note: string | null;
  resubmits: string | null;
}

function toStored(r: MutationRowData): StoredMutation {
  return {
    id: r.id,
    terminalId: r.terminal_id,
    seq: r.seq,
    kind: r.kind as MutationKind,
    operatorId: r.operator_id,
    occurredAt: r.occurred_at,
    receivedAt: r.received_at,
    body: JSON.parse(r.body) as unknown,
    fingerprint: r.fingerprint,
    status: r.status as StoredStatus,
    problem: r.problem === null ? null : (JSON.parse(r.problem) as Problem),
    chainOk: r.chain_ok === null ? null : r.chain_ok === 1,
    chainProblem: r.chain_problem,
    deliveredBy: r.delivered_by,
    catalogueNote: r.catalogue_note,
    resubmits: r.resubmits,
  };
}

const COLUMNS =
  'id, terminal_id, seq, kind, operator_id, occurred_at, received_at, body, fingerprint, status, problem, chain_ok, chain_problem, delivered_by, catalogue_note, resubmits';

export interface RecordFilter {
  kind: MutationKind;
  terminalId?: string;
  /** Only records that name an operator of this department (a department supervisor's scope). */
  department?: string;
  fromMs?: number;
  toMs?: number;
  limit: number;
}

/** The chain check's read: one probe at the end of the terminal's run in the audit chain index. */
export const LAST_AUDIT_SQL =
  "SELECT body FROM mutations INDEXED BY mutations_audit_chain WHERE terminal_id = ? AND kind = 'audit' AND status = 'accepted' ORDER BY seq DESC LIMIT 1";

export class MutationRepository {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly checkStmt;
  private readonly feedbackStmt;
  private readonly feedbackForCheckStmt;
  private readonly lastAuditStmt;
  private readonly auditLinkStmt;
  private readonly byTerminalStmt;
  private readonly allStmt;
  private readonly deleteForTerminalStmt;
  private readonly deleteOneStmt;
  private readonly resubmissionStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO mutations (${COLUMNS}, occurred_at_ms, check_id)
       VALUES (@id, @terminalId, @seq, @kind, @operatorId, @occurredAt, @receivedAt, @body, @fingerprint, @status, @problem, @chainOk, @chainProblem, @deliveredBy, @catalogueNote, @resubmits, @occurredAtMs, @checkId)`,
    );
    this.getStmt = db.prepare<[string], MutationRowData>(`SELECT ${COLUMNS} FROM mutations WHERE id = ?`);
    this.checkStmt = db.prepare<[string], { body: string; operator_id: string }>(
      "SELECT body, operator_id FROM mutations WHERE check_id = ? AND kind = 'check' AND status = 'accepted' LIMIT 1",
    );
    this.feedbackStmt = db.prepare<[string, string], { id: string }>(
      "SELECT id FROM mutations WHERE check_id = ? AND kind = 'feedback' AND status = 'accepted' AND json_extract(body, '$.measureCode') = ? LIMIT 1",
    );
    this.feedbackForCheckStmt = db.prepare<[string], { body: string; operator_id: string; occurred_at: string }>(
      "SELECT body, operator_id, occurred_at FROM mutations WHERE check_id = ? AND kind = 'feedback' AND status = 'accepted' ORDER BY received_at, seq",
    );
    this.lastAuditStmt = db.prepare<[string], { body: string }>(LAST_AUDIT_SQL);
    this.auditLinkStmt = db.prepare<[string, string, number], { id: string }>(
      `SELECT id FROM mutations INDEXED BY mutations_audit_hash
       WHERE json_extract(body, '$.hash') = ? AND kind = 'audit' AND status = 'accepted'
         AND terminal_id <> ? AND json_extract(body, '$.chainSeq') = ? LIMIT 1`,
    );
    this.byTerminalStmt = db.prepare<[string], MutationRowData>(`SELECT ${COLUMNS} FROM mutations WHERE terminal_id = ? ORDER BY seq`);
    this.allStmt = db.prepare<[], MutationRowData>(`SELECT ${COLUMNS} FROM mutations ORDER BY terminal_id, seq`);
    this.deleteForTerminalStmt = db.prepare<[string]>('DELETE FROM mutations WHERE terminal_id = ?');
    this.deleteOneStmt = db.prepare<[string]>('DELETE FROM mutations WHERE id = ?');
    this.resubmissionStmt = db.prepare<[string], { id: string }>(
      "SELECT id FROM mutations WHERE resubmits = ? AND status = 'accepted' LIMIT 1",
    );
  }

  /** Id of the accepted record that resubmitted the rejected record `originalId`, if any. */
  acceptedResubmission(originalId: string): string | undefined {
    return this.resubmissionStmt.get(originalId)?.id;
  }

  /** Test controls only: a restore from a backup older than the terminal's records. */
  deleteForTerminal(terminalId: string): number {
    return this.deleteForTerminalStmt.run(terminalId).changes;
  }

  /** Test controls only: one record the platform had accepted is gone (a disk fault, a bad restore). */
  deleteOne(id: string): boolean {
    return this.deleteOneStmt.run(id).changes > 0;
  }

  insert(m: StoredMutation & { checkId: string | null }): void {
    this.insertStmt.run({
      id: m.id,
      terminalId: m.terminalId,
      seq: m.seq,
      kind: m.kind,
      operatorId: m.operatorId,
      occurredAt: m.occurredAt,
      occurredAtMs: Date.parse(m.occurredAt),
      receivedAt: m.receivedAt,
      body: JSON.stringify(m.body),
      fingerprint: m.fingerprint,
      status: m.status,
      problem: m.problem === null ? null : JSON.stringify(m.problem),
      chainOk: m.chainOk === null ? null : m.chainOk ? 1 : 0,
      chainProblem: m.chainProblem,
      deliveredBy: m.deliveredBy,
      catalogueNote: m.catalogueNote,
      resubmits: m.resubmits,
      checkId: m.checkId,
    });
  }

  get(id: string): StoredMutation | undefined {
    const r = this.getStmt.get(id);
    return r && toStored(r);
  }

  /** An accepted record by id, if it is one. */
  accepted(id: string): StoredMutation | undefined {
    const m = this.get(id);
    return m?.status === 'accepted' ? m : undefined;
  }

  /** Body of the accepted check with this checkId, if any. */
  acceptedCheck(checkId: string): unknown {
    const r = this.checkStmt.get(checkId);
    return r ? (JSON.parse(r.body) as unknown) : undefined;
  }

  /** The operator who made the accepted check with this id, if there is one. */
  acceptedCheckOperator(checkId: string): string | undefined {
    return this.checkStmt.get(checkId)?.operator_id;
  }

  /** Id of the accepted feedback on this measure of this check, if any. */
  acceptedFeedback(checkId: string, measureCode: string): string | undefined {
    return this.feedbackStmt.get(checkId, measureCode)?.id;
  }

  /** Every accepted feedback body on this check, in the order received. */
  acceptedFeedbackBodies(checkId: string): Array<{ body: unknown; operatorId: string; occurredAt: string }> {
    return this.feedbackForCheckStmt
      .all(checkId)
      .map((r) => ({ body: JSON.parse(r.body) as unknown, operatorId: r.operator_id, occurredAt: r.occurred_at }));
  }

  /** Body of the terminal's latest accepted audit record (by seq), if any. */
  lastAcceptedAudit(terminalId: string): unknown {
    const r = this.lastAuditStmt.get(terminalId);
    return r ? (JSON.parse(r.body) as unknown) : undefined;
  }

  /** Whether another terminal has an accepted audit record with this chainSeq and hash. */
  acceptedAuditLink(exceptTerminalId: string, chainSeq: number, hash: string): boolean {
    return this.auditLinkStmt.get(hash, exceptTerminalId, chainSeq) !== undefined;
  }

  forTerminal(terminalId?: string): StoredMutation[] {
    return (terminalId === undefined ? this.allStmt.all() : this.byTerminalStmt.all(terminalId)).map(toStored);
  }

  /**
   * One page of a terminal's records by seq (the (terminal_id, seq) key), optionally only those that
   * name an operator of a department. Each page is one index range, however many records there are.
   */
  terminalPage(
    terminalId: string,
    after: number,
    limit: number,
    department?: string,
  ): Array<{ id: string; seq: number; kind: MutationKind; status: StoredStatus; chainOk: boolean | null }> {
    const scoped = department === undefined ? '' : ' AND operator_id IN (SELECT id FROM operators WHERE department = @department)';
    const sql = `SELECT id, seq, kind, status, chain_ok FROM mutations WHERE terminal_id = @terminalId AND seq > @after${scoped} ORDER BY seq LIMIT @limit`;
    return this.db
      .prepare<Record<string, unknown>, { id: string; seq: number; kind: string; status: string; chain_ok: number | null }>(sql)
      .all({ terminalId, after, limit, ...(department !== undefined ? { department } : {}) })
      .map((r) => ({
        id: r.id,
        seq: r.seq,
        kind: r.kind as MutationKind,
        status: r.status as StoredStatus,
        chainOk: r.chain_ok === null ? null : r.chain_ok === 1,
      }));
  }

  /** Accepted records for supervisors, by the time they happened on the terminal. */
  records(filter: RecordFilter): StoredMutation[] {
    const where = ['kind = @kind', "status = 'accepted'"];
    if (filter.terminalId !== undefined) where.push('terminal_id = @terminalId');
    if (filter.department !== undefined) where.push('operator_id IN (SELECT id FROM operators WHERE department = @department)');
    if (filter.fromMs !== undefined) where.push('occurred_at_ms >= @fromMs');
    if (filter.toMs !== undefined) where.push('occurred_at_ms <= @toMs');
    const sql = `SELECT ${COLUMNS} FROM mutations WHERE ${where.join(' AND ')} ORDER BY occurred_at_ms DESC, terminal_id, seq LIMIT @limit`;
    return this.db
      .prepare<Record<string, unknown>, MutationRowData>(sql)
      .all({ ...filter })
      .map(toStored);
  }
}
