/** POST /outbox — the terminal's queued writes (checks, feedback, commitments, audit records), or its predecessors'. */
import type { FastifyInstance } from 'fastify';
import { OutboxRequest } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { noteHeartbeat } from '../supervision/fleet';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { applyOutbox } from '../outbox/apply';
import { UNKNOWN_TERMINAL_DETAIL } from './sessions';

export function registerOutboxRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/outbox', { config: { access: 'operator', admission: 'bulk' } }, async (request, reply) => {
    noteHeartbeat(ctx.fleet, request, ctx.now());
    const parsed = parseWith(OutboxRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '上传批次格式错误', { detail: parsed.detail });
    if (!request.auth) return fail(reply, 403, 'forbidden', '只能上传本终端的记录');
    const deliverer = request.auth.terminalId;
    const owner = parsed.value.terminalId;
    // A terminal delivers its own records, and those of the identities it took over (hand-over).
    if (!ctx.terminals.get(owner)) {
      return fail(reply, 403, 'unknown_terminal', '信用平台没有该终端的注册记录', {
        detail: owner === deliverer ? UNKNOWN_TERMINAL_DETAIL : `终端 ${owner} 的记录须先由 IT 重新注册本机（接替该终端）后才能上传`,
      });
    }
    if (!ctx.terminals.mayDeliverFor(deliverer, owner)) {
      return fail(reply, 403, 'forbidden', '只能上传本终端或本终端所接替终端的记录');
    }
    const outcome = applyOutbox(ctx, parsed.value, { deliveredBy: request.auth.operatorId });
    if (!outcome.ok) {
      return fail(reply, 409, 'seq_gap', '记录序号不连续', { detail: outcome.detail, expectedSeq: outcome.expectedSeq });
    }
    const counts: Record<string, number> = {};
    for (const r of outcome.response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    request.log.info({ terminalId: parsed.value.terminalId, ...counts, nextSeq: outcome.response.nextSeq }, 'outbox batch applied');
    return outcome.response;
  });
}
