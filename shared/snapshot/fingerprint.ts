/**
 * Key fingerprints: what a terminal keeps in memory to answer "is anything listed under this key?"
 * without reading IndexedDB. 32 bits for identifier keys (a false positive costs one block read
 * that finds nothing); 64 bits (two independent 32-bit halves) for entry ids, where a false
 * positive would miscount.
 */

/** FNV-1a over UTF-16 code units, 32 bits. */
export function fingerprint32(key: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  // Final avalanche (murmur3 fmix32) so that keys differing in their last characters spread too.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** Second, independent half of an entry id's 64-bit fingerprint. */
export function fingerprint32b(key: string): number {
  return fingerprint32(key, 0x9747b28c);
}

/** True when the ascending array holds `value`. */
export function sortedHas(values: Uint32Array, value: number): boolean {
  let lo = 0;
  let hi = values.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = values[mid]!;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** True when the pairs (hi[i], lo[i]), ascending by hi then lo, hold (h, l). */
export function sortedHas64(hi: Uint32Array, lo: Uint32Array, h: number, l: number): boolean {
  let a = 0;
  let b = hi.length - 1;
  while (a <= b) {
    const mid = (a + b) >>> 1;
    const vh = hi[mid]!;
    const vl = lo[mid]!;
    if (vh === h && vl === l) return true;
    if (vh < h || (vh === h && vl < l)) a = mid + 1;
    else b = mid - 1;
  }
  return false;
}
