/**
 * Block size study (a command, not a test): npx tsx tests/bench/snapshot-blocks.ts [--entries N]
 *
 * Builds the snapshot of the same list at 16, 32 and 64 KB target block size and prints, for each:
 * blocks, sealed bytes, build and seal time (one thread), the time to answer one point lookup from a
 * cold block (inflate, binary search, decode one row), and how many blocks (and bytes) a terminal on
 * the previous snapshot fetches after 1,000 scattered changes and 100 inserts.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import Database from 'better-sqlite3';
import type { ListEntry } from '../../shared/contract';
import { identifierKeysOf } from '../../shared/listKeys';
import { createInitialsCache } from '../../shared/names';
import { BlockView, buildSnapshotBlocks, readDataRow, rowsWithKey, type PlainSnapshot } from '../../shared/snapshot';
import { sealBlock } from '../../platform/snapshots/seal';
import { startPlatform } from '../../platform/server';

const index = process.argv.indexOf('--entries');
const ENTRIES = index >= 0 ? Number(process.argv[index + 1]) : 100_000;
const BENCH_DIR = fileURLToPath(new URL('../../.bench', import.meta.url));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function allBlocks(s: PlainSnapshot) {
  return [...s.data, ...s.alt, ...s.name, ...s.fpCanonical, ...s.fpAlt, ...s.fpId];
}

async function main(): Promise<void> {
  const seedFile = `${BENCH_DIR}/platform-${ENTRIES}.seed.db`;
  if (!existsSync(seedFile)) {
    const seeded = await startPlatform({
      port: 0,
      db: seedFile,
      subjects: Math.max(20_000, Math.round(ENTRIES / 2)),
      entries: ENTRIES,
      logger: false,
    });
    await seeded.close();
  }
  const db = new Database(seedFile, { readonly: true });
  const entries = db
    .prepare<[], { entry: string }>('SELECT entry FROM entries WHERE deleted = 0')
    .all()
    .map((r) => JSON.parse(r.entry) as ListEntry);
  db.close();
  const changed = entries.map((e, i) => (i % Math.floor(entries.length / 1000) === 7 ? { ...e, status: 'REPAIRED' as const } : e));
  for (let i = 0; i < 100; i++) changed.push({ ...entries[(i * 7919) % entries.length]!, id: `NEW-${i}`, subjectName: `新增主体${i}` });

  console.log(`${entries.length} entries`);
  console.log('target  blocks  sealed MB  build s  seal s  point p50/p99 ms  after 1,000 changes + 100 inserts');
  for (const target of [16, 32, 64]) {
    const key = randomBytes(32);
    let t0 = performance.now();
    const built = buildSnapshotBlocks(entries, { targetBytes: target * 1024, initialsOf: createInitialsCache() });
    const buildS = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const sealed = allBlocks(built).map((b) => sealBlock(b.plain, key));
    const sealS = (performance.now() - t0) / 1000;
    const bytes = sealed.reduce((n, b) => n + b.bytes.length, 0);

    const times: number[] = [];
    for (let i = 0; i < 500; i++) {
      const entry = entries[(i * 104_729) % entries.length]!;
      const canonical = identifierKeysOf(entry.identifier)[0]!;
      const block = built.data.find((b) => b.first <= canonical && b.last >= canonical)!;
      const deflated = deflateRawSync(block.plain);
      const s0 = performance.now();
      const view = new BlockView(inflateRawSync(deflated));
      rowsWithKey(view, canonical, readDataRow);
      times.push(performance.now() - s0);
    }
    times.sort((a, b) => a - b);

    const next = buildSnapshotBlocks(changed, { targetBytes: target * 1024, initialsOf: createInitialsCache() });
    const hash = (u: Uint8Array) => createHash('sha256').update(u).digest('hex');
    const before = new Set(allBlocks(built).map((b) => hash(b.plain)));
    const fresh = allBlocks(next).filter((b) => !before.has(hash(b.plain)));
    const freshBytes = fresh.reduce((n, b) => n + sealBlock(b.plain, key).bytes.length, 0);
    console.log(
      `${String(target).padStart(3)} KB  ${String(sealed.length).padStart(6)}  ${(bytes / 1_048_576).toFixed(1).padStart(9)}  ${buildS.toFixed(1).padStart(7)}  ${sealS.toFixed(1).padStart(6)}  ${percentile(times, 50).toFixed(2)} / ${percentile(times, 99).toFixed(2)}`.padEnd(
        80,
      ) + `${fresh.length} blocks, ${(freshBytes / 1_048_576).toFixed(1)} MB`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
