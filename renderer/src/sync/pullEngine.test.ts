import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ListEntry, SyncChange, SyncPage } from '../../../shared/contract';
import { problem } from '../../../shared/contract';
import { CacheDb } from '../data/cacheDb';
import { DexieListStore } from '../data/dexieListStore';
import { PlatformError } from '../api/platformError';
import { entry, residentId } from '../../../tests/helpers/fixtures';
import { pullList, type PullProgress } from './pullEngine';

/** A sync server double: an append-only change log with compaction and epochs. */
class FakeSyncServer {
  epoch = 'ep1';
  log: SyncChange[] = [];
  /** Cursors below this can no longer be served (compacted away). */
  floor = 0;
  seq = 0;
  calls = 0;
  failAfterCalls: number | null = null;

  put(e: ListEntry): void {
    this.log.push({ seq: ++this.seq, op: 'put', entry: e });
  }
  del(id: string): void {
    this.log.push({ seq: ++this.seq, op: 'del', entryId: id });
  }
  /** Current state: the latest put per id unless deleted. */
  state(): Map<string, ListEntry> {
    const out = new Map<string, ListEntry>();
    for (const c of this.log) {
      if (c.op === 'put') out.set(c.entry.id, c.entry);
      else out.delete(c.entryId);
    }
    return out;
  }

  async syncEntries(after: string | null, limit: number): Promise<SyncPage> {
    this.calls += 1;
    if (this.failAfterCalls !== null && this.calls > this.failAfterCalls) {
      throw new PlatformError({ kind: 'network', userError: { code: 'network', message: 'down' } });
    }
    // Cursor "epoch:f:seq" pages through the compacted state, "epoch:d:seq" through the log.
    const [epoch, mode, at] = after === null ? [this.epoch, 'f', '0'] : after.split(':');
    const from = Number(at);
    if (epoch !== this.epoch || (mode === 'd' && from < this.floor)) {
      throw new PlatformError({
        kind: 'resync',
        status: 409,
        problem: problem(409, 'resync', 'resync'),
        userError: { code: 'resync', message: 'resync' },
      });
    }
    const full = mode === 'f';
    let changes: SyncChange[];
    if (full) {
      const latest = new Map<string, SyncChange>();
      for (const c of this.log) if (c.op === 'put') latest.set(c.entry.id, c);
      for (const c of this.log) if (c.op === 'del') latest.delete(c.entryId);
      changes = [...latest.values()].sort((a, b) => a.seq - b.seq).filter((c) => c.seq > from);
    } else {
      changes = this.log.filter((c) => c.seq > from);
    }
    const pageChanges = changes.slice(0, limit);
    const rest = changes.length - pageChanges.length;
    const last = rest > 0 ? pageChanges.at(-1)!.seq : this.seq;
    const cursor = rest > 0 && full ? `${this.epoch}:f:${last}` : `${this.epoch}:d:${last}`;
    return { epoch: this.epoch, full, changes: pageChanges, cursor, hasMore: rest > 0, remaining: rest, dataVersion: `v${last}` };
  }
}

let cache: CacheDb;
let store: DexieListStore;
let server: FakeSyncServer;
let n = 0;
const now = () => new Date('2024-06-01T08:00:00Z');

beforeEach(() => {
  cache = new CacheDb(`pull-${++n}-${Date.now()}`);
  store = new DexieListStore(cache);
  server = new FakeSyncServer();
});
afterEach(() => cache.close());

async function localState(): Promise<Map<string, ListEntry>> {
  const state = await store.loadFullState();
  const live = (await cache.syncState.get('list'))!.activeTable;
  const rows = await cache.entryTable(live).toArray();
  expect(rows.length).toBe(state.entryCount);
  return new Map(rows.map(({ keys: _k, nameKeys: _n, ...e }) => [e.id, e]));
}

const ids = (count: number, start = 0) => Array.from({ length: count }, (_, i) => `E${start + i}`);

