/**
 * Sealing a snapshot block for the wire: deflate-raw, then AES-256-GCM under the epoch's key with
 * an IV derived from the compressed plaintext (HMAC-SHA256 under a separate IV key, first 12
 * bytes), then addressed by the SHA-256 of IV ‖ ciphertext ‖ tag.
 *
 * Why a derived IV is safe here (the SIV construction, as in AES-GCM-SIV): GCM breaks when one
 * key encrypts two different plaintexts under the same IV. The IV is a keyed PRF of the plaintext,
 * so two different plaintexts share an IV only on a 96-bit PRF collision (birthday bound about
 * 2^48 blocks per key; an epoch makes tens of thousands). The same plaintext gets the same IV and
 * so the same bytes — which reveals only that two blocks are equal, and that is the point: an
 * unchanged block keeps its address and stays in every cache. The IV key never leaves the
 * platform; terminals need only the block key to decrypt.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';

export const AAD = Buffer.from('credit-counter snapshot block v1');

export interface SealedBlock {
  hash: string;
  bytes: Buffer;
}

/** The IV key is derived from the block key, so the epoch's one secret is all the platform keeps. */
function ivKey(key: Buffer): Buffer {
  return createHmac('sha256', key).update('credit-counter snapshot iv key').digest();
}

/** Time spent in each step of sealing, summed over blocks (the build bench prints it). */
export interface SealTimings {
  deflate: number;
  cipher: number;
  hash: number;
}

/** Seals blocks under one key (the IV key is derived once, not per block). */
export function createSealer(key: Buffer, timings?: SealTimings): (plain: Uint8Array) => SealedBlock {
  const ivSecret = ivKey(key);
  return (plain) => {
    const t0 = timings ? performance.now() : 0;
    const compressed = deflateRawSync(plain, { level: 6 });
    const t1 = timings ? performance.now() : 0;
    const iv = createHmac('sha256', ivSecret).update(compressed).digest().subarray(0, 12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(AAD);
    const bytes = Buffer.concat([iv, cipher.update(compressed), cipher.final(), cipher.getAuthTag()]);
    const t2 = timings ? performance.now() : 0;
    const hash = createHash('sha256').update(bytes).digest('hex');
    if (timings) {
      timings.deflate += t1 - t0;
      timings.cipher += t2 - t1;
      timings.hash += performance.now() - t2;
    }
    return { hash, bytes };
  };
}

export function sealBlock(plain: Uint8Array, key: Buffer): SealedBlock {
  return createSealer(key)(plain);
}

/** The platform's own reading of a sealed block (tests, diagnostics). */
export function openBlock(bytes: Uint8Array, key: Buffer): Uint8Array {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decipher = createDecipheriv('aes-256-gcm', key, buffer.subarray(0, 12));
  decipher.setAAD(AAD);
  decipher.setAuthTag(buffer.subarray(buffer.length - 16));
  const compressed = Buffer.concat([decipher.update(buffer.subarray(12, buffer.length - 16)), decipher.final()]);
  return inflateRawSync(compressed);
}
