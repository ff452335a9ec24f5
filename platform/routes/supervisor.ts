/**
 * GET /supervisor/records — accepted records for supervisors (audit of lookups and declined
 * measures), within the supervisor's scope (city-wide, or the operators of their own department),
 * with identifiers masked; POST /supervisor/records/{id}/unmask — the clear identifier of one
 * record, with a reason, on the platform's access log; GET /supervisor/name-search-alerts — who ran out
 * of their hourly name searches; GET /supervisor/events — hand-overs, journal imports and resubmissions;
 * GET /supervisor/open-measures — MUST measures left open (undecided or deferred) per clerk and China day;
 * GET /supervisor/terminals/{id}/records — every record of one terminal by seq, paged (reconciliation).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { redactIdentifiers } from '../../shared/ids';
import {
  NameSearchAlertsQuery,
  OpenMeasuresQuery,
  PlatformEventsQuery,
  SupervisorQuery,
  TerminalRecordsQuery,
  UnmaskRequest,
  type NameSearchAlertsResponse,
  type PlatformEventsResponse,
  type SupervisorRecord,
  type TerminalRecordsPage,
  type UnmaskResponse,
} from '../../shared/contract';
import type { AuthContext } from '../auth/guard';
import type { PlatformContext } from '../context';
import type { StoredMutation } from '../db/mutations';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { DEFAULT_NAME_SEARCHES_PER_HOUR } from '../options';
import { openMeasures } from '../supervision/openMeasures';
import { clearIdentifierOf, maskRecordBody, UNMASKABLE_KINDS } from '../supervision/recordMask';

/** The department a supervisor is limited to, or undefined for a city-wide supervisor. */
export function scopeDepartment(auth: AuthContext): string | undefined {
  return auth.operator.supervisorScope === 'city' ? undefined : auth.operator.department;
}

/** Whether a record is within the supervisor's scope: it names an operator of their department (or they are city-wide). */
export function inScope(ctx: PlatformContext, auth: AuthContext, record: StoredMutation): boolean {
  const department = scopeDepartment(auth);
  return department === undefined || ctx.operators.get(record.operatorId)?.department === department;
}

function authOf(request: FastifyRequest): AuthContext {
  // The guard answered 401/403 before any supervisor route runs without a supervisor's session.
  if (!request.auth) throw new Error('supervisor route reached without a session');
  return request.auth;
}

