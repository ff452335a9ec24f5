/** GET /supervisor/records — accepted records for supervisors (audit of lookups and declined measures); GET /supervisor/events. */
import type { FastifyInstance } from 'fastify';
import { PlatformEventsQuery, SupervisorQuery, type PlatformEventsResponse, type SupervisorRecord } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';

export function registerSupervisorRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/supervisor/records', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(SupervisorQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const q = parsed.value;
    const records = ctx.mutations.records({
      kind: q.kind,
      limit: q.limit,
      ...(q.terminalId !== undefined ? { terminalId: q.terminalId } : {}),
      ...(q.from !== undefined ? { fromMs: Date.parse(q.from) } : {}),
      ...(q.to !== undefined ? { toMs: Date.parse(q.to) } : {}),
    });
    // Audit records also say whether they continue their terminal's hash chain (outbox/chain.ts):
    // chainOk false marks the record where the chain was broken, with chainProblem saying how.
    const body: { records: (SupervisorRecord & { chainOk?: boolean; chainProblem?: string })[] } = {
      records: records.map((r) => ({
        id: r.id,
        seq: r.seq,
        terminalId: r.terminalId,
        kind: r.kind,
        operatorId: r.operatorId,
        occurredAt: r.occurredAt,
        receivedAt: r.receivedAt,
        body: r.body,
        ...(r.kind === 'audit' && r.chainOk !== null ? { chainOk: r.chainOk } : {}),
        ...(r.chainProblem !== null ? { chainProblem: r.chainProblem } : {}),
        ...(r.catalogueNote !== null ? { catalogueNote: r.catalogueNote } : {}),
        ...(r.resubmits !== null ? { resubmits: r.resubmits } : {}),
      })),
    };
    return body;
  });

  // Hand-overs, journal imports and dead-letter resubmissions, newest first.
  app.get('/supervisor/events', { config: { access: 'supervisor' } }, async (request, reply) => {
    const parsed = parseWith(PlatformEventsQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '查询参数错误', { detail: parsed.detail });
    const body: PlatformEventsResponse = { events: ctx.events.latest(parsed.value.limit) };
    return body;
  });
}
