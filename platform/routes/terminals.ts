/** POST /terminals — enrolment of a PC with the enrolment code IT was given (naming its predecessor: a hand-over). */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { EnrolTerminalRequest, type EnrolTerminalResponse } from '../../shared/contract';
import { randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { enrolWithHandOver } from '../recovery/handOver';

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

export function registerTerminalRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/terminals', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = parseWith(EnrolTerminalRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '登记请求格式错误', { detail: parsed.detail });
    if (!sameSecret(parsed.value.enrolmentCode, ctx.settings.enrolmentCode)) {
      request.log.warn({ terminalName: parsed.value.name }, 'terminal enrolment refused');
      return fail(reply, 403, 'enrolment_refused', '终端登记码错误');
    }
    const terminalId = uuidv7();
    const terminalSecret = randomToken();
    const { name, predecessor } = parsed.value;
    const handOver = enrolWithHandOver(ctx, { terminalId, name, secretHash: sha256(terminalSecret) }, predecessor);
    request.log.info({ terminalId, terminalName: name, predecessorId: predecessor?.terminalId }, 'terminal enrolled');
    const body: EnrolTerminalResponse = {
      terminalId,
      terminalSecret,
      platformPublicKey: ctx.signing.publicKey,
      ...(handOver ? { handOver } : {}),
    };
    return reply.code(201).send(body);
  });
}
