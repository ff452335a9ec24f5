/**
 * What the packed list store holds of a snapshot: verified blocks (deflate-raw plaintext, addressed by
 * hash) and the manifest they came with. The sync engine downloads and verifies them
 * (sync/snapshot) and hands them down to this floor; the store only keeps and reads them.
 */
import type { SignedDataVersion, SnapshotManifestBody } from '../../../../shared/contract';
import type { SnapshotStatement } from '../../../../shared/snapshot';

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

/** A stored block's bytes, ready for a reader to decode. */
export async function inflate(compressed: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  const stream = new Blob([compressed]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
