/**
 * Content-defined block boundaries. Rows arrive sorted, in groups that share a key (a subject's
 * entries, one name's rows); a block is cut only between groups, when it holds at least half the
 * target and a hash of the next group's key says so — with a probability proportional to the
 * group's size, so blocks average the target whatever the row sizes. Whether a cut falls before a
 * group depends on that group's key alone, so inserting or changing a row rewrites the block it
 * lands in (rarely two) and every other block keeps its bytes and hash.
 */
import { ByteWriter } from './bytes';
import { fingerprint32 } from './fingerprint';

const CUT_SEED = 0x5bd1e995;

export interface Chunk {
  first: string;
  last: string;
  rows: Uint8Array[];
}

export class Chunker {
  private readonly min: number;
  private readonly max: number;
  private rows: Uint8Array[] = [];
  private bytes = 0;
  private first = '';
  private last = '';
  readonly chunks: Chunk[] = [];

  constructor(private readonly target: number) {
    this.min = Math.floor(target / 2);
    this.max = target * 2;
  }

  /** Adds one group of rows sharing `key` (already encoded, in order). */
  addGroup(key: string, rows: readonly Uint8Array[]): void {
    let groupBytes = 0;
    for (const row of rows) groupBytes += row.length;
    if (this.rows.length > 0 && this.bytes >= this.min) {
      const chance = groupBytes / (this.target - this.min);
      if (fingerprint32(key, CUT_SEED) / 0x1_0000_0000 < chance || this.bytes + groupBytes > this.max) this.cut();
    }
    for (const row of rows) {
      // A single group larger than a block (one very common name) is split by size.
      if (this.rows.length > 0 && this.bytes + row.length > this.max) this.cut();
      if (this.rows.length === 0) this.first = key;
      this.rows.push(row);
      this.bytes += row.length;
      this.last = key;
    }
  }

  finish(): Chunk[] {
    if (this.rows.length > 0) this.cut();
    return this.chunks;
  }

  private cut(): void {
    this.chunks.push({ first: this.first, last: this.last, rows: this.rows });
    this.rows = [];
    this.bytes = 0;
  }
}

/** Encodes one row with `write` into its own byte array. */
export function encodeRow(write: (w: ByteWriter) => void): Uint8Array {
  const w = new ByteWriter(128);
  write(w);
  return w.finish();
}
