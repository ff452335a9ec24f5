/**
 * ListDataStore over per-record Dexie tables: one row per entry with multiEntry indexes for the
 * identifier forms (`keys`) and name prefixes (`nameKeys`), in two generations (A/B) so a full
 * rebuild is written beside the live data and switched in with one small transaction.
 */
import type { ListEntry, SyncChange } from '../../../shared/contract';
import { INITIAL_LIST_STATE, type CacheDb, type EntryTableName, type LiveListState, type RebuildState, type StoredEntry } from './cacheDb';
import { initialsQueryKey, isInitialsQuery, normaliseName } from '../../../shared/names';
import { fromStoredEntry } from './entryIndexKeys';
import { PreparedRows } from './preparedRows';
import { RebuildReplacedError, assertPageFollows } from './listDataStore';
import type { ApplyResult, ListDataStore, ListPage, ListState, ListTarget, NameHit, RebuildGeneration } from './listDataStore';
import Dexie, { type Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { nameHitOf } from './packed/overlay';

function request<T>(req: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result as T);
    req.onerror = () => reject(req.error);
  });
}

function generationOf(rebuild: RebuildState): RebuildGeneration {
  return rebuild.generation ?? rebuild.startedAt;
}

function otherTable(name: EntryTableName): EntryTableName {
  return name === 'entriesA' ? 'entriesB' : 'entriesA';
}

export class DexieListStore implements ListDataStore {
  /** Which generation is live, as last seen; every read re-checks it inside its transaction. */
  private liveHint: EntryTableName = 'entriesA';
  /** Rows computed by prepare(), taken by applyChanges() for the same page. */
  private readonly prepared = new PreparedRows();

  constructor(private readonly db: CacheDb) {}

  async loadFullState(): Promise<ListState> {
    return this.db.transaction('r', this.db.syncState, this.db.rebuildState, async () => {
      const live = (await this.db.syncState.get('list')) ?? INITIAL_LIST_STATE;
      const rebuild = await this.db.rebuildState.get('rebuild');
      this.liveHint = live.activeTable;
      return {
        cursor: live.cursor,
        epoch: live.epoch,
        dataVersion: live.dataVersion,
        lastPullAt: live.lastPullAt,
        entryCount: live.entryCount,
        rebuild: rebuild
          ? {
              generation: generationOf(rebuild),
              cursor: rebuild.cursor,
              epoch: rebuild.epoch,
              entryCount: rebuild.entryCount,
              startedAt: rebuild.startedAt,
            }
          : null,
      };
    });
  }

  prepare(changes: readonly SyncChange[]): void {
    this.prepared.prepare(changes);
  }

  async applyChanges(page: ListPage, target: ListTarget): Promise<ApplyResult> {
    const rows = this.prepared.take(page.changes);
    if (target === 'live') {
      return this.withLiveTable('rw', async (table, state) => {
        assertPageFollows(page, state.cursor);
        const result = await writeRows(table, rows, state.entryCount);
        await this.db.syncState.put({
          ...state,
          cursor: page.cursor,
          epoch: page.epoch,
          dataVersion: page.dataVersion,
          lastPullAt: page.complete ? page.receivedAt : state.lastPullAt,
          entryCount: result.entryCount,
        });
        return result;
      });
    }
    const rebuild = await this.db.rebuildState.get('rebuild');
    if (!rebuild) throw new Error('no rebuild in progress');
    const table = this.db.entryTable(rebuild.table);
    return this.db.transaction('rw', this.db.rebuildState, table, async () => {
      const current = await this.db.rebuildState.get('rebuild');
      if (!current || current.table !== rebuild.table || generationOf(current) !== generationOf(rebuild)) {
        throw new RebuildReplacedError();
      }
      assertPageFollows(page, current.cursor);
      // The rebuild counts blindly (no reads while bulk loading); commitRebuild counts exactly once.
      const result = await writeRowsBlind(table, rows, current.entryCount);
      await this.db.rebuildState.put({
        ...current,
        cursor: page.cursor,
        epoch: page.epoch,
        dataVersion: page.dataVersion,
        entryCount: result.entryCount,
        lastPageAt: page.receivedAt,
      });
      return result;
    });
  }

