/**
 * POST /terminals — enrolment of a PC with the enrolment code IT was given. Naming a predecessor (a
 * hand-over) also needs a proof that this is the same PC: see recovery/handOver.ts.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { EnrolTerminalRequest, type EnrolTerminalResponse, type HandOverConfirmation } from '../../shared/contract';
import { UNKNOWN_OPERATOR_HASH, verifyPassword } from '../auth/passwords';
import { randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { enrolWithHandOver, type HandOverProof } from '../recovery/handOver';
import { keyIdOfRaw } from '../../shared/slip/primitives';
import { certifyTerminalKey } from '../slips/certify';

function sameSecret(a: string, b: string): boolean {
  // Compare digests so the comparison takes the same time whatever the lengths.
  return timingSafeEqual(Buffer.from(sha256(a)), Buffer.from(sha256(b)));
}

/**
 * An IT administrator with the right password (the slow hash runs for unknown ids too), else null.
 * A retired account (no longer among the platform's accounts) confirms nothing.
 */
async function itAdministrator(ctx: PlatformContext, confirmation: HandOverConfirmation): Promise<string | null> {
  const known = ctx.operators.get(confirmation.operatorId);
  const operator = known?.retiredAt === undefined ? known : undefined;
  const passwordOk = await verifyPassword(confirmation.password, operator?.passwordHash ?? UNKNOWN_OPERATOR_HASH);
  return operator && passwordOk && operator.roles.includes('it') ? operator.id : null;
}

export function registerTerminalRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/terminals', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = parseWith(EnrolTerminalRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '登记请求格式错误', { detail: parsed.detail });
    if (!sameSecret(parsed.value.enrolmentCode, ctx.settings.enrolmentCode)) {
      request.log.warn({ terminalName: parsed.value.name }, 'terminal enrolment refused');
      return fail(reply, 403, 'enrolment_refused', '终端登记码错误');
    }
    const { name, predecessor, itOperator, terminalPublicKey } = parsed.value;
    // Each enrolment makes a key of its own: a key certified before (another PC's, or a replay) is refused.
    if (terminalPublicKey !== undefined && ctx.terminalKeys.get(keyIdOfRaw(Buffer.from(terminalPublicKey, 'base64')))) {
      return fail(reply, 409, 'terminal_key_reused', '终端签名密钥已登记过，请重新生成后再登记');
    }
    let proof: HandOverProof | null = null;
    if (predecessor && itOperator) {
      const operatorId = await itAdministrator(ctx, itOperator);
      if (!operatorId) {
        request.log.warn({ terminalName: name, predecessorId: predecessor.terminalId }, 'hand-over refused: not an IT administrator');
        return fail(reply, 403, 'handover_refused', '接替原终端未获确认', {
          detail: '确认接替的工号或密码错误，或该工号不是信息技术管理员',
        });
      }
      proof = { by: 'it_operator', operatorId };
    } else if (predecessor?.terminalSecret !== undefined) {
      proof = { by: 'terminal_secret', secret: predecessor.terminalSecret };
    }
    const terminalId = uuidv7();
    const terminalSecret = randomToken();
    const outcome = enrolWithHandOver(ctx, { terminalId, name, secretHash: sha256(terminalSecret) }, predecessor, proof);
    if (!outcome.ok) {
      request.log.warn({ terminalName: name, predecessorId: predecessor?.terminalId }, 'hand-over refused');
      return fail(reply, 403, 'handover_refused', '接替原终端未获确认', { detail: outcome.detail });
    }
    // Rotation by re-enrolment: the identity handed over no longer signs slips.
    if (outcome.handOver) ctx.terminalKeys.revokeTerminal(outcome.handOver.predecessorId, ctx.now().toISOString());
    const terminalCertificate = parsed.value.terminalPublicKey ? certifyTerminalKey(ctx, terminalId, parsed.value.terminalPublicKey) : null;
    request.log.info({ terminalId, terminalName: name, predecessorId: predecessor?.terminalId, provedBy: proof?.by }, 'terminal enrolled');
    const body: EnrolTerminalResponse = {
      terminalId,
      terminalSecret,
      platformPublicKey: ctx.signing.publicKey,
      ...(terminalCertificate ? { terminalCertificate } : {}),
      ...(outcome.handOver ? { handOver: outcome.handOver } : {}),
    };
    return reply.code(201).send(body);
  });
}
