/** POST /sessions — operator login on an enrolled terminal. */
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
    const operator = ctx.operators.get(operatorId);
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
