/**
 * Pull: deltas after the stored cursor; the full state into a fresh generation
 * when there is no cursor, when a rebuild was interrupted, or when the platform answers 409
 * `resync`. Each page is applied together with its cursor in one transaction, and the next page
 * is already being fetched while the current one is written (network and IndexedDB overlap).
 */
import type { SyncPage } from '../../../shared/contract';
import type { ListDataStore, ListTarget, RebuildGeneration } from '../data/listDataStore';
import type { PlatformClient } from '../api/platformClient';
import { PlatformError, isPlatformError } from '../api/platformError';
import { codedError } from '../model';
import { pause } from './backoff';
import type { SnapshotPuller } from './snapshot/snapshotPull';

export type PullPhase = 'pull-full' | 'pull-delta' | 'rebuild';

export interface PullProgress {
  phase: PullPhase;
  rows: number;
  rowsPerSec: number;
  remaining: number;
}

export interface PullDeps {
  client: Pick<PlatformClient, 'syncEntries'>;
  store: ListDataStore;
  now: () => Date;
  pageSize: number;
  signal?: AbortSignal;
  onProgress?: (progress: PullProgress) => void;
  /** Called whenever a page is applied (the watchdog's sign of life). */
  heartbeat?: () => void;
  /** Rebuilds start from the platform's signed snapshot when the store takes snapshots. */
  snapshot?: SnapshotPuller;
  /**
   * How long to wait before a rebuild the platform asked for (409 resync, a new epoch): a new epoch
   * reaches every terminal at once, and a random wait spreads their rebuilds (lookups keep working
   * from the current data meanwhile). None when absent.
   */
  resyncDelayMs?: () => number;
}

export interface PullOutcome {
  mode: 'delta' | 'rebuild';
  rows: number;
  dataVersion: string | null;
}

/** The platform cannot serve the cursor (or the epoch changed): rebuild from the full state. */
function isResync(error: unknown): boolean {
  return isPlatformError(error) && error.kind === 'resync';
}

const MAX_REBUILD_RESTARTS = 3;

export async function pullList(deps: PullDeps): Promise<PullOutcome> {
  const state = await deps.store.loadFullState();
  if (state.rebuild) {
    const { generation, cursor, epoch } = state.rebuild;
    return rebuild(deps, generation, cursor, epoch, state.dataVersion === null);
  }
  if (state.cursor === null) return startRebuild(deps, true);
  let outcome: PullOutcome;
  try {
    outcome = await pagesInto(deps, 'live', 'pull-delta', state.cursor, state.epoch);
  } catch (error) {
    if (!(error instanceof EpochChanged || isResync(error))) throw error;
    await pause(deps.resyncDelayMs?.() ?? 0, deps.signal);
    deps.heartbeat?.();
    return startRebuild(deps, false);
  }
  // The delta overlay has grown past its threshold: the next snapshot replaces it.
  if (await deps.snapshot?.newerWanted()) return startRebuild(deps, false);
  return outcome;
}

async function startRebuild(deps: PullDeps, initial: boolean): Promise<PullOutcome> {
  const generation = await deps.store.beginRebuild(deps.now().toISOString());
  return rebuild(deps, generation, null, null, initial);
}

async function rebuild(
  deps: PullDeps,
  generation: RebuildGeneration,
  cursor: string | null,
  epoch: string | null,
  initial: boolean,
): Promise<PullOutcome> {
  const phase: PullPhase = initial ? 'pull-full' : 'rebuild';
  for (let restarts = 0; ; restarts++) {
    try {
      if (cursor === null && deps.snapshot) {
        const started = Date.now();
        const base = await deps.snapshot.install((rows, total) =>
          deps.onProgress?.({
            phase,
            rows,
            rowsPerSec: Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000)),
            remaining: total - rows,
          }),
        );
        if (base) ({ cursor, epoch } = base);
      }
      const outcome = await pagesInto(deps, 'rebuild', phase, cursor, epoch);
      // The generation this run filled — if another run began a rebuild since, this one refuses.
      await deps.store.commitRebuild(generation);
      // Lookups switched with the commit; the old generation only costs disk now.
      await deps.store.releaseStaleGeneration();
      return { ...outcome, mode: 'rebuild' };
    } catch (error) {
      const restart = error instanceof EpochChanged || isResync(error);
      if (!restart || restarts >= MAX_REBUILD_RESTARTS) throw error;
      generation = await deps.store.beginRebuild(deps.now().toISOString());
      cursor = null;
      epoch = null;
    }
  }
}

class EpochChanged extends Error {}

/**
 * hasMore without progress — the cursor it was asked after, or no change newer than the pages
 * before it (the same page again under a new cursor): following it could go on forever.
 */
function cursorStuck(): PlatformError {
  return new PlatformError({
    kind: 'malformed',
    status: 200,
    userError: codedError('sync_cursor_stuck'),
  });
}

async function pagesInto(
  deps: PullDeps,
  target: ListTarget,
  phase: PullPhase,
  startCursor: string | null,
  knownEpoch: string | null,
): Promise<PullOutcome> {
  const started = Date.now();
  let rows = 0;
  let epoch = knownEpoch;
  // Index keys are derived as soon as a page arrives — while the page before it is being written.
  const fetchPage = (after: string | null): Promise<SyncPage> =>
    deps.client.syncEntries(after, deps.pageSize, deps.signal).then((page) => {
      deps.store.prepare?.(page.changes);
      return page;
    });

  let after = startCursor;
  // Pages come in seq order: each page that promises more must bring a newer change than any before.
  let newestSeq = 0;
  let pending: Promise<SyncPage> = fetchPage(startCursor);
  for (;;) {
    const page = await pending;
    const pageNewest = page.changes.reduce((newest, change) => Math.max(newest, change.seq), 0);
    if (page.hasMore && (page.cursor === after || pageNewest <= newestSeq)) throw cursorStuck();
    newestSeq = Math.max(newestSeq, pageNewest);
    if (epoch !== null && page.epoch !== epoch) throw new EpochChanged();
    epoch = page.epoch;
    if (page.hasMore) {
      pending = fetchPage(page.cursor);
      // If applying this page fails the prefetch is abandoned; keep its rejection from surfacing.
      pending.catch(() => undefined);
    }
    await deps.store.applyChanges(
      {
        changes: page.changes,
        after,
        cursor: page.cursor,
        epoch: page.epoch,
        dataVersion: page.dataVersion,
        complete: !page.hasMore,
        receivedAt: deps.now().toISOString(),
      },
      target,
    );
    after = page.cursor;
    rows += page.changes.length;
    deps.heartbeat?.();
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    deps.onProgress?.({ phase, rows, rowsPerSec: Math.round(rows / seconds), remaining: page.hasMore ? page.remaining : 0 });
    if (!page.hasMore) return { mode: 'delta', rows, dataVersion: page.dataVersion };
    if (deps.signal?.aborted) throw deps.signal.reason ?? new Error('aborted');
  }
}
