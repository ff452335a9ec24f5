/**
 * The supervision facts: one row per thing the dashboard counts (a check and its result, a triggered
 * measure and where its feedback left it, a decline with its reason code, a commitment, a dead letter…),
 * written as the platform accepts or rejects records, and a daily summary per department and matter
 * that triggers keep in step. A month of a city (a million checks) then answers from the summary
 * (a few thousand rows per metric) instead of from the records; a terminal's own figures, and every
 * drill-down, read the facts through their indexes.
 */
import type { Catalogue, CheckBody, CommitmentBody, FeedbackBody, Measure } from '../../shared/contract';
import { UNSPECIFIED_REASON, type LatencyBucket } from '../../shared/contract';
import { chinaDate } from '../../shared/dates';
import type { Db } from '../db/open';
import type { StoredMutation } from '../db/mutations';

/** The department a record is counted under when its operator is unknown (a refused sign-in, say). */
export const UNKNOWN_DEPARTMENT = '（未知部门）';

export const SUPERVISION_SCHEMA = `
  CREATE TABLE sv_events (
    id INTEGER PRIMARY KEY,
    metric TEXT NOT NULL,
    key TEXT NOT NULL,
    day TEXT NOT NULL,
    department TEXT NOT NULL,
    matter_code TEXT NOT NULL,
    terminal_id TEXT NOT NULL,
    operator_id TEXT NOT NULL,
    record_id TEXT NOT NULL,
    check_id TEXT,
    measure_code TEXT
  );
  CREATE INDEX sv_events_metric ON sv_events(metric, key, day);
  CREATE INDEX sv_events_terminal ON sv_events(terminal_id, metric, day);
  CREATE INDEX sv_events_check ON sv_events(check_id, metric) WHERE check_id IS NOT NULL;

  CREATE TABLE sv_daily (
    metric TEXT NOT NULL,
    day TEXT NOT NULL,
    department TEXT NOT NULL,
    matter_code TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (metric, day, department, matter_code, key)
  ) WITHOUT ROWID;

  CREATE TRIGGER sv_events_count AFTER INSERT ON sv_events BEGIN
    INSERT INTO sv_daily (metric, day, department, matter_code, key, n)
      VALUES (NEW.metric, NEW.day, NEW.department, NEW.matter_code, NEW.key, 1)
      ON CONFLICT DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER sv_events_uncount AFTER DELETE ON sv_events BEGIN
    UPDATE sv_daily SET n = n - 1
      WHERE metric = OLD.metric AND day = OLD.day AND department = OLD.department AND matter_code = OLD.matter_code AND key = OLD.key;
  END;
`;

/**
 * The facts of one metric by day across every key (a drill-down or export of all checks, all
 * measures): read newest day first in index order, page after page, instead of sorted per page.
 */
export const SUPERVISION_DAY_INDEX = 'CREATE INDEX sv_events_day ON sv_events(metric, day);';

const HOUR_MS = 3_600_000;

export function latencyBucket(ms: number): LatencyBucket {
  if (ms < HOUR_MS) return 'lt1h';
  if (ms < 24 * HOUR_MS) return 'lt1d';
  if (ms < 72 * HOUR_MS) return 'lt3d';
  return 'ge3d';
}

/** What the facts need to know beyond the record: operators' departments and the catalogues. */
export interface FactSources {
  departmentOf(operatorId: string): string | undefined;
  /** The catalogue a record made under `version` is judged by. */
  catalogueFor(version: string | undefined): Catalogue;
  /** The version served when the record arrived. */
  currentCatalogueVersion(): string;
}

interface CheckFact {
  day: string;
  department: string;
  matter_code: string;
  terminal_id: string;
  operator_id: string;
  record_id: string;
  key: string;
  occurred_at_ms: number;
}

interface EventRow {
  metric: string;
  key: string;
  day: string;
  department: string;
  matterCode: string;
  terminalId: string;
  operatorId: string;
  recordId: string;
  checkId: string | null;
  measureCode: string | null;
}

