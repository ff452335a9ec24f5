/**
 * Storage benchmark functions, run inside Chromium by tests/bench/storage-bench.ts. They use the
 * real services (sync engine, Dexie list store, outbox) and, as the baseline, plain IndexedDB
 * writing the same rows with the same indexes in the same batch size — in a second origin, so
 * that neither shares a LevelDB with the other.
 */
import type { CreditCounterServices } from '../../../renderer/src/services/createServices';
import type { StoredEntry } from '../../../renderer/src/data/cacheDb';
import { toStoredEntry } from '../../../renderer/src/data/entryIndexKeys';
import { createInitialsCache, nameOf, pinyinInitials, type InitialsOf } from '../../../shared/names';
import { PlatformClient } from '../../../renderer/src/api/platformClient';
import type { SyncChange } from '../../../shared/contract';
import { drainOutbox } from '../../../renderer/src/sync/pushEngine';

export interface Timed {
  ms: number;
  rows: number;
}

export interface LookupTimes {
  samples: number;
  idP50: number;
  idP99: number;
  namePrefixP50: number;
  namePrefixP99: number;
  initialsP99: number;
  /** Plain IndexedDB index lookups on the same table, for comparison. */
  rawIdP50: number;
  rawIdP99: number;
}

/**
 * Where the time of a sync goes (applyChanges in total, page fetches including parse, snapshot
 * downloads: block and pack requests, SHA-256, AES-GCM, IndexedDB writes, the directory). Times of
 * concurrent work are summed, so they can add up to more than the wall time.
 */
/** Start to first lookup, ms since navigation start, and where the time went. */
export interface StartTimes {
  startMs: number;
  found: number;
  /** When the bench could call in (the page had loaded and its script had run). */
  pageReadyMs: number;
  /** Opening the databases and building the services, of which warmMs loading the list store. */
  servicesMs: number;
  warmMs: number | null;
  lookupMs: number;
}

export const profile = {
  applyMs: 0,
  applyCalls: 0,
  /** The slowest single page's apply (with applyMs and applyCalls: is one page the cost, or all). */
  applyMaxMs: 0,
  /** Index keys and pinyin initials of arriving pages (ahead of their write, beside the next fetch). */
  prepareMs: 0,
  fetchMs: 0,
  fetchCalls: 0,
  pushMs: 0,
  pushCalls: 0,
  blockCalls: 0,
  packCalls: 0,
  blockBytes: 0,
  blockFetchMs: 0,
  digestMs: 0,
  digestCalls: 0,
  decryptMs: 0,
  decryptCalls: 0,
  blockPutMs: 0,
  blockPuts: 0,
  blocksPut: 0,
  completeSnapshotMs: 0,
};

/** The same questions for every store: listed keys, keys on no list, name prefixes, initials. */
export interface LookupSample {
  present: string[];
  absent: string[];
  names: string[];
  initials: string[];
}

export interface StoreTimes {
  samples: number;
  idP50: number;
  idP99: number;
  namePrefixP50: number;
  namePrefixP99: number;
  initialsP99: number;
  /** The same lookups split: keys on a list (a block read) and keys on none (answered in memory). */
  listedP50: number;
  listedP99: number;
  unlistedP99: number;
  /** The floor under a listed key: one plain IndexedDB get of a stored block, same database. */
  rawBlockGetP50: number | null;
  rawBlockGetP99: number | null;
}

