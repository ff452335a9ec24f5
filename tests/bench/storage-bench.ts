/**
 * Storage benchmark (a command, not a test): npm run bench -- [--entries N] [--page-size N] [--json]
 *
 * Starts the reference platform with N list entries (the SQLite file is cached in .bench/ so a
 * second run does not seed again), serves the harness page, opens Debian's Chromium and measures,
 * in that one browser and run, for the per-record store and for the packed store (snapshot blocks)
 * side by side: the initial sync (rows/s) against plain IndexedDB writing the same rows with the same
 * indexes and batch size; a delta of 10,000 changes; lookups by identifier (half of them on no
 * list) and by name prefix and initials; start to first lookup; the outbox drain rate; JS heap and
 * disk used; and the platform's snapshot build time, size and the blocks a newer snapshot changes.
 * Needs the harness build: npx vite build --config tests/integration-browser/harness/vite.config.ts
 */
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { startPlatform } from '../../platform/server';
import Database from 'better-sqlite3';
import type { ListEntry } from '../../shared/contract';
import { residentIdCheckChar } from '../../shared/ids';
import { identifierKeysOf } from '../../shared/listKeys';
import { nameOf, pinyinInitials } from '../../shared/names';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { serveStatic } from '../support/staticServer';
import type { HarnessApi } from '../integration-browser/harness/api';
import type { BenchApi, LookupTimes, Timed } from '../integration-browser/harness/bench';

type Memory = { heapMB: number | null; diskMB: number | null };

process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';

function option(name: string, fallback: number, min = 1): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value < min) throw new Error(`--${name} expects a number ≥ ${min}`);
  return value;
}

const ENTRIES = option('entries', 100_000);
const PAGE_SIZE = option('page-size', 5_000);
const PUSH_BATCH = option('push-batch', 200);
const DELTA = option('delta', 10_000);
const OUTBOX = option('outbox', 10_000);
const SAMPLES = option('samples', 1_000);
/** Seconds to let IndexedDB settle (LevelDB compaction) after bulk writes, before timing lookups. */
const SETTLE = option('settle', 10, 0);
const JSON_OUTPUT = process.argv.includes('--json');
/** Only the packed store (its figures at a million take minutes; the other two, tens of minutes on a busy machine). */
const ONLY_PACKED = process.argv.includes('--only-packed');
/** With --only-packed: still load the raw IndexedDB baseline, for the packed store's ratio against it. */
const WITH_RAW = process.argv.includes('--with-raw');
/** Build the snapshot again instead of reporting the build that published the seeded list. */
const REBUILD = process.argv.includes('--rebuild-snapshot');
/** Build the next snapshot after the delta and count the blocks that changed (a full build: minutes at a million). */
const NEXT_SNAPSHOT = !process.argv.includes('--no-next-snapshot');
const HARNESS = fileURLToPath(new URL('../../dist/harness', import.meta.url));
const BENCH_DIR = fileURLToPath(new URL('../../.bench', import.meta.url));

const log = (message: string) => process.stderr.write(`${message}\n`);

async function inPage<K extends keyof BenchApi>(
  page: Page,
  name: K,
  ...args: Parameters<BenchApi[K]>
): Promise<Awaited<ReturnType<BenchApi[K]>>> {
  return page.evaluate(
    ([n, a]) => (globalThis as unknown as { __cc: { bench: Record<string, (...x: unknown[]) => unknown> } }).__cc.bench[n]!(...a),
    [name, args] as [string, unknown[]],
  ) as Promise<Awaited<ReturnType<BenchApi[K]>>>;
}

async function cc<K extends keyof HarnessApi>(page: Page, name: K, ...args: unknown[]): Promise<unknown> {
  return page.evaluate(([n, a]) => (globalThis as unknown as { __cc: Record<string, (...x: unknown[]) => unknown> }).__cc[n]!(...a), [
    name,
    args,
  ] as [string, unknown[]]);
}

