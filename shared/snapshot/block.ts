/**
 * One snapshot block, as the terminal decodes it (after decryption and decompression):
 *
 *   "CCS1" | kind u8 | 3 reserved | rowCount u32 | offsets u32 × (rowCount + 1) | rows
 *
 * Row offsets are relative to the start of the rows, so a reader jumps to row i and decodes it
 * alone — a point lookup binary-searches the offset table instead of parsing the block.
 * Fingerprint blocks have no offsets: rowCount u32 values (or pairs) follow the header.
 */
import { ByteReader } from './bytes';

export const BlockKind = { data: 1, alt: 2, name: 3, fpCanonical: 4, fpAlt: 5, fpId: 6 } as const;
export type BlockKind = (typeof BlockKind)[keyof typeof BlockKind];

const MAGIC = 0x31534343; // "CCS1" little-endian
const HEADER = 12;

/** One block from its rows written back to back (`rows`) and where each row starts in them. */
export function encodeRowBlock(kind: BlockKind, rows: Uint8Array, offsets: readonly number[]): Uint8Array {
  const tableBytes = 4 * (offsets.length + 1);
  const out = new Uint8Array(HEADER + tableBytes + rows.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  out[4] = kind;
  view.setUint32(8, offsets.length, true);
  for (let i = 0; i < offsets.length; i++) view.setUint32(HEADER + 4 * i, offsets[i]!, true);
  view.setUint32(HEADER + 4 * offsets.length, rows.length, true);
  out.set(rows, HEADER + tableBytes);
  return out;
}

/** Encodes ascending 32-bit values (or hi/lo pairs, interleaved) into one fingerprint block. */
export function encodeFingerprintBlock(kind: BlockKind, values: Uint32Array, count: number): Uint8Array {
  const out = new Uint8Array(HEADER + 4 * values.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  out[4] = kind;
  view.setUint32(8, count, true);
  for (let i = 0; i < values.length; i++) view.setUint32(HEADER + 4 * i, values[i]!, true);
  return out;
}

export class BlockView {
  readonly kind: BlockKind;
  readonly rowCount: number;
  private readonly view: DataView;
  private readonly rowsStart: number;

  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (bytes.length < HEADER || this.view.getUint32(0, true) !== MAGIC) throw new Error('not a snapshot block');
    this.kind = bytes[4] as BlockKind;
    this.rowCount = this.view.getUint32(8, true);
    this.rowsStart = HEADER + 4 * (this.rowCount + 1);
    if (this.isFingerprints()) {
      if (bytes.length < HEADER + 4 * this.rowCount * (this.kind === BlockKind.fpId ? 2 : 1)) throw new Error('snapshot block truncated');
    } else if (bytes.length < this.rowsStart + this.view.getUint32(HEADER + 4 * this.rowCount, true)) {
      throw new Error('snapshot block truncated');
    }
  }

  private isFingerprints(): boolean {
    return this.kind === BlockKind.fpCanonical || this.kind === BlockKind.fpAlt || this.kind === BlockKind.fpId;
  }

  /** A reader positioned at the start of row i. */
  row(i: number): ByteReader {
    return new ByteReader(this.bytes, this.rowsStart + this.view.getUint32(HEADER + 4 * i, true));
  }

  /** The fingerprint values (pairs interleaved hi, lo for entry ids) copied into `out` at `at`. */
  copyFingerprints(out: Uint32Array, at: number): number {
    const n = this.rowCount * (this.kind === BlockKind.fpId ? 2 : 1);
    for (let i = 0; i < n; i++) out[at + i] = this.view.getUint32(HEADER + 4 * i, true);
    return at + n;
  }

  /** First row index whose leading key is ≥ `key` (rows are sorted by it). */
  lowerBound(key: string): number {
    let lo = 0;
    let hi = this.rowCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.row(mid).str() < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
