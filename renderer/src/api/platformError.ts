/**
 * Every way a platform call can fail, as one typed error carrying the Chinese message the
 * clerk sees. Callers branch on `kind`; nothing upstream parses HTTP statuses again.
 */
import type { Problem } from '../../../shared/contract';
import type { UserFacingError } from '../model';

export type PlatformErrorKind =
  /** No connection, DNS failure, connection reset, lost reply. */
  | 'network'
  | 'timeout'
  | 'aborted'
  /** 5xx */
  | 'server'
  /** A body that does not match the contract (never cached). */
  | 'malformed'
  /** 401: the session is gone; log in again. */
  | 'unauthorized'
  /** 426: this client is too old. */
  | 'outdated'
  /** 429: honour retryAfterMs. */
  | 'rate-limited'
  /** 409 `resync`: the platform cannot serve the list cursor (or its epoch changed); rebuild the lists. */
  | 'resync'
  /** 409 `seq_gap`: the platform expects the outbox from an earlier seq (`expectedSeq`). */
  | 'seq-gap'
  /** Any other 4xx: the platform refused the request itself. */
  | 'rejected';

export class PlatformError extends Error {
  readonly kind: PlatformErrorKind;
  readonly status: number | null;
  readonly problem: Problem | null;
  readonly retryAfterMs: number | null;
  /** seq-gap: the first seq the platform has not received from this terminal (null when it did not say). */
  readonly expectedSeq: number | null;
  readonly userError: UserFacingError;

  constructor(init: {
    kind: PlatformErrorKind;
    userError: UserFacingError;
    status?: number | null;
    problem?: Problem | null;
    retryAfterMs?: number | null;
    expectedSeq?: number | null;
    cause?: unknown;
  }) {
    super(init.userError.message, { cause: init.cause });
    this.name = 'PlatformError';
    this.kind = init.kind;
    this.status = init.status ?? null;
    this.problem = init.problem ?? null;
    this.retryAfterMs = init.retryAfterMs ?? null;
    this.expectedSeq = init.expectedSeq ?? null;
    this.userError = init.userError;
  }

  /** Worth trying again later (the same request may well succeed). */
  get transient(): boolean {
    return (
      this.kind === 'network' ||
      this.kind === 'timeout' ||
      this.kind === 'server' ||
      this.kind === 'malformed' ||
      this.kind === 'rate-limited'
    );
  }

  /** The platform answered and refused this request itself (a 4xx the caller cannot wait out). */
  get refused(): boolean {
    return this.kind === 'rejected' || this.kind === 'resync' || this.kind === 'seq-gap';
  }

  /** The platform could not be reached at all (no connection, or no answer in time). */
  get unreachable(): boolean {
    return this.kind === 'network' || this.kind === 'timeout';
  }
}

export function isPlatformError(error: unknown): error is PlatformError {
  return error instanceof PlatformError;
}

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(value: string | undefined | null, now: Date): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

export const MESSAGES = {
  network: '无法连接信用平台，请检查网络连接',
  timeout: '信用平台响应超时',
  aborted: '请求已取消',
  server: (status: number) => `信用平台暂时无法处理请求（${status}），稍后会自动重试`,
  malformed: '信用平台返回了无法识别的数据，已忽略（未写入本机缓存）',
  unauthorized: '登录已过期，请重新登录；未上传的记录会保留并在登录后继续上传',
  outdated: (minimum: string | undefined) =>
    minimum ? `客户端版本过旧，信用平台要求 ${minimum} 或更高版本，请联系管理员升级` : '客户端版本过旧，请联系管理员升级',
  rateLimited: (seconds: number) => `请求过于频繁，请 ${seconds} 秒后再试`,
  rejected: (status: number) => `信用平台拒绝了请求（${status}）`,
  unknownTerminal:
    '信用平台没有本终端的注册记录（平台可能已从较早的备份恢复）。请 IT 在本机重新注册终端：新注册会接替原终端，本机未上传的记录随后以原终端身份自动上传，不会丢失。',
  terminalReplaced: '本终端的身份已由新的注册接替。请 IT 在本机重新注册终端；本机未上传的记录随后自动上传，不会丢失。',
} as const;

/** Problems about the terminal's identity, in our own words (they tell IT what to do). */
export const TERMINAL_PROBLEM_MESSAGES: Partial<Record<string, string>> = {
  unknown_terminal: MESSAGES.unknownTerminal,
  terminal_replaced: MESSAGES.terminalReplaced,
};
