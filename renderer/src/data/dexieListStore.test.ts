import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListEntry, SyncChange } from '../../../shared/contract';
import { entry, legacyOf, orgCode, residentId, uscc } from '../../../tests/helpers/fixtures';
import { CacheDb } from './cacheDb';
import { DexieListStore } from './dexieListStore';
import { CursorMovedError, RebuildReplacedError, type ListPage } from './listDataStore';

let db: CacheDb;
let store: DexieListStore;
let n = 0;

beforeEach(() => {
  db = new CacheDb(`list-store-${++n}-${Date.now()}`);
  store = new DexieListStore(db);
});
afterEach(() => db.close());

function page(changes: SyncChange[], cursor: string, extra: Partial<ListPage> = {}): ListPage {
  return { changes, cursor, epoch: 'ep1', dataVersion: `v-${cursor}`, complete: true, receivedAt: '2024-06-01T00:00:00Z', ...extra };
}
let s = 0;
const put = (e: ListEntry): SyncChange => ({ seq: ++s, op: 'put', entry: e });
const del = (entryId: string): SyncChange => ({ seq: ++s, op: 'del', entryId });

async function seedLive(changes: SyncChange[]): Promise<void> {
  const generation = await store.beginRebuild('2024-06-01T00:00:00Z');
  await store.applyChanges(page(changes, 'c1'), 'rebuild');
  await store.commitRebuild(generation);
}

describe('DexieListStore indexes', () => {
  it('finds a person by the 18-digit ID and by the legacy 15-digit form, whichever was published', async () => {
    const id18 = residentId('371002', '19650304', '211');
    const other = residentId('371002', '19700101', '333');
    await seedLive([
      put(entry({ id: 'L1', identifier: legacyOf(id18) })),
      put(entry({ id: 'L2', identifier: id18 })),
      put(entry({ id: 'X', identifier: other })),
    ]);
    expect((await store.lookupByKey(id18)).map((e) => e.id).sort()).toEqual(['L1', 'L2']);
    expect((await store.lookupByKey(legacyOf(id18))).map((e) => e.id).sort()).toEqual(['L1', 'L2']);
  });

  it('finds an organisation by USCC and by the organisation code inside it (court data carries only that)', async () => {
    const code = uscc('MA3C4K5X');
    await seedLive([put(entry({ id: 'U1', identifier: code })), put(entry({ id: 'O1', identifier: orgCode('MA3C4K5X') }))]);
    expect((await store.lookupByKey(code)).map((e) => e.id)).toEqual(['U1']);
    expect((await store.lookupByKey(orgCode('MA3C4K5X'))).map((e) => e.id).sort()).toEqual(['O1', 'U1']);
  });

  it('searches names by prefix and by pinyin initials, over the whole dataset', async () => {
    const rows = [
      entry({ id: 'N1', identifier: residentId('371002', '19800101', '001'), subjectName: '张三丰' }),
      entry({ id: 'N2', identifier: residentId('371002', '19800101', '002'), subjectName: '张三' }),
      entry({ id: 'N3', identifier: residentId('371002', '19800101', '003'), subjectName: '李四' }),
      entry({ id: 'N4', identifier: uscc('12345678'), subjectName: '威海市海贝科技有限公司' }),
    ];
    await seedLive(rows.map(put));
    expect((await store.searchByName('张三', 10)).map((e) => e.id).sort()).toEqual(['N1', 'N2']);
    expect((await store.searchByName('zs', 10)).map((e) => e.id).sort()).toEqual(['N1', 'N2']);
    expect((await store.searchByName('ZSF', 10)).map((e) => e.id)).toEqual(['N1']);
    expect((await store.searchByName('威海市海贝', 10)).map((e) => e.id)).toEqual(['N4']);
    expect((await store.searchByName('WHSHB', 10)).map((e) => e.id)).toEqual(['N4']);
    expect(await store.searchByName('王', 10)).toEqual([]);
  });
});

