/**
 * The one seam between list data and its storage layout. The sync engine writes through it and
 * the lookup service reads through it. Two layouts stand behind it: snapshot blocks plus a delta
 * overlay (packed/, the default) and one IndexedDB record per entry (dexieListStore.ts).
 */
import type { ListEntry, SignedDataVersion, SyncChange } from '../../../shared/contract';
import type { NameHit } from '../../../shared/snapshot';
import type { SnapshotTarget } from './packed/packedListStore';

export type { NameHit };

export interface ListState {
  cursor: string | null;
  epoch: string | null;
  dataVersion: string | null;
  lastPullAt: string | null;
  entryCount: number;
  /** A full rebuild in progress (resumed after a reload), or null. Its entryCount is an estimate until the commit. */
  rebuild: { generation: RebuildGeneration; cursor: string | null; epoch: string | null; entryCount: number; startedAt: string } | null;
}

/** One page of changes, applied with its cursor in one transaction. */
export interface ListPage {
  changes: SyncChange[];
  /**
   * The cursor this page was requested after. When given, the page applies only if the target's
   * cursor is still exactly that: a stale applier (a run the watchdog gave up on, a second tab
   * without Web Locks) fails instead of skipping or repeating pages.
   */
  after?: string | null;
  cursor: string;
  epoch: string;
  dataVersion: string;
  /** The server has nothing more after this page. */
  complete: boolean;
  /** When this page was received (becomes lastPullAt when complete). */
  receivedAt: string;
}

export interface ApplyResult {
  put: number;
  deleted: number;
  entryCount: number;
}

export type ListTarget = 'live' | 'rebuild';

/** Names one begun rebuild: whoever filled it passes it to commitRebuild. */
export type RebuildGeneration = string;

/** commitRebuild was asked to switch in a rebuild that is no longer the one in progress. */
export class RebuildReplacedError extends Error {
  constructor() {
    super('another rebuild was begun since this one; it was not committed');
    this.name = 'RebuildReplacedError';
  }
}

export class CursorMovedError extends Error {
  constructor() {
    super('the list cursor moved since this page was requested');
    this.name = 'CursorMovedError';
  }
}

/** A page applies only after the cursor it was requested after (see ListPage.after). */
export function assertPageFollows(page: ListPage, cursor: string | null): void {
  if (page.after !== undefined && cursor !== page.after) throw new CursorMovedError();
}

export interface ListDataStore {
  loadFullState(): Promise<ListState>;
  /**
   * Optional warm-up: derive index keys for a page before it is applied, so the pull engine can
   * do this CPU work while the previous page is still being written.
   */
  prepare?(changes: readonly SyncChange[]): void;
  /** Applies the page and advances the target's cursor atomically. */
  applyChanges(page: ListPage, target: ListTarget): Promise<ApplyResult>;
  /** Every stored entry published under this identifier form (18/15-digit ID, USCC, org code). */
  lookupByKey(key: string): Promise<ListEntry[]>;
  /**
   * Entries whose name starts with the query, or whose pinyin initials do (Latin-letter queries),
   * ordered by name key then entry id, each entry once: what a candidate list needs, not the entry.
   */
  searchByName(query: string, limit: number): Promise<NameHit[]>;
  /** Every stored entry, sorted by id (consistency checks and diagnostics; reads everything). */
  exportEntries(): Promise<ListEntry[]>;
  count(): Promise<number>;
  dataVersion(): Promise<string | null>;
  /** Starts (or restarts) a full rebuild in a fresh generation; lookups keep using the live one. */
  beginRebuild(startedAt: string): Promise<RebuildGeneration>;
  /**
   * Makes the rebuilt generation live in one transaction — only if `generation` (what the caller
   * began and filled) is still the rebuild in progress; otherwise RebuildReplacedError, live untouched.
   */
  commitRebuild(generation: RebuildGeneration): Promise<void>;
  /** Frees the generation that is no longer live (after a commit). */
  releaseStaleGeneration(): Promise<void>;
  /** A layout that installs platform snapshots (the pull engine then fetches those instead of the full state). */
  snapshots?: SnapshotTarget;
  /** The platform-signed statement of the snapshot the live data is based on, kept with each check. */
  signedDataVersion?(): Promise<SignedDataVersion | null>;
}
