/**
 * The checks every /api/v1 route passes, in this order: client version (426), session lookup,
 * rate limit (429, keyed by the session's terminal or else the IP), then the route's access rule
 * (401 without a valid session, 403 for a missing role).
 *
 * Deny by default, decided on what the router matched — never on the raw URL string: the guard is
 * a hook of the one scope every API route is registered in, so it runs for a route however its
 * path was spelled (percent-encoded, absolute form, HEAD…). Every route of that scope must say
 * who may call it; a route that does not is refused at startup.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { CLIENT_VERSION_HEADER, type Role } from '../../shared/contract';
import type { PlatformContext } from '../context';
import type { OperatorRecord } from '../db/operators';
import { fail } from '../http/problems';
import { isAtLeast } from '../semver';
import { sha256 } from './tokens';

/**
 * Who may call a route: anyone (enrolment, login), any operator, the counter's roles (clerks and
 * supervisors: whoever looks applicants up for a matter), supervisors only, or IT only.
 */
export type Access = 'public' | 'operator' | 'counter' | 'supervisor' | 'it';

export interface AuthContext {
  terminalId: string;
  operatorId: string;
  roles: Role[];
  operator: OperatorRecord;
  /** The session's id (the hash its token is stored under), for logout. */
  sessionId: string;
}

/** A route as registered in the guarded scope, with its access rule (GET routes also answer HEAD). */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: Access;
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

const ACCESS: readonly Access[] = ['public', 'operator', 'counter', 'supervisor', 'it'];

/** A bearer token as the platform issues it: base64url, nothing else (anything else is no token). */
function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || header.length > 512) return null;
  const m = /^Bearer ([A-Za-z0-9_-]{16,256})$/.exec(header.trim());
  return m?.[1] ?? null;
}

function resolveSession(ctx: PlatformContext, request: FastifyRequest): AuthContext | null {
  const token = bearerToken(request);
  if (token === null) return null;
  const sessionId = sha256(token);
  const session = ctx.sessions.get(sessionId);
  if (!session || session.expiresAtMs <= ctx.now().getTime()) return null;
  const operator = ctx.operators.get(session.operatorId);
  // A retired operator's sessions end with their account.
  if (!operator || operator.retiredAt !== undefined) return null;
  return { terminalId: session.terminalId, operatorId: operator.id, roles: operator.roles, operator, sessionId };
}

function allowed(access: Access, roles: readonly Role[]): boolean {
  if (access === 'counter') return roles.includes('clerk') || roles.includes('supervisor');
  if (access === 'supervisor') return roles.includes('supervisor');
  if (access === 'it') return roles.includes('it');
  return true;
}

const FORBIDDEN: Record<'counter' | 'supervisor' | 'it', string> = {
  counter: '仅限窗口工作人员和信用监管人员查询',
  supervisor: '仅限信用监管人员访问',
  it: '仅限信息技术管理员访问',
};

/**
 * Installs the guard in `scope` (the API's own plugin scope) and returns the list of the routes
 * registered there, filled in as they are registered.
 */
export function registerGuard(scope: FastifyInstance, ctx: PlatformContext): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  scope.decorateRequest('auth', null);

  scope.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (access === undefined || !ACCESS.includes(access)) {
      throw new Error(`route ${String(route.method)} ${route.url} does not say who may call it (config.access)`);
    }
    for (const method of [route.method].flat()) routes.push({ method, url: route.url, access });
  });

  scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    // Read from the matched route; a route without a rule (impossible, see onRoute) is operator-only.
    const config = request.routeOptions.config;
    const access: Access = config.access ?? 'operator';
    if (config.open === true && access === 'public') return;

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

    if (access === 'public') return;
    if (!request.auth) return fail(reply, 401, 'unauthorized', '未登录或登录已过期，请重新登录');
    if (!allowed(access, request.auth.roles)) return fail(reply, 403, 'forbidden', FORBIDDEN[access as keyof typeof FORBIDDEN]);
  });
  return routes;
}
