/**
 * Retry timing. Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): the delay is
 * uniform in [0, min(cap, base·2^attempt)], which spreads a thousand terminals that failed together.
 */

export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 2_000, capMs: 5 * 60_000 };

/** The ceiling of the delay window for the n-th consecutive failure (attempt 0 = first retry). */
export function backoffCeiling(attempt: number, policy: BackoffPolicy): number {
  const exponent = Math.min(Math.max(0, attempt), 30);
  return Math.min(policy.capMs, policy.baseMs * 2 ** exponent);
}

export function fullJitterDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  return Math.floor(random() * backoffCeiling(attempt, policy));
}

/**
 * The wait before the next try. A server's Retry-After is a floor (never retry earlier than told);
 * a little jitter on top keeps terminals told the same number from returning in lockstep.
 */
export function retryDelay(attempt: number, policy: BackoffPolicy, random: () => number, retryAfterMs: number | null): number {
  if (retryAfterMs !== null) return retryAfterMs + Math.floor(random() * Math.min(policy.baseMs, retryAfterMs / 10 + 1));
  return fullJitterDelay(attempt, policy, random);
}

/** After the network comes back, wait a random 0–spreadMax so terminals do not all sync at once. */
export function reconnectSpread(spreadMaxMs: number, random: () => number): number {
  return spreadMaxMs > 0 ? Math.floor(random() * spreadMaxMs) : 0;
}

/**
 * The regular poll interval, stretched or shortened by up to ±jitter of itself: terminals started
 * together (a morning, a restart of the platform) drift apart instead of polling in lockstep.
 */
export function jitteredInterval(intervalMs: number, random: () => number, jitter = 0.2): number {
  return Math.max(0, Math.round(intervalMs * (1 - jitter + 2 * jitter * random())));
}

/** Waits `ms` (0: not at all); an abort ends the wait with the signal's reason. */
export function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  if (signal?.aborted) return Promise.reject(signal.reason as Error);
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
