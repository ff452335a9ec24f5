/**
 * One sync run: the catalogue and the lists pulled (snapshots where the store takes them, deltas
 * otherwise), then the outbox pushed. A pull that fails on its own does not hold the clerks'
 * records back: the push still runs and the pull's error is thrown after it.
 */
import type { CacheDb } from '../data/cacheDb';
import type { JournalDb } from '../data/journalDb';
import { keepRevocations } from '../data/slipRevocations';
import type { ListDataStore } from '../data/listDataStore';
import type { PlatformClient } from '../api/platformClient';
import { isPlatformError } from '../api/platformError';
import { codedError, type SyncStatus } from '../model';
import { reconnectSpread } from './backoff';
import { refreshCatalogue } from './catalogueSync';
import { pullList } from './pullEngine';
import { drainOutbox, type PushOutcome } from './pushEngine';
import { createSnapshotPuller } from './snapshot/snapshotPull';
import type { RunKind } from './syncScheduler';

export interface SyncRunDeps {
  cache: CacheDb;
  journal: JournalDb;
  store: ListDataStore;
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
  now: () => Date;
  random: () => number;
  options: {
    pageSize: number;
    pushBatchSize: number;
    spreadMaxMs: number;
    resyncSpreadMaxMs?: number;
    deliveredRetentionDays: number;
  };
  /** The platform key snapshots must be signed with (IT's pinned key, else the enrolment one). */
  trustedKey?: () => Promise<string | null>;
}

/** What the run reports as it goes: status changes, and the beat the watchdog waits for. */
export interface RunControl {
  signal: AbortSignal;
  beat: () => void;
  patch: (partial: Partial<SyncStatus>) => void;
}

/** A 'full' run pulls then pushes, a 'push' run only pushes; null: nothing to do (not enrolled, no login). */
export async function syncOnce(deps: SyncRunDeps, kind: RunKind, run: RunControl): Promise<PushOutcome | null> {
  const client = await deps.client();
  const identity = await deps.identity();
  if (!client || !identity) return null;
  const session = deps.session();
  if (session !== 'active') {
    if (session === 'expired') {
      run.patch({ lastError: codedError('login_required') });
    }
    return null;
  }
  run.patch({ syncing: true });
  let pullError: unknown = null;
  if (kind === 'full') {
    try {
      await pull(deps, client, run);
    } catch (error) {
      // The outbox does not depend on the lists: a pull that failed on its own (a 5xx or malformed
      // page, a storage error in the cache) must not hold the clerks' records back. When the
      // platform is unreachable, limiting, too new for us or wants a login, the push would fail alike.
      const pushAnyway =
        !run.signal.aborted && (!isPlatformError(error) || error.kind === 'server' || error.kind === 'malformed' || error.refused);
      if (!pushAnyway) throw error;
      pullError = error;
    }
    run.patch({ progress: null });
  }
  run.patch({ phase: 'push' });
  const pushed = await drainOutbox({
    client,
    journal: deps.journal,
    terminalId: identity.terminalId,
    predecessors: identity.predecessors ?? [],
    now: deps.now,
    batchSize: deps.options.pushBatchSize,
    keepDeliveredMs: deps.options.deliveredRetentionDays * 86_400_000,
    signal: run.signal,
    heartbeat: run.beat,
    onProgress: (_sent, remaining) => run.patch({ outboxDepth: remaining }),
  });
  if (pushed.delivered.length + pushed.rejected.length > 0) run.patch({ lastPushAt: deps.now().toISOString() });
  if (pullError !== null) throw pullError;
  return pushed;
}

async function pull(deps: SyncRunDeps, client: PlatformClient, run: RunControl): Promise<void> {
  const { signal, beat, patch } = run;
  patch({ phase: 'pull-delta' });
  await refreshCatalogue(client, deps.cache, deps.now, signal);
  beat();
  await pullList({
    client,
    store: deps.store,
    now: deps.now,
    pageSize: deps.options.pageSize,
    signal,
    heartbeat: beat,
    onProgress: (p) => patch({ phase: p.phase, progress: { rows: p.rows, rowsPerSec: p.rowsPerSec, remaining: p.remaining } }),
    resyncDelayMs: () => reconnectSpread(deps.options.resyncSpreadMaxMs ?? deps.options.spreadMaxMs, deps.random),
    ...(deps.store.snapshots && deps.trustedKey
      ? {
          snapshot: createSnapshotPuller({
            client,
            target: deps.store.snapshots,
            trustedKey: deps.trustedKey,
            signal,
            heartbeat: beat,
            onRevocations: (signed, key) => keepRevocations(deps.journal, signed, key),
          }),
        }
      : {}),
  });
}
