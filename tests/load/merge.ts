/**
 * The one report of a scenario from the reports of the terminals processes (each its share of the
 * fleet, all counting seconds from the same origin): percentiles from the merged latency samples,
 * per-second counts summed second by second, distinct URLs as the union and the platform's answers
 * per URL summed before their maximum; everything else counted per terminal is summed.
 */
import type { PartReport, SnapshotFigures, TerminalsReport } from './protocol';

/** The q-quantile of ascending `sorted` (0 when empty). */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** At most this many lost ids are named. */
const LOST_IDS = 20;

const sum = (parts: readonly PartReport[], pick: (p: PartReport) => number) => parts.reduce((total, p) => total + pick(p), 0);

function mergeSnapshot(parts: readonly PartReport[]): SnapshotFigures | undefined {
  const snaps = parts.flatMap((p) => (p.snapshot ? [p.snapshot] : []));
  if (snaps.length === 0) return undefined;
  const urls = new Set<string>();
  const misses = new Map<string, number>();
  for (const s of snaps) {
    for (const url of s.urls) urls.add(url);
    for (const [url, n] of Object.entries(s.missesByUrl)) misses.set(url, (misses.get(url) ?? 0) + n);
  }
  let most = 0;
  for (const n of misses.values()) most = Math.max(most, n);
  const cached = snaps.some((s) => s.cacheHits !== null);
  const total = (pick: (s: (typeof snaps)[number]) => number) => snaps.reduce((t, s) => t + pick(s), 0);
  return {
    manifests: total((s) => s.manifests),
    manifestsVerified: total((s) => s.manifestsVerified),
    snapshotBlocks: Math.max(...snaps.map((s) => s.snapshotBlocks)),
    requests: total((s) => s.requests),
    distinctRequests: urls.size,
    blocksVerified: total((s) => s.blocksVerified),
    blocksRefused: total((s) => s.blocksRefused),
    cacheHits: cached ? total((s) => s.cacheHits ?? 0) : null,
    cacheMisses: cached ? total((s) => s.cacheMisses ?? 0) : null,
    maxMissesPerRequest: cached ? most : null,
    blockBytes: total((s) => s.blockBytes),
    terminalsWithAllBlocks: total((s) => s.terminalsWithAllBlocks),
  };
}

export function mergeReports(parts: readonly PartReport[]): TerminalsReport {
  if (parts.length === 0) throw new Error('no report to merge');
  const seconds = Math.max(...parts.map((p) => p.seconds));
  const latencies = new Map<string, number[]>();
  for (const p of parts) {
    for (const [route, list] of Object.entries(p.latencies)) {
      const merged = latencies.get(route) ?? [];
      for (const ms of list) merged.push(ms);
      latencies.set(route, merged);
    }
  }
  const routes: TerminalsReport['routes'] = {};
  for (const [route, list] of latencies) {
    const sorted = list.sort((a, b) => a - b);
    routes[route] = { count: sorted.length, perSec: sorted.length / seconds, p50Ms: quantile(sorted, 0.5), p99Ms: quantile(sorted, 0.99) };
  }
  const statuses: Record<string, number> = {};
  for (const p of parts) for (const [status, n] of Object.entries(p.statuses)) statuses[status] = (statuses[status] ?? 0) + n;
  const perSecond: number[] = Array.from({ length: Math.max(...parts.map((p) => p.perSecond.length)) }, () => 0);
  for (const p of parts) p.perSecond.forEach((n, second) => (perSecond[second]! += n));
  const accepting = parts.filter((p) => p.firstAcceptAt > 0);
  const firstAcceptAt = Math.min(...accepting.map((p) => p.firstAcceptAt));
  const lastAcceptAt = Math.max(...accepting.map((p) => p.lastAcceptAt));
  const made = parts.flatMap((p) => (p.madeLost === null ? [] : [p.madeLost]));
  if (made.length > 1) throw new Error(`${made.length} processes each made the platform lose a record`);
  const snapshot = mergeSnapshot(parts);
  return {
    scenario: parts[0]!.scenario,
    seconds,
    routes,
    statuses,
    perSecond,
    accepted: sum(parts, (p) => p.accepted),
    ingestSeconds: accepting.length > 0 && lastAcceptAt > firstAcceptAt ? (lastAcceptAt - firstAcceptAt) / 1000 : 0,
    syncBytes: sum(parts, (p) => p.syncBytes),
    // Every process counts from the same origin: the fleet is done when its last process is.
    drainSeconds: parts.some((p) => p.drainSeconds === null) ? null : Math.max(...parts.map((p) => p.drainSeconds!)),
    lost: sum(parts, (p) => p.lost),
    lostIds: parts.flatMap((p) => p.lostIds).slice(0, LOST_IDS),
    madeLost: made[0] ?? null,
    duplicated: sum(parts, (p) => p.duplicated),
    chainBroken: sum(parts, (p) => p.chainBroken),
    behind: sum(parts, (p) => p.behind),
    ...(snapshot ? { snapshot } : {}),
    processes: parts.map((p) => ({
      terminals: p.terminals,
      requests: Object.fromEntries(Object.entries(p.latencies).map(([route, list]) => [route, list.length])),
      accepted: p.accepted,
      lost: p.lost,
      terminalsWithAllBlocks: p.snapshot?.terminalsWithAllBlocks ?? null,
    })),
  };
}
