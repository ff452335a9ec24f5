/** POST /sessions — operator login on an enrolled terminal. */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { CreateSessionRequest, type CreateSessionResponse } from '../../shared/contract';
import { offlineUnlockFor, UNKNOWN_OPERATOR_HASH, verifyPassword } from '../auth/passwords';
import { randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';

export function registerSessionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/sessions', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = parseWith(CreateSessionRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '登录请求格式错误', { detail: parsed.detail });
    const { terminalId, terminalSecret, operatorId, password } = parsed.value;

    const terminal = ctx.terminals.get(terminalId);
    const operator = ctx.operators.get(operatorId);
    // Always run the slow hash, so response time does not reveal which part was wrong.
    const passwordOk = await verifyPassword(password, operator?.passwordHash ?? UNKNOWN_OPERATOR_HASH);
    const secretOk = terminal !== undefined && timingSafeEqual(Buffer.from(sha256(terminalSecret)), Buffer.from(terminal.secretHash));
    if (!terminal || !operator || !passwordOk || !secretOk) {
      request.log.warn({ terminalId, operatorId }, 'login refused');
      return fail(reply, 401, 'unauthorized', '终端凭据、工号或密码错误');
    }

    const now = ctx.now();
    const token = randomToken();
    const expiresAtMs = now.getTime() + ctx.settings.tokenTtlSeconds * 1000;
    ctx.sessions.purgeExpired(now.getTime());
    ctx.sessions.insert(sha256(token), terminal.id, operator.id, now.getTime(), expiresAtMs);
    const offlineUnlock = await offlineUnlockFor(password, new Date(now.getTime() + ctx.settings.offlineUnlockHours * 3_600_000));
    const body: CreateSessionResponse = {
      token,
      expiresAt: new Date(expiresAtMs).toISOString(),
      operator: { id: operator.id, name: operator.name, department: operator.department, roles: operator.roles },
      offlineUnlock,
    };
    return reply.code(201).send(body);
  });
}
