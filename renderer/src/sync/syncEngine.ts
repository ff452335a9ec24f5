/**
 * Runs pull and push: one syncer across tabs (Web Lock), retries with capped full-jitter backoff
 * and Retry-After, a random spread after the network returns, a watchdog that aborts and
 * restarts a sync that stopped making progress, and the observable SyncStatus.
 */
import type { StoreApi } from '../state/store';
import type { MutationKind } from '../../../shared/contract';
import type { CacheDb } from '../data/cacheDb';
import type { JournalDb } from '../data/journalDb';
import { CursorMovedError, RebuildReplacedError, type ListDataStore } from '../data/listDataStore';
import { reportStorageError } from '../data/storageErrors';
import type { PlatformClient } from '../api/platformClient';
import { isPlatformError } from '../api/platformError';
import { codedError, type SyncStatus } from '../model';
import { DEFAULT_BACKOFF, type BackoffPolicy, reconnectSpread, retryDelay, jitteredInterval } from './backoff';
import { refreshCatalogue } from './catalogueSync';
import { pullList } from './pullEngine';
import { DEFAULT_DELIVERED_RETENTION_DAYS, drainOutbox, type PushOutcome } from './pushEngine';
import { createSnapshotPuller } from './snapshot/snapshotPull';
import type { SyncLock } from './syncLock';

export interface SyncOptions {
  /** Rows per pull page (the platform caps it at SYNC_PAGE_MAX). */
  pageSize: number;
  pushBatchSize: number;
  /** Regular pull interval while everything is fine. */
  intervalMs: number;
  /** Random 0–spreadMaxMs wait after the network returns (0 in tests). */
  spreadMaxMs: number;
  /** Random 0–resyncSpreadMaxMs wait before a rebuild the platform asked for (default: spreadMaxMs). */
  resyncSpreadMaxMs?: number;
  /** The interval varies by ±this share of itself, so terminals do not poll in lockstep. */
  intervalJitter?: number;
  /** A run with no progress for this long is aborted and restarted. */
  stallMs: number;
  watchdogIntervalMs: number;
  backoff: BackoffPolicy;
  /** How long a record's immediate push may keep the clerk waiting before it reports "queued". */
  immediatePushWaitMs: number;
  /** Days acknowledged records are kept for refilling a platform that lost them (IT: deliveredRetentionDays). */
  deliveredRetentionDays: number;
}

export const DEFAULT_SYNC_OPTIONS: SyncOptions = {
  pageSize: 5_000,
  pushBatchSize: 200,
  intervalMs: 5 * 60_000,
  spreadMaxMs: 60_000,
  intervalJitter: 0.2,
  stallMs: 150_000,
  watchdogIntervalMs: 10_000,
  backoff: DEFAULT_BACKOFF,
  immediatePushWaitMs: 5_000,
  deliveredRetentionDays: DEFAULT_DELIVERED_RETENTION_DAYS,
};

export interface SyncEngineDeps {
  cache: CacheDb;
  journal: JournalDb;
  store: ListDataStore;
  status: StoreApi<SyncStatus>;
  lock: SyncLock;
  /** null while the terminal is not enrolled. */
  client: () => Promise<PlatformClient | null>;
  /** This terminal's id and the earlier identities whose queued records it delivers (null: not enrolled). */
  identity: () => Promise<{ terminalId: string; predecessors?: string[] } | null>;
  /**
   * 'active': a platform token is held (pull and push need one); 'expired': an operator is signed
   * in but without a token (expired, or unlocked offline) — the queue waits for an online login;
   * 'none': nobody is signed in.
   */
  session: () => 'active' | 'expired' | 'none';
  /** 401: the auth service drops the token; the queue waits for the next login. */
  onUnauthorized: () => void;
  now: () => Date;
  random: () => number;
  options: SyncOptions;
  log?: (level: 'info' | 'warn' | 'error', message: string) => void;
  /** The platform key snapshots must be signed with (IT's pinned key, else the enrolment one). */
  trustedKey?: () => Promise<string | null>;
}

