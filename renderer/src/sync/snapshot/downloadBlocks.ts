/**
 * Fetches the blocks of a verified manifest that the terminal does not hold yet, a few requests at
 * a time, and hands each one — its hash checked against the signed manifest, decrypted — to the
 * sink in batches (one IndexedDB transaction each). Blocks already stored (an earlier snapshot, an
 * interrupted download) are skipped, which is what makes a download resumable and a terminal a few
 * versions behind fetch few blocks.
 *
 * A large download asks for packs (shared/snapshot/packs.ts: 16 blocks per answer, named by the
 * manifest and an index, as cacheable as a block) wherever all of a pack's blocks are missing, and
 * for single blocks elsewhere; every block of a pack is still checked on its own.
 */
import type { SnapshotBlockRef } from '../../../../shared/contract';
import { orderedBlocks, packMembers, PACK_BLOCKS } from '../../../../shared/snapshot';
import type { PlatformClient } from '../../api/platformClient';
import { importBlockKey, openBlock } from './blockCipher';
import { SnapshotVerificationError } from './verifyManifest';
import type { BlockSink, StoredBlock, VerifiedManifest } from '../../data/packed/blocks';

export interface DownloadOptions {
  /** snapshotPack is optional: without it every block is its own request. */
  client: Pick<PlatformClient, 'snapshotBlock'> & Partial<Pick<PlatformClient, 'snapshotPack'>>;
  sink: BlockSink;
  /** Requests in flight. */
  concurrency?: number;
  /** Blocks per sink.put (one IndexedDB transaction); by default a sixteenth of the download, 8 to 64. */
  batch?: number;
  /** Fewest missing blocks for which packs are used. */
  packFrom?: number;
  signal?: AbortSignal;
  /** After each stored batch: blocks and rows stored so far of those missing at the start. */
  onProgress?: (done: { blocks: number; rows: number; bytes: number }) => void;
}

export interface DownloadOutcome {
  /** Blocks the manifest names. */
  total: number;
  /** Blocks fetched (the rest were already stored). */
  fetched: number;
  bytes: number;
  /** HTTP requests made (packs and single blocks). */
  requests: number;
}

/** One request: a whole pack, or a single block. */
type Unit = { pack: number; refs: SnapshotBlockRef[] } | { pack: null; refs: [SnapshotBlockRef] };

/**
 * A small download (a few changed blocks, a list of a few thousand entries) gains little from packs
 * and large transactions, and keeps the finer steps of progress and resumption; a whole province's
 * snapshot (thousands of blocks) makes a sixteenth of the requests and an eighth of the transactions.
 */
export const DEFAULT_DOWNLOAD = { concurrency: 6, minBatch: 8, maxBatch: 64, packFrom: 8 * PACK_BLOCKS };

/** Every block the manifest names, once (in the order packs are cut from). */
export function manifestBlocks(manifest: VerifiedManifest): SnapshotBlockRef[] {
  return orderedBlocks(manifest.body.sections);
}

function units(ordered: readonly SnapshotBlockRef[], have: ReadonlySet<string>, usePacks: boolean): Unit[] {
  const out: Unit[] = [];
  const single = (ref: SnapshotBlockRef) => {
    if (!have.has(ref.h)) out.push({ pack: null, refs: [ref] });
  };
  if (!usePacks) {
    ordered.forEach(single);
    return out;
  }
  for (let index = 0; index * PACK_BLOCKS < ordered.length; index++) {
    const members = packMembers(ordered, index);
    if (members.every((ref) => !have.has(ref.h))) out.push({ pack: index, refs: members });
    else members.forEach(single);
  }
  return out;
}

const isNotFound = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { status?: unknown }).status === 404;

