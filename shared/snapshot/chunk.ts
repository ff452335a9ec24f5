/**
 * Content-defined block boundaries. Rows arrive sorted, in groups that share a key (a subject's
 * entries, one name's rows); a block is cut only between groups, when it holds at least half the
 * target and a hash of the next group's key says so — with a probability proportional to the
 * group's size, so blocks average the target whatever the row sizes. Whether a cut falls before a
 * group depends on that group's key alone, so inserting or changing a row rewrites the block it
 * lands in (rarely two) and every other block keeps its bytes and hash.
 *
 * Rows are written straight into the block being filled (one buffer, an offset per row): a build
 * of a million entries allocates per block, not per row.
 */
import { encodeRowBlock, type BlockKind } from './block';
import { ByteWriter } from './bytes';
import { fingerprint32 } from './fingerprint';

const CUT_SEED = 0x5bd1e995;

export interface Chunk {
  first: string;
  last: string;
  rows: number;
  plain: Uint8Array;
}

export class Chunker {
  private readonly min: number;
  private readonly max: number;
  private readonly body: ByteWriter;
  private offsets: number[] = [];
  private first = '';
  private last = '';
  readonly chunks: Chunk[] = [];

  constructor(
    private readonly kind: BlockKind,
    private readonly target: number,
  ) {
    this.min = Math.floor(target / 2);
    this.max = target * 2;
    this.body = new ByteWriter(this.max + 1024);
  }

  /** Adds one group of rows sharing `key`: `rows` holds them back to back, `ends[i]` where row i ends. */
  addGroup(key: string, rows: Uint8Array, ends: readonly number[]): void {
    const groupBytes = ends.length > 0 ? ends[ends.length - 1]! : 0;
    if (this.offsets.length > 0 && this.body.length >= this.min) {
      const chance = groupBytes / (this.target - this.min);
      if (fingerprint32(key, CUT_SEED) / 0x1_0000_0000 < chance || this.body.length + groupBytes > this.max) this.cut();
    }
    let start = 0;
    for (const end of ends) {
      // A single group larger than a block (one very common name) is split by size.
      if (this.offsets.length > 0 && this.body.length + (end - start) > this.max) this.cut();
      if (this.offsets.length === 0) this.first = key;
      this.offsets.push(this.body.length);
      this.body.bytes(rows.subarray(start, end));
      this.last = key;
      start = end;
    }
  }

  finish(): Chunk[] {
    if (this.offsets.length > 0) this.cut();
    return this.chunks;
  }

  private cut(): void {
    this.chunks.push({
      first: this.first,
      last: this.last,
      rows: this.offsets.length,
      plain: encodeRowBlock(this.kind, this.body.written(), this.offsets),
    });
    this.offsets = [];
    this.body.reset();
  }
}