function obligationOf(catalogue: Catalogue, fallback: Catalogue, code: string): Measure['obligation'] {
  return (catalogue.measures.find((m) => m.code === code) ?? fallback.measures.find((m) => m.code === code))?.obligation ?? 'MAY';
}

export class SupervisionFacts {
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly checkFactStmt;
  private readonly measureFactStmt;
  private readonly checkOccurredStmt;

  constructor(
    private readonly db: Db,
    private readonly sources: FactSources,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO sv_events (metric, key, day, department, matter_code, terminal_id, operator_id, record_id, check_id, measure_code)
       VALUES (@metric, @key, @day, @department, @matterCode, @terminalId, @operatorId, @recordId, @checkId, @measureCode)`,
    );
    this.deleteStmt = db.prepare<[number]>('DELETE FROM sv_events WHERE id = ?');
    this.checkFactStmt = db.prepare<[string], Omit<CheckFact, 'occurred_at_ms'>>(
      `SELECT day, department, matter_code, terminal_id, operator_id, record_id, key FROM sv_events
       WHERE check_id = ? AND metric = 'check' LIMIT 1`,
    );
    this.measureFactStmt = db.prepare<[string, string], { id: number; key: string }>(
      "SELECT id, key FROM sv_events WHERE check_id = ? AND metric = 'measure' AND measure_code = ? LIMIT 1",
    );
    this.checkOccurredStmt = db.prepare<[string], { occurred_at_ms: number; body: string }>(
      'SELECT occurred_at_ms, body FROM mutations WHERE id = ?',
    );
  }

  private add(row: EventRow): void {
    this.insertStmt.run(row);
  }

  private departmentOf(operatorId: string): string {
    return this.sources.departmentOf(operatorId) ?? UNKNOWN_DEPARTMENT;
  }

  /** Counts one record as the platform stored it (accepted or rejected). */
  record(m: StoredMutation): void {
    const day = chinaDate(new Date(m.occurredAt));
    const base = {
      day,
      department: this.departmentOf(m.operatorId),
      terminalId: m.terminalId,
      operatorId: m.operatorId,
      recordId: m.id,
    };
    const body = m.body as Record<string, unknown>;
    const matterOf = () => (typeof body?.matterCode === 'string' ? body.matterCode.slice(0, 64) : '');
    if (m.status === 'rejected') {
      const code = m.problem?.code ?? 'rejected';
      const checkId = typeof body?.checkId === 'string' ? body.checkId.slice(0, 64) : null;
      this.add({ ...base, metric: 'dead', key: `${m.kind}|${code}`, matterCode: matterOf(), checkId, measureCode: null });
      return;
    }
    if (m.resubmits !== null)
      this.add({ ...base, metric: 'resubmitted', key: m.kind, matterCode: matterOf(), checkId: null, measureCode: null });
    if (m.kind === 'check') this.recordCheck(m, body as unknown as CheckBody, base);
    else if (m.kind === 'feedback') this.recordFeedback(m, body as unknown as FeedbackBody);
    else if (m.kind === 'commitment') {
      const c = body as unknown as CommitmentBody;
      this.add({ ...base, metric: 'commitment', key: c.kind, matterCode: c.matterCode, checkId: c.checkId, measureCode: null });
    } else if (m.kind === 'audit' && m.chainOk === false) {
      this.add({ ...base, metric: 'chainBreak', key: 'break', matterCode: '', checkId: null, measureCode: null });
    }
  }

  private recordCheck(
    m: StoredMutation,
    check: CheckBody,
    base: { day: string; department: string; terminalId: string; operatorId: string; recordId: string },
  ): void {
    const dims = { ...base, matterCode: check.matterCode, checkId: check.checkId };
    this.add({ ...dims, metric: 'check', key: check.result, measureCode: null });
    if (check.source === 'offline') this.add({ ...dims, metric: 'offline', key: 'offline', measureCode: null });
    const current = this.sources.currentCatalogueVersion();
    if (m.catalogueNote !== null || (check.catalogueVersion !== undefined && check.catalogueVersion !== current)) {
      this.add({ ...dims, metric: 'oldCatalogue', key: check.catalogueVersion ?? 'unknown', measureCode: null });
    }
    const catalogue = this.sources.catalogueFor(check.catalogueVersion);
    const fallback = this.sources.catalogueFor(undefined);
    for (const code of new Set(check.triggeredMeasures)) {
      this.add({ ...dims, metric: 'measure', key: `${obligationOf(catalogue, fallback, code)}|OPEN`, measureCode: code });
    }
  }

  private recordFeedback(m: StoredMutation, f: FeedbackBody): void {
    const check = this.checkFactStmt.get(f.checkId);
    if (!check) return; // feedback on a check the platform never counted (older than these facts)
    const dims = {
      day: check.day,
      department: check.department,
      matterCode: check.matter_code,
      terminalId: check.terminal_id,
      operatorId: check.operator_id,
      checkId: f.checkId,
    };
    const measure = this.measureFactStmt.get(f.checkId, f.measureCode);
    if (measure) {
      const [obligation, was] = measure.key.split('|');
      // A final decision settles OPEN or DEFERRED; a deferral only moves OPEN.
      const moves = f.decision === 'DEFERRED' ? was === 'OPEN' : was === 'OPEN' || was === 'DEFERRED';
      if (moves) {
        this.deleteStmt.run(measure.id);
        this.add({
          ...dims,
          operatorId: m.operatorId,
          recordId: m.id,
          metric: 'measure',
          key: `${obligation}|${f.decision}`,
          measureCode: f.measureCode,
        });
      }
    }
    if (f.decision === 'NOT_APPLIED') {
      const reason = f.reasonCode ?? UNSPECIFIED_REASON;
      this.add({
        ...dims,
        operatorId: m.operatorId,
        recordId: m.id,
        metric: 'declined',
        key: `${f.measureCode}|${reason}`,
        measureCode: f.measureCode,
      });
    }
    const checkRecord = this.checkOccurredStmt.get(check.record_id);
    if (checkRecord) {
      const source = (JSON.parse(checkRecord.body) as CheckBody).source;
      const waited = Math.max(0, Date.parse(m.receivedAt) - checkRecord.occurred_at_ms);
      this.add({
        ...dims,
        operatorId: m.operatorId,
        recordId: m.id,
        metric: 'latency',
        key: `${source}|${latencyBucket(waited)}`,
        measureCode: f.measureCode,
      });
    }
  }

  /** Recounts every stored record (after an upgrade that brought these facts to a filled database). */
  rebuild(): number {
    this.db.exec('DELETE FROM sv_events; DELETE FROM sv_daily;');
    const page = this.db.prepare<[number], { rowid: number } & Record<string, unknown>>(
      `SELECT rowid, id, terminal_id, seq, kind, operator_id, occurred_at, received_at, body, status, problem, chain_ok, catalogue_note, resubmits
       FROM mutations WHERE rowid > ? ORDER BY rowid LIMIT 5000`,
    );
    let counted = 0;
    // Pages by rowid (the order records arrived in): checks before their feedback.
    for (let rows = page.all(0); rows.length > 0; rows = page.all(rows[rows.length - 1]!.rowid)) {
      for (const r of rows) {
        this.record({
          id: r.id as string,
          terminalId: r.terminal_id as string,
          seq: r.seq as number,
          kind: r.kind as StoredMutation['kind'],
          operatorId: r.operator_id as string,
          occurredAt: r.occurred_at as string,
          receivedAt: r.received_at as string,
          body: JSON.parse(r.body as string) as unknown,
          fingerprint: '',
          status: r.status as StoredMutation['status'],
          problem: r.problem === null ? null : (JSON.parse(r.problem as string) as StoredMutation['problem']),
          chainOk: r.chain_ok === null ? null : r.chain_ok === 1,
          chainProblem: null,
          deliveredBy: null,
          catalogueNote: r.catalogue_note as string | null,
          resubmits: r.resubmits as string | null,
        });
        counted++;
      }
    }
    return counted;
  }
}
