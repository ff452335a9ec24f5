/**
 * npm run load -- [--terminals 1000] [--entries 100000] [--scenario steady|reconnect|resync|all]
 *                 [--json] [--duration S] [--queued 50] [--lookup-every S] [--poll-every S] [--spread-scale F]
 *                 [--lose-record-in steady|reconnect|resync] [--platform-node-arg=--cpu-prof]
 *                 [--via api|snapshot] [--cache nginx] [--terminal-processes N]
 *
 * A thousand terminals at once, on loopback. Starts its own platform (a fresh database seeded with
 * --entries list entries) in a process pinned to one core (`taskset -c 0` where taskset exists), the
 * simulated terminals in --terminal-processes processes of their own (on the other cores; by default
 * one per other core, at least one: each is one event loop, so more than the cores left only take
 * turns on them), each with its share of the terminals, and from here probes /health every
 * 100 ms and reads the platform's event-loop lag and memory (GET /admin/load) every second.
 * Per scenario it prints requests/s and p50/p99 per route, /health p99, event-loop lag p99, RSS,
 * peak request rate over the steady rate, the drain time, ingestion rate and the reconciliation
 * (lost / duplicated records), merged over the processes (merge.ts: percentiles from all latency
 * samples, per-second counts summed by second); --json prints one JSON line per scenario instead. Every loop is
 * bounded by count and by time; the platform and the terminals are stopped at the end, also on error.
 * --lose-record-in checks the check: in that scenario the platform (a test control) loses one record
 * it had accepted before the reconciliation, which must then report it lost.
 *
 * --via snapshot: a resync rebuilds from the signed snapshot (manifest verified, blocks the terminal
 * lacks fetched and checked) instead of the full state's pages. --cache nginx: Debian's nginx runs in
 * the foreground with its own prefix and configuration (the sample in build/nginx) on a free port in
 * front of the platform, and the terminals talk to it; the figures then say how many block requests
 * reached the platform and how many the cache served.
 */
import { execFileSync, fork, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { PlatformLoad } from '../../shared/contract';
import { NGINX_BINARY, startNginx, type RunningNginx } from '../support/nginx';
import { mergeReports, quantile } from './merge';
import type { FromTerminals, PartReport, ResyncPath, Scenario, ScenarioCommand, ToTerminals } from './protocol';

const ROOT = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    terminals: { type: 'string' },
    entries: { type: 'string' },
    scenario: { type: 'string' },
    json: { type: 'boolean' },
    duration: { type: 'string' },
    queued: { type: 'string' },
    'lookup-every': { type: 'string' },
    'poll-every': { type: 'string' },
    'spread-scale': { type: 'string' },
    'lose-record-in': { type: 'string' },
    'platform-arg': { type: 'string', multiple: true },
    // Node's own flags for the platform process, e.g. --platform-node-arg=--cpu-prof to profile it.
    'platform-node-arg': { type: 'string', multiple: true },
    via: { type: 'string' },
    cache: { type: 'string' },
    'terminal-processes': { type: 'string' },
  },
});
const TERMINALS = Number(values.terminals ?? 1000);
const ENTRIES = Number(values.entries ?? 100_000);
const DURATION_S = Number(values.duration ?? 120);
const QUEUED = Number(values.queued ?? 50);
const LOOKUP_EVERY_S = Number(values['lookup-every'] ?? 30);
const POLL_EVERY_S = Number(values['poll-every'] ?? 60);
const SPREAD_SCALE = Number(values['spread-scale'] ?? 1);
const SCENARIOS: Scenario[] =
  values.scenario === undefined || values.scenario === 'all' ? ['steady', 'reconnect', 'resync'] : [values.scenario as Scenario];
