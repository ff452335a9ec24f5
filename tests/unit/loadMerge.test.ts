/**
 * The load harness's one report from several simulator processes (tests/load/merge.ts): the figures
 * must be those of the whole fleet — percentiles over every request, not an average of each
 * process's; seconds summed one by one; a URL both processes fetched counted once among the distinct
 * ones, and its platform answers added before the most is taken.
 */
import { describe, expect, it } from 'vitest';
import { mergeReports } from '../load/merge';
import type { PartReport, PartSnapshot } from '../load/protocol';

function part(overrides: Partial<PartReport>): PartReport {
  return {
    scenario: 'resync',
    terminals: 2,
    seconds: 10,
    latencies: {},
    statuses: {},
    perSecond: [],
    accepted: 0,
    firstAcceptAt: 0,
    lastAcceptAt: 0,
    syncBytes: 0,
    drainSeconds: 5,
    lost: 0,
    lostIds: [],
    madeLost: null,
    duplicated: 0,
    chainBroken: 0,
    behind: 0,
    ...overrides,
  };
}

function snapshot(overrides: Partial<PartSnapshot>): PartSnapshot {
  return {
    manifests: 2,
    manifestsVerified: 2,
    snapshotBlocks: 32,
    requests: 4,
    urls: [],
    missesByUrl: {},
    blocksVerified: 64,
    blocksRefused: 0,
    cacheHits: 0,
    cacheMisses: 0,
    blockBytes: 1000,
    terminalsWithAllBlocks: 2,
    ...overrides,
  };
}

describe('mergeReports', () => {
  it('takes percentiles over every sample of every process, per route, with counts and rates of the whole fleet', () => {
    // Fast process: 1..99 ms; slow process: a hundred 1,000 ms answers. Averaging each one's p50 would give ~525.
    const fast = Array.from({ length: 99 }, (_, i) => i + 1);
    const slow = Array.from({ length: 100 }, () => 1000);
    const merged = mergeReports([
      part({ latencies: { 'GET /a': fast, 'GET /b': [7] }, seconds: 10 }),
      part({ latencies: { 'GET /a': slow }, seconds: 20 }),
    ]);
    expect(merged.seconds).toBe(20);
    expect(merged.routes['GET /a']).toEqual({ count: 199, perSec: 199 / 20, p50Ms: 1000, p99Ms: 1000 });
    expect(merged.routes['GET /b']).toEqual({ count: 1, perSec: 1 / 20, p50Ms: 7, p99Ms: 7 });
    const lowHalf = mergeReports([part({ latencies: { 'GET /a': fast } }), part({ latencies: { 'GET /a': [2000] } })]);
    expect(lowHalf.routes['GET /a']!.p50Ms).toBe(51);
    expect(lowHalf.routes['GET /a']!.p99Ms).toBe(2000);
    expect(merged.processes.map((p) => p.requests)).toEqual([{ 'GET /a': 99, 'GET /b': 1 }, { 'GET /a': 100 }]);
  });

  it('adds requests second by second, statuses and per-terminal counts, and spans ingestion over all processes', () => {
    const merged = mergeReports([
      part({ perSecond: [1, 2, 3], statuses: { '200': 5 }, accepted: 10, firstAcceptAt: 2_000, lastAcceptAt: 5_000, syncBytes: 3 }),
      part({ perSecond: [10, 0, 0, 0, 4], statuses: { '200': 1, '503': 2 }, accepted: 7, firstAcceptAt: 1_000, lastAcceptAt: 4_000 }),
      part({ perSecond: [], accepted: 0 }),
    ]);
    expect(merged.perSecond).toEqual([11, 2, 3, 0, 4]);
    expect(merged.statuses).toEqual({ '200': 6, '503': 2 });
    expect(merged.accepted).toBe(17);
    expect(merged.ingestSeconds).toBe(4);
    expect(merged.syncBytes).toBe(3);
  });

  it('finishes when the last process did, and not at all if one did not; sums the reconciliation; names the lost record once', () => {
    const parts = [
      part({ drainSeconds: 12, lost: 1, lostIds: ['made'], madeLost: 'made', duplicated: 0, behind: 0 }),
      part({ drainSeconds: 30, lost: 2, lostIds: ['x', 'y'], duplicated: 1, chainBroken: 1, behind: 1 }),
    ];
    const merged = mergeReports(parts);
    expect(merged.drainSeconds).toBe(30);
    expect(merged).toMatchObject({ lost: 3, lostIds: ['made', 'x', 'y'], madeLost: 'made', duplicated: 1, chainBroken: 1, behind: 1 });
    expect(mergeReports([parts[0]!, part({ drainSeconds: null })]).drainSeconds).toBeNull();
    expect(() => mergeReports([part({ madeLost: 'a' }), part({ madeLost: 'b' })])).toThrow(/each made the platform lose/);
  });

  it('counts a URL both processes fetched once among the distinct ones, and adds its platform answers before taking the most', () => {
    const merged = mergeReports([
      part({
        snapshot: snapshot({ urls: ['/p/0', '/p/1'], missesByUrl: { '/p/0': 1 }, cacheHits: 3, cacheMisses: 1, terminalsWithAllBlocks: 2 }),
      }),
      part({
        snapshot: snapshot({
          urls: ['/p/1', '/p/2'],
          missesByUrl: { '/p/1': 1, '/p/2': 1 },
          cacheHits: 2,
          cacheMisses: 2,
          terminalsWithAllBlocks: 1,
        }),
      }),
    ]).snapshot!;
    expect(merged).toEqual({
      manifests: 4,
      manifestsVerified: 4,
      snapshotBlocks: 32,
      requests: 8,
      distinctRequests: 3,
      blocksVerified: 128,
      blocksRefused: 0,
      cacheHits: 5,
      cacheMisses: 3,
      maxMissesPerRequest: 1,
      blockBytes: 2000,
      terminalsWithAllBlocks: 3,
    });
    const twice = mergeReports([
      part({ snapshot: snapshot({ urls: ['/p/0'], missesByUrl: { '/p/0': 1 } }) }),
      part({ snapshot: snapshot({ urls: ['/p/0'], missesByUrl: { '/p/0': 1 } }) }),
    ]).snapshot!;
    expect(twice.distinctRequests).toBe(1);
    expect(twice.maxMissesPerRequest).toBe(2);
    // Without a cache in front there are no cache figures.
    const direct = mergeReports([part({ snapshot: snapshot({ cacheHits: null, cacheMisses: null }) })]).snapshot!;
    expect(direct).toMatchObject({ cacheHits: null, cacheMisses: null, maxMissesPerRequest: null });
  });

  it('keeps one process’s figures as they are', () => {
    const samples = [5, 1, 4, 2, 3];
    const merged = mergeReports([part({ latencies: { 'GET /x': samples }, perSecond: [2, 3], accepted: 4 })]);
    expect(merged.routes['GET /x']).toEqual({ count: 5, perSec: 0.5, p50Ms: 3, p99Ms: 5 });
    expect(merged.perSecond).toEqual([2, 3]);
    expect(merged.processes).toEqual([{ terminals: 2, requests: { 'GET /x': 5 }, accepted: 4, lost: 0, terminalsWithAllBlocks: null }]);
    expect(merged.snapshot).toBeUndefined();
  });
});
