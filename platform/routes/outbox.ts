/** POST /outbox — the terminal's queued writes (checks, feedback, commitments, audit records). */
import type { FastifyInstance } from 'fastify';
import { OutboxRequest } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { applyOutbox } from '../outbox/apply';

export function registerOutboxRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/outbox', { config: { access: 'operator' } }, async (request, reply) => {
    const parsed = parseWith(OutboxRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '上传批次格式错误', { detail: parsed.detail });
    if (!request.auth || parsed.value.terminalId !== request.auth.terminalId) {
      return fail(reply, 403, 'forbidden', '只能上传本终端的记录');
    }
    const outcome = applyOutbox(ctx, parsed.value, request.auth.operatorId);
    if (!outcome.ok) {
      return fail(reply, 409, 'seq_gap', '记录序号不连续', { detail: outcome.detail, expectedSeq: outcome.expectedSeq });
    }
    const counts: Record<string, number> = {};
    for (const r of outcome.response.results) counts[r.status] = (counts[r.status] ?? 0) + 1;
    request.log.info({ terminalId: parsed.value.terminalId, ...counts, nextSeq: outcome.response.nextSeq }, 'outbox batch applied');
    return outcome.response;
  });
}