export function registerSupervisorRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  /** A check's slips, by 核验码: the supervisor opens the statement of a check from its record. */
  const slipReferencesOf = (r: StoredMutation): { slipReferences?: string[] } => {
    const checkId = r.kind === 'check' && typeof r.body === 'object' && r.body !== null ? (r.body as { checkId?: unknown }).checkId : null;
    if (typeof checkId !== 'string') return {};
    const references = ctx.slips.byCheck(checkId, r.terminalId).map((slip) => slip.reference);
    return references.length > 0 ? { slipReferences: [...new Set(references)] } : {};
  };
  app.get('/supervisor/records', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(SupervisorQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const q = parsed.value;
    const department = scopeDepartment(authOf(request));
    const records = ctx.mutations.records({
      kind: q.kind,
      limit: q.limit,
      ...(q.terminalId !== undefined ? { terminalId: q.terminalId } : {}),
      ...(department !== undefined ? { department } : {}),
      ...(q.from !== undefined ? { fromMs: Date.parse(q.from) } : {}),
      ...(q.to !== undefined ? { toMs: Date.parse(q.to) } : {}),
    });
    // Audit records also say whether they continue their terminal's hash chain (outbox/chain.ts):
    // chainOk false marks the record where the chain was broken, with chainProblem saying how.
    const body: { records: SupervisorRecord[] } = {
      records: records.map((r) => ({
        id: r.id,
        seq: r.seq,
        terminalId: r.terminalId,
        kind: r.kind,
        // A refused sign-in is filed under the ID that was typed, which may be someone's ID number.
        operatorId: redactIdentifiers(r.operatorId),
        occurredAt: r.occurredAt,
        receivedAt: r.receivedAt,
        body: maskRecordBody(r.body),
        ...(r.kind === 'audit' && r.chainOk !== null ? { chainOk: r.chainOk } : {}),
        ...(r.chainProblem !== null ? { chainProblem: r.chainProblem } : {}),
        ...(r.deliveredBy !== null ? { deliveredBy: r.deliveredBy } : {}),
        ...(UNMASKABLE_KINDS.has(r.kind) && clearIdentifierOf(r.body) !== null ? { unmaskable: true } : {}),
        ...(r.catalogueNote !== null ? { catalogueNote: r.catalogueNote } : {}),
        ...(r.resubmits !== null ? { resubmits: r.resubmits } : {}),
        ...slipReferencesOf(r),
      })),
    };
    return body;
  });

  app.post<{ Params: { id: string } }>('/supervisor/records/:id/unmask', { config: { access: 'supervisor' } }, async (request, reply) => {
    const auth = authOf(request);
    const recordId = request.params.id.slice(0, 64);
    const log = (outcome: string, fields: { identifier?: string | null; reason?: string | null } = {}) =>
      ctx.accessLog.record({
        at: ctx.now().toISOString(),
        terminalId: auth.terminalId,
        operatorId: auth.operatorId,
        action: 'UNMASK',
        matter: null,
        caseNo: null,
        identifier: fields.identifier ?? null,
        nameQuery: null,
        outcome,
        recordId,
        reason: fields.reason ?? null,
      });
    const parsed = parseWith(UnmaskRequest, request.body);
    if (!parsed.ok) {
      log('reason_required');
      return fail(reply, 400, 'bad_request', '显示完整证件号码必须填写理由', { detail: parsed.detail });
    }
    const reason = redactIdentifiers(parsed.value.reason);
    const record = ctx.mutations.accepted(recordId);
    const identifier = record && UNMASKABLE_KINDS.has(record.kind) ? clearIdentifierOf(record.body) : null;
    // Out of scope answers like a record that does not exist: the supervisor learns nothing about it.
    if (!record || identifier === null || !inScope(ctx, auth, record)) {
      log(record && identifier !== null ? 'out_of_scope' : 'not_found', { reason });
      return fail(reply, 404, 'not_found', '没有可显示证件号码的该条记录');
    }
    log('shown', { identifier, reason });
    const answer: UnmaskResponse = { id: record.id, identifier };
    return answer;
  });

  app.get('/supervisor/name-search-alerts', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(NameSearchAlertsQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const q = parsed.value;
    const department = scopeDepartment(authOf(request));
    const rows = ctx.accessLog.budgetAlerts({
      limit: q.limit,
      ...(department !== undefined ? { department } : {}),
      ...(q.from !== undefined ? { fromIso: new Date(q.from).toISOString() } : {}),
      ...(q.to !== undefined ? { toIso: new Date(q.to).toISOString() } : {}),
    });
    const answer: NameSearchAlertsResponse = {
      budgetPerHour: ctx.settings.nameSearchesPerHour ?? DEFAULT_NAME_SEARCHES_PER_HOUR,
      alerts: rows.map((r) => {
        const operator = ctx.operators.get(r.operatorId);
        return { ...r, ...(operator ? { operatorName: operator.name, department: operator.department } : {}) };
      }),
    };
    return answer;
  });

  app.get('/supervisor/open-measures', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(OpenMeasuresQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const department = scopeDepartment(authOf(request));
    return openMeasures(ctx, {
      day: parsed.value.day,
      ...(parsed.value.operatorId !== undefined ? { operatorId: parsed.value.operatorId } : {}),
      ...(department !== undefined ? { department } : {}),
    });
  });

  // Reconciliation: ids and outcomes only, paged by seq, so a terminal's whole history can be walked.
  app.get<{ Params: { terminalId: string } }>(
    '/supervisor/terminals/:terminalId/records',
    { config: { access: 'supervisor' } },
    async (request, reply) => {
      const parsed = parseWith(TerminalRecordsQuery, request.query);
      if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
      const terminalId = request.params.terminalId.slice(0, 64);
      const { after, limit } = parsed.value;
      const auth = authOf(request);
      const department = scopeDepartment(auth);
      const rows = ctx.mutations.terminalPage(terminalId, after, limit, department);
      ctx.accessLog.record({
        at: ctx.now().toISOString(),
        terminalId: auth.terminalId,
        operatorId: auth.operatorId,
        action: 'RECONCILIATION',
        matter: null,
        caseNo: null,
        identifier: null,
        nameQuery: null,
        outcome: `rows:${rows.length}`,
        // The terminal asked about, as typed in the URL: masked like any text from outside.
        reason: redactIdentifiers(`终端=${terminalId} after=${after}`).slice(0, 200),
      });
      const body: TerminalRecordsPage = {
        terminalId,
        records: rows.map((r) => ({
          id: r.id,
          seq: r.seq,
          kind: r.kind,
          status: r.status,
          ...(r.chainOk !== null ? { chainOk: r.chainOk } : {}),
        })),
        nextAfter: rows.length === limit ? rows[rows.length - 1]!.seq : null,
      };
      return body;
    },
  );

  // Hand-overs, journal imports and dead-letter resubmissions, newest first.
  app.get('/supervisor/events', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(PlatformEventsQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const auth = authOf(request);
    const department = scopeDepartment(auth);
    // A department supervisor sees what operators of their department did; events without an operator
    // (a hand-over confirmed at the PC with the enrolment code) and other departments' are city-wide only.
    const events = ctx.events
      .latest(parsed.value.limit)
      .filter((e) => department === undefined || (e.operatorId !== null && ctx.operators.get(e.operatorId)?.department === department));
    ctx.accessLog.record({
      at: ctx.now().toISOString(),
      terminalId: auth.terminalId,
      operatorId: auth.operatorId,
      action: 'SUPERVISION_EVENTS',
      matter: null,
      caseNo: null,
      identifier: null,
      nameQuery: null,
      outcome: 'shown',
    });
    const body: PlatformEventsResponse = { events };
    return body;
  });
}
