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
import { residentIdCheckChar } from '../../shared/ids';
import { CHROMIUM_ARGS, findChromium } from '../support/chromium';
import { serveStatic } from '../support/staticServer';
import type { HarnessApi } from '../integration-browser/harness/api';
import type { BenchApi } from '../integration-browser/harness/bench';

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
  const platform = await startPlatform({
    port: 0,
    db: dbFile,
    ...seeding,
    testControls: true,
    rateLimitPerMinute: 1_000_000,
    awaitSnapshot: true,
  });
  const control = async (path: string, method = 'POST'): Promise<unknown> =>
    (await fetch(`${platform.url}/__test${path}`, { method })).json();
  log('platform: building a snapshot (timed)…');
  const built = (await control('/snapshot')) as SnapshotSummary;
  // Three origins (three ports), so that neither store shares a LevelDB with another or with the baseline.
  const web = await serveStatic({ root: HARNESS });
  const packedWeb = await serveStatic({ root: HARNESS });
  const baselineWeb = await serveStatic({ root: HARNESS });
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
    const baseline = browser.pages()[0] ?? (await browser.newPage());
    await baseline.goto(baselineWeb.url);
    await baseline.waitForFunction(() => document.body.dataset.ready === 'true');
    log('raw IndexedDB baseline (own origin)…');
    const raw = await inPage(
      baseline,
      'rawLoad',
      platform.url,
      platform.enrolmentCode,
      { id: clerk.id, password: clerk.password },
      PAGE_SIZE,
    );
    await settle();

    const page = await openHarness(browser, web.url);
    await cc(page, 'start', { prefix: 'bench', pageSize: PAGE_SIZE, pushBatchSize: PUSH_BATCH, listStore: 'records' });
    await cc(page, 'enrol', platform.url, platform.enrolmentCode, '基准测试终端');
    await cc(page, 'login', clerk.id, clerk.password);

    log('initial sync, per-record store…');
    await inPage(page, 'profile', true);
    const initial = await inPage(page, 'initialSync');
    log(`  breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
    if (initial.error) throw new Error(`initial sync failed: ${initial.error}`);
    const afterSync = await inPage(page, 'memory');
    await settle();

    const packed = await openHarness(browser, packedWeb.url);
    await cc(packed, 'start', { prefix: 'packed', pageSize: PAGE_SIZE, pushBatchSize: PUSH_BATCH, listStore: 'packed' });
    await cc(packed, 'enrol', platform.url, platform.enrolmentCode, '基准测试终端（快照）');
    await cc(packed, 'login', clerk.id, clerk.password);
    log('initial sync, packed store (snapshot)…');
    await inPage(packed, 'profile', true);
    const packedInitial = await inPage(packed, 'initialSync');
    const packedProfile = await inPage(packed, 'profile', true);
    log(`  breakdown: ${JSON.stringify(packedProfile)}`);
    if (packedInitial.error) throw new Error(`packed initial sync failed: ${packedInitial.error}`);
    const packedAfterSync = await inPage(packed, 'memory');
    await settle();

    log(`delta: publishing ${DELTA} changes…`);
    await publishDelta(platform.url, await inPage(page, 'sampleIds', DELTA), DELTA);
    await inPage(page, 'profile', true);
    const delta = await inPage(page, 'deltaSync');
    log(`  per-record breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
    await inPage(packed, 'profile', true);
    const packedDelta = await inPage(packed, 'deltaSync');
    log(`  packed breakdown: ${JSON.stringify(await inPage(packed, 'profile', true))}`);
    const rawDelta = await inPage(baseline, 'rawDelta', PAGE_SIZE);
    log(`  plain IndexedDB, same changes: ${JSON.stringify(rawDelta)}`);
    if (delta.error) throw new Error(`delta sync failed: ${delta.error}`);
    if (packedDelta.error) throw new Error(`packed delta sync failed: ${packedDelta.error}`);
    log('lookups right after the delta…');
    const hot = await inPage(page, 'lookupTimes', SAMPLES);
    log(`  ${JSON.stringify(hot)}`);
    await settle();
    const lookups = await inPage(page, 'lookupTimes', SAMPLES);
    log(`  ${JSON.stringify(lookups)}`);
    // The same questions to both stores: listed keys, as many keys on no list, names, initials.
    const asked = await inPage(page, 'sampleQuestions', Math.round(SAMPLES / 2));
    const sample = { ...asked, absent: absentIds(asked.present.length) };
    const recordsTimes = await inPage(page, 'storeTimes', sample);
    const packedTimes = await inPage(packed, 'storeTimes', sample);
    log(`  same questions, per-record: ${JSON.stringify(recordsTimes)}`);
    log(`  same questions, packed:     ${JSON.stringify(packedTimes)}`);
    const packedAfterLookups = await inPage(packed, 'memory');
    log('outbox drain…');
    await inPage(page, 'profile', true);
    const drain = await inPage(page, 'outboxDrain', OUTBOX, PUSH_BATCH);
    log(`  breakdown: ${JSON.stringify(await inPage(page, 'profile', true))}`);
    const end = await inPage(page, 'memory');

    log('packed store: reload, start, first lookup…');
    await packed.reload();
    await packed.waitForFunction(() => document.body.dataset.ready === 'true');
    const packedStart = await inPage(packed, 'startToFirstLookup', { prefix: 'packed', listStore: 'packed' }, sample.present[0]!);
    const packedAfterStart = await inPage(packed, 'memory');
    await page.reload();
    await page.waitForFunction(() => document.body.dataset.ready === 'true');
    const recordsStart = await inPage(page, 'startToFirstLookup', { prefix: 'bench', listStore: 'records' }, sample.present[0]!);

    log('platform: next snapshot after the delta…');
    const next = (await control('/snapshot')) as SnapshotSummary;

    const initialRate = initial.rows / (initial.ms / 1000);
    const rawRate = raw.rows / (raw.ms / 1000);
    const packedRate = ENTRIES / (packedInitial.ms / 1000);
    const mb = (bytes: number) => Math.round(bytes / 1_048_576);
    const result = {
      entries: ENTRIES,
      initialSyncRowsPerSec: Math.round(initialRate),
      rawBaselineRowsPerSec: Math.round(rawRate),
      ratio: Number((initialRate / rawRate).toFixed(3)),
      deltaApplyMs: Math.round(delta.ms),
      rawDeltaMs: Math.round(rawDelta.ms),
      lookupIdP50Ms: Number(lookups.idP50.toFixed(2)),
      lookupIdP99Ms: Number(lookups.idP99.toFixed(2)),
      nameSearchP99Ms: Number(lookups.namePrefixP99.toFixed(2)),
      outboxDrainPerSec: Math.round(drain.rows / (drain.ms / 1000)),
      heapMB: afterSync.heapMB === null ? null : Math.round(Math.max(afterSync.heapMB, end.heapMB ?? 0)),
      diskMB: end.diskMB === null ? null : Math.round(end.diskMB),
      packedInitialSyncRowsPerSec: Math.round(packedRate),
      packedSyncOverRaw: Number((packedRate / rawRate).toFixed(2)),
      packedDeltaApplyMs: Math.round(packedDelta.ms),
      packedLookupIdP50Ms: Number(packedTimes.idP50.toFixed(2)),
      packedLookupIdP99Ms: Number(packedTimes.idP99.toFixed(2)),
      packedNameSearchP99Ms: Number(packedTimes.namePrefixP99.toFixed(2)),
      packedInitialsSearchP99Ms: Number(packedTimes.initialsP99.toFixed(2)),
      packedStartMs: Math.round(packedStart.startMs),
      recordsStartMs: Math.round(recordsStart.startMs),
      packedHeapMB:
        packedAfterSync.heapMB === null
          ? null
          : Math.round(Math.max(packedAfterSync.heapMB, packedAfterLookups.heapMB ?? 0, packedAfterStart.heapMB ?? 0)),
      packedDiskMB: packedAfterLookups.diskMB === null ? null : Math.round(packedAfterLookups.diskMB),
      packedDownloadMB: Number((packedProfile.blockBytes / 1_048_576).toFixed(1)),
      snapshotBuildMs: built.latest.stats.buildMs,
      snapshotBlocks: built.latest.stats.blocks,
      snapshotMB: Number((built.latest.stats.bytes / 1_048_576).toFixed(1)),
      nextSnapshotChangedBlocks: next.latest.stats.changedBlocks,
      nextSnapshotChangedMB: Number((next.latest.stats.changedBytes / 1_048_576).toFixed(1)),
    };
    const rows: Array<[string, string, string]> = [
      ['entries', String(ENTRIES), ''],
      [
        'initial sync, per-record',
        `${(initial.ms / 1000).toFixed(1)} s, ${result.initialSyncRowsPerSec} rows/s`,
        `${initial.rows} rows, page ${PAGE_SIZE}`,
      ],
      [
        'raw IndexedDB baseline',
        `${(raw.ms / 1000).toFixed(1)} s, ${result.rawBaselineRowsPerSec} rows/s`,
        'same rows, indexes, batch; own origin',
      ],
      ['ratio per-record / baseline', result.ratio.toFixed(2), 'target ≥ 0.8'],
      [
        'initial sync, packed',
        `${(packedInitial.ms / 1000).toFixed(1)} s, ${result.packedInitialSyncRowsPerSec} rows/s`,
        `${result.packedSyncOverRaw}× the baseline (target ≥ 10×); ${packedProfile.blockCalls} blocks, ${result.packedDownloadMB} MB`,
      ],
      [
        'snapshot build (platform)',
        `${(result.snapshotBuildMs / 1000).toFixed(1)} s`,
        `${result.snapshotBlocks} blocks, ${result.snapshotMB} MB sealed (${mb(built.latest.stats.plainBytes)} MB plain)`,
      ],
      ['delta apply, per-record', `${result.deltaApplyMs} ms`, `${delta.rows} changes`],
      ['delta apply, packed', `${result.packedDeltaApplyMs} ms`, `${packedDelta.rows} changes; target < 500 ms`],
      ['plain IDB, same delta', `${result.rawDeltaMs} ms`, 'put/delete only, fetch not timed'],
      [
        'next snapshot after the delta',
        `${result.nextSnapshotChangedBlocks} of ${next.latest.stats.blocks} blocks, ${result.nextSnapshotChangedMB} MB`,
        `what a terminal on the previous snapshot fetches after the ${DELTA} changes`,
      ],
      [
        'lookup by ID p50 / p99, per-record',
        `${result.lookupIdP50Ms} / ${result.lookupIdP99Ms} ms`,
        `${lookups.samples} listed keys after ${SETTLE} s settle`,
      ],
      [
        'same questions p50 / p99, per-record',
        `${recordsTimes.idP50.toFixed(2)} / ${recordsTimes.idP99.toFixed(2)} ms`,
        `${recordsTimes.samples} keys, half on no list`,
      ],
      ['same questions p50 / p99, packed', `${result.packedLookupIdP50Ms} / ${result.packedLookupIdP99Ms} ms`, 'target p99 < 2 ms'],
      ['name prefix p50 / p99, per-record', `${lookups.namePrefixP50.toFixed(2)} / ${result.nameSearchP99Ms} ms`, ''],
      ['name prefix / initials p99, packed', `${result.packedNameSearchP99Ms} / ${result.packedInitialsSearchP99Ms} ms`, 'target < 20 ms'],
      ['pinyin initials p99, per-record', `${lookups.initialsP99.toFixed(2)} ms`, ''],
      ['plain IDB lookup p50 / p99', `${lookups.rawIdP50.toFixed(2)} / ${lookups.rawIdP99.toFixed(2)} ms`, 'same index, for comparison'],
      [
        'lookups right after delta',
        `ID p99 ${hot.idP99.toFixed(1)} ms, name p99 ${hot.namePrefixP99.toFixed(1)} ms`,
        `plain IDB p99 ${hot.rawIdP99.toFixed(1)} ms (compaction)`,
      ],
      [
        'start to first lookup',
        `packed ${result.packedStartMs} ms, per-record ${result.recordsStartMs} ms`,
        'from page navigation; target < 1000 ms',
      ],
      ['outbox drain', `${result.outboxDrainPerSec} /s`, `${drain.rows} mutations, batch ${PUSH_BATCH}; target ≥ 500/s`],
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
    await platform.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
