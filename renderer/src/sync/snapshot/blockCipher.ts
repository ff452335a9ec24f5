/**
 * Opening a sealed snapshot block: its SHA-256 must be the address the signed manifest names, then
 * AES-256-GCM (IV ‖ ciphertext ‖ tag) under the manifest's key authenticates and decrypts it into
 * the deflate-raw bytes the terminal stores (`data/packed/blocks` inflates them for a reader).
 */
import { base64ToBytes } from '../../data/webCrypto';
import { SnapshotVerificationError } from './verifyManifest';

const AAD = new TextEncoder().encode('credit-counter snapshot block v1');

export function importBlockKey(base64: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', base64ToBytes(base64), { name: 'AES-GCM' }, false, ['decrypt']);
}

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The block's compressed plaintext, or a SnapshotVerificationError (wrong hash, failed authentication). */
export async function openBlock(sealed: Uint8Array<ArrayBuffer>, key: CryptoKey, expectedHash: string): Promise<Uint8Array<ArrayBuffer>> {
  if (hex(await crypto.subtle.digest('SHA-256', sealed)) !== expectedHash) {
    throw new SnapshotVerificationError('snapshot_block_mismatch');
  }
  if (sealed.length < 12 + 16) throw new SnapshotVerificationError('snapshot_block_incomplete');
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: sealed.subarray(0, 12), additionalData: AAD, tagLength: 128 },
      key,
      sealed.subarray(12),
    );
    return new Uint8Array(plain);
  } catch {
    throw new SnapshotVerificationError('snapshot_block_undecryptable');
  }
}
