import { describe, expect, it } from 'vitest';
import { backoffCeiling, fullJitterDelay, jitteredInterval, reconnectSpread, retryDelay } from './backoff';

const policy = { baseMs: 1_000, capMs: 60_000 };

describe('backoff', () => {
  it('doubles the ceiling per attempt up to the cap', () => {
    expect([0, 1, 2, 3, 5, 6, 7, 40].map((a) => backoffCeiling(a, policy))).toEqual([
      1_000, 2_000, 4_000, 8_000, 32_000, 60_000, 60_000, 60_000,
    ]);
  });

  it('draws the delay uniformly from [0, ceiling) (full jitter)', () => {
    expect(fullJitterDelay(3, policy, () => 0)).toBe(0);
    expect(fullJitterDelay(3, policy, () => 0.5)).toBe(4_000);
    expect(fullJitterDelay(3, policy, () => 0.999)).toBe(7_992);
    expect(fullJitterDelay(99, policy, () => 0.999)).toBeLessThan(60_000);
  });

  it('never retries before Retry-After, and spreads a little above it', () => {
    expect(retryDelay(0, policy, () => 0, 30_000)).toBe(30_000);
    const late = retryDelay(0, policy, () => 0.999, 30_000);
    expect(late).toBeGreaterThanOrEqual(30_000);
    expect(late).toBeLessThanOrEqual(31_000);
    expect(retryDelay(2, policy, () => 0.5, null)).toBe(2_000);
  });

  it('spreads reconnecting terminals over 0–N seconds, and not at all when N is 0', () => {
    expect(reconnectSpread(0, () => 0.7)).toBe(0);
    expect(reconnectSpread(60_000, () => 0.5)).toBe(30_000);
  });
});

describe('jitteredInterval', () => {
  it('spreads the poll interval over ±20% so terminals started together drift apart', () => {
    expect(jitteredInterval(300_000, () => 0)).toBe(240_000);
    expect(jitteredInterval(300_000, () => 0.5)).toBe(300_000);
    expect(jitteredInterval(300_000, () => 0.999_999)).toBe(360_000);
    // A thousand terminals polling every five minutes: their next polls fall over the whole two-minute window.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const next = Array.from({ length: 1_000 }, () => jitteredInterval(300_000, random));
    const perTenSeconds = new Map<number, number>();
    for (const ms of next) perTenSeconds.set(Math.floor(ms / 10_000), (perTenSeconds.get(Math.floor(ms / 10_000)) ?? 0) + 1);
    expect(perTenSeconds.size).toBe(12);
    expect(Math.max(...perTenSeconds.values())).toBeLessThan(150);
  });
});
