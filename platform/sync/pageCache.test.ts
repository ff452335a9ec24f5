import { describe, expect, it } from 'vitest';
import type { ChangesPage } from './changesQuery';
import { SyncPageCache, type PageKey } from './pageCache';

const key = (after: number, lastSeq = 100): PageKey => ({ epoch: 'E1', run: 'R1', lastSeq, after, tombstonesAfter: lastSeq, limit: 10 });
const page = (bytes: number): ChangesPage => ({ json: Buffer.alloc(bytes, 'x'), count: 1, lastSeq: 1 });

describe('SyncPageCache', () => {
  it('builds a page once and serves the same bytes to every later terminal asking for it', async () => {
    const cache = new SyncPageCache(1_000);
    let builds = 0;
    const build = () => (builds++, page(100));
    const first = await cache.get(key(0), build);
    for (let i = 0; i < 999; i++) expect(await cache.get(key(0), build)).toBe(first);
    expect(builds).toBe(1);
  });

  it('builds afresh once the list has changed (another head seq), so no stale page is served', async () => {
    const cache = new SyncPageCache(1_000);
    let builds = 0;
    await cache.get(key(0, 100), () => (builds++, page(10)));
    await cache.get(key(0, 101), () => (builds++, page(10)));
    expect(builds).toBe(2);
  });

  it('holds at most its byte budget, dropping the least recently used page', async () => {
    const cache = new SyncPageCache(250);
    await cache.get(key(0), () => page(60));
    await cache.get(key(1), () => page(60));
    await cache.get(key(0), () => page(60)); // used again: key(1) is now the oldest
    await cache.get(key(2), () => page(60));
    await cache.get(key(3), () => page(60));
    await cache.get(key(4), () => page(60)); // 300 bytes asked for: one page must go
    expect(cache.heldBytes).toBeLessThanOrEqual(250);
    let rebuilt = false;
    await cache.get(key(0), () => ((rebuilt = true), page(60)));
    expect(rebuilt).toBe(false);
    await cache.get(key(1), () => ((rebuilt = true), page(60)));
    expect(rebuilt).toBe(true);
  });

  it('empty pages count against the budget too: a terminal polling at the head (or asking with every limit) cannot grow it for ever', async () => {
    const cache = new SyncPageCache(100_000);
    const empty = (): ChangesPage => ({ json: null, count: 0, lastSeq: null });
    // Every publish moves the head, and each terminal at the head asks for one more empty page.
    for (let head = 1; head <= 100_000; head++) await cache.get({ ...key(head, head), tombstonesAfter: head }, empty);
    expect(cache.pageCount).toBeLessThan(1_000);
    let rebuilt = false;
    await cache.get({ ...key(1, 1), tombstonesAfter: 1 }, () => ((rebuilt = true), empty()));
    expect(rebuilt).toBe(true);
  });

  it('shares a page still being built: terminals asking meanwhile wait for that one build', async () => {
    const cache = new SyncPageCache(1_000);
    let builds = 0;
    let finish: (p: ChangesPage) => void = () => undefined;
    const slow = () => (builds++, new Promise<ChangesPage>((resolve) => (finish = resolve)));
    const asked = Array.from({ length: 50 }, () => cache.get(key(0), slow));
    finish(page(100));
    const pages = await Promise.all(asked);
    expect(builds).toBe(1);
    expect(new Set(pages).size).toBe(1);
    // And once built it is served from memory.
    expect(await cache.get(key(0), slow)).toBe(pages[0]);
    expect(builds).toBe(1);
  });

  it('forgets a build that failed, so the next terminal asking builds it again', async () => {
    const cache = new SyncPageCache(1_000);
    await expect(cache.get(key(0), () => Promise.reject(new Error('worker died')))).rejects.toThrow('worker died');
    expect((await cache.get(key(0), () => page(10))).json?.length).toBe(10);
  });
});