/** Applies `count` changes on the platform: status changes, deletions and new entries, ~20 at a time. */
async function publishDelta(platformUrl: string, ids: string[], count: number): Promise<void> {
  const post = async (path: string, method: string, body?: unknown) => {
    const response = await fetch(`${platformUrl}/__test${path}`, {
      method,
      ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}),
    });
    if (!response.ok && response.status !== 404) throw new Error(`${method} ${path}: ${response.status}`);
  };
  const unique = [...new Set(ids)];
  const jobs: Array<() => Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const id = unique[i % unique.length]!;
    if (i % 10 === 0) jobs.push(() => post('/entries', 'POST', { subjectName: `基准新增${i}` }));
    else if (i % 10 === 1) jobs.push(() => post(`/entries/${encodeURIComponent(id)}`, 'DELETE'));
    else jobs.push(() => post(`/entries/${encodeURIComponent(id)}/status`, 'POST', { status: i % 2 === 0 ? 'REMOVED' : 'EXPIRED' }));
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < jobs.length) await jobs[next++]!();
    }),
  );
}

async function settle(): Promise<void> {
  if (SETTLE <= 0) return;
  log(`settling ${SETTLE} s (LevelDB compaction)…`);
  await new Promise((r) => setTimeout(r, SETTLE * 1000));
}