  async lookupByKey(key: string): Promise<ListEntry[]> {
    // The clerk waits on this: plain IndexedDB, one transaction, both requests at once.
    const raw = this.rawDb();
    if (raw) {
      for (let attempt = 0; attempt < 3; attempt++) {
        const hint = this.liveHint;
        const tx = raw.transaction(['syncState', hint], 'readonly');
        const [state, rows] = await Promise.all([
          request<LiveListState | undefined>(tx.objectStore('syncState').get('list')),
          request<StoredEntry[]>(tx.objectStore(hint).index('keys').getAll(key)),
        ]);
        const live = (state ?? INITIAL_LIST_STATE).activeTable;
        if (live === hint) return rows.map(fromStoredEntry);
        this.liveHint = live;
      }
    }
    const rows = await this.withLiveTable('r', (table) => table.where('keys').equals(key).toArray());
    return rows.map(fromStoredEntry);
  }

  /** The underlying IDBDatabase once Dexie has opened it (null before, or without one). */
  private rawDb(): IDBDatabase | null {
    if (!this.db.isOpen()) return null;
    try {
      return this.db.backendDB();
    } catch {
      return null;
    }
  }

  async searchByName(query: string, limit: number): Promise<NameHit[]> {
    const trimmed = query.trim();
    if (!trimmed || limit <= 0) return [];
    const prefix = isInitialsQuery(trimmed) ? initialsQueryKey(trimmed) : normaliseName(trimmed);
    const rows = await this.withLiveTable('r', (table) => table.where('nameKeys').startsWith(prefix).distinct().limit(limit).toArray());
    return rows.map(nameHitOf);
  }

  async exportEntries(): Promise<ListEntry[]> {
    const rows = await this.withLiveTable('r', (table) => table.toArray());
    return rows.map(fromStoredEntry);
  }

  async count(): Promise<number> {
    return (await this.liveState()).entryCount;
  }

  async dataVersion(): Promise<string | null> {
    return (await this.liveState()).dataVersion;
  }

  async beginRebuild(startedAt: string): Promise<RebuildGeneration> {
    const live = await this.liveState();
    const shadow = this.db.entryTable(otherTable(live.activeTable));
    const generation = uuidv7();
    await this.db.transaction('rw', this.db.syncState, this.db.rebuildState, shadow, async () => {
      const current = (await this.db.syncState.get('list')) ?? INITIAL_LIST_STATE;
      if (current.activeTable !== live.activeTable) throw new Error('live generation changed during beginRebuild');
      await shadow.clear();
      await this.db.rebuildState.put({
        key: 'rebuild',
        generation,
        table: otherTable(current.activeTable),
        cursor: null,
        epoch: null,
        dataVersion: null,
        entryCount: 0,
        startedAt,
      });
    });
    return generation;
  }

  async commitRebuild(generation: RebuildGeneration): Promise<void> {
    const pending = await this.db.rebuildState.get('rebuild');
    if (!pending || generationOf(pending) !== generation) throw new RebuildReplacedError();
    await this.db.transaction('rw', this.db.syncState, this.db.rebuildState, this.db.entryTable(pending.table), async () => {
      const rebuild = await this.db.rebuildState.get('rebuild');
      if (!rebuild || generationOf(rebuild) !== generation) throw new RebuildReplacedError();
      const live = (await this.db.syncState.get('list')) ?? INITIAL_LIST_STATE;
      // One count() per rebuild (a scan, but once): a full pass may repeat or tombstone ids.
      const entryCount = await this.db.entryTable(rebuild.table).count();
      await this.db.syncState.put({
        ...live,
        activeTable: rebuild.table,
        cursor: rebuild.cursor,
        epoch: rebuild.epoch,
        dataVersion: rebuild.dataVersion,
        entryCount,
        lastPullAt: rebuild.lastPageAt ?? live.lastPullAt,
      });
      await this.db.rebuildState.delete('rebuild');
    });
    this.liveHint = (await this.liveState()).activeTable;
  }

