import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncPage } from '../../../shared/contract';
import { CacheDb } from '../data/cacheDb';
import { DexieListStore } from '../data/dexieListStore';
import { JournalDb } from '../data/journalDb';
import type { PlatformClient } from '../api/platformClient';
import { PlatformError } from '../api/platformError';
import { catalogue } from '../../../tests/helpers/fixtures';
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
    identity: async () => ({ terminalId: 'T1' }),
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

  it('a failed pull does not hold the outbox back: the queue is delivered and the pull error reported', async () => {
    await journal.outbox.add({
      seq: 1,
      id: '01900000-0000-7000-8000-000000000001',
      kind: 'check',
      occurredAt: '2024-06-01T08:00:00Z',
      operatorId: 'op',
      terminalId: 'T1',
      body: {},
      enqueuedAt: '2024-06-01T08:00:00Z',
    });
    const { engine: e, status } = engine({
      syncEntries: () =>
        Promise.reject(
          new PlatformError({
            kind: 'server',
            status: 500,
            userError: { code: 'unavailable', message: '信用平台暂时无法处理请求（500）' },
          }),
        ),
      pushOutbox: async (request) => ({
        results: request.mutations.map((m) => ({ id: m.id, seq: m.seq, status: 'accepted' as const, receivedAt: '2024-06-01T08:00:00Z' })),
        nextSeq: 2,
      }),
    });
    await e.syncNow();
    expect(await journal.outbox.count()).toBe(0);
    expect(status.getState()).toMatchObject({ outboxDepth: 0, lastError: { code: 'unavailable' } });
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
    // Wait until the first engine holds the lock and is pulling (however busy the machine is).
    while (pulls === 0) await new Promise((r) => setTimeout(r, 5));
    await other.engine.syncNow();
    expect(pulls).toBe(1);
    release();
    await first;
    expect(slow.status.getState().dataVersion).toBe('v1');
  });
});
