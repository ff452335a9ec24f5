/**
 * The supervision dashboard's views, each one query over the facts (supervision/facts.ts): the daily
 * summary when the view spans departments and matters, the facts themselves (through the terminal
 * index) when it is one terminal's. A department supervisor's filter is forced to their department.
 */
import {
  CheckResult,
  UNSPECIFIED_REASON,
  type Catalogue,
  type CountedDecision,
  type DecisionCounts,
  type LatencyBucket,
  type MutationKind,
  type SupervisionDashboard,
  type SupervisionFilter,
  type SupervisionRecordRow,
  type SupervisionRecordsQuery,
} from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { Db } from '../db/open';

/** A supervisor's filter as the platform applies it: the department is their own unless city-wide. */
export interface ScopedFilter extends SupervisionFilter {
  scopeDepartment?: string;
}

interface Where {
  sql: string;
  params: Record<string, string>;
}

function where(filter: ScopedFilter, metric: string, extra: string[] = []): Where {
  const clauses = ['metric = @metric', 'day BETWEEN @from AND @to', ...extra];
  const params: Record<string, string> = { metric, from: filter.from, to: filter.to };
  const department = filter.scopeDepartment ?? filter.department;
  if (department !== undefined) {
    clauses.push('department = @department');
    params.department = department;
  }
  if (filter.matter !== undefined) {
    clauses.push('matter_code = @matter');
    params.matter = filter.matter;
  }
  if (filter.terminal !== undefined) {
    clauses.push('terminal_id = @terminal');
    params.terminal = filter.terminal;
  }
  return { sql: clauses.join(' AND '), params };
}

/** The department a scoped filter ends up with, and whether it contradicts the scope. */
export function outOfScope(filter: ScopedFilter): boolean {
  return filter.scopeDepartment !== undefined && filter.department !== undefined && filter.department !== filter.scopeDepartment;
}

const EMPTY_DECISIONS = (): DecisionCounts => ({ OPEN: 0, APPLIED: 0, NOT_APPLIED: 0, OTHER_MEASURE: 0, DEFERRED: 0 });

export const REASON_UNSPECIFIED_LABEL = '未选择原因代码';

export class SupervisionQueries {
  private readonly statements = new Map<string, ReturnType<Db['prepare']>>();

  constructor(private readonly db: Db) {}

  private all<T>(sql: string, params: Record<string, unknown>): T[] {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt.all(params) as T[];
  }

  /** Counts of one metric grouped by `groupBy` (columns of both the facts and the summary). */
  private counts<T>(filter: ScopedFilter, metric: string, groupBy: string[]): Array<T & { n: number }> {
    const w = where(filter, metric);
    const cols = groupBy.join(', ');
    // One terminal's figures come from its facts; everything else from the daily summary.
    const sql =
      filter.terminal !== undefined
        ? `SELECT ${cols}, count(*) AS n FROM sv_events INDEXED BY sv_events_terminal WHERE ${w.sql} GROUP BY ${cols}`
        : `SELECT ${cols}, sum(n) AS n FROM sv_daily WHERE ${w.sql} GROUP BY ${cols} HAVING sum(n) > 0`;
    return this.all<T & { n: number }>(sql, w.params);
  }

