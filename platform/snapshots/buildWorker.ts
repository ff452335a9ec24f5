/**
 * The snapshot build, run in a worker thread so the API keeps answering while a million entries
 * are sorted, encoded, compressed and encrypted. The worker opens the database on its own (a
 * read transaction sees one consistent state in WAL mode) and hands back sealed blocks.
 */
import Database from 'better-sqlite3';
import { parentPort } from 'node:worker_threads';
import type { ListEntry, SnapshotBlockRef, SnapshotSections } from '../../shared/contract';
import { createInitialsCache, nameOf, normaliseName, type InitialsOf } from '../../shared/names';
import { buildSnapshotBlocks, type PlainBlock } from '../../shared/snapshot';
import { createSealer, type SealTimings } from './seal';

export interface BuildRequest {
  /** A database file, or a serialized in-memory database. */
  source: { path: string } | { image: Uint8Array };
  targetBytes: number;
  /** The epoch the key belongs to; the build fails if the database has moved to another. */
  epoch: string;
  keyBase64: string;
}

export interface BuildResult {
  epoch: string;
  lastSeq: number;
  entryCount: number;
  sections: SnapshotSections;
  /** Distinct sealed blocks (a block equal to another is stored once). */
  blocks: Array<{ hash: string; bytes: Uint8Array }>;
  plainBytes: number;
  millis: { read: number; build: number; seal: number };
  /**
   * Milliseconds per step, in order (the build bench prints them): wall, and the process's CPU time
   * (in a worker that includes whatever the other threads did meanwhile).
   */
  phases: Record<string, { wall: number; cpu?: number }>;
}

/**
 * Pinyin initials the platform already keeps per subject (migration 4): computing them is most of
 * a build's time, and a listed subject's name is almost always its subject's name.
 */
function knownInitials(db: Database.Database, fallback: InitialsOf): InitialsOf {
  const known = new Map<string, string>();
  for (const row of db
    .prepare<[], { name: string; kind: string; initials: string }>(
      'SELECT name, kind, name_initials AS initials FROM subjects WHERE name_initials IS NOT NULL',
    )
    .iterate()) {
    known.set(`${nameOf(row.kind)}|${normaliseName(row.name)}`, row.initials);
  }
  return (name, of = 'organisation') => known.get(`${of}|${normaliseName(name)}`) ?? fallback(name, of);
}

function cpuMillis(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

export function runBuild(request: BuildRequest): BuildResult {
  const t0 = performance.now();
  const phases: BuildResult['phases'] = {};
  let lap = { wall: t0, cpu: cpuMillis() };
  const phase = (name: string) => {
    const now = { wall: performance.now(), cpu: cpuMillis() };
    phases[name] = { wall: now.wall - lap.wall, cpu: now.cpu - lap.cpu };
    lap = now;
  };
  const db =
    'path' in request.source ? new Database(request.source.path, { readonly: true }) : new Database(Buffer.from(request.source.image));
  let epoch: string;
  let lastSeq: number;
  const entries: ListEntry[] = [];
  let initialsOf: InitialsOf = createInitialsCache();
  try {
    const meta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    const read = db.transaction(() => {
      epoch = meta.get('epoch')?.value ?? 'unset';
      lastSeq = Number(meta.get('last_seq')?.value ?? 0);
      // Parsed as they are read: each row's JSON text dies young instead of living through the build.
      for (const text of db.prepare<[], string>('SELECT entry FROM entries WHERE deleted = 0').pluck().iterate()) {
        entries.push(JSON.parse(text) as ListEntry);
      }
    });
    read();
    phase('read entries');
    initialsOf = knownInitials(db, initialsOf);
    phase('subject initials');
  } finally {
    db.close();
  }
  if (epoch! !== request.epoch) throw new Error(`epoch moved from ${request.epoch} to ${epoch!} while building`);
  const t1 = performance.now();
  const plain = buildSnapshotBlocks(entries, { targetBytes: request.targetBytes, initialsOf, onPhase: phase });
  const t2 = performance.now();

  const key = Buffer.from(request.keyBase64, 'base64');
  const sealTimings: SealTimings = { deflate: 0, cipher: 0, hash: 0 };
  const sealBlock = createSealer(key, sealTimings);
  const blocks = new Map<string, Uint8Array>();
  let plainBytes = 0;
  const seal = (list: PlainBlock[]): SnapshotBlockRef[] =>
    list.map((block) => {
      plainBytes += block.plain.length;
      const sealed = sealBlock(block.plain);
      // Its own ArrayBuffer (small Buffers share a pool), so it can be transferred to the main thread.
      blocks.set(sealed.hash, new Uint8Array(sealed.bytes));
      return { h: sealed.hash, f: block.first, l: block.last, n: block.rows, s: sealed.bytes.length };
    });
  const sections: SnapshotSections = {
    data: seal(plain.data),
    alt: seal(plain.alt),
    name: seal(plain.name),
    fpCanonical: seal(plain.fpCanonical),
    fpAlt: seal(plain.fpAlt),
    fpId: seal(plain.fpId),
  };
  const t3 = performance.now();
  phases['seal: deflate'] = { wall: sealTimings.deflate };
  phases['seal: IV + AES-GCM'] = { wall: sealTimings.cipher };
  phases['seal: SHA-256 address'] = { wall: sealTimings.hash };
  return {
    epoch: epoch!,
    lastSeq: lastSeq!,
    entryCount: plain.entryCount,
    sections,
    blocks: [...blocks].map(([hash, bytes]) => ({ hash, bytes })),
    plainBytes,
    millis: { read: Math.round(t1 - t0), build: Math.round(t2 - t1), seal: Math.round(t3 - t2) },
    phases,
  };
}

parentPort?.on('message', (request: BuildRequest) => {
  try {
    const result = runBuild(request);
    const transfer = result.blocks.map((b) => b.bytes.buffer as ArrayBuffer);
    parentPort!.postMessage({ ok: true, result }, transfer);
  } catch (error) {
    parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
});
