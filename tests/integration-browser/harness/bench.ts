/**
 * Storage benchmark functions, run inside Chromium by tests/bench/storage-bench.ts. They use the
 * real services (sync engine, Dexie list store, outbox) and, as the baseline, plain IndexedDB
 * writing the same rows with the same indexes in the same batch size.
 */
import type { CreditCounterServices } from '../../../renderer/src/services/createServices';
import type { StoredEntry } from '../../../renderer/src/data/cacheDb';
import { pinyinInitials } from '../../../renderer/src/data/entryIndexKeys';
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

/** Where the time of a sync goes (applyChanges in total, and page fetches including parse). */
export const profile = { applyMs: 0, applyCalls: 0, fetchMs: 0, fetchCalls: 0, keysMs: 0 };

export interface BenchApi {
  ping(): string;
  profile(reset: boolean): typeof profile;
  initialSync(): Promise<Timed & { error: string | null }>;
  deltaSync(): Promise<Timed & { error: string | null }>;
  rawBaseline(batchSize: number): Promise<Timed>;
  sampleIds(count: number): Promise<string[]>;
  lookupTimes(samples: number): Promise<LookupTimes>;
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
    profile(reset) {
      const copy = { ...profile };
      if (reset) Object.assign(profile, { applyMs: 0, applyCalls: 0, fetchMs: 0, fetchCalls: 0, keysMs: 0 });
      return copy;
    },
    initialSync: timedSync,
    deltaSync: timedSync,

    async rawBaseline(batchSize) {
      const table = await liveTable(services());
      const name = 'bench-raw-baseline';
      await requestDone(indexedDB.deleteDatabase(name));
      const open = indexedDB.open(name, 1);
      open.onupgradeneeded = () => {
        const store = open.result.createObjectStore('entries', { keyPath: 'id' });
        store.createIndex('keys', 'keys', { multiEntry: true });
        store.createIndex('nameKeys', 'nameKeys', { multiEntry: true });
      };
      await requestDone(open);
      const db = open.result;
      let ms = 0;
      let rows = 0;
      let after: string | null = null;
      for (;;) {
        // Reading the rows is not timed; only writing them is.
        const chunk: StoredEntry[] = await (after === null ? table.orderBy(':id') : table.where(':id').above(after))
          .limit(batchSize)
          .toArray();
        if (chunk.length === 0) break;
        after = chunk[chunk.length - 1]!.id;
        const t0 = performance.now();
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('entries', 'readwrite');
          const store = tx.objectStore('entries');
          for (const row of chunk) store.put(row);
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
          tx.onabort = () => reject(tx.error);
        });
        ms += performance.now() - t0;
        rows += chunk.length;
      }
      db.close();
      await requestDone(indexedDB.deleteDatabase(name));
      return { ms, rows };
    },

    async sampleIds(count) {
      const table = await liveTable(services());
      const ids = (await table.toCollection().primaryKeys()) as string[];
      // Distinct ids (partial Fisher–Yates), so every change lands on a different entry.
      const n = Math.min(count, ids.length);
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(Math.random() * (ids.length - i));
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
      }
      return ids.slice(0, n);
    },

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
        const initials = pinyinInitials(row.subjectName).slice(0, 3);
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