  checksByDay(filter: ScopedFilter): Pick<SupervisionDashboard, 'checksByDay' | 'results' | 'checks'> {
    const rows = this.counts<{ day: string; key: string }>(filter, 'check', ['day', 'key']);
    const byDay = new Map<string, SupervisionDashboard['checksByDay'][number]>();
    const results = Object.fromEntries(CheckResult.options.map((r) => [r, 0])) as Record<CheckResult, number>;
    let checks = 0;
    for (const r of rows) {
      if (!CheckResult.options.includes(r.key as CheckResult)) continue;
      const result = r.key as CheckResult;
      const day = byDay.get(r.day) ?? { day: r.day, CLEAN: 0, BLACK: 0, RED: 0, BOTH: 0, WARNING: 0, total: 0 };
      day[result] += r.n;
      day.total += r.n;
      byDay.set(r.day, day);
      results[result] += r.n;
      checks += r.n;
    }
    return { checksByDay: [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day)), results, checks };
  }

  offlineChecks(filter: ScopedFilter): number {
    return this.total(filter, 'offline');
  }

  private total(filter: ScopedFilter, metric: string): number {
    return this.counts<{ metric: string }>(filter, metric, ['metric']).reduce((sum, r) => sum + r.n, 0);
  }

  measures(filter: ScopedFilter): Pick<SupervisionDashboard, 'must' | 'may'> {
    const must = EMPTY_DECISIONS();
    const may = EMPTY_DECISIONS();
    for (const r of this.counts<{ key: string }>(filter, 'measure', ['key'])) {
      const [obligation, decision] = r.key.split('|') as [string, CountedDecision];
      const target = obligation === 'MUST' ? must : may;
      if (decision in target) target[decision] += r.n;
    }
    return { must, may };
  }

  declined(filter: ScopedFilter, catalogue: Catalogue): Pick<SupervisionDashboard, 'declined' | 'declinedByReason'> {
    const titles = new Map(catalogue.measures.map((m) => [m.code, m.title]));
    const labels = new Map((catalogue.declineReasons ?? []).map((r) => [r.code, r.label]));
    const labelOf = (code: string) => (code === UNSPECIFIED_REASON ? REASON_UNSPECIFIED_LABEL : (labels.get(code) ?? code));
    const declined = this.counts<{ key: string }>(filter, 'declined', ['key']).map((r) => {
      const [measureCode = '', reasonCode = UNSPECIFIED_REASON] = redactIdentifiers(r.key).split('|');
      return { measureCode, measureTitle: titles.get(measureCode) ?? measureCode, reasonCode, reasonLabel: labelOf(reasonCode), n: r.n };
    });
    declined.sort((a, b) => b.n - a.n || a.measureCode.localeCompare(b.measureCode) || a.reasonCode.localeCompare(b.reasonCode));
    const byReason = new Map<string, number>();
    for (const d of declined) byReason.set(d.reasonCode, (byReason.get(d.reasonCode) ?? 0) + d.n);
    return {
      declined,
      declinedByReason: [...byReason.entries()]
        .map(([reasonCode, n]) => ({ reasonCode, reasonLabel: labelOf(reasonCode), n }))
        .sort((a, b) => b.n - a.n || a.reasonCode.localeCompare(b.reasonCode)),
    };
  }

  commitments(filter: ScopedFilter): number {
    return this.total(filter, 'commitment');
  }

  oldCatalogue(filter: ScopedFilter): number {
    return this.total(filter, 'oldCatalogue');
  }

  chainBreaks(filter: ScopedFilter): number {
    return this.total(filter, 'chainBreak');
  }

  deadLetters(filter: ScopedFilter): Pick<SupervisionDashboard, 'deadLetters' | 'resubmitted'> {
    const deadLetters = this.counts<{ key: string }>(filter, 'dead', ['key']).map((r) => {
      const [kind, code = ''] = redactIdentifiers(r.key).split('|');
      return { kind: kind as MutationKind, code, n: r.n };
    });
    return { deadLetters: deadLetters.sort((a, b) => b.n - a.n), resubmitted: this.total(filter, 'resubmitted') };
  }

  latency(filter: ScopedFilter): SupervisionDashboard['latency'] {
    return this.counts<{ key: string }>(filter, 'latency', ['key']).map((r) => {
      const [source, bucket] = r.key.split('|') as ['online' | 'offline', LatencyBucket];
      return { source, bucket, n: r.n };
    });
  }

  /** Open MUST measures per clerk and day, from the facts (the summary has no clerk). */
  openMust(filter: ScopedFilter, nameOf: (operatorId: string) => string | undefined): SupervisionDashboard['openMust'] {
    const w = where(filter, 'measure', ["key IN ('MUST|OPEN', 'MUST|DEFERRED')"]);
    const rows = this.all<{ day: string; operator_id: string; department: string; open: number; deferred: number }>(
      `SELECT day, operator_id, department, count(*) AS open, sum(key = 'MUST|DEFERRED') AS deferred
       FROM sv_events INDEXED BY sv_events_metric WHERE ${w.sql} GROUP BY day, operator_id, department ORDER BY day DESC, open DESC, operator_id`,
      w.params,
    );
    return rows.map((r) => {
      const name = nameOf(r.operator_id);
      return {
        day: r.day,
        operatorId: r.operator_id,
        ...(name ? { operatorName: name } : {}),
        department: r.department,
        open: r.open,
        deferred: r.deferred,
      };
    });
  }

  /** The facts behind one number: the WHERE clause and the index that walks them newest day first. */
  private recordScope(filter: ScopedFilter, q: RecordsSelection): { index: string; w: Where } {
    const extra: string[] = [];
    const params: Record<string, string> = {};
    if (q.key !== undefined) {
      extra.push('key = @key');
      params.key = q.key;
    }
    if (q.day !== undefined) {
      extra.push('day = @day');
      params.day = q.day;
    }
    if (q.operatorId !== undefined) {
      extra.push('operator_id = @operatorId');
      params.operatorId = q.operatorId;
    }
    const w = where(filter, q.metric, extra);
    // Each index ends in (day, id), so (day DESC, id DESC) is read in index order, never sorted.
    const index = filter.terminal !== undefined ? 'sv_events_terminal' : q.key !== undefined ? 'sv_events_metric' : 'sv_events_day';
    return { index, w: { sql: w.sql, params: { ...w.params, ...params } } };
  }

  /** The records behind one number: newest day first, a page at a time (the screen's drill-down). */
  records(filter: ScopedFilter, q: SupervisionRecordsQuery): { rows: Omit<SupervisionRecordRow, 'operatorName'>[]; more: boolean } {
    const { index, w } = this.recordScope(filter, q);
    const rows = this.all<FactRow>(
      `SELECT ${FACT_COLUMNS} FROM sv_events INDEXED BY ${index} WHERE ${w.sql} ORDER BY day DESC, id DESC LIMIT @limit OFFSET @offset`,
      { ...w.params, limit: q.limit + 1, offset: q.offset },
    );
    return { more: rows.length > q.limit, rows: rows.slice(0, q.limit).map(maskedRecord) };
  }

  /**
   * The same records walked by key: the page after `after` (the last row of the previous page), each
   * page one index seek however deep the walk (an export of 200,000 records), and no row skipped or
   * repeated at a page boundary. Within the last day it continues below the last id, then goes on
   * with the earlier days: one range each, where a single (day, id) comparison would rescan the day.
   */
  recordsAfter(
    filter: ScopedFilter,
    q: RecordsSelection,
    after: RecordKey | null,
    limit: number,
  ): { rows: Omit<SupervisionRecordRow, 'operatorName'>[]; last: RecordKey | null } {
    const { index, w } = this.recordScope(filter, q);
    let rows: FactRow[] = [];
    if (after !== null) {
      rows = this.all<FactRow>(
        `SELECT ${FACT_COLUMNS} FROM sv_events INDEXED BY ${index} WHERE ${w.sql} AND day = @afterDay AND id < @afterId ORDER BY id DESC LIMIT @limit`,
        { ...w.params, afterDay: after.day, afterId: after.id, limit },
      );
    }
    if (rows.length < limit) {
      const earlier = after !== null ? ' AND day < @afterDay' : '';
      rows = rows.concat(
        this.all<FactRow>(
          `SELECT ${FACT_COLUMNS} FROM sv_events INDEXED BY ${index} WHERE ${w.sql}${earlier} ORDER BY day DESC, id DESC LIMIT @limit`,
          { ...w.params, ...(after !== null ? { afterDay: after.day } : {}), limit: limit - rows.length },
        ),
      );
    }
    const lastRow = rows[rows.length - 1];
    return { rows: rows.map(maskedRecord), last: lastRow ? { day: lastRow.day, id: lastRow.id } : null };
  }
}

