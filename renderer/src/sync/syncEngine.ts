/**
 * Runs pull and push: one syncer across tabs (Web Lock), retries with capped full-jitter backoff
 * and Retry-After, a random spread after the network returns, a watchdog that aborts and
 * restarts a sync that stopped making progress, and the observable SyncStatus. Each of those is a
 * part of its own; this class wires them together and is what the services call.
 *
 *   syncScheduler.ts       when runs happen (timer, one after another, under the lock)
 *   syncRun.ts             one run: catalogue, lists, outbox
 *   syncWatchdog.ts        aborts a run that stopped making progress
 *   syncRecovery.ts        what a run's end means for the next one (interval, backoff, login)
 *   syncStatusReporter.ts  the status and its counters
 *   syncSignals.ts         online/offline events and the other tabs
 *   syncOptions.ts         timings and sizes
 */
import type { StoreApi } from '../state/store';
import type { SyncStatus } from '../model';
import { reconnectSpread } from './backoff';
import type { PushOutcome } from './pushEngine';
import type { SyncLock } from './syncLock';
import { SyncRecovery } from './syncRecovery';
import { syncOnce, type SyncRunDeps } from './syncRun';
import { SyncScheduler, type RunKind } from './syncScheduler';
import { listenForSyncSignals, type SyncSignals } from './syncSignals';
import { SyncStatusReporter } from './syncStatusReporter';
import type { SyncOptions } from './syncOptions';
import { SyncWatchdog } from './syncWatchdog';

export { DEFAULT_SYNC_OPTIONS, type SyncOptions } from './syncOptions';

export interface SyncEngineDeps extends SyncRunDeps {
  status: StoreApi<SyncStatus>;
  lock: SyncLock;
  /** 401: the auth service drops the token; the queue waits for the next login. */
  onUnauthorized: () => void;
  options: SyncOptions;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
}

/** The run under way was aborted because the engine stopped (not a failure to report). */
class StoppedError extends Error {
  constructor() {
    super('stopped');
    this.name = 'StoppedError';
  }
}

export class SyncEngine {
  /** Whether the browser granted persistent storage (navigator.storage.persist()). */
  persisted = false;
  private readonly status: SyncStatusReporter;
  private readonly scheduler: SyncScheduler<PushOutcome | null>;
  private readonly watchdog: SyncWatchdog;
  private readonly recovery: SyncRecovery;
  private signals: SyncSignals | null = null;

  constructor(private readonly deps: SyncEngineDeps) {
    this.status = new SyncStatusReporter(deps);
    this.scheduler = new SyncScheduler(deps.lock, (kind) => this.guarded(kind));
    this.watchdog = new SyncWatchdog(deps.options);
    this.recovery = new SyncRecovery({
      status: this.status,
      schedule: (ms, kind) => this.scheduler.scheduleIn(ms, kind),
      options: deps.options,
      random: deps.random,
      onUnauthorized: deps.onUnauthorized,
      persisted: () => this.persisted,
      ...(deps.log ? { log: deps.log } : {}),
    });
  }

  start(): void {
    if (this.signals) return;
    this.scheduler.start();
    this.signals = listenForSyncSignals({
      online: () => this.networkReturned(),
      offline: () => this.status.patch({ online: false }),
      outbox: () => this.scheduler.scheduleIn(200, 'push'),
      synced: () => void this.refreshCounts(),
    });
    this.watchdog.start();
    this.scheduler.scheduleIn(0, 'full');
  }

  async stop(): Promise<void> {
    this.signals?.close();
    this.signals = null;
    this.watchdog.stop(new StoppedError());
    await this.scheduler.stop();
  }

  /** Pull then push now (a "sync now" button, a fresh login). Waits for a run already going. */
  async syncNow(): Promise<void> {
    // Failures are reported in the status (lastError), not thrown at the button that asked.
    await this.scheduler.enqueue('full').catch(() => undefined);
  }

  /** A new login: sync soon if the engine runs on its own (not when tests drive it by hand). */
  requestSync(): void {
    this.scheduler.scheduleIn(0, 'full');
  }

  /**
   * Tries to deliver the outbox now (after a clerk recorded something). Returns the ids delivered
   * within the wait; whatever is not delivered by then stays queued and goes later.
   */
  async pushNow(): Promise<Set<string>> {
    const delivered = new Set<string>();
    const attempt = (async () => {
      const outcome = await this.scheduler.enqueue('push');
      for (const id of outcome?.delivered ?? []) delivered.add(id);
      for (const id of outcome?.rejected ?? []) delivered.add(id);
    })();
    this.signals?.post('outbox');
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      attempt.catch(() => undefined),
      new Promise<void>((resolve) => {
        timer = setTimeout(resolve, this.deps.options.immediatePushWaitMs);
      }),
    ]);
    clearTimeout(timer);
    return delivered;
  }

  /** Re-reads counters from the databases into the status (cheap: no count() on the list). */
  refreshCounts(): Promise<void> {
    return this.status.refreshCounts();
  }

  reportReachable(reachable: boolean): void {
    this.status.reportReachable(reachable);
  }

  private networkReturned(): void {
    this.status.patch({ online: true });
    // A thousand terminals see the network return at the same moment: spread their syncs.
    this.scheduler.scheduleIn(reconnectSpread(this.deps.options.spreadMaxMs, this.deps.random), 'full');
  }

  /** One run under the lock, watched, its end reported; a stalled run lets go and is started again. */
  private async guarded(kind: RunKind): Promise<PushOutcome | null> {
    const patch = (partial: Partial<SyncStatus>): void => this.status.patch(partial);
    try {
      const outcome = await this.watchdog.watch((signal, beat) => syncOnce(this.deps, kind, { signal, beat, patch }));
      if (outcome) this.recovery.succeeded();
      return outcome;
    } catch (error) {
      if (!(error instanceof StoppedError)) this.recovery.failed(error);
      throw error;
    } finally {
      this.status.patch({ syncing: false, phase: 'idle', progress: null });
      await this.status.refreshCounts();
      this.signals?.post('synced');
    }
  }
}
