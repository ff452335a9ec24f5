import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CACHE_DB_VERSION, CacheDb, declareCacheSchema } from './cacheDb';
import { DexieListStore } from './dexieListStore';
import { toStoredEntry } from './entryIndexKeys';
import { JournalDb } from './journalDb';
import { entry, residentId } from '../../../tests/helpers/fixtures';

let seq = 0;
const dbName = () => `cache-test-${++seq}-${Date.now()}`;
const open: Dexie[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

describe('cache database migrations', () => {
  it('opens a v1 database with the current schema and keeps its rows and cursor', async () => {
    const name = dbName();
    const v1 = new Dexie(name);
    declareCacheSchema(v1, 1);
    const id = residentId();
    await v1
      .table('entries')
      .bulkPut([toStoredEntry(entry({ id: 'A1', identifier: id })), toStoredEntry(entry({ id: 'A2', identifier: id }))]);
    await v1.table('syncState').put({ key: 'list', cursor: 'c-42', epoch: 'ep1', dataVersion: 'v42', lastPullAt: '2024-05-01T00:00:00Z' });
    v1.close();

    const current = new CacheDb(name);
    open.push(current);
    await current.open();
    expect(current.verno).toBe(CACHE_DB_VERSION);
    const store = new DexieListStore(current);
    const state = await store.loadFullState();
    expect(state).toMatchObject({ cursor: 'c-42', epoch: 'ep1', dataVersion: 'v42', entryCount: 2, rebuild: null });
    expect((await store.lookupByKey(id)).map((e) => e.id).sort()).toEqual(['A1', 'A2']);
    expect(current.tables.map((t) => t.name)).not.toContain('entries');
  });

  it('wiping the cache leaves the journal untouched', async () => {
    const cacheName = dbName();
    const journalName = dbName();
    const cache = new CacheDb(cacheName);
    const journal = new JournalDb(journalName);
    open.push(cache, journal);
    await cache.catalogue.put({
      key: 'catalogue',
      catalogue: { version: 'x', fields: [], listTypes: [], measures: [], matters: [] },
      etag: null,
      fetchedAt: 'now',
    });
    await journal.meta.put({ key: 'outboxSeq', terminalId: 'T', next: 7 });
    await cache.delete();
    const reopened = new CacheDb(cacheName);
    open.push(reopened);
    expect(await reopened.catalogue.count()).toBe(0);
    expect(await journal.meta.get('outboxSeq')).toEqual({ key: 'outboxSeq', terminalId: 'T', next: 7 });
  });
});
