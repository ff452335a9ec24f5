/**
 * Snapshot build time (a command, not a test): npx tsx tests/bench/snapshot-build.ts [--entries N]
 *   [--baseline DIR] [--runs N]
 *
 * Seeds a platform database of N entries once (cached under .bench/, like the storage bench), then
 * runs the build the publisher's worker runs — on this thread, so one profile sees it all — and
 * prints wall and CPU time with the per-phase breakdown, then stores the sealed blocks the way the
 * publisher does (64 per transaction) into a scratch database.
 *
 * --baseline DIR: a checkout of another commit (`git archive <commit> platform shared | tar -x -C DIR`
 * and a node_modules link) whose build runs first on the same database with the same key: the
 * ratio is printed, and whether both published the same blocks (same hashes = same bytes).
 * Figures from a machine shared with other work are indicative; the ratio within one run is what counts.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { deleteDatabaseFiles, openDatabase } from '../../platform/db/open';
import { SnapshotRepository } from '../../platform/db/snapshots';
import type { BuildRequest, BuildResult } from '../../platform/snapshots/buildWorker';
import { startPlatform } from '../../platform/server';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const ENTRIES = Number(option('--entries') ?? 100_000);
const BASELINE = option('--baseline');
const RUNS = Number(option('--runs') ?? 1);
const BENCH_DIR = fileURLToPath(new URL('../../.bench', import.meta.url));
const STORE_CHUNK = 64;

type RunBuild = (request: BuildRequest) => BuildResult;

interface Measured {
  wallMs: number;
  cpuMs: number;
  storeMs: number;
  result: BuildResult;
}

async function seededDatabase(): Promise<string> {
  mkdirSync(BENCH_DIR, { recursive: true });
  const seedFile = `${BENCH_DIR}/platform-${ENTRIES}.seed.db`;
  if (!existsSync(seedFile)) {
    console.log(`seeding ${ENTRIES} entries into ${seedFile}…`);
    const seeded = await startPlatform({
      port: 0,
      db: seedFile,
      subjects: Math.max(20_000, Math.round(ENTRIES / 2)),
      entries: ENTRIES,
      logger: false,
    });
    await seeded.close();
  }
  return seedFile;
}

async function loadRunBuild(root: string): Promise<RunBuild> {
  const module = (await import(pathToFileURL(resolve(root, 'platform/snapshots/buildWorker.ts')).href)) as { runBuild: RunBuild };
  return module.runBuild;
}

function storeBlocks(blocks: BuildResult['blocks']): number {
  const file = `${BENCH_DIR}/snapshot-build.store.db`;
  deleteDatabaseFiles(file);
  const db = openDatabase(file);
  try {
    const repo = new SnapshotRepository(db);
    const started = performance.now();
    for (let i = 0; i < blocks.length; i += STORE_CHUNK) repo.insertBlocks(blocks.slice(i, i + STORE_CHUNK));
    return performance.now() - started;
  } finally {
    db.close();
    deleteDatabaseFiles(file);
  }
}

function measure(runBuild: RunBuild, request: BuildRequest): Measured {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = runBuild(request);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, storeMs: storeBlocks(result.blocks), result };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function print(label: string, m: Measured): void {
  const r = m.result;
  console.log(
    `${label}: build ${seconds(m.wallMs)} wall, ${seconds(m.cpuMs)} CPU; store ${seconds(m.storeMs)}; ` +
      `${r.blocks.length} blocks, ${(r.plainBytes / 1_048_576).toFixed(1)} MB plain`,
  );
  // An older checkout may report only read/build/seal.
  const phases: BuildResult['phases'] = r.phases ?? Object.fromEntries(Object.entries(r.millis).map(([name, wall]) => [name, { wall }]));
  console.log(`  ${'phase'.padEnd(24)} ${'wall ms'.padStart(8)} ${'CPU ms'.padStart(8)}`);
  for (const [name, { wall, cpu }] of Object.entries(phases)) {
    console.log(
      `  ${name.padEnd(24)} ${String(Math.round(wall)).padStart(8)} ${(cpu === undefined ? '' : String(Math.round(cpu))).padStart(8)}`,
    );
  }
}

function sameBlocks(a: BuildResult, b: BuildResult): boolean {
  return JSON.stringify(a.sections) === JSON.stringify(b.sections);
}

async function main(): Promise<void> {
  const path = await seededDatabase();
  const db = new Database(path, { readonly: true });
  const epoch = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'").get()?.value ?? 'unset';
  db.close();
  const request: BuildRequest = { source: { path }, targetBytes: 32 * 1024, epoch, keyBase64: randomBytes(32).toString('base64') };
  const current = await loadRunBuild(fileURLToPath(new URL('../..', import.meta.url)));
  const baseline = BASELINE ? await loadRunBuild(BASELINE) : undefined;

  console.log(`snapshot build, ${ENTRIES} entries (${path})`);
  for (let run = 1; run <= RUNS; run++) {
    const before = baseline ? measure(baseline, request) : undefined;
    if (before) print(`baseline (${BASELINE})`, before);
    const now = measure(current, request);
    print('this checkout', now);
    if (before) {
      console.log(
        `  wall ${(before.wallMs / now.wallMs).toFixed(1)}× faster, CPU ${(before.cpuMs / now.cpuMs).toFixed(1)}× less; ` +
          `same blocks as the baseline: ${sameBlocks(before.result, now.result) ? 'yes' : 'NO'}`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
