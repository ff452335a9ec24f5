/**
 * What the packed list store holds of a snapshot: verified blocks (deflate-raw plaintext, addressed by
 * hash) and the manifest they came with. The sync engine downloads and verifies them
 * (sync/snapshot) and hands them down to this floor; the store only keeps and reads them.
 */
import type { SignedDataVersion, SnapshotManifestBody } from '../../../../shared/contract';
import type { SnapshotStatement } from '../../../../shared/snapshot';
import { inflateSync } from 'fflate';

/** A manifest whose signature, body hash and repeated fields were checked (sync/snapshot/verifyManifest). */
export interface VerifiedManifest {
  statement: SnapshotStatement;
  body: SnapshotManifestBody;
  /** The compact signed part, kept with each check decided on this data. */
  signed: SignedDataVersion;
}

export interface StoredBlock {
  hash: string;
  /** The block's deflate-raw plaintext (decrypted, verified). */
  bytes: Uint8Array<ArrayBuffer>;
}

export interface BlockSink {
  /** Which of these hashes are stored already. */
  stored(hashes: readonly string[]): Promise<Set<string>>;
  put(blocks: readonly StoredBlock[]): Promise<void>;
}

/**
 * A stored block's bytes, ready for a reader to decode. Synchronous on purpose: a listed subject's
 * lookup waits on this, and a stream-based inflate costs several task hops per block.
 */
export function inflate(compressed: Uint8Array): Uint8Array {
  return inflateSync(compressed);
}
