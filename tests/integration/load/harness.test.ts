/**
 * The load harness at a tiny size: its own platform and terminals processes start and stop, every
 * scenario reports one JSON line with the keys the README's figures come from, the terminals split
 * over two simulator processes whose figures merge into that one line (each terminal counted once,
 * each route's count the sum of the processes'), and the
 * reconciliation finds every queued record on the platform exactly once — and, when the platform is
 * made to lose one record it had accepted (a test control, in the reconnect scenario), reports that
 * very record lost, in that scenario and every later one. Timings are not asserted (they are the
 * harness's output, for a quiet machine).
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { NGINX_BINARY } from '../../support/nginx';

const ROOT = resolve(import.meta.dirname, '../../..');

type Line = Record<string, unknown>;
interface Share {
  terminals: number;
  requests: Record<string, number>;
  accepted: number;
  lost: number;
  terminalsWithAllBlocks: number | null;
}

/** The line's routes count every request of every process once: each route's count is the sum of the processes'. */
function expectRoutesSummed(line: Line): void {
  const shares = line.perProcess as Share[];
  const routes = line.routes as Record<string, { count: number }>;
  const routeNames = new Set(shares.flatMap((s) => Object.keys(s.requests)));
  expect(Object.keys(routes).sort()).toEqual([...routeNames].sort());
  for (const [route, { count }] of Object.entries(routes)) {
    expect(count, `${String(line.scenario)} ${route}`).toBe(shares.reduce((sum, s) => sum + (s.requests[route] ?? 0), 0));
  }
}

async function runLoad(args: string[]): Promise<Line[]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/load/run.ts', ...args, '--json'], {
    cwd: ROOT,
    timeout: 240_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Line);
}

describe('npm run load', () => {
  it('runs steady, reconnect and resync for 5 terminals in 2 processes, loses or duplicates nothing, and catches a record the platform lost once', async () => {
    const lines = await runLoad([
      '--terminals',
      '5',
      '--entries',
      '200',
      '--duration',
      '3',
      '--queued',
      '12',
      '--lookup-every',
      '1',
      '--poll-every',
      '2',
      '--spread-scale',
      '0.02',
      '--lose-record-in',
      'reconnect',
      '--terminal-processes',
      '2',
    ]);
    expect(lines.map((l) => l.scenario)).toEqual(['steady', 'reconnect', 'resync']);
    for (const line of lines) {
      for (const key of [
        'scenario',
        'terminals',
        'healthP99Ms',
        'lookupP99Ms',
        'peakOverSteady',
        'drainSeconds',
        'ingestPerSec',
        'lost',
        'duplicated',
      ]) {
        expect(line, `${String(line.scenario)} has ${key}`).toHaveProperty(key);
      }
      expect(line.terminals).toBe(5);
      // 3 + 2 terminals: each in one process, each process's requests in the line once.
      expect(line.terminalProcesses).toBe(2);
      expect((line.perProcess as Share[]).map((s) => s.terminals)).toEqual([3, 2]);
      expectRoutesSummed(line);
      expect(line.duplicated, String(line.scenario)).toBe(0);
      expect(line.chainBroken, String(line.scenario)).toBe(0);
      expect(line.terminalsBehind, String(line.scenario)).toBe(0);
    }
    const [steady, reconnect, resync] = lines as [Line, Line, Line];
    // Nothing lost under load…
    expect(steady.lost).toBe(0);
    expect(steady.lostIds).toEqual([]);
    // …until the platform loses one delivered record: the reconciliation names exactly that one, and keeps finding it missing.
    expect(typeof reconnect.madeLost).toBe('string');
    expect(reconnect.lost).toBe(1);
    expect(reconnect.lostIds).toEqual([reconnect.madeLost]);
    // Lost in one process's reconciliation only (the first's: the one told to lose it).
    expect((reconnect.perProcess as Share[]).map((s) => s.lost)).toEqual([1, 0]);
    expect(resync.lost).toBe(1);
    expect(resync.lostIds).toEqual([reconnect.madeLost]);
    // Every terminal delivered the 12 records it queued during the outage, counted in its own process.
    expect(reconnect.accepted).toBe(60);
    expect((reconnect.perProcess as Share[]).map((s) => s.accepted)).toEqual([36, 24]);
    // Every terminal rebuilt from the new epoch's full state.
    expect(resync.syncMegabytes).toBeGreaterThan(0);
  }, 300_000);

  it.skipIf(!NGINX_BINARY)(
    'resyncs 4 terminals in 2 processes over snapshots through the nginx cache: every block verified, each reaching the platform once',
    async () => {
      const [line] = await runLoad([
        '--terminals',
        '4',
        '--entries',
        '3000',
        '--scenario',
        'resync',
        '--via',
        'snapshot',
        '--cache',
        'nginx',
        '--duration',
        '3',
        '--poll-every',
        '2',
        '--spread-scale',
        '0.02',
        '--terminal-processes',
        '2',
      ]);
      expect(line).toMatchObject({ scenario: 'resync', via: 'snapshot', cache: 'nginx', terminals: 4, terminalProcesses: 2 });
      expect((line!.perProcess as Share[]).map((s) => [s.terminals, s.terminalsWithAllBlocks])).toEqual([
        [2, 2],
        [2, 2],
      ]);
      expectRoutesSummed(line!);
      // Every terminal ends on the new epoch's data version, holding every block of the manifest it verified.
      expect(line!.terminalsBehind).toBe(0);
      expect(line!.terminalsWithAllBlocks).toBe(4);
      expect(line!.manifestsVerified).toBe(line!.manifests);
      expect(line!.manifests).toBeGreaterThanOrEqual(4);
      // A new epoch rotates the block key: each terminal fetched every block, and each one was checked.
      const blocks = line!.snapshotBlocks as number;
      expect(blocks).toBeGreaterThan(1);
      expect(line!.blocksVerified).toBe(4 * blocks);
      expect(line!.blocksRefused).toBe(0);
      // The platform saw each block (or pack) once, whichever process asked first; the cache served the
      // rest (the distinct URLs are the union of both processes', their platform answers added up).
      const distinct = line!.distinctSnapshotRequests as number;
      expect(line!.snapshotRequests).toBe(4 * distinct);
      expect(line!.maxPlatformRequestsPerUrl).toBe(1);
      expect(line!.requestsAtPlatform).toBe(distinct);
      expect(line!.requestsFromCache).toBe(3 * distinct);
      expect(line!.lost).toBe(0);
      expect(line!.duplicated).toBe(0);
    },
    300_000,
  );
});
