/**
 * Builds the plaintext blocks of a snapshot from the live entries (the platform runs this in a
 * worker): data blocks sorted by canonical identifier, index blocks for the other identifier forms
 * and for name keys, and the fingerprint blocks a terminal keeps in memory. Pure and deterministic:
 * the same entries give the same bytes.
 */
import type { ListEntry } from '../contract';
import { identifierKeysOf, nameKeysOf } from '../listKeys';
import { nameOf, pinyinInitials, type InitialsOf } from '../names';
import { BlockKind, encodeFingerprintBlock } from './block';
import { ByteWriter } from './bytes';
import { Chunker } from './chunk';
import { fingerprint32, fingerprint32b } from './fingerprint';
import { writeAltRow, writeDataRow, writeNameRow } from './rows';

export interface PlainBlock {
  kind: BlockKind;
  /** Leading key of the first and of the last row (fingerprint blocks: the partition number). */
  first: string;
  last: string;
  rows: number;
  plain: Uint8Array;
}

export interface PlainSnapshot {
  entryCount: number;
  data: PlainBlock[];
  alt: PlainBlock[];
  name: PlainBlock[];
  fpCanonical: PlainBlock[];
  fpAlt: PlainBlock[];
  fpId: PlainBlock[];
}

export interface BuildOptions {
  /** Average plaintext block size in bytes (blocks range from half to twice this). */
  targetBytes: number;
  initialsOf?: InitialsOf;
  /** Called as each step ends (keys, sort, data, alt, name, fingerprints): the build bench times them. */
  onPhase?: (name: string) => void;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorted (key, payload) pairs into blocks, grouping rows that share a key. */
function rowBlocks<T>(
  kind: BlockKind,
  items: readonly T[],
  keyOf: (item: T) => string,
  write: (w: ByteWriter, item: T) => void,
  target: number,
): PlainBlock[] {
  const chunker = new Chunker(kind, target);
  const group = new ByteWriter(4096);
  const ends: number[] = [];
  let i = 0;
  while (i < items.length) {
    const key = keyOf(items[i]!);
    group.reset();
    ends.length = 0;
    while (i < items.length && keyOf(items[i]!) === key) {
      write(group, items[i++]!);
      ends.push(group.length);
    }
    chunker.addGroup(key, group.written(), ends);
  }
  return chunker.finish().map((c) => ({ kind, ...c }));
}

/**
 * Ascending fingerprints cut by their top bits into 2^k partitions of about the target size: a
 * partition's bytes change only when one of its own keys comes or goes.
 */
function fingerprintBlocks(kind: BlockKind, values: Uint32Array, pairs: boolean, target: number): PlainBlock[] {
  const unit = pairs ? 8 : 4;
  const count = pairs ? values.length / 2 : values.length;
  const bits = Math.max(0, Math.min(16, Math.ceil(Math.log2(Math.max(1, (count * unit) / target)))));
  const partitions = 2 ** bits;
  const blocks: PlainBlock[] = [];
  let start = 0;
  for (let p = 0; p < partitions; p++) {
    let end = start;
    while (end < count && (bits === 0 ? 0 : values[end * (pairs ? 2 : 1)]! >>> (32 - bits)) === p) end++;
    const slice = values.subarray(start * (pairs ? 2 : 1), end * (pairs ? 2 : 1));
    blocks.push({ kind, first: String(p), last: String(p), rows: end - start, plain: encodeFingerprintBlock(kind, slice, end - start) });
    start = end;
  }
  return blocks;
}

function uniqueSorted(values: number[]): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[n - 1]) sorted[n++] = sorted[i]!;
  return sorted.slice(0, n);
}

export function buildSnapshotBlocks(entries: readonly ListEntry[], options: BuildOptions): PlainSnapshot {
  const initialsOf = options.initialsOf ?? pinyinInitials;
  const target = options.targetBytes;
  const phase = options.onPhase ?? (() => undefined);
  // A subject is usually listed more than once: parse and key each identifier and name once, and
  // index each identifier's other forms and fingerprints once (the fingerprints are deduplicated anyway).
  const identifierKeys = new Map<string, string[]>();
  const nameKeys = new Map<string, string[]>();
  const altRows: Array<{ key: string; canonical: string }> = [];
  const names: Array<{ key: string; entry: ListEntry }> = [];
  const canonicalFps: number[] = [];
  const altFps: number[] = [];
  const keyed = entries.map((entry) => {
    let keys = identifierKeys.get(entry.identifier);
    if (!keys) {
      identifierKeys.set(entry.identifier, (keys = identifierKeysOf(entry.identifier)));
      const canonical = keys[0]!;
      canonicalFps.push(fingerprint32(canonical));
      for (let k = 1; k < keys.length; k++) {
        altRows.push({ key: keys[k]!, canonical });
        altFps.push(fingerprint32(keys[k]!));
      }
    }
    const nameId = `${entry.subjectKind}|${entry.subjectName}`;
    let keysOfName = nameKeys.get(nameId);
    if (!keysOfName) nameKeys.set(nameId, (keysOfName = nameKeysOf(entry.subjectName, nameOf(entry.subjectKind), initialsOf)));
    for (const key of keysOfName) names.push({ key, entry });
    return { entry, keys };
  });
  phase('keys');

  const data = [...keyed].sort((a, b) => compare(a.keys[0]!, b.keys[0]!) || compare(a.entry.id, b.entry.id));
  // Two published forms of one identifier (a legacy and a current ID) give the same alt row: keep one.
  const alt = altRows
    .sort((a, b) => compare(a.key, b.key) || compare(a.canonical, b.canonical))
    .filter((row, i, rows) => i === 0 || row.key !== rows[i - 1]!.key || row.canonical !== rows[i - 1]!.canonical);
  names.sort((a, b) => compare(a.key, b.key) || compare(a.entry.id, b.entry.id));
  phase('sort');

  const dataBlocks = rowBlocks(
    BlockKind.data,
    data,
    (d) => d.keys[0]!,
    (w, d) => writeDataRow(w, d.keys[0]!, d.entry),
    target,
  );
  phase('encode data');
  const altBlocks = rowBlocks(
    BlockKind.alt,
    alt,
    (a) => a.key,
    (w, a) => writeAltRow(w, a.key, a.canonical),
    target,
  );
  phase('encode alt');
  const nameBlocks = rowBlocks(
    BlockKind.name,
    names,
    (n) => n.key,
    (w, n) => writeNameRow(w, n.key, n.entry),
    target,
  );
  phase('encode name');

  const ids = entries.map((e) => [fingerprint32(e.id), fingerprint32b(e.id)] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const idPairs = new Uint32Array(ids.length * 2);
  ids.forEach(([hi, lo], i) => {
    idPairs[2 * i] = hi;
    idPairs[2 * i + 1] = lo;
  });
  const snapshot: PlainSnapshot = {
    entryCount: entries.length,
    data: dataBlocks,
    alt: altBlocks,
    name: nameBlocks,
    fpCanonical: fingerprintBlocks(BlockKind.fpCanonical, uniqueSorted(canonicalFps), false, target),
    fpAlt: fingerprintBlocks(BlockKind.fpAlt, uniqueSorted(altFps), false, target),
    fpId: fingerprintBlocks(BlockKind.fpId, idPairs, true, target),
  };
  phase('fingerprints');
  return snapshot;
}
