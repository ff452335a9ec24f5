/**
 * GET /terminal-keys/revoked — the platform-signed list of revoked terminal slip keys (operators:
 * terminals keep it to verify slips offline). POST /slips/check — "is this the record this
 * terminal signed?" for clerks and supervisors; the slip travels in the body, never in the URL.
 */
import type { FastifyInstance } from 'fastify';
import { SlipCheckRequest, type RevokedTerminalKeysResponse } from '../../shared/contract';
import { formatRevocations } from '../../shared/slip/revocations';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { checkSlip } from '../slips/checkSlip';

export function registerSlipRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/terminal-keys/revoked', { config: { access: 'operator' } }, async (_request, reply) => {
    const statement = formatRevocations({
      keyId: ctx.signing.publicKey.keyId,
      issuedAt: ctx.now().toISOString(),
      keys: ctx.terminalKeys.revokedKeyIds(),
    });
    const body: RevokedTerminalKeysResponse = { statement, signature: ctx.signing.sign(statement) };
    return reply.header('Cache-Control', 'private, no-store').send(body);
  });

  app.post('/slips/check', { config: { access: 'counter' } }, async (request, reply) => {
    const parsed = parseWith(SlipCheckRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '核查单核验请求格式错误', { detail: parsed.detail });
    return reply.header('Cache-Control', 'private, no-store').send(checkSlip(ctx, parsed.value.slip));
  });
}
