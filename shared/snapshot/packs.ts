/**
 * Packs: several sealed blocks in one HTTP answer, so a terminal downloading a whole snapshot
 * makes a few hundred requests instead of tens of thousands. A pack is named by the SHA-256 of
 * the manifest body (which the signed statement names) and its index: pack i holds blocks
 * [i·PACK_BLOCKS, (i+1)·PACK_BLOCKS) of the manifest's blocks in the order below, their sealed
 * bytes one after the other (each block's length is its `s` in the manifest). The name fixes the
 * content, so a pack is as immutable and cacheable as a block, and a snapshot has few of them: a
 * cache in front cannot be made to miss by inventing new combinations of blocks.
 */
import type { SnapshotBlockRef, SnapshotSections } from '../contract';

/** About 16 × 7 KB sealed (32 KB plain): a few hundred KB per request. */
export const PACK_BLOCKS = 16;

const SECTION_ORDER: readonly (keyof SnapshotSections)[] = ['data', 'alt', 'name', 'fpCanonical', 'fpAlt', 'fpId'];

/** Every block the manifest names, once, in section order (what packs are cut from). */
export function orderedBlocks(sections: SnapshotSections): SnapshotBlockRef[] {
  const seen = new Set<string>();
  const out: SnapshotBlockRef[] = [];
  for (const name of SECTION_ORDER) {
    for (const ref of sections[name]) {
      if (seen.has(ref.h)) continue;
      seen.add(ref.h);
      out.push(ref);
    }
  }
  return out;
}

/** The members of pack `index` (empty past the end). */
export function packMembers<T>(ordered: readonly T[], index: number): T[] {
  return ordered.slice(index * PACK_BLOCKS, (index + 1) * PACK_BLOCKS);
}