export async function downloadBlocks(manifest: VerifiedManifest, options: DownloadOptions): Promise<DownloadOutcome> {
  const ordered = manifestBlocks(manifest);
  const have = await options.sink.stored(ordered.map((r) => r.h));
  const missingCount = ordered.filter((r) => !have.has(r.h)).length;
  const packFrom = options.packFrom ?? DEFAULT_DOWNLOAD.packFrom;
  const client = options.client;
  const work = units(ordered, have, client.snapshotPack !== undefined && missingCount >= packFrom);
  const key = await importBlockKey(manifest.body.key);
  const batchSize = options.batch ?? Math.min(DEFAULT_DOWNLOAD.maxBatch, Math.max(DEFAULT_DOWNLOAD.minBatch, Math.ceil(missingCount / 16)));
  let next = 0;
  let requests = 0;
  let pending: StoredBlock[] = [];
  let flushing: Promise<void> = Promise.resolve();
  /** Batches handed to the sink and not yet written: fetching waits only when writing falls behind. */
  let writesQueued = 0;
  const done = { blocks: 0, rows: 0, bytes: 0 };
  const rowsOf = new Map(ordered.map((r) => [r.h, r.n]));

  const flush = (): Promise<void> => {
    const batch = pending;
    pending = [];
    if (batch.length === 0) return flushing;
    // One write at a time, in order; fetching goes on meanwhile.
    writesQueued += 1;
    flushing = flushing.then(async () => {
      await options.sink.put(batch);
      writesQueued -= 1;
      for (const block of batch) {
        done.blocks += 1;
        done.rows += rowsOf.get(block.hash) ?? 0;
      }
      options.onProgress?.({ ...done });
    });
    return flushing;
  };

  /** The sealed bytes of a unit's blocks, each a view into the answer (no copy). */
  const fetchUnit = async (unit: Unit): Promise<Array<{ ref: SnapshotBlockRef; sealed: Uint8Array<ArrayBuffer> }>> => {
    if (unit.pack !== null && client.snapshotPack) {
      let bytes: Uint8Array<ArrayBuffer> | null = null;
      try {
        requests += 1;
        bytes = await client.snapshotPack(manifest.statement.manifestSha256, unit.pack, options.signal);
      } catch (error) {
        // A platform restarted since this snapshot may know only its newest packs: fetch the blocks.
        if (!isNotFound(error)) throw error;
      }
      if (bytes) {
        const pack = bytes;
        done.bytes += pack.length;
        const expected = unit.refs.reduce((sum, ref) => sum + ref.s, 0);
        if (pack.length !== expected) throw new SnapshotVerificationError('snapshot_pack_mismatch');
        let at = 0;
        return unit.refs.map((ref) => {
          const sealed = pack.subarray(at, at + ref.s);
          at += ref.s;
          return { ref, sealed };
        });
      }
    }
    const out: Array<{ ref: SnapshotBlockRef; sealed: Uint8Array<ArrayBuffer> }> = [];
    for (const ref of unit.refs) {
      requests += 1;
      const sealed = await client.snapshotBlock(ref.h, options.signal);
      done.bytes += sealed.length;
      out.push({ ref, sealed });
    }
    return out;
  };

  const worker = async (): Promise<void> => {
    while (next < work.length) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      const unit = work[next++]!;
      const fetched = await fetchUnit(unit);
      const opened = await Promise.all(
        fetched.map(async ({ ref, sealed }) => ({ hash: ref.h, bytes: await openBlock(sealed, key, ref.h) })),
      );
      // Read `pending` only now: a flush during the await replaced it.
      pending.push(...opened);
      if (pending.length >= batchSize) {
        const written = flush();
        if (writesQueued > 2) await written;
      }
    }
  };
  const concurrency = options.concurrency ?? DEFAULT_DOWNLOAD.concurrency;
  await Promise.all(Array.from({ length: Math.min(concurrency, Math.max(1, work.length)) }, worker));
  await flush();
  await flushing;
  return { total: ordered.length, fetched: missingCount, bytes: done.bytes, requests };
}