/** Valid resident IDs of a region with no list data: lookups of subjects on no list. */
function absentIds(count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String((i % 12) + 1).padStart(2, '0')}${String((i % 28) + 1).padStart(2, '0')}`;
    const first17 = `659001${birth}${String(i % 1000).padStart(3, '0')}`;
    out.push(first17 + residentIdCheckChar(first17));
  }
  return out;
}

/** Random live entries, read from the platform's database (both stores are asked about the same ones). */
function randomEntries(db: Database.Database, count: number): ListEntry[] {
  return db
    .prepare<[number], { entry: string }>('SELECT entry FROM entries WHERE deleted = 0 ORDER BY random() LIMIT ?')
    .all(count)
    .map((r) => JSON.parse(r.entry) as ListEntry);
}

function questionsAbout(entries: readonly ListEntry[]): { present: string[]; absent: string[]; names: string[]; initials: string[] } {
  return {
    present: entries.map((e) => identifierKeysOf(e.identifier)[0]!),
    absent: absentIds(entries.length),
    names: entries.map((e) => e.subjectName.slice(0, 2)),
    initials: entries.map((e) => pinyinInitials(e.subjectName, nameOf(e.subjectKind)).slice(0, 3)).filter((i) => i.length >= 2),
  };
}

async function openHarness(browser: Awaited<ReturnType<typeof chromium.launchPersistentContext>>, url: string): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
  return page;
}

interface SnapshotSummary {
  blockRequests: number;
  latest: { stats: { buildMs: number; blocks: number; bytes: number; plainBytes: number; changedBlocks: number; changedBytes: number } };
}

async function main(): Promise<void> {
  if (!existsSync(`${HARNESS}/index.html`)) {
    throw new Error('Harness not built: run `npx vite build --config tests/integration-browser/harness/vite.config.ts` first');
  }
  mkdirSync(BENCH_DIR, { recursive: true });
  // Seeded once and kept; every run starts from a fresh copy (a run changes the data).
  const seedFile = `${BENCH_DIR}/platform-${ENTRIES}.seed.db`;
  const dbFile = `${BENCH_DIR}/platform-${ENTRIES}.run.db`;
  const seeding = { subjects: Math.max(20_000, Math.round(ENTRIES / 2)), entries: ENTRIES, logger: false } as const;
  if (!existsSync(seedFile)) {
    log(`platform: seeding ${ENTRIES} entries into ${seedFile}…`);
    const seeded = await startPlatform({ port: 0, db: seedFile, ...seeding, awaitSnapshot: true });
    await seeded.close();
  }
  for (const suffix of ['', '-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  copyFileSync(seedFile, dbFile);
  // Three origins (three ports), so that neither store shares a LevelDB with another or with the baseline.
  const web = await serveStatic({ root: HARNESS });
  const packedWeb = await serveStatic({ root: HARNESS });
  const baselineWeb = await serveStatic({ root: HARNESS });
  const platform = await startPlatform({
    port: 0,
    db: dbFile,
    ...seeding,
    testControls: true,
    rateLimitPerMinute: 1_000_000,
    corsOrigins: [web.url, packedWeb.url, baselineWeb.url],
    awaitSnapshot: true,
    // Snapshots only when the bench asks: the next one is compared with the one the terminal holds.
    snapshots: { checkIntervalMs: 0 },
  });
  const control = async (path: string, method = 'POST'): Promise<unknown> =>
    (await fetch(`${platform.url}/__test${path}`, { method })).json();
  // The build that published the seeded list (kept with the database), unless asked to build again.
  let built = ((await control('/state', 'GET')) as { snapshot: SnapshotSummary | { latest: null } }).snapshot;
  if (!built.latest || REBUILD) {
    log('platform: building a snapshot (timed)…');
    built = (await control('/snapshot')) as SnapshotSummary;
  }
  const publishedBuild = (built as SnapshotSummary).latest.stats;
  const sampler = new Database(dbFile, { readonly: true });
  let baselinePage: Page | null = null;
  // A persistent profile on disk, like the installed app (an incognito context keeps IndexedDB in
  // memory with a small quota, which measures neither the real disk nor the real limits).
  const profileDir = `${BENCH_DIR}/chromium-profile`;
  rmSync(profileDir, { recursive: true, force: true });
  const browser = await chromium.launchPersistentContext(profileDir, {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  try {
    const clerk = platform.operators[0]!;
    let raw: Timed | null = null;
    if (!ONLY_PACKED || WITH_RAW) {
      const baseline = browser.pages()[0] ?? (await browser.newPage());
      await baseline.goto(baselineWeb.url);
      await baseline.waitForFunction(() => document.body.dataset.ready === 'true');
      log('raw IndexedDB baseline (own origin)…');
      raw = await inPage(baseline, 'rawLoad', platform.url, platform.enrolmentCode, { id: clerk.id, password: clerk.password }, PAGE_SIZE);
      baselinePage = baseline;
      await settle();
    }

    let page: Page | null = null;
    let initial: (Timed & { error: string | null }) | null = null;
    let afterSync: Memory | null = null;
    if (!ONLY_PACKED) {
      page = await openHarness(browser, web.url);
      await cc(page, 'start', { prefix: 'bench', pageSize: PAGE_SIZE, pushBatchSize: PUSH_BATCH, listStore: 'records' });
      await cc(page, 'enrol', platform.url, platform.enrolmentCode, '基准测试终端');
      await cc(page, 'login', clerk.id, clerk.password);
      log('initial sync, per-record store…');
      await inPage(page, 'profile', true);
      initial = await inPage(page, 'initialSync');
      log(`  breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
      if (initial.error) throw new Error(`initial sync failed: ${initial.error}`);
      afterSync = await inPage(page, 'memory');
      await settle();
    }

    const packed = await openHarness(browser, packedWeb.url);
    await cc(packed, 'start', { prefix: 'packed', pageSize: PAGE_SIZE, pushBatchSize: PUSH_BATCH, listStore: 'packed' });
    await cc(packed, 'enrol', platform.url, platform.enrolmentCode, '基准测试终端（快照）');
    await cc(packed, 'login', clerk.id, clerk.password);
    log('initial sync, packed store (snapshot)…');
    await inPage(packed, 'profile', true);
    const packedInitial = await inPage(packed, 'initialSync');
    const packedProfile = await inPage(packed, 'profile', true);
    log(`  breakdown: ${JSON.stringify(packedProfile)}`);
    {
      const p = packedProfile;
      const each = (ms: number, n: number) => (n > 0 ? `${(ms / n).toFixed(2)} ms each` : '–');
      log(
        `  where it went (summed over concurrent work, wall ${(packedInitial.ms / 1000).toFixed(1)} s): ` +
          `HTTP ${(p.blockFetchMs / 1000).toFixed(1)} s for ${p.packCalls} packs + ${p.blockCalls} blocks (${each(p.blockFetchMs, p.packCalls + p.blockCalls)}); ` +
          `SHA-256 ${(p.digestMs / 1000).toFixed(1)} s (${each(p.digestMs, p.digestCalls)}); AES-GCM ${(p.decryptMs / 1000).toFixed(1)} s (${each(p.decryptMs, p.decryptCalls)}); ` +
          `IndexedDB ${(p.blockPutMs / 1000).toFixed(1)} s for ${p.blocksPut} blocks in ${p.blockPuts} transactions; directory ${(p.completeSnapshotMs / 1000).toFixed(1)} s`,
      );
    }
    if (packedInitial.error) throw new Error(`packed initial sync failed: ${packedInitial.error}`);
    const packedAfterSync = await inPage(packed, 'memory');
    await settle();

    log(`delta: publishing ${DELTA} changes…`);
    await publishDelta(
      platform.url,
      randomEntries(sampler, DELTA).map((e) => e.id),
      DELTA,
    );
    let delta: (Timed & { error: string | null }) | null = null;
    if (page) {
      await inPage(page, 'profile', true);
      delta = await inPage(page, 'deltaSync');
      log(`  per-record breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
      if (delta.error) throw new Error(`delta sync failed: ${delta.error}`);
    }
    await inPage(packed, 'profile', true);
    const packedDelta = await inPage(packed, 'deltaSync');
    const packedDeltaProfile = await inPage(packed, 'profile', true);
    log(`  packed breakdown: ${JSON.stringify(packedDeltaProfile)}`);
    if (packedDelta.error) throw new Error(`packed delta sync failed: ${packedDelta.error}`);
    const rawDelta = baselinePage ? await inPage(baselinePage, 'rawDelta', PAGE_SIZE) : null;
    if (rawDelta) log(`  plain IndexedDB, same changes: ${JSON.stringify(rawDelta)}`);

    let hot: LookupTimes | null = null;
    let lookups: LookupTimes | null = null;
    if (page) {
      log('lookups right after the delta…');
      hot = await inPage(page, 'lookupTimes', SAMPLES);
      log(`  ${JSON.stringify(hot)}`);
    }
    await settle();
    if (page) {
      lookups = await inPage(page, 'lookupTimes', SAMPLES);
      log(`  ${JSON.stringify(lookups)}`);
    }
    // The same questions to both stores: listed keys, as many keys on no list, names, initials.
    const sample = questionsAbout(randomEntries(sampler, Math.round(SAMPLES / 2)));
    const recordsTimes = page ? await inPage(page, 'storeTimes', sample) : null;
    const packedTimes = await inPage(packed, 'storeTimes', sample);
    if (recordsTimes) log(`  same questions, per-record: ${JSON.stringify(recordsTimes)}`);
    log(`  same questions, packed:     ${JSON.stringify(packedTimes)}`);
    const packedAfterLookups = await inPage(packed, 'memory');
    let drain: Timed | null = null;
    let end: Memory | null = null;
    if (page) {
      log('outbox drain…');
      await inPage(page, 'profile', true);
      drain = await inPage(page, 'outboxDrain', OUTBOX, PUSH_BATCH);
      log(`  breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
      end = await inPage(page, 'memory');
    }

    log('packed store: reload, start, first lookup…');
    await packed.reload();
    await packed.waitForFunction(() => document.body.dataset.ready === 'true');
    const packedStart = await inPage(packed, 'startToFirstLookup', { prefix: 'packed', listStore: 'packed' }, sample.present[0]!);
    log(
      `  page ready at ${Math.round(packedStart.pageReadyMs)} ms, services ${Math.round(packedStart.servicesMs)} ms ` +
        `(list store warm-up ${packedStart.warmMs === null ? 'n/a' : Math.round(packedStart.warmMs)} ms), first lookup ${Math.round(packedStart.lookupMs)} ms`,
    );
    const packedAfterStart = await inPage(packed, 'memory');
    let recordsStart: { startMs: number } | null = null;
    if (page) {
      await page.reload();
      await page.waitForFunction(() => document.body.dataset.ready === 'true');
      recordsStart = await inPage(page, 'startToFirstLookup', { prefix: 'bench', listStore: 'records' }, sample.present[0]!);
    }

    const next = NEXT_SNAPSHOT
      ? ((await (log('platform: next snapshot after the delta…'), control('/snapshot'))) as SnapshotSummary)
      : null;

    const round = (n: number | null | undefined, digits = 0) => (n === null || n === undefined ? null : Number(n.toFixed(digits)));
    const initialRate = initial ? initial.rows / (initial.ms / 1000) : null;
    const rawRate = raw ? raw.rows / (raw.ms / 1000) : null;
    const packedRate = ENTRIES / (packedInitial.ms / 1000);
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    const result = {
      entries: ENTRIES,
      initialSyncRowsPerSec: round(initialRate),
      rawBaselineRowsPerSec: round(rawRate),
      ratio: initialRate && rawRate ? round(initialRate / rawRate, 3) : null,
      deltaApplyMs: round(delta?.ms),
      rawDeltaMs: round(rawDelta?.ms),
      lookupIdP50Ms: round(lookups?.idP50, 2),
      lookupIdP99Ms: round(lookups?.idP99, 2),
      nameSearchP99Ms: round(lookups?.namePrefixP99, 2),
      outboxDrainPerSec: drain ? Math.round(drain.rows / (drain.ms / 1000)) : null,
      heapMB: afterSync?.heapMB != null ? Math.round(Math.max(afterSync.heapMB, end?.heapMB ?? 0)) : null,
      diskMB: end?.diskMB != null ? Math.round(end.diskMB) : null,
      packedInitialSyncRowsPerSec: Math.round(packedRate),
      packedSyncOverRaw: rawRate ? round(packedRate / rawRate, 2) : null,
      // Applied = the store's work (index keys, pinyin initials, the overlay write), like the plain
      // IndexedDB figure beside it; the whole pull, with the two pages' fetch, is packedDeltaSyncMs.
      packedDeltaApplyMs: Math.round(packedDeltaProfile.prepareMs + packedDeltaProfile.applyMs),
      packedDeltaSyncMs: Math.round(packedDelta.ms),
      packedDeltaFetchMs: Math.round(packedDeltaProfile.fetchMs),
      packedLookupIdP50Ms: round(packedTimes.idP50, 2),
      packedLookupIdP99Ms: round(packedTimes.idP99, 2),
      packedLookupListedP50Ms: round(packedTimes.listedP50, 2),
      packedLookupListedP99Ms: round(packedTimes.listedP99, 2),
      packedLookupUnlistedP99Ms: round(packedTimes.unlistedP99, 2),
      rawBlockGetP50Ms: round(packedTimes.rawBlockGetP50 ?? undefined, 2),
      rawBlockGetP99Ms: round(packedTimes.rawBlockGetP99 ?? undefined, 2),
      packedNameSearchP99Ms: round(packedTimes.namePrefixP99, 2),
      packedInitialsSearchP99Ms: round(packedTimes.initialsP99, 2),
      packedStartMs: Math.round(packedStart.startMs),
      recordsStartMs: round(recordsStart?.startMs),
      packedHeapMB:
        packedAfterSync.heapMB === null
          ? null
          : Math.round(Math.max(packedAfterSync.heapMB, packedAfterLookups.heapMB ?? 0, packedAfterStart.heapMB ?? 0)),
      packedDiskMB: packedAfterLookups.diskMB === null ? null : Math.round(packedAfterLookups.diskMB),
      packedDownloadMB: Number((packedProfile.blockBytes / 1_048_576).toFixed(1)),
      snapshotBuildMs: publishedBuild.buildMs,
      snapshotBlocks: publishedBuild.blocks,
      snapshotMB: Number((publishedBuild.bytes / 1_048_576).toFixed(1)),
      nextSnapshotChangedBlocks: next?.latest.stats.changedBlocks ?? null,
      nextSnapshotChangedMB: next ? Number((next.latest.stats.changedBytes / 1_048_576).toFixed(1)) : null,
    };
    const na = 'n/a (--only-packed)';
    const rows: Array<[string, string, string]> = [
      ['entries', String(ENTRIES), ''],
      [
        'initial sync, per-record',
        initial ? `${(initial.ms / 1000).toFixed(1)} s, ${result.initialSyncRowsPerSec} rows/s` : na,
        initial ? `${initial.rows} rows, page ${PAGE_SIZE}` : '',
      ],
      [
        'raw IndexedDB baseline',
        raw ? `${(raw.ms / 1000).toFixed(1)} s, ${result.rawBaselineRowsPerSec} rows/s` : na,
        'same rows, indexes, batch; own origin',
      ],
      ['ratio per-record / baseline', result.ratio === null ? na : result.ratio.toFixed(2), 'target ≥ 0.8'],
      [
        'initial sync, packed',
        `${(packedInitial.ms / 1000).toFixed(1)} s, ${result.packedInitialSyncRowsPerSec} rows/s`,
        `${result.packedSyncOverRaw ?? '?'}× the baseline (target ≥ 10×); ${packedProfile.blocksPut} blocks in ${packedProfile.packCalls + packedProfile.blockCalls} requests, ${result.packedDownloadMB} MB`,
      ],
      [
        'snapshot build (platform)',
        `${(result.snapshotBuildMs / 1000).toFixed(1)} s`,
        `${result.snapshotBlocks} blocks, ${result.snapshotMB} MB sealed (${mb(publishedBuild.plainBytes)} MB plain)`,
      ],
      ['delta apply, per-record', delta ? `${result.deltaApplyMs} ms` : na, `${DELTA} changes`],
      [
        'delta apply, packed',
        `${result.packedDeltaApplyMs} ms`,
        `${packedDelta.rows} changes: keys, initials, overlay write; target < 500 ms`,
      ],
      [
        'delta pull, packed (wall)',
        `${result.packedDeltaSyncMs} ms`,
        `with fetching the pages (${result.packedDeltaFetchMs} ms: HTTP, JSON, contract check), partly beside the apply`,
      ],
      ['plain IDB, same delta', rawDelta ? `${result.rawDeltaMs} ms` : na, 'put/delete only, fetch not timed'],
      [
        'next snapshot after the delta',
        next
          ? `${result.nextSnapshotChangedBlocks} of ${next.latest.stats.blocks} blocks, ${result.nextSnapshotChangedMB} MB`
          : 'n/a (--no-next-snapshot)',
        `what a terminal on the previous snapshot fetches after the ${DELTA} changes`,
      ],
      [
        'lookup by ID p50 / p99, per-record',
        lookups ? `${result.lookupIdP50Ms} / ${result.lookupIdP99Ms} ms` : na,
        `listed keys after ${SETTLE} s settle`,
      ],
      [
        'same questions p50 / p99, per-record',
        recordsTimes ? `${recordsTimes.idP50.toFixed(2)} / ${recordsTimes.idP99.toFixed(2)} ms` : na,
        `${packedTimes.samples} keys, half on no list`,
      ],
      ['same questions p50 / p99, packed', `${result.packedLookupIdP50Ms} / ${result.packedLookupIdP99Ms} ms`, 'target p99 < 2 ms'],
      [
        '  of them: listed p50 / p99, unlisted p99',
        `${result.packedLookupListedP50Ms} / ${result.packedLookupListedP99Ms} ms, ${result.packedLookupUnlistedP99Ms} ms`,
        'a listed key reads its block; an unlisted one is answered in memory',
      ],
      [
        'plain IDB get of one block p50 / p99',
        `${result.rawBlockGetP50Ms ?? 'n/a'} / ${result.rawBlockGetP99Ms ?? 'n/a'} ms`,
        'the floor under a listed key, same database',
      ],
      ['name prefix p50 / p99, per-record', lookups ? `${lookups.namePrefixP50.toFixed(2)} / ${result.nameSearchP99Ms} ms` : na, ''],
      ['name prefix / initials p99, packed', `${result.packedNameSearchP99Ms} / ${result.packedInitialsSearchP99Ms} ms`, 'target < 20 ms'],
      ['pinyin initials p99, per-record', lookups ? `${lookups.initialsP99.toFixed(2)} ms` : na, ''],
      [
        'plain IDB lookup p50 / p99',
        lookups ? `${lookups.rawIdP50.toFixed(2)} / ${lookups.rawIdP99.toFixed(2)} ms` : na,
        'same index, for comparison',
      ],
      [
        'lookups right after delta',
        hot ? `ID p99 ${hot.idP99.toFixed(1)} ms, name p99 ${hot.namePrefixP99.toFixed(1)} ms` : na,
        hot ? `plain IDB p99 ${hot.rawIdP99.toFixed(1)} ms (compaction)` : '',
      ],
      [
        'start to first lookup',
        `packed ${result.packedStartMs} ms, per-record ${result.recordsStartMs ?? 'n/a'} ms`,
        'from page navigation; target < 1000 ms',
      ],
      ['outbox drain', drain ? `${result.outboxDrainPerSec} /s` : na, `batch ${PUSH_BATCH}; target ≥ 500/s`],
      [
        'JS heap',
        `per-record ${result.heapMB ?? 'n/a'} MB, packed ${result.packedHeapMB ?? 'n/a'} MB`,
        'performance.memory; target < 150 MB',
      ],
      ['disk used', `per-record ${result.diskMB ?? 'n/a'} MB, packed ${result.packedDiskMB ?? 'n/a'} MB`, 'navigator.storage.estimate()'],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    const valueWidth = Math.max(...rows.map((r) => r[1].length));
    for (const [k, v, note] of rows) console.log(`${k.padEnd(width)}  ${v.padEnd(valueWidth)}  ${note}`);
    if (JSON_OUTPUT) console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    rmSync(profileDir, { recursive: true, force: true });
    await web.close();
    await packedWeb.close();
    await baselineWeb.close();
    sampler.close();
    await platform.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
