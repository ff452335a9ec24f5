/**
 * The slip's short reference number (核验码): the first 50 bits of the SHA-256 of the slip's bytes,
 * as ten characters of Crockford's Base32 in two groups. Read out over the phone or typed when the
 * QR cannot be scanned; the platform finds the slip by it.
 */
import { sha256Bytes } from './primitives';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function slipReference(slipBytes: Uint8Array): string {
  const digest = sha256Bytes(slipBytes);
  let bits = 0n;
  for (const b of digest.slice(0, 7)) bits = (bits << 8n) | BigInt(b);
  bits >>= 6n; // 56 → 50 bits
  let out = '';
  for (let i = 9; i >= 0; i--) out += CROCKFORD[Number((bits >> BigInt(i * 5)) & 31n)];
  return `${out.slice(0, 5)}-${out.slice(5)}`;
}

/** The reference in its printed form, or null. Accepts lower case, spaces, and O/I/L typed for 0/1. */
export function normaliseReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (!/^[0-9A-HJKMNP-TV-Z]{10}$/.test(compact)) return null;
  return `${compact.slice(0, 5)}-${compact.slice(5)}`;
}