if (!SCENARIOS.every((s) => ['steady', 'reconnect', 'resync'].includes(s))) throw new Error(`unknown scenario ${values.scenario}`);
if (values['lose-record-in'] !== undefined && !SCENARIOS.includes(values['lose-record-in'] as Scenario)) {
  throw new Error(`--lose-record-in ${values['lose-record-in']} names no scenario of this run`);
}
const VIA = (values.via ?? 'api') as ResyncPath;
if (VIA !== 'api' && VIA !== 'snapshot') throw new Error(`--via must be api or snapshot, not ${values.via}`);
const CACHE = values.cache ?? null;
if (CACHE !== null && CACHE !== 'nginx') throw new Error(`--cache must be nginx, not ${CACHE}`);
if (CACHE === 'nginx' && !NGINX_BINARY) throw new Error('--cache nginx needs Debian nginx (apt-get install nginx)');
for (const [name, n] of Object.entries({ TERMINALS, ENTRIES, DURATION_S, QUEUED, LOOKUP_EVERY_S, POLL_EVERY_S, SPREAD_SCALE })) {
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number`);
}
// One simulator process per core the platform is not pinned to: each is a single event loop (the
// hashing and decryption on top are short jobs), so more processes than those cores only take turns.
const PROCESSES = Number(values['terminal-processes'] ?? Math.max(1, availableParallelism() - 1));
if (!Number.isInteger(PROCESSES) || PROCESSES < 1) throw new Error('--terminal-processes must be a whole number, at least 1');
const log = (line: string) => (values.json ? process.stderr : process.stdout).write(`${line}\n`);

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

function hasTaskset(): boolean {
  try {
    execFileSync('taskset', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function rssMb(pid: number | undefined): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : 0;
  } catch {
    return 0;
  }
}

function percentile(list: readonly number[], q: number): number {
  return quantile(
    [...list].sort((a, b) => a - b),
    q,
  );
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-load-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const api = `${base}/api/v1`;
  const children: ChildProcess[] = [];
  let nginx: RunningNginx | null = null;
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null && child.pid !== undefined) child.kill('SIGTERM');
  };
  process.once('SIGINT', () => {
    stopAll();
    void nginx?.close().finally(() => process.exit(130));
    if (!nginx) process.exit(130);
  });
  try {
    const platformArgs = [
      ...(values['platform-node-arg'] ?? []),
      '--import',
      'tsx',
      join(ROOT, 'platform/cli.ts'),
      '--db',
      join(dir, 'platform.db'),
      '--port',
      String(port),
      '--subjects',
      String(Math.max(2_000, ENTRIES)),
      '--entries',
      String(ENTRIES),
      '--quiet',
      // The epoch change of the resync scenario is a test control; the harness is loopback only.
      '--test-controls',
      ...(values['platform-arg'] ?? []),
    ];
    const pinned = hasTaskset();
    const platform = pinned
      ? spawn('taskset', ['-c', '0', process.execPath, ...platformArgs], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] })
      : spawn(process.execPath, platformArgs, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    children.push(platform);
    log(
      `platform on ${base}${pinned ? ' (pinned to core 0)' : ' (taskset not found: not pinned)'}, seeding ${ENTRIES.toLocaleString()} entries…`,
    );
    const seedDeadline = Date.now() + 15 * 60_000;
    for (;;) {
      if (Date.now() > seedDeadline || platform.exitCode !== null) throw new Error('the platform did not start');
      const up = await fetch(`${api}/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      await new Promise((r) => setTimeout(r, 500));
    }

    // The terminals talk to the cache when there is one (as deployed: every route through it); the
    // probes and IT's figures go to the platform itself.
    if (CACHE === 'nginx') {
      const cores = availableParallelism();
      nginx = await startNginx(base, { workerConnections: 16_384, ...(pinned && cores > 1 ? { cpus: `1-${cores - 1}` } : {}) });
      log(`nginx cache on ${nginx.url} in front of the platform (build/nginx/credit-counter-cache.conf)`);
    }
    const terminalsApi = nginx ? `${nginx.url}/api/v1` : api;
    const platformBlockRequests = async (): Promise<number> => {
      const res = await fetch(`${base}/__test/state`);
      return ((await res.json()) as { snapshot: { blockRequests: number } }).snapshot.blockRequests;
    };

    // IT signs in for the platform's own figures.
    const headers = { 'X-Client-Version': '0.1.0', 'Content-Type': 'application/json' };
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${api}${path}`, {
        method: 'POST',
        headers: { ...headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as Record<string, string>;
    };
    const itSeat = await post('/terminals', { enrolmentCode: 'WEIHAI-DEMO-2026', name: '负载监控' });
    const itToken = (await post('/sessions', { ...itSeat, operatorId: 'i001', password: 'demo1234' })).token!;
    const readLoad = async (): Promise<PlatformLoad | null> => {
      const res = await fetch(`${api}/admin/load`, { headers: { ...headers, Authorization: `Bearer ${itToken}` } }).catch(() => null);
      return res?.ok ? ((await res.json()) as PlatformLoad) : null;
    };

    // The fleet split as evenly as it goes (never a process without a terminal).
    const processes = Math.max(1, Math.min(PROCESSES, TERMINALS));
    const shares = Array.from({ length: processes }, (_, i) => Math.floor(TERMINALS / processes) + (i < TERMINALS % processes ? 1 : 0));
    const cores = availableParallelism();
    const simulators = shares.map(() => {
      const child = fork(join(ROOT, 'tests/load/terminals.ts'), [], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      children.push(child);
      if (pinned && cores > 1 && child.pid !== undefined) {
        try {
          execFileSync('taskset', ['-a', '-p', '-c', `1-${cores - 1}`, String(child.pid)], { stdio: 'ignore' });
        } catch {
          // not pinned: the terminals may share the platform's core
        }
      }
      return child;
    });
    /**
     * Sends each process its message (if any), then waits until every one has answered `wanted`:
     * their answers in process order. An error, an exit or the timeout of any process fails it.
     */
    const collect = <T = undefined>(wanted: FromTerminals['type'], timeoutMs: number, message?: (i: number) => ToTerminals): Promise<T[]> =>
      new Promise((done, fail) => {
        const gone = simulators.findIndex((child) => child.exitCode !== null || child.signalCode !== null);
        if (gone >= 0) {
          fail(new Error(`terminals process ${gone + 1} exited (${simulators[gone]!.exitCode ?? simulators[gone]!.signalCode})`));
          return;
        }
        const answers: T[] = [];
        let answered = 0;
        const stop = (error?: Error) => {
          clearTimeout(timer);
          simulators.forEach((child, i) => {
            child.off('message', listeners[i]!);
            child.off('exit', onExit);
          });
          if (error) fail(error);
          else done(answers);
        };
        const timer = setTimeout(
          () =>
            stop(new Error(`terminals: no ${wanted} from ${processes - answered} of ${processes} processes within ${timeoutMs / 1000} s`)),
          timeoutMs,
        );
        const onExit = (code: number | null) => stop(new Error(`a terminals process exited (${code})`));
        const listeners = simulators.map((_, i) => (m: FromTerminals) => {
          if (m.type === 'started') return;
          if (m.type !== wanted) {
            stop(new Error(`terminals process ${i + 1}: ${m.type === 'error' ? m.message : m.type}`));
            return;
          }
          answers[i] = (m.type === 'report' ? m.report : undefined) as T;
          if (++answered === processes) stop();
        });
        simulators.forEach((child, i) => {
          child.on('message', listeners[i]!);
          child.once('exit', onExit);
          if (message) child.send(message(i));
        });
      });

    const setupStarted = Date.now();
    log(
      `setting up ${TERMINALS} terminals (enrol, log in, first full pull) in ${processes} simulator process${processes > 1 ? `es (${shares.join(' + ')})` : ''}…`,
    );
    await collect('ready', 61 * 60_000, (i) => ({
      type: 'setup',
      api: terminalsApi,
      via: VIA,
      enrolmentCode: 'WEIHAI-DEMO-2026',
      terminals: shares[i]!,
      firstIndex: shares.slice(0, i).reduce((a, b) => a + b, 0),
      // Enrolment and login each cost the platform a slow password hash: 16 at a time over the fleet.
      enrolWorkers: Math.max(1, Math.ceil(16 / processes)),
      lookupEveryMs: LOOKUP_EVERY_S * 1000,
      spreadScale: SPREAD_SCALE,
      timeoutMs: 60 * 60_000,
    }));
    log(`  ready in ${round((Date.now() - setupStarted) / 1000)} s`);

    let steadyRate: number | null = null;
    for (const scenario of SCENARIOS) {
      let dataVersion: string | undefined;
      if (scenario === 'resync') {
        // Publishes the new epoch's snapshot before it answers.
        const res = await fetch(`${base}/__test/epoch`, { method: 'POST', headers, body: '{}' });
        dataVersion = ((await res.json()) as { dataVersion: string }).dataVersion;
      }
      const blockRequestsBefore = await platformBlockRequests();
      // Health every 100 ms, the platform's own figures every second, from this process.
      const health: number[] = [];
      const lags: number[] = [];
      let peakRss = 0;
      let sampling = true;
      const shedBefore = (await readLoad())?.shed ?? 0;
      const probe = (async () => {
        for (let i = 0; sampling && i < 100_000; i++) {
          const started = performance.now();
          const ok = await fetch(`${api}/health`, { signal: AbortSignal.timeout(30_000) }).then(
            (r) => r.text().then(() => r.ok),
            () => false,
          );
          health.push(ok ? performance.now() - started : 30_000);
          await new Promise((r) => setTimeout(r, 100));
        }
      })();
      const monitor = (async () => {
        for (let i = 0; sampling && i < 100_000; i++) {
          await new Promise((r) => setTimeout(r, 1000));
          const load = await readLoad();
          if (load) lags.push(load.eventLoopLagP99Ms); // over the platform's last 10 s: overlapping windows
          peakRss = Math.max(peakRss, rssMb(platform.pid));
        }
      })();
      const command: ScenarioCommand = {
        type: 'scenario',
        scenario,
        durationMs: DURATION_S * 1000,
        pollEveryMs: POLL_EVERY_S * 1000,
        queuedPerTerminal: QUEUED,
        startedAt: Date.now(),
        ...(dataVersion ? { dataVersion } : {}),
      };
      // Only the first process makes the platform lose one of its records: reported lost once.
      const loseHere = values['lose-record-in'] === scenario;
      let next = (i: number): ToTerminals => ({ ...command, ...(loseHere && i === 0 ? { loseOneRecord: true } : {}) });
      if (scenario === 'reconnect') {
        // Every process queues its terminals' records offline; then the network returns for all at once.
        await collect('queued', 10 * 60_000, next);
        const at = Date.now();
        next = () => ({ type: 'go', at });
      }
      await collect('worked', DURATION_S * 1000 + 10 * 60_000, next);
      // The reconciliation starts once every process's work is done (its requests are no load figures).
      const report = mergeReports(await collect<PartReport>('report', 10 * 60_000, () => ({ type: 'go', at: Date.now() })));
      sampling = false;
      await Promise.all([probe, monitor]);
      const load = await readLoad();
      const blocksAtPlatform = (await platformBlockRequests()) - blockRequestsBefore;
      const snap = report.snapshot;

      const busySeconds = report.perSecond.filter((n) => n > 0);
      const rate = busySeconds.reduce((a, b) => a + b, 0) / Math.max(1, report.perSecond.length);
      if (scenario === 'steady') steadyRate = rate;
      const peak = Math.max(0, ...report.perSecond);
      const lookup = report.routes['POST /subjects/lookup'];
      const figures = {
        scenario,
        via: VIA,
        cache: CACHE,
        terminals: TERMINALS,
        entries: ENTRIES,
        terminalProcesses: report.processes.length,
        seconds: round(report.seconds),
        healthP99Ms: round(percentile(health, 0.99)),
        healthP50Ms: round(percentile(health, 0.5)),
        lookupP99Ms: lookup ? round(lookup.p99Ms) : null,
        eventLoopLagP99Ms: round(percentile(lags, 0.99)),
        platformRssMb: peakRss,
        requestsPerSec: round(rate),
        peakRequestsPerSec: peak,
        peakOverSteady: steadyRate ? round(peak / steadyRate, 2) : null,
        drainSeconds: report.drainSeconds === null ? null : round(report.drainSeconds),
        ingestPerSec: report.ingestSeconds > 0 ? Math.round(report.accepted / report.ingestSeconds) : report.accepted,
        accepted: report.accepted,
        syncMegabytes: round(report.syncBytes / 1048576),
        lost: report.lost,
        lostIds: report.lostIds,
        madeLost: report.madeLost,
        duplicated: report.duplicated,
        chainBroken: report.chainBroken,
        terminalsBehind: report.behind,
        ...(snap
          ? {
              manifestsVerified: snap.manifestsVerified,
              manifests: snap.manifests,
              snapshotBlocks: snap.snapshotBlocks,
              snapshotRequests: snap.requests,
              distinctSnapshotRequests: snap.distinctRequests,
              blocksVerified: snap.blocksVerified,
              blocksRefused: snap.blocksRefused,
              // The platform's own count of block and pack requests it answered during the scenario.
              requestsAtPlatform: blocksAtPlatform,
              requestsFromCache: snap.cacheHits,
              maxPlatformRequestsPerUrl: snap.maxMissesPerRequest,
              blockMegabytes: round(snap.blockBytes / 1048576),
              terminalsWithAllBlocks: snap.terminalsWithAllBlocks,
            }
          : {}),
        shed: load ? load.shed - shedBefore : null,
        statuses: report.statuses,
        routes: Object.fromEntries(
          Object.entries(report.routes).map(([route, f]) => [
            route,
            { perSec: round(f.perSec), p50Ms: round(f.p50Ms), p99Ms: round(f.p99Ms), count: f.count },
          ]),
        ),
        // Each simulator process's share (terminals, requests per route, records accepted and lost).
        perProcess: report.processes,
      };
      if (values.json) {
        process.stdout.write(`${JSON.stringify(figures)}\n`);
        continue;
      }
      log(
        `\n== ${scenario}: ${TERMINALS} terminals (${figures.terminalProcesses} simulator process${figures.terminalProcesses > 1 ? 'es' : ''}), ${ENTRIES.toLocaleString()} entries, ${figures.seconds} s`,
      );
      for (const [route, f] of Object.entries(figures.routes))
        log(`  ${route.padEnd(46)} ${String(f.perSec).padStart(7)} req/s  p50 ${f.p50Ms} ms  p99 ${f.p99Ms} ms  (${f.count})`);
      log(
        `  /health p99 ${figures.healthP99Ms} ms (p50 ${figures.healthP50Ms}); lookup p99 ${figures.lookupP99Ms ?? '–'} ms; event-loop lag p99 ${figures.eventLoopLagP99Ms} ms; platform RSS ${figures.platformRssMb} MB`,
      );
      log(`  requests ${figures.requestsPerSec}/s, peak ${peak}/s, peak over steady ${figures.peakOverSteady ?? '– (no steady run)'}`);
      log(
        `  drain ${scenario === 'steady' ? '–' : (figures.drainSeconds ?? 'not finished by the deadline')} s; ingestion ${figures.ingestPerSec} records/s (${figures.accepted} accepted); sync ${figures.syncMegabytes} MB moved; 503 shed ${figures.shed}`,
      );
      if (snap) {
        log(
          `  snapshot: ${figures.manifestsVerified} of ${figures.manifests} manifests verified (${figures.snapshotBlocks} blocks each); ${figures.snapshotRequests} block/pack requests (${figures.distinctSnapshotRequests} distinct, ${figures.blockMegabytes} MB); ${figures.blocksVerified} blocks verified, ${figures.blocksRefused} refused`,
        );
        log(
          `  requests at the platform ${blocksAtPlatform}, served by the cache ${snap.cacheHits ?? '– (no cache)'}; most platform answers for one URL ${snap.maxMissesPerRequest ?? '–'}; terminals holding every block ${snap.terminalsWithAllBlocks} of ${TERMINALS}`,
        );
      }
      log(
        `  reconciliation: lost ${figures.lost}, duplicated ${figures.duplicated}, rejected or chain-broken ${figures.chainBroken}, terminals behind ${figures.terminalsBehind}`,
      );
      log(`  statuses ${JSON.stringify(figures.statuses)}`);
    }
  } finally {
    stopAll();
    await nginx?.close();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
