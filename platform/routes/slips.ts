/**
 * GET /terminal-keys/revoked — the platform-signed list of revoked terminal slip keys, each with the
 * moment it was revoked (operators: terminals keep it to verify slips offline; every snapshot manifest
 * carries it too). POST /slips/check — "is this the record this terminal signed?" for clerks and
 * supervisors; the slip travels in the body, never in the URL. POST /slips/lookup — the printed slip
 * and that answer for a 核验码, for a verifier who has only the code; every lookup is on the access
 * log, and an operator's misses are bounded per hour (the codes are not to be enumerated).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { SlipCheckRequest, SlipLookupRequest, type RevokedTerminalKeysResponse, type SlipLookupResponse } from '../../shared/contract';
import { normaliseReference } from '../../shared/slip/reference';
import type { PlatformContext } from '../context';
import { SLIPS_PER_REFERENCE_MAX } from '../db/slips';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { checkSlip } from '../slips/checkSlip';
import { signedRevocations } from '../slips/revocations';

/** Lookups by 核验码 that found nothing, per operator and hour, before the platform stops answering. */
export const SLIP_LOOKUP_MISSES_PER_HOUR = 20;
const HOUR_MS = 3_600_000;
const NOT_FOUND = 'not_found';

export function registerSlipRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/terminal-keys/revoked', { config: { access: 'operator' } }, async (_request, reply) => {
    const body: RevokedTerminalKeysResponse = signedRevocations(ctx.signing, ctx.terminalKeys, ctx.now());
    return reply.header('Cache-Control', 'private, no-store').send(body);
  });

  app.post('/slips/check', { config: { access: 'counter' } }, async (request, reply) => {
    const parsed = parseWith(SlipCheckRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '核查单核验请求格式错误', { detail: parsed.detail });
    return reply.header('Cache-Control', 'private, no-store').send(checkSlip(ctx, parsed.value.slip));
  });

  const logLookup = (request: FastifyRequest, reference: string | null, outcome: string) =>
    ctx.accessLog.record({
      at: ctx.now().toISOString(),
      terminalId: request.auth?.terminalId ?? null,
      operatorId: request.auth?.operatorId ?? null,
      action: 'SLIP_LOOKUP',
      matter: null,
      caseNo: null,
      identifier: null,
      nameQuery: null,
      outcome,
      recordId: reference,
    });

  app.post('/slips/lookup', { config: { access: 'counter' } }, async (request, reply) => {
    const parsed = parseWith(SlipLookupRequest, request.body);
    // Only a well-formed code is ever written down: whatever else was typed (an ID number, say) is not.
    const reference = parsed.ok ? normaliseReference(parsed.value.reference) : null;
    if (!reference) {
      logLookup(request, null, 'bad_reference');
      return fail(reply, 400, 'bad_reference', '核验码格式错误：应为核查单上印的 10 位字母和数字（如 7K3QD-M9X2A）');
    }
    const now = ctx.now().getTime();
    const operatorId = request.auth?.operatorId ?? '';
    const misses = ctx.accessLog.outcomesSince(operatorId, 'SLIP_LOOKUP', NOT_FOUND, new Date(now - HOUR_MS).toISOString());
    if (misses.count >= SLIP_LOOKUP_MISSES_PER_HOUR) {
      logLookup(request, reference, 'budget_exhausted');
      const freeAt = misses.oldestAt === null ? now + HOUR_MS : Date.parse(misses.oldestAt) + HOUR_MS;
      reply.header('Retry-After', String(Math.max(1, Math.ceil((freeAt - now) / 1000))));
      return fail(
        reply,
        429,
        'slip_lookup_budget',
        `本小时查无结果的核验码已达 ${SLIP_LOOKUP_MISSES_PER_HOUR} 次，请稍后再试或扫描核查单上的二维码`,
      );
    }
    const found = ctx.slips.byReference(reference);
    if (found.length === 0) {
      logLookup(request, reference, NOT_FOUND);
      return fail(reply, 404, 'slip_not_found', `平台没有核验码为 ${reference} 的核查单（尚未上传，或核验码有误），请扫描核查单上的二维码`);
    }
    logLookup(request, reference, `found:${found.length}`);
    const body: SlipLookupResponse = {
      slips: found
        .slice(0, SLIPS_PER_REFERENCE_MAX)
        .map((r) => ({ slip: r.slip, receivedAt: r.receivedAt, platform: checkSlip(ctx, r.slip) })),
    };
    return reply.header('Cache-Control', 'private, no-store').send(body);
  });
}
