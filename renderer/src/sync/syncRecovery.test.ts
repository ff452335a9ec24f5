import { describe, expect, it } from 'vitest';
import { PlatformError } from '../api/platformError';
import { codedError } from '../model';
import { quotaExceededError } from '../data/storageErrors';
import { SyncRecovery } from './syncRecovery';
import type { RunKind } from './syncScheduler';
import { SyncStatusReporter } from './syncStatusReporter';
import { createSyncStatusStore } from './syncStatusStore';
import { StalledError } from './syncWatchdog';

const BACKOFF = { baseMs: 1_000, capMs: 60_000 };

function recovery() {
  const status = createSyncStatusStore();
  const planned: [number, RunKind][] = [];
  let unauthorized = 0;
  const r = new SyncRecovery({
    status: new SyncStatusReporter({ status, journal: {} as never, store: {} as never, now: () => new Date() }),
    schedule: (ms, kind) => planned.push([ms, kind]),
    options: { intervalMs: 300_000, intervalJitter: 0, backoff: BACKOFF },
    // The top of every jitter window: the delays are the policy's ceilings.
    random: () => 0.999_999,
    onUnauthorized: () => (unauthorized += 1),
    persisted: () => true,
  });
  return { r, status, planned, unauthorized: () => unauthorized };
}

const platformError = (kind: ConstructorParameters<typeof PlatformError>[0]['kind'], extra: { retryAfterMs?: number } = {}) =>
  new PlatformError({ kind, userError: codedError(kind), ...extra });

describe('SyncRecovery', () => {
  it('backs off further with each failure in a row, and a success returns to the regular interval', () => {
    const { r, planned, status } = recovery();
    for (let i = 0; i < 4; i++) r.failed(platformError('server'));
    expect(planned.map(([ms]) => ms)).toEqual([999, 1_999, 3_999, 7_999]);
    expect(status.getState().lastError?.code).toBe('server');
    r.succeeded();
    expect(planned.at(-1)).toEqual([300_000, 'full']);
    expect(status.getState()).toMatchObject({ online: true, lastError: null });
    r.failed(platformError('server'));
    expect(planned.at(-1)?.[0]).toBe(999);
  });

  it("never retries before the platform's Retry-After", () => {
    const { r, planned } = recovery();
    r.failed(platformError('rate-limited', { retryAfterMs: 30_000 }));
    expect(planned[0]![0]).toBeGreaterThanOrEqual(30_000);
  });

  it('a lost login waits for the clerk: the token is dropped and nothing is planned', () => {
    const { r, planned, status, unauthorized } = recovery();
    r.failed(platformError('unauthorized'));
    expect(planned).toEqual([]);
    expect(unauthorized()).toBe(1);
    expect(status.getState().lastError?.code).toBe('unauthorized');
  });

  it('an unreachable platform shows offline; a stalled run restarts in a second; an abort is nobody’s failure', () => {
    const { r, planned, status } = recovery();
    r.failed(platformError('network'));
    expect(status.getState().online).toBe(false);
    r.failed(new StalledError());
    expect(planned.at(-1)).toEqual([1_000, 'full']);
    expect(status.getState().lastError?.code).toBe('sync_stalled');
    const before = planned.length;
    r.failed(platformError('aborted'));
    expect(planned).toHaveLength(before);
    expect(status.getState().lastError?.code).toBe('sync_stalled');
  });

  it('a full disk is shown as storage trouble, retried with backoff, and cleared by the next success', () => {
    const { r, planned, status } = recovery();
    r.failed(quotaExceededError());
    expect(status.getState().storage.kind).toBe('quota-exceeded');
    expect(planned).toHaveLength(1);
    r.succeeded();
    expect(status.getState().storage).toEqual({ kind: 'ok', persisted: true });
  });
});
