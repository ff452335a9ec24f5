/**
 * Hashing and Ed25519 verification for slips, the same in the browser, the Electron main process
 * and the command line. Verification is strict RFC 8032 (not ZIP-215): a non-canonical point or
 * scalar is refused, so one statement has one valid signature encoding. Signing is not here: the
 * terminal's private key stays in WebCrypto (browser) or the main process (Electron).
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { encodeUtf8 } from '../snapshot/utf8';

export function sha256Bytes(...parts: Uint8Array[]): Uint8Array {
  const h = sha256.create();
  for (const part of parts) h.update(part);
  return h.digest();
}

export const utf8 = encodeUtf8;

export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function fromHex(hex: string): Uint8Array | null {
  if (!/^(?:[0-9a-f]{2})*$/.test(hex)) return null;
  return Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16));
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 (how the platform writes keys and signatures). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((shift) => B64[(n >> shift) & 63]!);
    const kept = Math.min(4, bytes.length - i + 1);
    out += chars.slice(0, kept).join('') + '='.repeat(4 - kept);
  }
  return out;
}

/** The bytes, or null unless `text` is standard padded base64 exactly as toBase64 writes it. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const body = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((body.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const c of body) {
    value = (value << 6) | B64.indexOf(c);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return toBase64(out) === text ? out : null;
}

/** First 16 hex digits of the SHA-256 of a raw Ed25519 public key (the platform's key id). */
export function keyIdOfRaw(raw: Uint8Array): string {
  return toHex(sha256Bytes(raw)).slice(0, 16);
}

export function ed25519Verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean {
  if (signature.length !== 64 || publicKey.length !== 32) return false;
  try {
    return ed25519.verify(signature, message, publicKey, { zip215: false });
  } catch {
    return false;
  }
}
