/**
 * The simulated terminals of `npm run load` (run.ts starts this file in one or more processes of
 * their own, each with its share of the fleet).
 * Each terminal keeps what the real one needs for the wire and no IndexedDB: a sync cursor, the
 * platform's data version, its audit chain head and its queue. Timing comes from the engine's own
 * code (renderer/src/sync: reconnect spread, full-jitter backoff with Retry-After, jittered polling,
 * the resync delay, page and batch sizes); bulk sync pages are counted, and only their head is parsed.
 * With `via: 'snapshot'` a terminal rebuilds like the packed store does: it verifies the signed
 * manifest with the platform key it got at enrolment, downloads the blocks it does not hold through
 * the terminal's own downloader (each block's SHA-256 checked against the manifest, then decrypted),
 * keeps only their hashes, and pulls the deltas after the snapshot's cursor.
 *
 * Commands arrive over IPC from run.ts; every loop ends by count or by the scenario's deadline. The
 * report is raw enough for run.ts to merge several processes' (merge.ts): latency samples, URLs.
 */
import type { Mutation, OutboxResponse, SnapshotManifestResponse, TerminalRecordsPage } from '../../shared/contract';
import { DEFAULT_BACKOFF, jitteredInterval, pause, reconnectSpread, retryDelay } from '../../renderer/src/sync/backoff';
import { DEFAULT_SYNC_OPTIONS } from '../../renderer/src/sync/syncEngine';
import { downloadBlocks, manifestBlocks } from '../../renderer/src/sync/snapshot/downloadBlocks';
import { SnapshotVerificationError, verifyManifest, type VerifiedManifest } from '../../renderer/src/sync/snapshot/verifyManifest';
import { SimulatedAuditJournal } from './auditRecords';
import type { FromTerminals, PartReport, PartSnapshot, ResyncPath, ScenarioCommand, SetupCommand, ToTerminals } from './protocol';

const VERSION_HEADER = { 'X-Client-Version': '0.1.0' };
const SUBJECTS = [
  { identifier: '371002198805121234', masked: '3710**********1234' },
  { identifier: '371003197503080213', masked: '3710**********0213' },
];

let api = '';
let terminals: Terminal[] = [];
let supervisorToken = '';

/** Per-route latencies and outcomes of one scenario. */
class Recorder {
  readonly latencies = new Map<string, number[]>();
  readonly statuses = new Map<string, number>();
  /** Requests started per second since the scenario began. */
  readonly perSecond: number[] = [];
  /** When the scenario's own work ended (the reconciliation after it is not counted). */
  endedAt = 0;
  syncBytes = 0;
  accepted = 0;
  firstAcceptAt = 0;
  lastAcceptAt = 0;
  readonly snapshot = {
    manifests: 0,
    manifestsVerified: 0,
    snapshotBlocks: 0,
    requests: 0,
    blocksVerified: 0,
    blocksRefused: 0,
    hits: 0,
    misses: 0,
    /** Cache status seen at all (no header: no cache in front). */
    cached: false,
    missesByUrl: new Map<string, number>(),
    urls: new Set<string>(),
    blockBytes: 0,
  };
  constructor(readonly startedAt: number) {}

  /** The reconciliation's own requests are no load figures. */
  paused = false;

  note(route: string, ms: number, status: number, at: number): void {
    if (this.paused) return;
    const list = this.latencies.get(route) ?? [];
    list.push(ms);
    this.latencies.set(route, list);
    this.statuses.set(String(status), (this.statuses.get(String(status)) ?? 0) + 1);
    const second = Math.floor((at - this.startedAt) / 1000);
    if (second >= 0) this.perSecond[second] = (this.perSecond[second] ?? 0) + 1;
  }
}

let recorder = new Recorder(Date.now());

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly retryAfterMs: number | null,
    readonly code: string | undefined,
  ) {
    super(`HTTP ${status} ${code ?? ''}`);
  }
}

