import { describe, expect, it } from 'vitest';
import type { ChangesPage } from '../db/entries';
import { SyncPageCache, type PageKey } from './pageCache';

const key = (after: number, lastSeq = 100): PageKey => ({ epoch: 'E1', run: 'R1', lastSeq, after, tombstonesAfter: lastSeq, limit: 10 });
const page = (bytes: number): ChangesPage => ({ json: Buffer.alloc(bytes, 'x'), count: 1, lastSeq: 1 });

describe('SyncPageCache', () => {
  it('builds a page once and serves the same bytes to every later terminal asking for it', () => {
    const cache = new SyncPageCache(1_000);
    let builds = 0;
    const build = () => (builds++, page(100));
    const first = cache.get(key(0), build);
    for (let i = 0; i < 999; i++) expect(cache.get(key(0), build)).toBe(first);
    expect(builds).toBe(1);
  });

  it('builds afresh once the list has changed (another head seq), so no stale page is served', () => {
    const cache = new SyncPageCache(1_000);
    let builds = 0;
    cache.get(key(0, 100), () => (builds++, page(10)));
    cache.get(key(0, 101), () => (builds++, page(10)));
    expect(builds).toBe(2);
  });

  it('holds at most its byte budget, dropping the least recently used page', () => {
    const cache = new SyncPageCache(250);
    cache.get(key(0), () => page(60));
    cache.get(key(1), () => page(60));
    cache.get(key(0), () => page(60)); // used again: key(1) is now the oldest
    cache.get(key(2), () => page(60));
    cache.get(key(3), () => page(60));
    cache.get(key(4), () => page(60)); // 300 bytes asked for: one page must go
    expect(cache.heldBytes).toBeLessThanOrEqual(250);
    let rebuilt = false;
    cache.get(key(0), () => ((rebuilt = true), page(60)));
    expect(rebuilt).toBe(false);
    cache.get(key(1), () => ((rebuilt = true), page(60)));
    expect(rebuilt).toBe(true);
  });

  it('empty pages count against the budget too: a terminal polling at the head (or asking with every limit) cannot grow it for ever', () => {
    const cache = new SyncPageCache(100_000);
    const empty = (): ChangesPage => ({ json: null, count: 0, lastSeq: null });
    // Every publish moves the head, and each terminal at the head asks for one more empty page.
    for (let head = 1; head <= 100_000; head++) cache.get({ ...key(head, head), tombstonesAfter: head }, empty);
    expect(cache.pageCount).toBeLessThan(1_000);
    let rebuilt = false;
    cache.get({ ...key(1, 1), tombstonesAfter: 1 }, () => ((rebuilt = true), empty()));
    expect(rebuilt).toBe(true);
  });
});