type RunKind = 'full' | 'push';

class StalledError extends Error {
  constructor() {
    super('sync stalled');
    this.name = 'StalledError';
  }
}

const CHANNEL = 'credit-counter-sync';

export class SyncEngine {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private watchdog: ReturnType<typeof setInterval> | null = null;
  private running: Promise<unknown> | null = null;
  /** Runs of this tab, one after another (a push requested during a pull waits its turn). */
  private chain: Promise<unknown> = Promise.resolve();
  private current: { controller: AbortController; lastBeat: number } | null = null;
  private failures = 0;
  /** Whether the browser granted persistent storage (navigator.storage.persist()). */
  persisted = false;
  private started = false;
  private channel: BroadcastChannel | null = null;
  private readonly onOnline = (): void => this.networkReturned();
  private readonly onOffline = (): void => this.patch({ online: false });

  constructor(private readonly deps: SyncEngineDeps) {}

  start(): void {
    if (this.started) return;
    this.started = true;
    const target = globalThis as { addEventListener?: (type: string, fn: () => void) => void };
    target.addEventListener?.('online', this.onOnline);
    target.addEventListener?.('offline', this.onOffline);
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(CHANNEL);
      this.channel.onmessage = (event: MessageEvent<unknown>) => {
        if (event.data === 'outbox') this.scheduleIn(200, 'push');
        if (event.data === 'synced') void this.refreshCounts();
      };
    }
    this.watchdog = setInterval(() => this.checkStall(), this.deps.options.watchdogIntervalMs);
    this.scheduleIn(0, 'full');
  }

  async stop(): Promise<void> {
    this.started = false;
    const target = globalThis as { removeEventListener?: (type: string, fn: () => void) => void };
    target.removeEventListener?.('online', this.onOnline);
    target.removeEventListener?.('offline', this.onOffline);
    if (this.timer) clearTimeout(this.timer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.timer = null;
    this.watchdog = null;
    this.channel?.close();
    this.channel = null;
    this.current?.controller.abort(new Error('stopped'));
    await this.running?.catch(() => undefined);
  }

  /** Pull then push now (a "sync now" button, a fresh login). Waits for a run already going. */
  async syncNow(): Promise<void> {
    // Failures are reported in the status (lastError), not thrown at the button that asked.
    await this.enqueue('full').catch(() => undefined);
  }

  /** A new login: sync soon if the engine runs on its own (not when tests drive it by hand). */
  requestSync(): void {
    this.scheduleIn(0, 'full');
  }

  /**
   * Tries to deliver the outbox now (after a clerk recorded something). Returns the ids delivered
   * within the wait; whatever is not delivered by then stays queued and goes later.
   */
  async pushNow(): Promise<Set<string>> {
    const delivered = new Set<string>();
    const attempt = (async () => {
      const outcome = await this.enqueue('push');
      for (const id of outcome?.delivered ?? []) delivered.add(id);
      for (const id of outcome?.rejected ?? []) delivered.add(id);
    })();
    this.channel?.postMessage('outbox');
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
  async refreshCounts(): Promise<void> {
    try {
      const [state, outboxKinds, deadLetterCount] = await Promise.all([
        this.deps.store.loadFullState(),
        this.countOutboxByKind(),
        // Resubmitted ones are being dealt with; a resubmission rejected again is a dead letter of its own.
        this.deps.journal.deadLetters.filter((d) => d.resubmittedAs === undefined).count(),
      ]);
      const now = this.deps.now().getTime();
      this.patch({
        entryCount: state.entryCount,
        dataVersion: state.dataVersion,
        lastPullAt: state.lastPullAt,
        dataAgeSeconds: state.lastPullAt ? Math.max(0, Math.round((now - Date.parse(state.lastPullAt)) / 1000)) : null,
        outboxDepth: Object.values(outboxKinds).reduce((sum, n) => sum + n, 0),
        outboxKinds,
        deadLetterCount,
      });
    } catch (error) {
      reportStorageError(this.deps.status, error, { asLastError: true });
    }
  }

  /** The clerk is told what is waiting, not just how much: one pass over the (small) outbox. */
  private async countOutboxByKind(): Promise<Partial<Record<MutationKind, number>>> {
    const kinds: Partial<Record<MutationKind, number>> = {};
    await this.deps.journal.outbox.each((record) => {
      kinds[record.kind] = (kinds[record.kind] ?? 0) + 1;
    });
    return kinds;
  }

  reportReachable(reachable: boolean): void {
    if (this.deps.status.getState().online !== reachable) this.patch({ online: reachable });
  }

  private networkReturned(): void {
    this.patch({ online: true });
    // A thousand terminals see the network return at the same moment: spread their syncs.
    this.scheduleIn(reconnectSpread(this.deps.options.spreadMaxMs, this.deps.random), 'full');
  }

  private scheduleIn(ms: number, kind: RunKind): void {
    if (!this.started) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.enqueue(kind).catch(() => undefined);
    }, ms);
  }

  private enqueue(kind: RunKind): Promise<PushOutcome | null> {
    const task = this.chain.then(() => this.run(kind));
    this.chain = task.catch(() => undefined);
    return task;
  }

  private async run(kind: RunKind): Promise<PushOutcome | null> {
    const task = this.deps.lock.tryRun(() => this.guarded(kind));
    this.running = task;
    try {
      const result = await task;
      return result.ran ? result.value : null;
    } finally {
      if (this.running === task) this.running = null;
    }
  }

  /** One run under the lock, raced against the watchdog's abort so a stalled run lets go. */
  private async guarded(kind: RunKind): Promise<PushOutcome | null> {
    const controller = new AbortController();
    this.current = { controller, lastBeat: Date.now() };
    const aborted = new Promise<never>((_, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason as Error), { once: true });
    });
    aborted.catch(() => undefined);
    try {
      return await Promise.race([this.body(kind, controller.signal), aborted]);
    } catch (error) {
      if (error instanceof StalledError) this.failed(error);
      throw error;
    } finally {
      this.current = null;
      this.patch({ syncing: false, phase: 'idle', progress: null });
      await this.refreshCounts();
      this.channel?.postMessage('synced');
    }
  }

  private beat = (): void => {
    if (this.current) this.current.lastBeat = Date.now();
  };

  private async body(kind: RunKind, signal: AbortSignal): Promise<PushOutcome | null> {
    const client = await this.deps.client();
    const identity = await this.deps.identity();
    if (!client || !identity) return null;
    const session = this.deps.session();
    if (session !== 'active') {
      if (session === 'expired') {
        this.patch({ lastError: codedError('login_required') });
      }
      return null;
    }
    this.patch({ syncing: true });
    try {
      let pullError: unknown = null;
      if (kind === 'full') {
        try {
          this.patch({ phase: 'pull-delta' });
          await refreshCatalogue(client, this.deps.cache, this.deps.now, signal);
          this.beat();
          await pullList({
            client,
            store: this.deps.store,
            now: this.deps.now,
            pageSize: this.deps.options.pageSize,
            signal,
            heartbeat: this.beat,
            onProgress: (p) => this.patch({ phase: p.phase, progress: { rows: p.rows, rowsPerSec: p.rowsPerSec, remaining: p.remaining } }),
            resyncDelayMs: () => reconnectSpread(this.deps.options.resyncSpreadMaxMs ?? this.deps.options.spreadMaxMs, this.deps.random),
            ...(this.deps.store.snapshots && this.deps.trustedKey
              ? {
                  snapshot: createSnapshotPuller({
                    client,
                    target: this.deps.store.snapshots,
                    trustedKey: this.deps.trustedKey,
                    signal,
                    heartbeat: this.beat,
                  }),
                }
              : {}),
          });
        } catch (error) {
          // The outbox does not depend on the lists: a pull that failed on its own (a 5xx or malformed
          // page, a storage error in the cache) must not hold the clerks' records back. When the
          // platform is unreachable, limiting, too new for us or wants a login, the push would fail alike.
          const pushAnyway =
            !signal.aborted && (!isPlatformError(error) || error.kind === 'server' || error.kind === 'malformed' || error.refused);
          if (!pushAnyway) throw error;
          pullError = error;
        }
        this.patch({ progress: null });
      }
      this.patch({ phase: 'push' });
      const pushed = await drainOutbox({
        client,
        journal: this.deps.journal,
        terminalId: identity.terminalId,
        predecessors: identity.predecessors ?? [],
        now: this.deps.now,
        batchSize: this.deps.options.pushBatchSize,
        keepDeliveredMs: this.deps.options.deliveredRetentionDays * 86_400_000,
        signal,
        heartbeat: this.beat,
        onProgress: (_sent, remaining) => this.patch({ outboxDepth: remaining }),
      });
      if (pushed.delivered.length + pushed.rejected.length > 0) this.patch({ lastPushAt: this.deps.now().toISOString() });
      if (pullError !== null) throw pullError;
      this.succeeded();
      return pushed;
    } catch (error) {
      this.failed(error);
      throw error;
    }
  }

  private succeeded(): void {
    this.failures = 0;
    this.patch({
      online: true,
      lastError: null,
      ...(this.deps.status.getState().storage.kind !== 'ok' ? { storage: { kind: 'ok', persisted: this.persisted } } : {}),
    });
    this.scheduleIn(jitteredInterval(this.deps.options.intervalMs, this.deps.random, this.deps.options.intervalJitter ?? 0), 'full');
  }

  private failed(error: unknown): void {
    const { options } = this.deps;
    // An abort (watchdog, stop) is reported by whoever aborted, not as a platform problem.
    if (isPlatformError(error) && error.kind === 'aborted') return;
    if (reportStorageError(this.deps.status, error, { asLastError: true })) {
      this.retryLater(null);
      return;
    }
    if (error instanceof CursorMovedError || error instanceof RebuildReplacedError) {
      // Someone else (a run given up on, another tab) applied pages or began a rebuild meanwhile: just pull again.
      this.scheduleIn(1_000, 'full');
      return;
    }
    if (error instanceof StalledError) {
      this.patch({ lastError: codedError('sync_stalled') });
      this.deps.log?.('warn', 'sync stalled; restarting');
      this.scheduleIn(1_000, 'full');
      return;
    }
    if (isPlatformError(error)) {
      this.patch({ lastError: error.userError, online: !error.unreachable });
      if (error.kind === 'unauthorized') {
        // Re-login needs the clerk's password: the queue waits (nothing is lost) until then.
        this.deps.onUnauthorized();
        return;
      }
      if (error.kind === 'outdated') {
        this.scheduleIn(options.intervalMs, 'full');
        return;
      }
      this.retryLater(error.retryAfterMs);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.deps.log?.('error', `sync failed: ${message}`);
    this.patch({ lastError: codedError('sync_failed', { detail: message }) });
    this.retryLater(null);
  }

  private retryLater(retryAfterMs: number | null): void {
    const delay = retryDelay(this.failures, this.deps.options.backoff, this.deps.random, retryAfterMs);
    this.failures += 1;
    this.scheduleIn(delay, 'full');
  }

  private checkStall(): void {
    const current = this.current;
    if (current && Date.now() - current.lastBeat > this.deps.options.stallMs) {
      current.controller.abort(new StalledError());
    }
  }

  private patch(partial: Partial<SyncStatus>): void {
    this.deps.status.setState(partial);
  }
}
