/**
 * POST /sessions — operator login on an enrolled terminal (it also revokes the sessions the terminal
 * signed out while offline); DELETE /sessions/current — logout, the token is dead at once.
 */
import type { FastifyInstance } from 'fastify';
import { CreateSessionRequest, type CreateSessionResponse } from '../../shared/contract';
import { offlineUnlockFor, UNKNOWN_OPERATOR_HASH, verifyPassword } from '../auth/passwords';
import { matchesHash, randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';

/** What IT does about it, in the words the terminal shows. */
export const UNKNOWN_TERMINAL_DETAIL =
  '信用平台可能已从较早的备份恢复。请 IT 在本机重新注册终端（新注册会接替原终端），本机未上传的记录随后以原终端身份自动上传，不会丢失。';
const REPLACED_DETAIL = '本机保存的是已被接替的旧终端身份。请 IT 在本机重新注册终端，未上传的记录随后自动上传，不会丢失。';

export function registerSessionRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/sessions', { config: { access: 'public' } }, async (request, reply) => {
    const parsed = parseWith(CreateSessionRequest, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '登录请求格式错误', { detail: parsed.detail });
    const { terminalId, terminalSecret, operatorId, password } = parsed.value;

    const terminal = ctx.terminals.get(terminalId);
    // A retired operator (no longer among the platform's accounts) signs in like an unknown one: not at all.
    const known = ctx.operators.get(operatorId);
    const operator = known?.retiredAt === undefined ? known : undefined;
    // Always run the slow hash, so response time does not reveal which part was wrong.
    const passwordOk = await verifyPassword(password, operator?.passwordHash ?? UNKNOWN_OPERATOR_HASH);
    const secretOk = terminal !== undefined && matchesHash(terminalSecret, terminal.secretHash);
    const operatorOk = operator !== undefined && passwordOk;
    // Only a known operator with the right password learns what is wrong with the terminal.
    if (operatorOk && !terminal) {
      request.log.warn({ terminalId, operatorId }, 'login refused: unknown terminal');
      return fail(reply, 403, 'unknown_terminal', '信用平台没有本终端的注册记录', { detail: UNKNOWN_TERMINAL_DETAIL });
    }
    if (!terminal || !operatorOk || !secretOk) {
      request.log.warn({ terminalId, operatorId }, 'login refused');
      return fail(reply, 401, 'unauthorized', '终端凭据、工号或密码错误');
    }
    if (terminal.successorId !== null) {
      request.log.warn({ terminalId, operatorId, successorId: terminal.successorId }, 'login refused: terminal replaced');
      return fail(reply, 403, 'terminal_replaced', '本终端身份已由新的注册接替', { detail: REPLACED_DETAIL });
    }

    const now = ctx.now();
    const token = randomToken();
    const sessionId = sha256(token);
    const expiresAtMs = now.getTime() + ctx.settings.tokenTtlSeconds * 1000;
    ctx.sessions.purgeExpired(now.getTime());
    // Only this terminal's own sessions: a terminal cannot end another's by naming it.
    const revoked = ctx.db.transaction(() => {
      const ended = (parsed.value.revokeSessions ?? []).filter((id) => ctx.sessions.revoke(id, terminal.id, now.getTime())).length;
      ctx.sessions.insert(sessionId, terminal.id, operator.id, now.getTime(), expiresAtMs);
      // From now on this terminal may deliver records that name this operator (outbox/operators.ts).
      ctx.terminalOperators.recordSignIn(terminal.id, operator.id, now.toISOString());
      return ended;
    })();
    if (revoked > 0) request.log.info({ terminalId, revoked }, 'sessions signed out offline revoked');
    const offlineUnlock = await offlineUnlockFor(password, new Date(now.getTime() + ctx.settings.offlineUnlockHours * 3_600_000));
    const body: CreateSessionResponse = {
      token,
      sessionId,
      expiresAt: new Date(expiresAtMs).toISOString(),
      operator: {
        id: operator.id,
        name: operator.name,
        department: operator.department,
        roles: operator.roles,
        ...(operator.supervisorScope ? { supervisorScope: operator.supervisorScope } : {}),
      },
      offlineUnlock,
    };
    return reply.code(201).send(body);
  });

  app.delete('/sessions/current', { config: { access: 'operator' } }, async (request, reply) => {
    const auth = request.auth!;
    ctx.sessions.revoke(auth.sessionId, auth.terminalId, ctx.now().getTime());
    request.log.info({ terminalId: auth.terminalId, operatorId: auth.operatorId }, 'logout');
    return reply.code(204).send();
  });
}
