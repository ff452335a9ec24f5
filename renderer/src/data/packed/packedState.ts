/**
 * What the packed store keeps about a generation: the snapshot it is based on (block fences and
 * the in-memory fingerprint arrays), the snapshot being downloaded into it, and the sync position
 * its overlay has reached. Two generations (A/B), like the per-record store: a rebuild is written
 * beside the live one and switched in with one small transaction.
 */
import type { SignedDataVersion, SnapshotManifestResponse } from '../../../../shared/contract';
import type { PackedGenerationName } from '../cacheDb';

/** A block's address and the leading keys of its first and last row. */
export interface Fence {
  h: string;
  f: string;
  l: string;
}

/** What the state record says about a generation's snapshot (small: rewritten with every delta page). */
export interface PackedBase {
  signed: SignedDataVersion;
  dataVersion: string;
  cursor: string;
  epoch: string;
  entryCount: number;
}

/** An installed snapshot's directory: everything a read needs without touching a block (its own record). */
export interface PackedDirectory {
  gen: PackedGenerationName;
  data: Fence[];
  alt: Fence[];
  name: Fence[];
  /** Sorted 32-bit fingerprints of every canonical key, and of every other identifier form. */
  fpCanonical: Uint32Array;
  fpAlt: Uint32Array;
  /** Every block the snapshot names (what must not be freed while it is in use). */
  blocks: string[];
}

export interface PackedGeneration {
  key: 'live' | 'rebuild';
  gen: PackedGenerationName;
  base: PackedBase | null;
  /** A snapshot being downloaded into this generation (rebuild only), as the platform sent it. */
  pending: SnapshotManifestResponse | null;
  cursor: string | null;
  epoch: string | null;
  dataVersion: string | null;
  lastPullAt: string | null;
  /** Exact (snapshot entries, plus inserts, minus deletions in the overlay). */
  entryCount: number;
  /** Next overlay page number; also how many pages the overlay holds. */
  overlayPages: number;
  /** Distinct entries the overlay holds (puts and tombstones). */
  overlayRows: number;
  /** Bumped by every write, so other tabs notice. */
  stamp: number;
  startedAt: string | null;
  /** Random name of a begun rebuild (absent in rebuilds begun by an older release: startedAt stands in). */
  generation?: string;
  lastPageAt: string | null;
}

/** Which begun rebuild a rebuild record is (what beginRebuild returned to its caller). */
export function rebuildGenerationOf(rebuild: PackedGeneration): string {
  return rebuild.generation ?? rebuild.startedAt ?? '';
}

export type PackedStateRecord = PackedGeneration;

export function emptyGeneration(key: 'live' | 'rebuild', gen: PackedGenerationName, startedAt: string | null = null): PackedGeneration {
  return {
    key,
    gen,
    base: null,
    pending: null,
    cursor: null,
    epoch: null,
    dataVersion: null,
    lastPullAt: null,
    entryCount: 0,
    overlayPages: 0,
    overlayRows: 0,
    stamp: 0,
    startedAt,
    lastPageAt: null,
  };
}

export function otherGeneration(gen: PackedGenerationName): PackedGenerationName {
  return gen === 'A' ? 'B' : 'A';
}