describe('pullList', () => {
  it('pulls the full state into a fresh generation, then deltas with deletions and status changes', async () => {
    for (const id of ids(25)) server.put(entry({ id, identifier: residentId() }));
    const progress: PullProgress[] = [];
    const first = await pullList({ client: server, store, now, pageSize: 10, onProgress: (p) => progress.push(p) });
    expect(first).toMatchObject({ mode: 'rebuild', rows: 25 });
    expect(progress.map((p) => p.phase)).toEqual(['pull-full', 'pull-full', 'pull-full']);
    expect(progress.map((p) => p.remaining)).toEqual([15, 5, 0]);
    expect(await localState()).toEqual(server.state());

    server.put({ ...server.state().get('E3')!, status: 'REPAIRED' });
    server.del('E4');
    server.put(entry({ id: 'E99', identifier: residentId() }));
    const second = await pullList({ client: server, store, now, pageSize: 10 });
    expect(second).toMatchObject({ mode: 'delta', rows: 3 });
    expect(await localState()).toEqual(server.state());
    expect((await localState()).get('E3')?.status).toBe('REPAIRED');
  });

  it('resumes an interrupted full pull from its own cursor, without re-reading what it applied', async () => {
    for (const id of ids(30)) server.put(entry({ id, identifier: residentId() }));
    server.failAfterCalls = 2;
    await expect(pullList({ client: server, store, now, pageSize: 10 })).rejects.toMatchObject({ kind: 'network' });
    const midway = await store.loadFullState();
    expect(midway.rebuild?.entryCount).toBeGreaterThan(0);
    expect(midway.dataVersion).toBeNull();
    server.failAfterCalls = null;
    server.calls = 0;
    await pullList({ client: server, store, now, pageSize: 10 });
    expect(await localState()).toEqual(server.state());
    expect(server.calls).toBeLessThanOrEqual(2);
  });

  it('on 409 resync rebuilds beside the live data and switches only when complete', async () => {
    for (const id of ids(12)) server.put(entry({ id, identifier: residentId('371002', '19800101', '777') }));
    await pullList({ client: server, store, now, pageSize: 50 });
    // The server compacts its log past our cursor and starts a new epoch.
    server.epoch = 'ep2';
    server.del('E0');
    server.put(entry({ id: 'E100', identifier: residentId('371002', '19800101', '777') }));
    server.floor = server.seq;

    let seenDuringRebuild: string[] | null = null;
    const original = store.applyChanges.bind(store);
    store.applyChanges = async (page, target) => {
      const result = await original(page, target);
      if (target === 'rebuild' && seenDuringRebuild === null) {
        seenDuringRebuild = (await store.lookupByKey(residentId('371002', '19800101', '777'))).map((e) => e.id);
      }
      return result;
    };
    const outcome = await pullList({ client: server, store, now, pageSize: 5 });
    expect(outcome.mode).toBe('rebuild');
    expect(seenDuringRebuild).toContain('E0'); // still the old generation mid-rebuild
    expect(await localState()).toEqual(server.state());
    expect((await store.loadFullState()).epoch).toBe('ep2');
  });
});

describe('pullList when a new epoch reaches every terminal at once', () => {
  afterEach(() => vi.useRealTimers());

  it('waits its random delay after the 409 before asking for the full state, and keeps the old data meanwhile', async () => {
    for (const id of ids(6)) server.put(entry({ id, identifier: residentId('371002', '19800101', '777') }));
    await pullList({ client: server, store, now, pageSize: 50 });
    server.epoch = 'ep2';
    server.put(entry({ id: 'E100', identifier: residentId('371002', '19800101', '777') }));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const callsBefore = server.calls;
    let done = false;
    const pulling = pullList({ client: server, store, now, pageSize: 50, resyncDelayMs: () => 20_000 }).then((outcome) => {
      done = true;
      return outcome;
    });
    // IndexedDB (fake-indexeddb) runs on setImmediate, which stays real: the delta request meets its 409.
    await vi.waitFor(() => expect(server.calls).toBe(callsBefore + 1));
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(19_000);
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    // Only the delta request that met the 409: no full-state page yet, lookups still see the old generation.
    expect(server.calls).toBe(callsBefore + 1);
    expect(done).toBe(false);
    expect((await store.loadFullState()).epoch).toBe('ep1');
    await vi.advanceTimersByTimeAsync(1_000);
    const outcome = await pulling;
    expect(outcome.mode).toBe('rebuild');
    expect((await store.loadFullState()).epoch).toBe('ep2');
    expect(await localState()).toEqual(server.state());
  });
});

