/**
 * Benchmark: seed N list entries into a temporary platform database, then pull the full state over
 * HTTP in pages of 10,000 and report seeding time, rows/s, MB/s and the server's peak RSS. Then, on
 * a fresh server each (no page prepared yet), one more pull while this process asks /health over and
 * over: how long /health waits while every page is built for the first time — built on the event
 * loop (`--no-sync-page-worker`, the baseline) and in the page worker (the default), with the ratio.
 *
 *   npx tsx tests/bench/platform-full-state.ts [ENTRIES=1000000] [--subjects N] [--page 10000] [--keep]
 *
 * Seeding and serving run in child processes so that the serving figures (peak RSS especially)
 * are the server's own, not the benchmark driver's.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SyncPage, type CreateSessionResponse, type EnrolTerminalResponse } from '../../shared/contract';

const ROOT = resolve(import.meta.dirname, '../..');
const CLI = join(ROOT, 'platform/cli.ts');
const VERSION_HEADER = { 'X-Client-Version': '0.1.0' };

const { values, positionals } = parseArgs({
  options: { subjects: { type: 'string' }, page: { type: 'string' }, keep: { type: 'boolean' } },
  allowPositionals: true,
});
const entries = Number(positionals[0] ?? 1_000_000);
const subjects = Number(values.subjects ?? entries);
const pageSize = Number(values.page ?? 10_000);

function node(args: string[]): ChildProcess {
  // `node --import tsx` keeps the server in this very process id (no tsx wrapper process).
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
}

function collectOutput(child: ChildProcess): { text: () => string } {
  let out = '';
  child.stdout?.on('data', (chunk: Buffer) => (out += chunk.toString()));
  return { text: () => out };
}

function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null; // not Linux
  }
}

/** CPU seconds (user + system) a process has used so far; load-independent, unlike wall time. */
function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
    return (Number(fields[11]) + Number(fields[12])) / ticks;
  } catch {
    return null;
  }
}

async function seed(db: string): Promise<{ wallMs: number; report: string }> {
  const started = performance.now();
  const child = node(['--db', db, '--seed-only', '--subjects', String(subjects), '--entries', String(entries)]);
  const output = collectOutput(child);
  const code = await new Promise<number | null>((r) => child.on('exit', r));
  if (code !== 0) throw new Error(`seeding failed (${code})`);
  return { wallMs: performance.now() - started, report: output.text().trim() };
}

