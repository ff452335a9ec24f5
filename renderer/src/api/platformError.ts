/**
 * Every way a platform call can fail, as one typed error carrying the failure the clerk is shown
 * (a code with data, worded by the catalogue; the platform's own text when it sent one). Callers
 * branch on `kind`; nothing upstream parses HTTP statuses again.
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
