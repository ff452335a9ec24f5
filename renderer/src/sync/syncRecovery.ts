/**
 * What the end of a run means for the next one: the regular (jittered) interval after a success;
 * after a failure the status says why and the next run waits — capped backoff or the platform's
 * Retry-After, a second for a run someone else overtook, the interval for an outdated client, and
 * nothing at all while a login is needed (re-login takes the clerk's password; the queue waits).
 */
import { isPlatformError } from '../api/platformError';
import { CursorMovedError, RebuildReplacedError } from '../data/listDataStore';
import { codedError } from '../model';
import { jitteredInterval, retryDelay, type BackoffPolicy } from './backoff';
import type { RunKind } from './syncScheduler';
import type { SyncStatusReporter } from './syncStatusReporter';
import { StalledError } from './syncWatchdog';

export interface SyncRecoveryDeps {
  status: SyncStatusReporter;
  schedule: (ms: number, kind: RunKind) => void;
  options: { intervalMs: number; intervalJitter?: number; backoff: BackoffPolicy };
  random: () => number;
  /** 401: the session's token is dropped; the queue waits for the next login. */
  onUnauthorized: () => void;
  /** Whether the browser granted persistent storage (what a recovered storage state reports). */
  persisted: () => boolean;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

export class SyncRecovery {
  private failures = 0;

  constructor(private readonly deps: SyncRecoveryDeps) {}

  succeeded(): void {
    const { status, options } = this.deps;
    this.failures = 0;
    status.patch({
      online: true,
      lastError: null,
      ...(status.current().storage.kind !== 'ok' ? { storage: { kind: 'ok', persisted: this.deps.persisted() } } : {}),
    });
    this.deps.schedule(jitteredInterval(options.intervalMs, this.deps.random, options.intervalJitter ?? 0), 'full');
  }

  failed(error: unknown): void {
    const { status, schedule } = this.deps;
    // An abort (watchdog, stop) is reported by whoever aborted, not as a platform problem.
    if (isPlatformError(error) && error.kind === 'aborted') return;
    if (status.storageFailed(error)) {
      this.retryLater(null);
      return;
    }
    if (error instanceof CursorMovedError || error instanceof RebuildReplacedError) {
      // Someone else (a run given up on, another tab) applied pages or began a rebuild meanwhile: just pull again.
      schedule(1_000, 'full');
      return;
    }
    if (error instanceof StalledError) {
      status.patch({ lastError: codedError('sync_stalled') });
      this.deps.log?.('warn', 'sync stalled; restarting');
      schedule(1_000, 'full');
      return;
    }
    if (isPlatformError(error)) {
      status.patch({ lastError: error.userError, online: !error.unreachable });
      if (error.kind === 'unauthorized') {
        this.deps.onUnauthorized();
        return;
      }
      if (error.kind === 'outdated') {
        schedule(this.deps.options.intervalMs, 'full');
        return;
      }
      this.retryLater(error.retryAfterMs);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.deps.log?.('error', `sync failed: ${message}`);
    status.patch({ lastError: codedError('sync_failed', { detail: message }) });
    this.retryLater(null);
  }

  private retryLater(retryAfterMs: number | null): void {
    const delay = retryDelay(this.failures, this.deps.options.backoff, this.deps.random, retryAfterMs);
    this.failures += 1;
    this.deps.schedule(delay, 'full');
  }
}