async function request(route: string, path: string, init: { method?: string; token?: string; body?: unknown } = {}): Promise<Response> {
  const started = Date.now();
  const headers: Record<string, string> = { ...VERSION_HEADER };
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(`${api}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    recorder.note(route, Date.now() - started, 0, started);
    throw new HttpProblem(0, null, (error as Error).name);
  }
  if (res.status >= 400) {
    const text = await res.text();
    recorder.note(route, Date.now() - started, res.status, started);
    const retryAfter = res.headers.get('retry-after');
    let code: string | undefined;
    try {
      code = (JSON.parse(text) as { code?: string }).code;
    } catch {
      code = undefined;
    }
    throw new HttpProblem(res.status, retryAfter === null ? null : Number(retryAfter) * 1000, code);
  }
  // The caller reads the body; the latency counts until it is read (see timed()).
  (res as Response & { startedAt?: number; route?: string }).startedAt = started;
  (res as Response & { route?: string }).route = route;
  return res;
}

async function json<T>(res: Response): Promise<T> {
  const body = (await res.json()) as T;
  const r = res as Response & { startedAt: number; route: string };
  recorder.note(r.route, Date.now() - r.startedAt, res.status, r.startedAt);
  return body;
}

/** Retries transient failures like the engine: Retry-After as a floor, else capped full jitter. */
async function withRetries<T>(deadline: number, work: () => Promise<T>): Promise<T | null> {
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof HttpProblem) || !(error.status === 0 || error.status === 429 || error.status >= 500)) throw error;
      const delay = retryDelay(attempt, DEFAULT_BACKOFF, Math.random, error.retryAfterMs);
      await pause(Math.min(delay, Math.max(0, deadline - Date.now())));
    }
  }
  return null;
}

class Terminal {
  cursor: string | null = null;
  dataVersion: string | null = null;
  /** Snapshot path: the hashes of the blocks this terminal holds (the bytes are not kept). */
  blocks: ReadonlySet<string> = new Set();
  /** The blocks of the last manifest it verified (the process's one set per manifest, see blocksOf). */
  snapshotBlocks: ReadonlySet<string> | null = null;
  readonly queue: Mutation[] = [];
  /** Every id this terminal queued, for the reconciliation. */
  readonly queuedIds: string[] = [];
  readonly journal: SimulatedAuditJournal;

  constructor(
    readonly terminalId: string,
    readonly token: string,
    private readonly lookupEveryMs: number,
    /** The platform's Ed25519 public key as enrolment gave it. */
    readonly publicKey: string,
  ) {
    this.journal = new SimulatedAuditJournal(terminalId, 'c001');
  }

  async queueLookups(count: number): Promise<void> {
    const records = await this.journal.lookups(count, SUBJECTS[this.queuedIds.length % SUBJECTS.length]!, new Date());
    this.queue.push(...records);
    for (const r of records) this.queuedIds.push(r.id);
  }

  /** A clerk's lookup: the platform with a purpose, then the audit record queued and pushed. */
  async lookup(deadline: number): Promise<void> {
    const subject = SUBJECTS[Math.floor(Math.random() * SUBJECTS.length)]!;
    await withRetries(deadline, async () =>
      json(
        await request('POST /subjects/lookup', '/subjects/lookup', {
          token: this.token,
          body: { identifier: subject.identifier, matter: 'PX-MF', caseNo: 'PX-2026-0001' },
        }),
      ),
    );
    await this.queueLookups(1);
  }

  /** Drains the queue in the engine's batch size; returns false if the deadline came first. */
  async push(deadline: number): Promise<boolean> {
    while (this.queue.length > 0) {
      const batch = this.queue.slice(0, DEFAULT_SYNC_OPTIONS.pushBatchSize);
      const answer = await withRetries(deadline, async () =>
        json<OutboxResponse>(
          await request('POST /outbox', '/outbox', { token: this.token, body: { terminalId: this.terminalId, mutations: batch } }),
        ),
      );
      if (answer === null) return false;
      const now = Date.now();
      const accepted = answer.results.filter((r) => r.status === 'accepted').length;
      if (accepted > 0) {
        recorder.accepted += accepted;
        recorder.firstAcceptAt ||= now;
        recorder.lastAcceptAt = now;
      }
      this.queue.splice(0, batch.length);
    }
    return true;
  }

  /** Pulls until the platform says there is no more; a 409 waits the engine's resync delay, then rebuilds. */
  async pull(deadline: number): Promise<boolean> {
    for (let pages = 0; pages < 100_000 && Date.now() < deadline; pages++) {
      const query = new URLSearchParams({ limit: String(DEFAULT_SYNC_OPTIONS.pageSize) });
      if (this.cursor !== null) query.set('after', this.cursor);
      let head: { cursor: string; hasMore: boolean; dataVersion: string } | null;
      try {
        head = await withRetries(deadline, async () => {
          const res = await request('GET /sync/entries', `/sync/entries?${query.toString()}`, { token: this.token });
          const bytes = new Uint8Array(await res.arrayBuffer());
          const r = res as Response & { startedAt: number };
          recorder.note('GET /sync/entries', Date.now() - r.startedAt, res.status, r.startedAt);
          recorder.syncBytes += bytes.length;
          // The head comes before the changes (platform/sync/page.ts renderPage): parse only that.
          const text = Buffer.from(bytes.subarray(0, 4096)).toString('utf8');
          const end = text.indexOf(',"changes":[');
          return JSON.parse(`${text.slice(0, end)}}`) as { cursor: string; hasMore: boolean; dataVersion: string };
        });
      } catch (error) {
        if (error instanceof HttpProblem && error.status === 409 && error.code === 'resync') {
          await pause(reconnectSpread(DEFAULT_SYNC_OPTIONS.spreadMaxMs * spreadScale, Math.random));
          this.cursor = null;
          if (resyncPath === 'snapshot' && !(await this.installSnapshot(deadline))) return false;
          continue;
        }
        throw error;
      }
      if (head === null) return false;
      this.cursor = head.cursor;
      this.dataVersion = head.dataVersion;
      if (!head.hasMore) return true;
    }
    return false;
  }

  /**
   * The packed store's rebuild: the signed manifest (verified with the key from enrolment), the
   * blocks this terminal does not hold (the renderer's downloader: hash checked, decrypted, a few
   * at a time), then the cursor and data version the snapshot stands for. False: not by the deadline.
   */
  async installSnapshot(deadline: number): Promise<boolean> {
    const stats = recorder.snapshot;
    const answer = await withRetries(deadline, async () =>
      json<SnapshotManifestResponse>(await request('GET /snapshots/manifest', '/snapshots/manifest', { token: this.token })),
    );
    if (answer === null) return false;
    stats.manifests += 1;
    const manifest = await verifyManifest(answer, this.publicKey);
    stats.manifestsVerified += 1;
    const wanted = blocksOf(manifest);
    stats.snapshotBlocks = wanted.size;
    // From here on the terminal is judged against this manifest (a download cut short holds only part of it).
    this.snapshotBlocks = wanted;
    const holding = new Set<string>();
    try {
      await downloadBlocks(manifest, {
        client: sealedClient(deadline),
        sink: {
          stored: async (hashes) => {
            const have = new Set(hashes.filter((h) => this.blocks.has(h)));
            for (const h of have) holding.add(h);
            return have;
          },
          // The bytes are dropped once opened: a thousand terminals cannot each keep the list in memory.
          put: async (blocks) => {
            for (const b of blocks) holding.add(intern(b.hash));
            stats.blocksVerified += blocks.length;
          },
        },
      });
    } catch (error) {
      if (error instanceof SnapshotVerificationError) stats.blocksRefused += 1;
      throw error;
    }
    // Only the manifest's blocks were added: holding all of them, the terminal shares the process's set
    // (a thousand copies of the same hashes are memory the collector keeps walking).
    this.blocks = holding.size === wanted.size ? wanted : holding;
    this.cursor = manifest.body.cursor;
    this.dataVersion = manifest.body.dataVersion;
    return true;
  }

  /** Holds every block of the last manifest it verified. */
  holdsSnapshot(): boolean {
    const wanted = this.snapshotBlocks;
    if (wanted === null) return false;
    if (this.blocks === wanted) return true;
    for (const hash of wanted) if (!this.blocks.has(hash)) return false;
    return true;
  }

  /** Counter work until the deadline: lookups at the clerk's pace, pushes, polls on the jittered interval. */
  async work(until: number, pollEveryMs: number): Promise<void> {
    let nextPoll = Date.now() + jitteredInterval(pollEveryMs, Math.random, DEFAULT_SYNC_OPTIONS.intervalJitter);
    let nextLookup = Date.now() + Math.random() * this.lookupEveryMs;
    for (let steps = 0; steps < 100_000 && Date.now() < until; steps++) {
      const wake = Math.min(nextPoll, nextLookup, until);
      await pause(Math.max(0, wake - Date.now()));
      if (Date.now() >= until) break;
      if (Date.now() >= nextLookup) {
        await this.lookup(until).catch(() => undefined);
        await this.push(until).catch(() => undefined);
        nextLookup = Date.now() + this.lookupEveryMs * (0.5 + Math.random());
      }
      if (Date.now() >= nextPoll) {
        await this.pull(until).catch(() => undefined);
        nextPoll = Date.now() + jitteredInterval(pollEveryMs, Math.random, DEFAULT_SYNC_OPTIONS.intervalJitter);
      }
    }
  }
}

/** The spread and resync delay scaled for short runs (1 = the engine's own 60 s). */
let spreadScale = 1;
let resyncPath: ResyncPath = 'api';

/** One string per block hash for the whole fleet (a thousand terminals hold the same blocks). */
const hashes = new Map<string, string>();
function intern(hash: string): string {
  const known = hashes.get(hash);
  if (known !== undefined) return known;
  hashes.set(hash, hash);
  return hash;
}

/**
 * Per manifest (named by the SHA-256 of its body, which its signed statement names), its blocks'
 * hashes, once for the process: every terminal still fetches and verifies the manifest itself, but
 * keeps this shared set rather than its own parsed copy of the manifest.
 */
const manifestBlockSets = new Map<string, ReadonlySet<string>>();
function blocksOf(manifest: VerifiedManifest): ReadonlySet<string> {
  const name = manifest.statement.manifestSha256;
  let set = manifestBlockSets.get(name);
  if (set === undefined) {
    set = new Set(manifestBlocks(manifest).map((ref) => intern(ref.h)));
    manifestBlockSets.set(name, set);
  }
  return set;
}

/**
 * Block and pack downloads in flight in this process, across all its terminals. A real terminal has
 * its own link; one process multiplexing a thousand terminals' downloads at once (six each) made every
 * answer crawl past its 60 s timeout and be fetched again. Waiting here counts in a terminal's time to
 * resync, not in the request's latency.
 */
const SEALED_IN_FLIGHT = 64;
let sealedInFlight = 0;
const sealedWaiting: Array<() => void> = [];

async function sealedSlot<T>(work: () => Promise<T>): Promise<T> {
  if (sealedInFlight >= SEALED_IN_FLIGHT) await new Promise<void>((resume) => sealedWaiting.push(resume));
  else sealedInFlight += 1;
  try {
    return await work();
  } finally {
    const next = sealedWaiting.shift();
    if (next)
      next(); // the slot passes straight to the next waiter
    else sealedInFlight -= 1;
  }
}

/** An anonymous block or pack request, as the packed store makes it (through the cache when there is one). */
async function fetchSealed(route: string, path: string, deadline: number): Promise<Uint8Array<ArrayBuffer>> {
  const stats = recorder.snapshot;
  const bytes = await withRetries(deadline, () => sealedSlot(() => fetchSealedOnce(route, path, stats)));
  if (bytes === null) throw new HttpProblem(0, null, 'deadline');
  stats.requests += 1;
  stats.blockBytes += bytes.length;
  stats.urls.add(intern(path));
  recorder.syncBytes += bytes.length;
  return bytes;
}

async function fetchSealedOnce(route: string, path: string, stats: typeof recorder.snapshot): Promise<Uint8Array<ArrayBuffer>> {
  const res = await request(route, path);
  const { startedAt } = res as Response & { startedAt: number };
  let body: Uint8Array<ArrayBuffer>;
  try {
    body = new Uint8Array(await res.arrayBuffer());
  } catch (error) {
    // Cut off while the body was coming (its timeout): a transient failure, retried like one.
    recorder.note(route, Date.now() - startedAt, 0, startedAt);
    throw new HttpProblem(0, null, (error as Error).name);
  }
  recorder.note(route, Date.now() - startedAt, res.status, startedAt);
  const cache = res.headers.get('x-cache-status');
  if (cache !== null) stats.cached = true;
  if (cache === 'HIT') stats.hits += 1;
  else if (cache !== null) {
    // MISS, EXPIRED, BYPASS…: the request reached the platform.
    stats.misses += 1;
    stats.missesByUrl.set(path, (stats.missesByUrl.get(path) ?? 0) + 1);
  }
  return body;
}

/** The renderer's block client, over this process's fetch. */
function sealedClient(deadline: number) {
  return {
    snapshotBlock: (hash: string) => fetchSealed('GET /snapshots/blocks/:hash', `/snapshots/blocks/${hash}`, deadline),
    snapshotPack: (manifest: string, index: number) =>
      fetchSealed('GET /snapshots/blocks/packs/:manifest/:index', `/snapshots/blocks/packs/${manifest}/${index}`, deadline),
  };
}

async function setup(command: SetupCommand): Promise<void> {
  api = command.api;
  spreadScale = command.spreadScale;
  resyncPath = command.via;
  const deadline = Date.now() + command.timeoutMs;
  const made: Terminal[] = [];
  let supervisorSeat = null as { terminalId: string; terminalSecret: string } | null;
  // Enrolment and login cost the platform a slow password hash each: a few at a time, like IT rolling out.
  let next = 0;
  const worker = async () => {
    while (next < command.terminals && Date.now() < deadline) {
      const i = next++;
      const enrolled = await withRetries(deadline, async () =>
        json<{ terminalId: string; terminalSecret: string; platformPublicKey?: { key: string } }>(
          await request('POST /terminals', '/terminals', {
            body: { enrolmentCode: command.enrolmentCode, name: `负载窗口 ${(command.firstIndex ?? 0) + i}` },
          }),
        ),
      );
      if (!enrolled) throw new Error('enrolment timed out');
      supervisorSeat ??= enrolled;
      const session = await withRetries(deadline, async () =>
        json<{ token: string }>(
          await request('POST /sessions', '/sessions', { body: { ...enrolled, operatorId: 'c001', password: 'demo1234' } }),
        ),
      );
      if (!session) throw new Error('login timed out');
      if (resyncPath === 'snapshot' && !enrolled.platformPublicKey) throw new Error('enrolment gave no platform public key');
      const terminal = new Terminal(enrolled.terminalId, session.token, command.lookupEveryMs, enrolled.platformPublicKey?.key ?? '');
      // The fleet was in sync before the run: one terminal pulls the full state (or installs the
      // snapshot), the others take its cursor and blocks (a full rebuild per terminal here is the
      // resync scenario's work, not the setup's).
      if (!synced) {
        const first = resyncPath === 'snapshot' ? terminal.installSnapshot(deadline) : Promise.resolve(true);
        synced = first
          .then(() => terminal.pull(deadline))
          .then(() => ({
            cursor: terminal.cursor,
            dataVersion: terminal.dataVersion,
            blocks: terminal.blocks,
            snapshotBlocks: terminal.snapshotBlocks,
          }));
      }
      ({
        cursor: terminal.cursor,
        dataVersion: terminal.dataVersion,
        blocks: terminal.blocks,
        snapshotBlocks: terminal.snapshotBlocks,
      } = await synced);
      made.push(terminal);
      if (made.length % 100 === 0) process.stderr.write(`  ${made.length} terminals enrolled and signed in\n`);
    }
  };
  let synced: Promise<Pick<Terminal, 'cursor' | 'dataVersion' | 'blocks' | 'snapshotBlocks'>> | null = null;
  await Promise.all(Array.from({ length: command.enrolWorkers ?? 16 }, worker));
  if (made.length < command.terminals) throw new Error(`only ${made.length} of ${command.terminals} terminals set up in time`);
  terminals = made;
  const supervisor = await json<{ token: string }>(
    await request('POST /sessions', '/sessions', {
      // A supervisor signs in at one of the counters to reconcile (city-wide scope: every terminal's records).
      body: { ...(supervisorSeat as { terminalId: string; terminalSecret: string }), operatorId: 's001', password: 'demo1234' },
    }),
  );
  supervisorToken = supervisor.token;
}

function report(scenario: string, extra: Partial<PartReport>): PartReport {
  const seconds = Math.max(1, ((recorder.endedAt || Date.now()) - recorder.startedAt) / 1000);
  return {
    scenario,
    terminals: terminals.length,
    seconds,
    latencies: Object.fromEntries(recorder.latencies),
    statuses: Object.fromEntries(recorder.statuses),
    perSecond: Array.from(recorder.perSecond, (n) => n ?? 0),
    accepted: recorder.accepted,
    firstAcceptAt: recorder.firstAcceptAt,
    lastAcceptAt: recorder.lastAcceptAt,
    syncBytes: recorder.syncBytes,
    drainSeconds: null,
    lost: 0,
    lostIds: [],
    madeLost: null,
    duplicated: 0,
    chainBroken: 0,
    behind: 0,
    ...extra,
  };
}

function snapshotFigures(): PartSnapshot {
  const s = recorder.snapshot;
  return {
    manifests: s.manifests,
    manifestsVerified: s.manifestsVerified,
    snapshotBlocks: s.snapshotBlocks,
    requests: s.requests,
    urls: [...s.urls],
    missesByUrl: Object.fromEntries(s.missesByUrl),
    blocksVerified: s.blocksVerified,
    blocksRefused: s.blocksRefused,
    cacheHits: s.cached ? s.hits : null,
    cacheMisses: s.cached ? s.misses : null,
    blockBytes: s.blockBytes,
    terminalsWithAllBlocks: terminals.filter((t) => t.holdsSnapshot()).length,
  };
}

const send = (message: FromTerminals) => process.send?.(message);

/** The GoCommand awaited (one at a time). */
let release: ((at: number) => void) | null = null;

/**
 * Tells run.ts this process reached `step` and waits until every process has (the GoCommand), so
 * the fleet's network returns, and its reconciliation starts, at one moment. Returns that moment.
 * Without run.ts (no IPC channel) there is no one to wait for.
 */
function reached(step: 'queued' | 'worked'): Promise<number> {
  if (!process.send) return Promise.resolve(Date.now());
  return new Promise((resolve) => {
    release = resolve;
    send({ type: step });
  });
}

/** Every id each terminal queued is on the platform exactly once (paged through the supervisors' route). */
async function reconcile(
  loseOneRecord = false,
): Promise<{ lost: number; lostIds: string[]; madeLost: string | null; duplicated: number; chainBroken: number }> {
  recorder.paused = true;
  const madeLost = loseOneRecord ? await loseOne() : null;
  const lostIds: string[] = [];
  let lost = 0;
  let duplicated = 0;
  let chainBroken = 0;
  for (const terminal of terminals) {
    const seen = new Map<string, number>();
    let after = 0;
    for (let pages = 0; pages < 10_000; pages++) {
      const res = await request(
        'GET /supervisor/terminals/:id/records',
        `/supervisor/terminals/${terminal.terminalId}/records?after=${after}&limit=5000`,
        {
          token: supervisorToken,
        },
      );
      const page = await json<TerminalRecordsPage>(res);
      for (const r of page.records) {
        seen.set(r.id, (seen.get(r.id) ?? 0) + 1);
        if (r.status !== 'accepted' || r.chainOk === false) chainBroken++;
      }
      if (page.nextAfter === null) break;
      after = page.nextAfter;
    }
    const queued = new Set(terminal.queuedIds);
    for (const id of queued) {
      if (seen.has(id)) continue;
      lost++;
      if (lostIds.length < 20) lostIds.push(id);
    }
    for (const [id, n] of seen) if (n > 1 || !queued.has(id)) duplicated += queued.has(id) ? n - 1 : n;
  }
  return { lost, lostIds, madeLost, duplicated, chainBroken };
}

/** Through a test control, the platform loses the last record one terminal delivered (the harness's own check). */
async function loseOne(): Promise<string> {
  const id = terminals.find((t) => t.queuedIds.length > 0)?.queuedIds.at(-1);
  if (id === undefined) throw new Error('no delivered record to lose');
  const res = await fetch(`${api.replace(/\/api\/v1$/, '/__test')}/mutations/${id}/lose`, { method: 'POST' });
  if (!res.ok) throw new Error(`the platform did not lose ${id}: ${res.status}`);
  return id;
}

async function runScenario(command: ScenarioCommand): Promise<PartReport> {
  // Every process counts from run.ts's origin, so their per-second counts add up second by second.
  const origin = command.startedAt ?? Date.now();
  recorder = new Recorder(origin);
  // steady runs for its duration; reconnect and resync run until every terminal is done, within
  // the engine's spread plus five minutes (what is not delivered by then counts as behind, and lost).
  const deadline = (from: number) =>
    from +
    (command.scenario === 'steady'
      ? command.durationMs
      : Math.max(command.durationMs, 2 * DEFAULT_SYNC_OPTIONS.spreadMaxMs * spreadScale + 300_000));
  if (command.scenario === 'steady') {
    await Promise.all(terminals.map((t) => t.work(deadline(origin), command.pollEveryMs)));
  } else if (command.scenario === 'reconnect') {
    // The outage: every terminal queues its records offline; then the network returns for all in the
    // same second (in every process: the moment run.ts gives once all have queued).
    for (const t of terminals) await t.queueLookups(command.queuedPerTerminal);
    const returned = await reached('queued');
    recorder = new Recorder(returned);
    const until = deadline(returned);
    let done = 0;
    let last = 0;
    await Promise.all(
      terminals.map(async (t) => {
        await pause(reconnectSpread(DEFAULT_SYNC_OPTIONS.spreadMaxMs * spreadScale, Math.random));
        const pulled = await t.pull(until).catch(() => false);
        const pushed = await t.push(until).catch(() => false);
        if (pulled && pushed) {
          done++;
          last = Math.max(last, Date.now());
        }
      }),
    );
    const behind = terminals.length - done;
    recorder.endedAt = Date.now();
    await reached('worked');
    return report('reconnect', {
      drainSeconds: behind === 0 ? (last - returned) / 1000 : null,
      behind,
      ...(await reconcile(command.loseOneRecord)),
    });
  } else {
    // resync: the platform starts a new epoch (run.ts did); each terminal meets the 409 at its next poll.
    const until = deadline(origin);
    let last = 0;
    let done = 0;
    await Promise.all(
      terminals.map(async (t) => {
        await pause(jitteredInterval(command.pollEveryMs, Math.random, DEFAULT_SYNC_OPTIONS.intervalJitter) * Math.random());
        if (await t.pull(until).catch(() => false)) {
          done++;
          last = Math.max(last, Date.now());
        }
      }),
    );
    recorder.endedAt = Date.now();
    const holding = terminals.filter((t) => t.dataVersion === command.dataVersion).length;
    const snapshot = resyncPath === 'snapshot' ? snapshotFigures() : null;
    await reached('worked');
    return report('resync', {
      drainSeconds: done === terminals.length ? (last - origin) / 1000 : null,
      behind: terminals.length - holding,
      ...(snapshot ? { snapshot } : {}),
      ...(await reconcile(command.loseOneRecord)),
    });
  }
  // steady: deliver what is left, then reconcile.
  await Promise.all(terminals.map((t) => t.push(Date.now() + 60_000).catch(() => false)));
  recorder.endedAt = Date.now();
  await reached('worked');
  return report('steady', await reconcile(command.loseOneRecord));
}

process.on('message', (message: ToTerminals) => {
  if (message.type === 'go') {
    const go = release;
    release = null;
    go?.(message.at);
    return;
  }
  const task: Promise<FromTerminals> =
    message.type === 'setup'
      ? setup(message).then(() => ({ type: 'ready' }))
      : runScenario(message).then((r) => ({ type: 'report', report: r }));
  task.then(send, (error: unknown) => send({ type: 'error', message: (error as Error).stack ?? String(error) }));
});
send({ type: 'started' });
