/**
 * The city's supervision dashboard (supervisors, within their scope; every view on the access log):
 * GET /supervisor/dashboard — every view for a period, department, matter and terminal;
 * GET /supervisor/dashboard/records — the records behind one number;
 * GET /supervisor/checks/{checkId} — a check as it was recorded, with its feedback and commitments;
 * GET /supervisor/dashboard/export — the current view as .xlsx or CSV, streamed, masked.
 * And the terminal fleet for IT: GET /fleet/terminals.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ExportFormat,
  FleetQuery,
  SupervisionFilter,
  SupervisionRecordsQuery,
  type RecordedCheck,
  type SupervisionRecordsResponse,
} from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { AuthContext } from '../auth/guard';
import type { PlatformContext } from '../context';
import type { AccessAction } from '../db/accessLog';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { dashboard, outOfScope, SupervisionQueries, type ScopedFilter } from '../supervision/dashboard';
import { streamCsv, streamXlsx, type ExportView } from '../supervision/export';
import { maskRecordBody } from '../supervision/recordMask';
import { scopeDepartment } from './supervisor';

function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new Error('supervision route reached without a session');
  return request.auth;
}

function describe(filter: ScopedFilter, extra = ''): string {
  const parts = [`${filter.from}..${filter.to}`];
  if (filter.department !== undefined || filter.scopeDepartment !== undefined)
    parts.push(`部门=${filter.scopeDepartment ?? filter.department}`);
  if (filter.matter !== undefined) parts.push(`事项=${filter.matter}`);
  if (filter.terminal !== undefined) parts.push(`终端=${filter.terminal}`);
  return redactIdentifiers([...parts, extra].filter(Boolean).join(' ')).slice(0, 400);
}

export function registerSupervisionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const queries = new SupervisionQueries(ctx.db);
  const nameOf = (id: string) => ctx.operators.get(id)?.name;

  const audit = (auth: AuthContext, action: AccessAction, outcome: string, reason: string, recordId: string | null = null) =>
    ctx.accessLog.record({
      at: ctx.now().toISOString(),
      terminalId: auth.terminalId,
      operatorId: auth.operatorId,
      action,
      matter: null,
      caseNo: null,
      identifier: null,
      nameQuery: null,
      outcome,
      recordId,
      reason,
    });

  /** The filter of a request within the supervisor's scope, or the problem already answered. */
  const scopedFilter = (request: FastifyRequest, reply: FastifyReply, action: AccessAction): ScopedFilter | null => {
    const auth = authOf(request);
    const parsed = parseWith(SupervisionFilter, request.query);
    if (!parsed.ok) {
      audit(auth, action, 'bad_request', '');
      fail(reply, 400, 'bad_request', '查询条件错误', { detail: parsed.detail });
      return null;
    }
    const department = scopeDepartment(auth);
    const filter: ScopedFilter = { ...parsed.value, ...(department !== undefined ? { scopeDepartment: department } : {}) };
    if (outOfScope(filter)) {
      audit(auth, action, 'out_of_scope', describe(filter, `请求部门=${parsed.value.department ?? ''}`));
      fail(reply, 403, 'forbidden', '只能查看本部门的督查数据');
      return null;
    }
    return filter;
  };

  app.get('/supervisor/dashboard', { config: { access: 'supervisor' } }, async (request, reply) => {
    const filter = scopedFilter(request, reply, 'SUPERVISION_VIEW');
    if (!filter) return reply;
    const body = dashboard(queries, filter, ctx.catalogue.catalogue, nameOf);
    audit(authOf(request), 'SUPERVISION_VIEW', 'shown', describe(filter));
    return body;
  });

  app.get('/supervisor/dashboard/records', { config: { access: 'supervisor' } }, async (request, reply) => {
    const filter = scopedFilter(request, reply, 'SUPERVISION_RECORDS');
    if (!filter) return reply;
    const parsed = parseWith(SupervisionRecordsQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询条件错误', { detail: parsed.detail });
    const q = parsed.value;
    const page = queries.records(filter, q);
    const body: SupervisionRecordsResponse = {
      more: page.more,
      rows: page.rows.map((r) => {
        const name = nameOf(r.operatorId);
        // A refused sign-in is filed under what was typed, which may be someone's ID number.
        return { ...r, operatorId: redactIdentifiers(r.operatorId), ...(name ? { operatorName: name } : {}) };
      }),
    };
    audit(
      authOf(request),
      'SUPERVISION_RECORDS',
      `rows:${body.rows.length}`,
      describe(filter, `${q.metric}${q.key ? `=${q.key}` : ''}${q.day ? ` ${q.day}` : ''}`),
    );
    return body;
  });

  app.get<{ Params: { checkId: string } }>('/supervisor/checks/:checkId', { config: { access: 'supervisor' } }, async (request, reply) => {
    const auth = authOf(request);
    const checkId = request.params.checkId.slice(0, 64);
    const records = ctx.db
      .prepare<
        [string],
        { id: string; kind: string; terminal_id: string; operator_id: string; occurred_at: string; received_at: string; body: string }
      >(
        "SELECT id, kind, terminal_id, operator_id, occurred_at, received_at, body FROM mutations WHERE check_id = ? AND status = 'accepted' ORDER BY received_at, seq",
      )
      .all(checkId);
    const check = records.find((r) => r.kind === 'check');
    const department = scopeDepartment(auth);
    // Out of scope answers like a check that does not exist.
    if (!check || (department !== undefined && ctx.operators.get(check.operator_id)?.department !== department)) {
      audit(auth, 'SUPERVISION_CHECK', check ? 'out_of_scope' : 'not_found', '', redactIdentifiers(checkId));
      return fail(reply, 404, 'not_found', '没有该核查记录');
    }
    const masked = (body: string) => maskRecordBody(JSON.parse(body)) as Record<string, unknown>;
    const answer: RecordedCheck = {
      recordId: check.id,
      terminalId: check.terminal_id,
      operatorId: redactIdentifiers(check.operator_id),
      occurredAt: check.occurred_at,
      receivedAt: check.received_at,
      check: masked(check.body),
      feedback: records
        .filter((r) => r.kind === 'feedback')
        .map((r) => ({ recordId: r.id, occurredAt: r.occurred_at, receivedAt: r.received_at, body: masked(r.body) })),
      commitments: records
        .filter((r) => r.kind === 'commitment')
        .map((r) => ({ recordId: r.id, occurredAt: r.occurred_at, body: masked(r.body) })),
      slipReferences: [...new Set(ctx.slips.byCheck(checkId, check.terminal_id).map((slip) => slip.reference))],
    };
    audit(auth, 'SUPERVISION_CHECK', 'shown', '', check.id);
    return answer;
  });

  app.get('/supervisor/dashboard/export', { config: { access: 'supervisor' } }, async (request, reply) => {
    const filter = scopedFilter(request, reply, 'SUPERVISION_EXPORT');
    if (!filter) return reply;
    const format = parseWith(ExportFormat, (request.query as Record<string, unknown>).format ?? 'xlsx');
    if (!format.ok) return fail(reply, 400, 'bad_request', '导出格式只能是 xlsx 或 csv');
    const drill =
      (request.query as Record<string, unknown>).metric !== undefined ? parseWith(SupervisionRecordsQuery, request.query) : null;
    if (drill && !drill.ok) return fail(reply, 400, 'bad_request', '查询条件错误', { detail: drill.detail });
    const auth = authOf(request);
    const what = describe(filter, drill?.ok ? `明细 ${drill.value.metric}` : '汇总');
    const view: ExportView = {
      dashboard: dashboard(queries, filter, ctx.catalogue.catalogue, nameOf),
      records: drill?.ok ? { query: drill.value, queries, filter, nameOf } : null,
      catalogue: ctx.catalogue.catalogue,
      // What actually left: an export is streamed, and a download can stop half-way.
      onEnd: ({ records, complete }) =>
        audit(auth, 'SUPERVISION_EXPORT', `${complete ? 'done' : 'cancelled'}:${format.value}:rows:${records}`, what),
    };
    audit(auth, 'SUPERVISION_EXPORT', format.value, what);
    const stamp = `${filter.from}_${filter.to}`;
    const name = `督查${drill?.ok ? '明细' : '汇总'}_${stamp}.${format.value}`;
    reply.header(
      'Content-Disposition',
      `attachment; filename="supervision_${stamp}.${format.value}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    if (format.value === 'csv') {
      reply.type('text/csv; charset=utf-8');
      return reply.send(streamCsv(view));
    }
    reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    return reply.send(streamXlsx(view));
  });

  app.get('/fleet/terminals', { config: { access: 'it' } }, async (request, reply) => {
    const auth = authOf(request);
    const parsed = parseWith(FleetQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询条件错误', { detail: parsed.detail });
    const answer = ctx.fleet.list(parsed.value, ctx.now());
    audit(auth, 'FLEET_VIEW', `terminals:${answer.terminals.length}`, '');
    return answer;
  });
}