export interface BenchApi {
  ping(): string;
  /**
   * The baseline, in its own origin (its own LevelDB): pulls the full state as a terminal of its
   * own (not timed), derives the same rows and index keys (not timed), and writes them with plain
   * IndexedDB, same indexes, same batch size (timed).
   */
  rawLoad(platformUrl: string, enrolmentCode: string, operator: { id: string; password: string }, pageSize: number): Promise<Timed>;
  /** The baseline for the delta: the same changes after its cursor, plain put/delete (timed). */
  rawDelta(pageSize: number): Promise<Timed>;
  profile(reset: boolean): typeof profile;
  initialSync(): Promise<Timed & { error: string | null }>;
  deltaSync(): Promise<Timed & { error: string | null }>;
  lookupTimes(samples: number): Promise<LookupTimes>;
  /** The store's own lookups (half the keys absent) and searches, whatever its layout. */
  storeTimes(sample: LookupSample): Promise<StoreTimes>;
  /** After a reload: start the core on the existing databases and answer one lookup; ms since navigation start. */
  startToFirstLookup(options: { prefix: string; listStore: 'packed' | 'records' }, key: string): Promise<StartTimes>;
  outboxDrain(count: number, batchSize: number): Promise<Timed>;
  memory(): Promise<{ heapMB: number | null; diskMB: number | null }>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function liveTable(services: CreditCounterServices) {
  const { cache } = services.internals;
  return cache.entryTable((await cache.syncState.get('list'))?.activeTable ?? 'entriesA');
}

function requestDone(request: IDBRequest | IDBOpenDBRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

const RAW_DB = 'bench-raw-baseline';
let rawClient: PlatformClient | null = null;
let rawCursor: string | null = null;

function openRawDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(RAW_DB, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('entries', { keyPath: 'id' });
      store.createIndex('keys', 'keys', { multiEntry: true });
      store.createIndex('nameKeys', 'nameKeys', { multiEntry: true });
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

/** Writes one page with plain IndexedDB; returns the milliseconds the transaction took. */
function writeRaw(db: IDBDatabase, changes: readonly SyncChange[], initialsOf: InitialsOf): Promise<number> {
  // Deriving rows and keys is not part of the baseline's timed work.
  const rows = changes.map((c) => (c.op === 'put' ? toStoredEntry(c.entry, initialsOf) : c.entryId));
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const tx = db.transaction('entries', 'readwrite');
    const store = tx.objectStore('entries');
    for (const row of rows) {
      if (typeof row === 'string') store.delete(row);
      else store.put(row);
    }
    tx.oncomplete = () => resolve(performance.now() - t0);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

async function rawPull(pageSize: number, fromCursor: string | null): Promise<Timed> {
  if (!rawClient) throw new Error('rawLoad first');
  const db = await openRawDb();
  const initialsOf = createInitialsCache();
  let ms = 0;
  let rows = 0;
  let cursor = fromCursor;
  for (;;) {
    const page = await rawClient.syncEntries(cursor, pageSize);
    ms += await writeRaw(db, page.changes, initialsOf);
    rows += page.changes.length;
    cursor = page.cursor;
    if (!page.hasMore) break;
  }
  rawCursor = cursor;
  db.close();
  return { ms, rows };
}

/** Plain IndexedDB gets of random stored snapshot blocks (none when the store keeps no blocks). */
async function rawBlockGets(dbName: string, count: number): Promise<number[]> {
  const open = indexedDB.open(dbName);
  await requestDone(open);
  const db = open.result;
  try {
    if (!db.objectStoreNames.contains('snapBlocks')) return [];
    const listing = db.transaction('snapBlocks', 'readonly').objectStore('snapBlocks').getAllKeys();
    await requestDone(listing);
    const keys = listing.result;
    const times: number[] = [];
    for (let i = 0; i < count && keys.length > 0; i++) {
      const key = keys[Math.floor(Math.random() * keys.length)]!;
      const t0 = performance.now();
      await requestDone(db.transaction('snapBlocks', 'readonly').objectStore('snapBlocks').get(key));
      // (the value is read in full by the get: that is the cost a listed key's block read pays)
      times.push(performance.now() - t0);
    }
    return times;
  } finally {
    db.close();
  }
}

export function createBenchApi(services: () => CreditCounterServices): BenchApi {
  /** Pull with progress tracking (rows of the run). */
  async function timedSync(): Promise<Timed & { error: string | null }> {
    const s = services();
    let rows = 0;
    const unsubscribe = s.sync.status.subscribe((st) => {
      if (st.progress) rows = st.progress.rows;
    });
    const t0 = performance.now();
    await s.sync.syncNow();
    const ms = performance.now() - t0;
    unsubscribe();
    return { ms, rows, error: s.sync.status.getState().lastError?.message ?? null };
  }

  return {
    ping: () => 'pong',

    async rawLoad(platformUrl, enrolmentCode, operator, pageSize) {
      let token: string | null = null;
      rawClient = new PlatformClient({ platformUrl, appVersion: '0.1.0', getToken: () => token, timeouts: { syncMs: 120_000 } });
      const terminal = await rawClient.enrol({ enrolmentCode, name: '基准对照终端' });
      token = (await rawClient.createSession({ ...terminal, operatorId: operator.id, password: operator.password })).token;
      await requestDone(indexedDB.deleteDatabase(RAW_DB));
      return rawPull(pageSize, null);
    },

    rawDelta: (pageSize) => rawPull(pageSize, rawCursor),

    profile(reset) {
      const copy = { ...profile };
      if (reset) for (const key of Object.keys(profile) as Array<keyof typeof profile>) profile[key] = 0;
      return copy;
    },
    initialSync: timedSync,
    deltaSync: timedSync,

    async lookupTimes(samples) {
      const s = services();
      const table = await liveTable(s);
      const ids = (await table.toCollection().primaryKeys()) as string[];
      const picked = Array.from({ length: samples }, () => ids[Math.floor(Math.random() * ids.length)]!);
      const rows = (await table.bulkGet(picked)).filter((r): r is StoredEntry => r !== undefined);
      const store = s.internals.listStore;
      const idTimes: number[] = [];
      const nameTimes: number[] = [];
      const initialsTimes: number[] = [];
      for (const row of rows) {
        let t0 = performance.now();
        await store.lookupByKey(row.keys[0]!);
        idTimes.push(performance.now() - t0);
        t0 = performance.now();
        await store.searchByName(row.subjectName.slice(0, 2), 20);
        nameTimes.push(performance.now() - t0);
        const initials = pinyinInitials(row.subjectName, nameOf(row.subjectKind)).slice(0, 3);
        if (initials.length >= 2) {
          t0 = performance.now();
          await store.searchByName(initials, 20);
          initialsTimes.push(performance.now() - t0);
        }
      }
      // The same lookups with plain IndexedDB on the same database and index.
      const rawTimes: number[] = [];
      const open = indexedDB.open(s.internals.cache.name);
      await requestDone(open);
      const raw = open.result;
      for (const row of rows) {
        const t0 = performance.now();
        await new Promise<void>((resolve, reject) => {
          const request = raw.transaction(table.name, 'readonly').objectStore(table.name).index('keys').getAll(row.keys[0]!);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        });
        rawTimes.push(performance.now() - t0);
      }
      raw.close();
      const sort = (a: number[]) => [...a].sort((x, y) => x - y);
      const rawSorted = sort(rawTimes);
      const id = sort(idTimes);
      const name = sort(nameTimes);
      return {
        samples: rows.length,
        idP50: percentile(id, 50),
        idP99: percentile(id, 99),
        namePrefixP50: percentile(name, 50),
        namePrefixP99: percentile(name, 99),
        initialsP99: percentile(sort(initialsTimes), 99),
        rawIdP50: percentile(rawSorted, 50),
        rawIdP99: percentile(rawSorted, 99),
      };
    },

    async storeTimes(sample) {
      const store = services().internals.listStore;
      const idTimes: number[] = [];
      const nameTimes: number[] = [];
      const initialsTimes: number[] = [];
      const keys = sample.present.flatMap((key, i) => (sample.absent[i] ? [key, sample.absent[i]] : [key]));
      const listed: number[] = [];
      const unlisted: number[] = [];
      const absent = new Set(sample.absent);
      for (const key of keys) {
        const t0 = performance.now();
        await store.lookupByKey(key);
        const ms = performance.now() - t0;
        idTimes.push(ms);
        (absent.has(key) ? unlisted : listed).push(ms);
      }
      for (const name of sample.names) {
        const t0 = performance.now();
        await store.searchByName(name, 20);
        nameTimes.push(performance.now() - t0);
      }
      for (const initials of sample.initials) {
        const t0 = performance.now();
        await store.searchByName(initials, 20);
        initialsTimes.push(performance.now() - t0);
      }
      const sort = (a: number[]) => [...a].sort((x, y) => x - y);
      const raw = sort(await rawBlockGets(services().internals.cache.name, sample.present.length));
      const id = sort(idTimes);
      const name = sort(nameTimes);
      return {
        listedP50: percentile(sort(listed), 50),
        listedP99: percentile(sort(listed), 99),
        unlistedP99: percentile(sort(unlisted), 99),
        rawBlockGetP50: raw.length > 0 ? percentile(raw, 50) : null,
        rawBlockGetP99: raw.length > 0 ? percentile(raw, 99) : null,
        samples: keys.length,
        idP50: percentile(id, 50),
        idP99: percentile(id, 99),
        namePrefixP50: percentile(name, 50),
        namePrefixP99: percentile(name, 99),
        initialsP99: percentile(sort(initialsTimes), 99),
      };
    },

    startToFirstLookup: async () => {
      throw new Error('provided by the harness page');
    },

    async outboxDrain(count, batchSize) {
      const s = services();
      const { writer, journal } = s.internals;
      // Queue first (not timed), in commits of 500 audit records each.
      for (let done = 0; done < count; done += 500) {
        const events = Array.from({ length: Math.min(500, count - done) }, (_, i) => ({
          action: 'PRINT' as const,
          actor: 'c001',
          purpose: null,
          subject: null,
          outcome: 'printed',
          detail: `bench ${done + i}`,
        }));
        await writer.commit({ audits: events });
      }
      const client = await s.internals.platform();
      const terminalId = (await s.internals.identity())!.terminalId;
      const queued = await journal.outbox.count();
      const t0 = performance.now();
      const outcome = await drainOutbox({ client: client!, journal, terminalId, now: () => new Date(), batchSize });
      return { ms: performance.now() - t0, rows: queued - outcome.remaining };
    },

    async memory() {
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      const estimate = await navigator.storage?.estimate?.();
      return {
        heapMB: memory ? memory.usedJSHeapSize / 1_048_576 : null,
        diskMB: estimate?.usage !== undefined ? estimate.usage / 1_048_576 : null,
      };
    },
  };
}
