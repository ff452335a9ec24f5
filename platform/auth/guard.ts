/**
 * The checks every /api/v1 request passes, in this order: client version (426), session lookup,
 * rate limit (429, keyed by the session's terminal or else the IP), then the route's access rule
 * (401 without a valid session, 403 for a missing role).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_BASE, CLIENT_VERSION_HEADER, type Role } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { isAtLeast } from '../semver';
import { sha256 } from './tokens';

/** Who may call a route: anyone (enrolment, login), any operator, supervisors only, or IT only. */
export type Access = 'public' | 'operator' | 'supervisor' | 'it';

export interface AuthContext {
  terminalId: string;
  operatorId: string;
  roles: Role[];
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** GET /health: no version check, no rate limit. */
    open?: boolean;
  }
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1] ?? null;
}

function resolveSession(ctx: PlatformContext, request: FastifyRequest): AuthContext | null {
  const token = bearerToken(request);
  if (token === null) return null;
  const session = ctx.sessions.get(sha256(token));
  if (!session || session.expiresAtMs <= ctx.now().getTime()) return null;
  const operator = ctx.operators.get(session.operatorId);
  return operator ? { terminalId: session.terminalId, operatorId: operator.id, roles: operator.roles } : null;
}

export function registerGuard(app: FastifyInstance, ctx: PlatformContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method === 'OPTIONS' || !request.url.startsWith(API_BASE)) return;
    const config = request.routeOptions.config;
    if (config.open) return;

    const version = request.headers[CLIENT_VERSION_HEADER.toLowerCase()];
    const minimum = ctx.settings.minClientVersion;
    if (!isAtLeast(typeof version === 'string' ? version : undefined, minimum)) {
      return fail(reply, 426, 'client_outdated', '客户端版本过低，请升级后再试', {
        detail: `此平台要求客户端版本不低于 ${minimum}`,
        minimumVersion: minimum,
      });
    }

    request.auth = resolveSession(ctx, request);

    const key = request.auth ? `terminal:${request.auth.terminalId}` : `ip:${request.ip}`;
    const decision = ctx.rateLimiter.hit(key, ctx.now().getTime());
    if (!decision.allowed) {
      reply.header('Retry-After', String(decision.retryAfterSeconds));
      return fail(reply, 429, 'rate_limited', '请求过于频繁，请稍后再试', {
        detail: `每分钟最多 ${ctx.rateLimiter.limit} 次请求`,
      });
    }

    const access = config.access ?? 'operator';
    if (access === 'public') return;
    if (!request.auth) {
      return fail(reply, 401, 'unauthorized', '未登录或登录已过期，请重新登录');
    }
    if (access === 'supervisor' && !request.auth.roles.includes('supervisor')) {
      return fail(reply, 403, 'forbidden', '仅限信用监管人员访问');
    }
    if (access === 'it' && !request.auth.roles.includes('it')) {
      return fail(reply, 403, 'forbidden', '仅限信息技术管理员访问');
    }
  });
}