async function startServer(db: string, extra: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = node(['--db', db, '--port', '0', '--quiet', ...extra]);
  const output = collectOutput(child);
  for (let i = 0; i < 600; i++) {
    const m = /URL:\s+(http:\/\/\S+)/.exec(output.text());
    if (m?.[1]) return { child, url: m[1] };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGTERM');
  throw new Error('server did not start');
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { ...VERSION_HEADER, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

/** The page head without parsing the changes (they come last in the body): server + transport only. */
function headOnly(text: string): { cursor: string; hasMore: boolean; rows: number } {
  const cut = text.indexOf(',"changes":[');
  const head = JSON.parse(`${text.slice(0, cut)}}`) as { cursor: string; hasMore: boolean };
  const rows = text.length - cut > 14 ? text.split('{"seq":').length - 1 : 0;
  return { ...head, rows };
}

async function pullFullState(
  api: string,
  token: string,
  parse: boolean,
): Promise<{ rows: number; bytes: number; pages: number; ms: number; slowestPageMs: number }> {
  let after: string | undefined;
  let rows = 0;
  let bytes = 0;
  let pages = 0;
  let slowestPageMs = 0;
  const started = performance.now();
  for (;;) {
    const pageStarted = performance.now();
    const url = `${api}/sync/entries?limit=${pageSize}${after ? `&after=${after}` : ''}`;
    const res = await fetch(url, { headers: { ...VERSION_HEADER, Authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`sync: ${res.status} ${text.slice(0, 200)}`);
    let page: { cursor: string; hasMore: boolean };
    if (parse) {
      const parsed = JSON.parse(text) as SyncPage;
      if (pages === 0) SyncPage.parse(parsed); // validate one page fully; the rest only as JSON
      rows += parsed.changes.length;
      page = parsed;
    } else {
      const head = headOnly(text);
      rows += head.rows;
      page = head;
    }
    bytes += Buffer.byteLength(text);
    pages++;
    slowestPageMs = Math.max(slowestPageMs, performance.now() - pageStarted);
    after = page.cursor;
    if (!page.hasMore) break;
  }
  return { rows, bytes, pages, ms: performance.now() - started, slowestPageMs };
}

async function stopServer(server: { child: ChildProcess }): Promise<void> {
  const exited = new Promise((r) => server.child.on('exit', r));
  server.child.kill('SIGTERM');
  await exited;
}

async function signIn(api: string): Promise<string> {
  const terminal = await post<EnrolTerminalResponse>(`${api}/terminals`, { enrolmentCode: 'WEIHAI-DEMO-2026', name: 'bench' });
  return (await post<CreateSessionResponse>(`${api}/sessions`, { ...terminal, operatorId: 'c001', password: 'demo1234' })).token;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN;
}

/** A first full pull on a fresh server (every page built for the first time) while /health is asked back to back. */
async function healthDuringFirstBuilds(
  db: string,
  extra: string[],
): Promise<{ p50: number; p99: number; max: number; probes: number; pullMs: number }> {
  const server = await startServer(db, extra);
  try {
    const api = `${server.url}/api/v1`;
    const token = await signIn(api);
    const waits: number[] = [];
    let pulling = true;
    const probe = (async () => {
      for (let i = 0; pulling && i < 1_000_000; i++) {
        const started = performance.now();
        await (await fetch(`${api}/health`)).text();
        waits.push(performance.now() - started);
      }
    })();
    const pull = await pullFullState(api, token, false).finally(() => (pulling = false));
    await probe;
    const sorted = waits.sort((a, b) => a - b);
    return {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? NaN,
      probes: sorted.length,
      pullMs: pull.ms,
    };
  } finally {
    await stopServer(server);
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-platform-bench-'));
  const db = join(dir, 'platform.db');
  console.log(
    `platform full-state benchmark: ${entries.toLocaleString()} entries, ${subjects.toLocaleString()} subjects, pages of ${pageSize.toLocaleString()}`,
  );
  try {
    const seeded = await seed(db);
    console.log(`  seeding:      ${(seeded.wallMs / 1000).toFixed(1)} s wall (incl. process start) — ${seeded.report.split('\n')[0]}`);

    const server = await startServer(db);
    try {
      const api = `${server.url}/api/v1`;
      const session = { token: await signIn(api) };
      const pid = server.child.pid ?? 0;
      const rssBefore = peakRssMb(pid);
      const cpuBefore = cpuSeconds(pid);
      const pull = await pullFullState(api, session.token, true);
      const cpuAfter = cpuSeconds(pid);
      const rssAfter = peakRssMb(pid);
      const serverCpu = cpuBefore !== null && cpuAfter !== null ? cpuAfter - cpuBefore : null;
      const seconds = pull.ms / 1000;
      console.log(
        `  full state:   ${pull.rows.toLocaleString()} rows in ${pull.pages} pages, ${(pull.bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s`,
      );
      console.log(
        `  rate:         ${Math.round(pull.rows / seconds).toLocaleString()} rows/s, ${(pull.bytes / 1e6 / seconds).toFixed(1)} MB/s, slowest page ${pull.slowestPageMs.toFixed(0)} ms (driver parses every page)`,
      );
      const raw = await pullFullState(api, session.token, false);
      const rawSeconds = raw.ms / 1000;
      console.log(
        `  transport:    ${Math.round(raw.rows / rawSeconds).toLocaleString()} rows/s, ${(raw.bytes / 1e6 / rawSeconds).toFixed(1)} MB/s without parsing the changes (server + loopback)`,
      );
      if (serverCpu !== null) {
        console.log(
          `  server CPU:   ${serverCpu.toFixed(2)} s → ${Math.round(pull.rows / Math.max(serverCpu, 0.01)).toLocaleString()} rows per CPU-second`,
        );
      }
      console.log(`  server RSS:   peak ${rssAfter ?? 'n/a'} MB (peak before the pull ${rssBefore ?? 'n/a'} MB)`);
      console.log(`  driver RSS:   peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
    } finally {
      await stopServer(server);
    }

    // The same first builds, with /health asked meanwhile: on the event loop (baseline), then in the worker.
    const inline = await healthDuringFirstBuilds(db, ['--no-sync-page-worker']);
    const worker = await healthDuringFirstBuilds(db, []);
    const line = (name: string, r: typeof inline) =>
      `  ${name} /health p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(1)} ms over ${r.probes} probes; pull ${(r.pullMs / 1000).toFixed(2)} s`;
    console.log('  first page builds, /health asked back to back meanwhile:');
    console.log(line('on the loop:', inline));
    console.log(line('in worker:  ', worker));
    console.log(
      `  ratio:        /health p50 ${(inline.p50 / worker.p50).toFixed(1)}×, p99 ${(inline.p99 / worker.p99).toFixed(1)}× and max ${(inline.max / worker.max).toFixed(1)}× lower with the worker; pull time ×${(worker.pullMs / inline.pullMs).toFixed(2)}`,
    );
  } finally {
    if (values.keep) console.log(`  database kept at ${db}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
