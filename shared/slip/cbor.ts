/**
 * The one CBOR profile of slips and certificates: definite lengths, shortest integer forms, no
 * floats, no maps, no tags, no undefined (arrays of integers, text, byte strings, null and
 * booleans only). Decoding is strict and the bytes must re-encode to themselves, so a value has
 * exactly one encoding: two verifiers can never disagree on what was signed.
 */
import { decode, encode } from 'cborg';

export type CborValue = number | string | boolean | null | Uint8Array | CborValue[];

export function cborEncode(value: CborValue): Uint8Array {
  return encode(value);
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

function plain(value: unknown, depth: number): value is CborValue {
  if (depth > 8) return false;
  if (value === null || typeof value === 'string' || typeof value === 'boolean' || value instanceof Uint8Array) return true;
  if (typeof value === 'number') return Number.isSafeInteger(value);
  return Array.isArray(value) && value.every((v) => plain(v, depth + 1));
}

/** The value, or null when `bytes` is not exactly one value of the profile in its only encoding. */
export function cborDecodeCanonical(bytes: Uint8Array): CborValue | null {
  let value: unknown;
  try {
    value = decode(bytes, {
      strict: true,
      allowIndefinite: false,
      allowUndefined: false,
      allowInfinity: false,
      allowNaN: false,
      allowBigInt: false,
      rejectDuplicateMapKeys: true,
      tags: [],
    });
  } catch {
    return null;
  }
  if (!plain(value, 0)) return null;
  return sameBytes(cborEncode(value), bytes) ? value : null;
}

export { sameBytes };
