/**
 * Fetches the blocks of a verified manifest that the terminal does not hold yet, a few at a time,
 * and hands each one — its hash checked against the signed manifest, decrypted — to the sink in
 * small batches. Blocks already stored (an earlier snapshot, an interrupted download) are skipped,
 * which is what makes a download resumable and a terminal a few versions behind fetch few blocks.
 */
import type { SnapshotBlockRef } from '../../../../shared/contract';
import type { PlatformClient } from '../../api/platformClient';
import { importBlockKey, openBlock } from './blockCipher';
import type { BlockSink, StoredBlock, VerifiedManifest } from '../../data/packed/blocks';

export interface DownloadOptions {
  client: Pick<PlatformClient, 'snapshotBlock'>;
  sink: BlockSink;
  concurrency?: number;
  /** Blocks per sink.put (one IndexedDB transaction). */
  batch?: number;
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
}

export function manifestBlocks(manifest: VerifiedManifest): SnapshotBlockRef[] {
  const seen = new Set<string>();
  const out: SnapshotBlockRef[] = [];
  for (const ref of Object.values(manifest.body.sections).flat()) {
    if (seen.has(ref.h)) continue;
    seen.add(ref.h);
    out.push(ref);
  }
  return out;
}

export async function downloadBlocks(manifest: VerifiedManifest, options: DownloadOptions): Promise<DownloadOutcome> {
  const refs = manifestBlocks(manifest);
  const have = await options.sink.stored(refs.map((r) => r.h));
  const missing = refs.filter((r) => !have.has(r.h));
  const key = await importBlockKey(manifest.body.key);
  const batchSize = options.batch ?? 8;
  let next = 0;
  let pending: StoredBlock[] = [];
  let flushing: Promise<void> = Promise.resolve();
  /** Batches handed to the sink and not yet written: fetching waits only when writing falls behind. */
  let writesQueued = 0;
  const done = { blocks: 0, rows: 0, bytes: 0 };
  const rowsOf = new Map(missing.map((r) => [r.h, r.n]));

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

  const worker = async (): Promise<void> => {
    while (next < missing.length) {
      if (options.signal?.aborted) throw options.signal.reason ?? new Error('aborted');
      const ref = missing[next++]!;
      const sealed = await options.client.snapshotBlock(ref.h, options.signal);
      done.bytes += sealed.length;
      const bytes = await openBlock(sealed, key, ref.h);
      // Read `pending` only now: a flush during the await replaced it.
      pending.push({ hash: ref.h, bytes });
      if (pending.length >= batchSize) {
        const written = flush();
        if (writesQueued > 2) await written;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 6, Math.max(1, missing.length)) }, worker));
  await flush();
  await flushing;
  return { total: refs.length, fetched: missing.length, bytes: done.bytes };
}