  async releaseStaleGeneration(): Promise<void> {
    const state = await this.loadFullState();
    if (state.rebuild) return; // the other generation is being rebuilt, not stale
    await this.db.entryTable(otherTable(this.liveHint)).clear();
  }

  private async liveState(): Promise<LiveListState> {
    const state = (await this.db.syncState.get('list')) ?? INITIAL_LIST_STATE;
    this.liveHint = state.activeTable;
    return state;
  }

  /**
   * Runs `fn` on the live generation inside one transaction that also reads the live state, so
   * a generation switch by another tab between "which table?" and the read cannot be missed.
   * Reads issue both requests at once (one round trip); writes read the state first.
   */
  private async withLiveTable<T>(
    mode: 'r' | 'rw',
    fn: (table: Table<StoredEntry, string>, state: LiveListState) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const hint = this.liveHint;
      const table = this.db.entryTable(hint);
      const outcome: { switched: EntryTableName } | { value: T } = await this.db.transaction(mode, this.db.syncState, table, async () => {
        if (mode === 'r') {
          const [state, value] = await Promise.all([this.db.syncState.get('list'), fn(table, INITIAL_LIST_STATE)]);
          const live = (state ?? INITIAL_LIST_STATE).activeTable;
          return live === hint ? { value } : { switched: live };
        }
        const state = (await this.db.syncState.get('list')) ?? INITIAL_LIST_STATE;
        if (state.activeTable !== hint) return { switched: state.activeTable };
        return { value: await fn(table, state) };
      });
      if ('value' in outcome) return outcome.value;
      this.liveHint = outcome.switched;
    }
    throw new Error('live generation kept switching');
  }
}

async function writeRows(
  table: Table<StoredEntry, string>,
  rows: Map<string, StoredEntry | null>,
  countBefore: number,
): Promise<ApplyResult> {
  const ids = [...rows.keys()];
  const present = await existingIds(table, ids);
  const puts: StoredEntry[] = [];
  const dels: string[] = [];
  let entryCount = countBefore;
  for (const [id, row] of rows) {
    if (row) {
      puts.push(row);
      if (!present.has(id)) entryCount += 1;
    } else if (present.has(id)) {
      dels.push(id);
      entryCount -= 1;
    }
  }
  if (puts.length > 0) await table.bulkPut(puts);
  if (dels.length > 0) await table.bulkDelete(dels);
  return { put: puts.length, deleted: dels.length, entryCount };
}

/** Bulk load into a fresh generation: writes only, the count is an estimate until the commit. */
async function writeRowsBlind(
  table: Table<StoredEntry, string>,
  rows: Map<string, StoredEntry | null>,
  countBefore: number,
): Promise<ApplyResult> {
  const puts: StoredEntry[] = [];
  const dels: string[] = [];
  for (const [id, row] of rows) {
    if (row) puts.push(row);
    else dels.push(id);
  }
  if (puts.length > 0) await table.bulkPut(puts);
  if (dels.length > 0) await table.bulkDelete(dels);
  return { put: puts.length, deleted: dels.length, entryCount: countBefore + puts.length };
}

/**
 * Which of `ids` are stored. Inside a Dexie transaction the requests go straight to IndexedDB,
 * all at once, as count(key) — no values are read or cloned. (A key cursor with anyOf() would
 * take one round trip per id; bulkGet would deserialise every row.)
 */
async function existingIds(table: Table<StoredEntry, string>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const idbtrans = Dexie.currentTransaction?.idbtrans;
  if (!idbtrans) {
    const rows = await table.bulkGet([...ids]);
    return new Set(ids.filter((_, i) => rows[i] !== undefined));
  }
  const store = idbtrans.objectStore(table.name);
  const counts = await Promise.all(ids.map((id) => request<number>(store.count(id))));
  return new Set(ids.filter((_, i) => counts[i]! > 0));
}