describe('pullList against a misbehaving platform or a competing rebuild', () => {
  it('a page that says hasMore without moving the cursor is an error, not an endless loop', async () => {
    for (const id of ids(5)) server.put(entry({ id, identifier: residentId() }));
    await pullList({ client: server, store, now, pageSize: 50 });
    const stuck = await store.loadFullState();
    let calls = 0;
    const client = {
      async syncEntries(after: string | null): Promise<SyncPage> {
        // Bounded, so a client that loops fails this test instead of hanging it.
        if (++calls > 20) throw new Error('the client kept asking for the same page');
        return { epoch: server.epoch, full: false, changes: [], cursor: after!, hasMore: true, remaining: 3, dataVersion: 'v5' };
      },
    };
    await expect(pullList({ client, store, now, pageSize: 50 })).rejects.toMatchObject({
      kind: 'malformed',
      userError: { code: 'sync_cursor_stuck' },
    });
    expect(calls).toBe(1);
    expect((await store.loadFullState()).cursor).toBe(stuck.cursor);
  });

  it('a platform serving the same page forever under ever-new cursors is stopped, not followed', async () => {
    for (const id of ids(5)) server.put(entry({ id, identifier: residentId() }));
    await pullList({ client: server, store, now, pageSize: 50 });
    const before = await store.loadFullState();
    const page = server.log.slice(0, 2);
    let calls = 0;
    const client = {
      async syncEntries(): Promise<SyncPage> {
        // Bounded, so a client that loops fails this test instead of hanging it.
        if (++calls > 20) throw new Error('the client kept following a bogus cursor');
        return {
          epoch: server.epoch,
          full: false,
          changes: page,
          cursor: `ep1:d:bogus-${calls}`,
          hasMore: true,
          remaining: 3,
          dataVersion: 'v5',
        };
      },
    };
    await expect(pullList({ client, store, now, pageSize: 50 })).rejects.toMatchObject({
      kind: 'malformed',
      userError: { code: 'sync_cursor_stuck' },
    });
    expect(calls).toBeLessThanOrEqual(3);
    expect(await localState()).toEqual(server.state());
    expect((await store.loadFullState()).epoch).toBe(before.epoch);
  });

  it('an empty page that says hasMore is an error too, whatever its cursor', async () => {
    for (const id of ids(3)) server.put(entry({ id, identifier: residentId() }));
    await pullList({ client: server, store, now, pageSize: 50 });
    let calls = 0;
    const client = {
      async syncEntries(): Promise<SyncPage> {
        if (++calls > 20) throw new Error('the client kept following a bogus cursor');
        return {
          epoch: server.epoch,
          full: false,
          changes: [],
          cursor: `ep1:d:empty-${calls}`,
          hasMore: true,
          remaining: 1,
          dataVersion: 'v3',
        };
      },
    };
    await expect(pullList({ client, store, now, pageSize: 50 })).rejects.toMatchObject({ userError: { code: 'sync_cursor_stuck' } });
    expect(calls).toBe(1);
  });

  it('commits the generation it rebuilt, never one another run began meanwhile', async () => {
    for (const id of ids(12)) server.put(entry({ id, identifier: residentId() }));
    await pullList({ client: server, store, now, pageSize: 50 });
    server.epoch = 'ep2';
    server.put(entry({ id: 'E200', identifier: residentId() }));

    // Right after this run's last rebuild page, another run (a second tab, a run the watchdog
    // replaced) begins a rebuild of its own: the shadow generation is now empty again.
    const original = store.applyChanges.bind(store);
    let interfered = false;
    store.applyChanges = async (page, target) => {
      const result = await original(page, target);
      if (target === 'rebuild' && page.complete && !interfered) {
        interfered = true;
        await store.beginRebuild(now().toISOString());
      }
      return result;
    };
    await expect(pullList({ client: server, store, now, pageSize: 5 })).rejects.toThrow();
    // The live generation is still the complete old one, not the empty one just begun.
    expect((await localState()).size).toBe(12);
    expect((await store.loadFullState()).epoch).toBe('ep1');

    // The next pull finishes the rebuild that is now in progress.
    store.applyChanges = original;
    await pullList({ client: server, store, now, pageSize: 5 });
    expect(await localState()).toEqual(server.state());
  });
});