/** What selects the records behind one number (a drill-down's query without its paging). */
export type RecordsSelection = Pick<SupervisionRecordsQuery, 'metric' | 'key' | 'day' | 'operatorId'>;

/** Where a walk of the records stopped: the day and fact id of the last row handed out. */
export interface RecordKey {
  day: string;
  id: number;
}

interface FactRow {
  id: number;
  record_id: string;
  check_id: string | null;
  day: string;
  terminal_id: string;
  operator_id: string;
  department: string;
  matter_code: string;
  key: string;
  measure_code: string | null;
}

const FACT_COLUMNS = 'id, record_id, check_id, day, terminal_id, operator_id, department, matter_code, key, measure_code';

/**
 * Facts of rejected records keep whatever a terminal typed (a check id, a matter, a code): masked here,
 * the one way out to the screen and the exports, so no clear ID number leaves.
 */
function maskedRecord(r: FactRow): Omit<SupervisionRecordRow, 'operatorName'> {
  return {
    recordId: redactIdentifiers(r.record_id),
    checkId: r.check_id === null ? null : redactIdentifiers(r.check_id),
    day: r.day,
    terminalId: redactIdentifiers(r.terminal_id),
    operatorId: r.operator_id,
    department: redactIdentifiers(r.department),
    matterCode: redactIdentifiers(r.matter_code),
    key: redactIdentifiers(r.key),
    measureCode: r.measure_code === null ? null : redactIdentifiers(r.measure_code),
  };
}

/** Every view of the dashboard for one filter. */
export function dashboard(
  queries: SupervisionQueries,
  filter: ScopedFilter,
  catalogue: Catalogue,
  nameOf: (operatorId: string) => string | undefined,
): SupervisionDashboard {
  return {
    filter: {
      from: filter.from,
      to: filter.to,
      department: filter.scopeDepartment ?? filter.department ?? null,
      matter: filter.matter ?? null,
      terminal: filter.terminal ?? null,
    },
    scopeDepartment: filter.scopeDepartment ?? null,
    ...queries.checksByDay(filter),
    offlineChecks: queries.offlineChecks(filter),
    ...queries.measures(filter),
    ...queries.declined(filter, catalogue),
    commitments: queries.commitments(filter),
    openMust: queries.openMust(filter, nameOf),
    oldCatalogue: queries.oldCatalogue(filter),
    ...queries.deadLetters(filter),
    latency: queries.latency(filter),
    chainBreaks: queries.chainBreaks(filter),
  };
}
