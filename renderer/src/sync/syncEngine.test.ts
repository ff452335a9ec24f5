import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncPage } from '../../../shared/contract';
import { CacheDb } from '../data/cacheDb';
import { DexieListStore } from '../data/dexieListStore';
import { JournalDb } from '../data/journalDb';
import type { PlatformClient } from '../platform/platformClient';
import { catalogue } from '../testing/fixtures';
import { createSyncLock } from './syncLock';
import { DEFAULT_SYNC_OPTIONS, SyncEngine, type SyncOptions } from './syncEngine';
import { createSyncStatusStore } from './syncStatusStore';

let cache: CacheDb;
let journal: JournalDb;
let n = 0;

beforeEach(async () => {
  n += 1;
  cache = new CacheDb(`engine-cache-${n}-${Date.now()}`);
  journal = new JournalDb(`engine-journal-${n}-${Date.now()}`);
});
afterEach(() => {
  cache.close();
  journal.close();
});

const emptyPage: SyncPage = { epoch: 'e', full: true, changes: [], cursor: 'c', hasMore: false, remaining: 0, dataVersion: 'v1' };

function engine(client: Partial<PlatformClient>, options: Partial<SyncOptions> = {}, lock = createSyncLock('test', undefined)) {
  const status = createSyncStatusStore();
  const e = new SyncEngine({
    cache,
    journal,
    store: new DexieListStore(cache),
    status,
    lock,
    client: async () =>
      ({
        catalogue: async () => ({ notModified: false, catalogue: catalogue(), etag: null }),
        pushOutbox: async () => ({ results: [], nextSeq: 1 }),
        ...client,
      }) as PlatformClient,
    terminalId: async () => 'T1',
    session: () => 'active',
    onUnauthorized: () => undefined,
    now: () => new Date('2024-06-01T08:00:00Z'),
    random: () => 0,
    options: { ...DEFAULT_SYNC_OPTIONS, spreadMaxMs: 0, ...options },
  });
  return { engine: e, status };
}

describe('SyncEngine', () => {
  it('a watchdog aborts a sync that stopped making progress and starts it again', async () => {
    let calls = 0;
    const { engine: e, status } = engine(
      {
        // The first pull hangs forever (and ignores its abort signal); the second one works.
        syncEntries: () => (++calls === 1 ? new Promise<SyncPage>(() => undefined) : Promise.resolve(emptyPage)),
      },
      { stallMs: 150, watchdogIntervalMs: 50, intervalMs: 600_000 },
    );
    e.start();
    const deadline = Date.now() + 5_000;
    const seen: string[] = [];
    while (Date.now() < deadline && status.getState().dataVersion !== 'v1') {
      const code = status.getState().lastError?.code;
      if (code && !seen.includes(code)) seen.push(code);
      await new Promise((r) => setTimeout(r, 20));
    }
    await e.stop();
    expect(seen).toContain('sync_stalled');
    expect(calls).toBe(2);
    expect(status.getState()).toMatchObject({ dataVersion: 'v1', syncing: false, lastError: null });
  });

  it('only one syncer at a time: a second engine on the same lock skips its turn', async () => {
    const lock = createSyncLock('shared', undefined);
    let release!: () => void;
    let pulls = 0;
    const slow = engine(
      {
        syncEntries: () => {
          pulls += 1;
          return new Promise<SyncPage>((r) => {
            release = () => r(emptyPage);
          });
        },
      },
      {},
      lock,
    );
    const other = engine(
      {
        syncEntries: async () => {
          pulls += 1;
          return emptyPage;
        },
      },
      {},
      lock,
    );
    const first = slow.engine.syncNow();
    await new Promise((r) => setTimeout(r, 50));
    await other.engine.syncNow();
    expect(pulls).toBe(1);
    release();
    await first;
    expect(slow.status.getState().dataVersion).toBe('v1');
  });
});