describe('DexieListStore counter and changes', () => {
  it('keeps an exact entry count through puts, updates, deletes and repeats within a page', async () => {
    const a = entry({ id: 'A', identifier: residentId() });
    const b = entry({ id: 'B', identifier: residentId('371002', '19800101', '555') });
    await seedLive([put(a), put(b)]);
    expect(await store.count()).toBe(2);
    const result = await store.applyChanges(
      page([put({ ...a, status: 'REPAIRED' }), del('B'), del('nope'), put(entry({ id: 'C', identifier: residentId() })), del('C')], 'c2'),
      'live',
    );
    expect(result).toMatchObject({ entryCount: 1 });
    expect(await store.count()).toBe(1);
    expect((await store.lookupByKey(residentId()))[0]?.status).toBe('REPAIRED');
    const state = await store.loadFullState();
    expect(state).toMatchObject({ cursor: 'c2', dataVersion: 'v-c2', entryCount: 1 });
  });

  it('advances the cursor only together with the page (a failed page leaves both unchanged)', async () => {
    await seedLive([put(entry({ id: 'A', identifier: residentId() }))]);
    const bad = { seq: 99, op: 'put', entry: { id: 'Z', identifier: residentId(), subjectName: 5 } } as unknown as SyncChange;
    // A row Dexie cannot index (a function is not cloneable) aborts the transaction.
    const poisoned = {
      ...bad,
      entry: { ...(bad as { entry: object }).entry, subjectName: '王五', extra: () => 1 },
    } as unknown as SyncChange;
    await expect(store.applyChanges(page([put(entry({ id: 'B', identifier: residentId() })), poisoned], 'c9'), 'live')).rejects.toThrow();
    expect(await store.loadFullState()).toMatchObject({ cursor: 'c1', entryCount: 1 });
    expect((await store.lookupByKey(residentId())).map((e) => e.id)).toEqual(['A']);
  });
});

describe('DexieListStore rebuild', () => {
  it('keeps lookups on the old generation until the rebuild commits, then switches atomically', async () => {
    const id = residentId();
    await seedLive([put(entry({ id: 'OLD', identifier: id }))]);
    const generation = await store.beginRebuild('2024-06-02T00:00:00Z');
    await store.applyChanges(page([put(entry({ id: 'NEW', identifier: id }))], 'r1', { epoch: 'ep2', complete: false }), 'rebuild');
    expect((await store.lookupByKey(id)).map((e) => e.id)).toEqual(['OLD']);
    expect(await store.loadFullState()).toMatchObject({ cursor: 'c1', rebuild: { cursor: 'r1', epoch: 'ep2', entryCount: 1 } });

    // A second store instance (another tab) sees the same switch.
    const otherTab = new DexieListStore(db);
    expect((await otherTab.lookupByKey(id)).map((e) => e.id)).toEqual(['OLD']);
    await store.commitRebuild(generation);
    expect((await otherTab.lookupByKey(id)).map((e) => e.id)).toEqual(['NEW']);
    expect(await store.loadFullState()).toMatchObject({ cursor: 'r1', epoch: 'ep2', entryCount: 1, rebuild: null });
    await store.releaseStaleGeneration();
    expect((await db.entriesA.count()) + (await db.entriesB.count())).toBe(1);
  });

  it('commits only the generation named by its caller; a rebuild begun since stays in progress', async () => {
    const id = residentId();
    await seedLive([put(entry({ id: 'OLD', identifier: id }))]);
    const filled = await store.beginRebuild('2024-06-02T00:00:00Z');
    await store.applyChanges(page([put(entry({ id: 'NEW', identifier: id }))], 'r1', { epoch: 'ep2' }), 'rebuild');
    const begunSince = await store.beginRebuild('2024-06-02T00:00:00Z');
    await expect(store.commitRebuild(filled)).rejects.toBeInstanceOf(RebuildReplacedError);
    expect((await store.lookupByKey(id)).map((e) => e.id)).toEqual(['OLD']);
    expect((await store.loadFullState()).rebuild).toMatchObject({ generation: begunSince, cursor: null });
  });

  it('counts exactly after a rebuild whose full pass repeated an id and carried tombstones', async () => {
    const generation = await store.beginRebuild('2024-06-03T00:00:00Z');
    const a = entry({ id: 'A', identifier: residentId() });
    await store.applyChanges(
      page([put(a), put(entry({ id: 'B', identifier: residentId() })), del('never-seen')], 'r1', { complete: false }),
      'rebuild',
    );
    // A was updated while the pass was under way: it comes again later in the pass.
    await store.applyChanges(page([put({ ...a, status: 'REMOVED' }), del('B')], 'r2'), 'rebuild');
    await store.commitRebuild(generation);
    expect(await store.count()).toBe(1);
    expect((await store.lookupByKey(residentId()))[0]?.status).toBe('REMOVED');
  });

  it('refuses a page whose cursor precondition no longer holds (a stale or second applier)', async () => {
    await seedLive([put(entry({ id: 'A', identifier: residentId() }))]);
    await store.applyChanges(page([put(entry({ id: 'B', identifier: residentId() }))], 'c2', { after: 'c1' }), 'live');
    await expect(store.applyChanges(page([del('A')], 'c2b', { after: 'c1' }), 'live')).rejects.toBeInstanceOf(CursorMovedError);
    expect(await store.loadFullState()).toMatchObject({ cursor: 'c2', entryCount: 2 });
  });
});
