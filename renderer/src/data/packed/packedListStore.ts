/**
 * ListDataStore over snapshot blocks (the default layout). A generation is a verified snapshot —
 * stored one IndexedDB value per block, exactly as downloaded and decrypted, never row by row — plus
 * an overlay of the deltas since (one IndexedDB value per page, replayed into memory at start).
 *
 * Reads: the fingerprint arrays in memory answer "not listed" with no IndexedDB read at all; a
 * listed key is found through the block fences (first and last key of each block) and decoded
 * from its block's offset table; the overlay's rows replace the snapshot's and its tombstones hide
 * them. Writes: a delta page is one record in one transaction with the cursor; a rebuild (a new
 * snapshot, or the full state when the platform publishes none) goes into the other generation
 * and is switched in by rewriting one state record.
 */
import type { ListEntry, SignedDataVersion, SnapshotManifestResponse, SyncChange } from '../../../../shared/contract';
import { initialsQueryKey, isInitialsQuery, normaliseName } from '../../../../shared/names';
import {
  BlockView,
  fingerprint32,
  fingerprint32b,
  readAltRow,
  readDataRow,
  readNameRow,
  rowsWithKey,
  sortedHas,
  sortedHas64,
  type NameHit,
} from '../../../../shared/snapshot';
import { v7 as uuidv7 } from 'uuid';
import { inflate, type BlockSink, type StoredBlock, type VerifiedManifest } from './blocks';
import type { CacheDb, PackedIdsRecord, StoredEntry } from '../cacheDb';
import { PreparedRows } from '../preparedRows';
import { CursorMovedError, RebuildReplacedError, assertPageFollows } from '../listDataStore';
import type { ApplyResult, ListDataStore, ListPage, ListState, ListTarget, RebuildGeneration } from '../listDataStore';
import { BlockCache, MissingBlockError } from './blockCache';
import { Overlay, type NameRow } from './overlay';
import {
  emptyGeneration,
  otherGeneration,
  rebuildGenerationOf,
  type Fence,
  type PackedBase,
  type PackedDirectory,
  type PackedGeneration,
} from './packedState';

/** What the snapshot pull path needs from a store that can take snapshots. */
export interface SnapshotTarget {
  /** Records the verified manifest being installed into the rebuild generation. */
  beginSnapshot(manifest: SnapshotManifestResponse): Promise<void>;
  blocks: BlockSink;
  /** All blocks stored: make the snapshot the rebuild generation's base; returns where deltas continue. */
  completeSnapshot(manifest: VerifiedManifest): Promise<{ cursor: string; epoch: string }>;
  /** The live generation's overlay has grown past the threshold: the next snapshot should replace it. */
  overlayPastThreshold(): Promise<boolean>;
  /** The data version of the live generation's snapshot (to tell whether the platform has a newer one). */
  liveSnapshotVersion(): Promise<string | null>;
}

export interface PackedStoreOptions {
  /** Overlay rows beyond which the next snapshot is fetched: max(min, share × snapshot entries). */
  overlayThreshold?: { min: number; share: number };
  /** Decoded blocks kept in memory. */
  cacheBlocks?: number;
}

const DEFAULT_THRESHOLD = { min: 20_000, share: 0.02 };
const CHANNEL = 'credit-counter-packed-list';

interface View {
  live: PackedGeneration;
  /** The live snapshot's fences and fingerprints (null: no snapshot). */
  dir: PackedDirectory | null;
  overlay: Overlay;
  /** The snapshot's entry-id fingerprints, once asked for (see idsOf). */
  ids: { gen: PackedGeneration['gen']; loading: Promise<PackedIdsRecord | null> } | null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byId(a: ListEntry, b: ListEntry): number {
  return compare(a.id, b.id);
}

/** Blocks whose key range [f, l] meets [low, high], in order. */
function blocksFor(fences: readonly Fence[], low: string, high: string): Fence[] {
  let lo = 0;
  let hi = fences.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fences[mid]!.l < low) lo = mid + 1;
    else hi = mid;
  }
  const out: Fence[] = [];
  for (let i = lo; i < fences.length && fences[i]!.f <= high; i++) out.push(fences[i]!);
  return out;
}

export class PackedListStore implements ListDataStore {
  private view: Promise<View> | null = null;
  private rebuildView: { generation: string; overlay: Overlay; ids: PackedIdsRecord | null } | null = null;
  private readonly blocks: BlockCache;
  /** Rows computed by prepare(), taken by applyChanges() for the same page. */
  private readonly prepared = new PreparedRows();
  private readonly threshold: { min: number; share: number };
  private channel: BroadcastChannel | null = null;
  readonly snapshots: SnapshotTarget;

  constructor(
    private readonly db: CacheDb,
    options: PackedStoreOptions = {},
  ) {
    this.blocks = new BlockCache(db, options.cacheBlocks ?? 48);
    this.threshold = options.overlayThreshold ?? DEFAULT_THRESHOLD;
    if (typeof BroadcastChannel === 'function') {
      this.channel = new BroadcastChannel(`${CHANNEL}:${db.name}`);
      // Another tab switched generations or applied deltas: read the state again before the next read.
      this.channel.onmessage = () => this.invalidate();
    }
    this.snapshots = {
      beginSnapshot: (manifest) => this.beginSnapshot(manifest),
      blocks: { stored: (hashes) => this.storedBlocks(hashes), put: (blocks) => this.putBlocks(blocks) },
      completeSnapshot: (manifest) => this.completeSnapshot(manifest),
      overlayPastThreshold: async () => {
        const { live } = await this.loadView();
        return live.overlayRows > Math.max(this.threshold.min, Math.round((live.base?.entryCount ?? 0) * this.threshold.share));
      },
      liveSnapshotVersion: async () => (await this.loadView()).live.base?.dataVersion ?? null,
    };
  }

  /**
   * Loads the live generation into memory now (start-up), so the first lookup does not wait for it;
   * the entry-id fingerprints only a delta needs follow in the background.
   */
  async warm(): Promise<void> {
    const view = await this.loadView();
    this.idsOf(view.live).catch(() => undefined);
  }

  close(): void {
    this.channel?.close();
    this.channel = null;
  }

  // ---- state ------------------------------------------------------------------------------

  async loadFullState(): Promise<ListState> {
    const [live, rebuild] = await this.db.transaction('r', this.db.packedState, () =>
      Promise.all([this.db.packedState.get('live'), this.db.packedState.get('rebuild')]),
    );
    const current = this.view ? await this.view.catch(() => null) : null;
    if (current && live && live.stamp !== current.live.stamp) this.invalidate();
    return {
      cursor: live?.cursor ?? null,
      epoch: live?.epoch ?? null,
      dataVersion: live?.dataVersion ?? null,
      lastPullAt: live?.lastPullAt ?? null,
      entryCount: live?.entryCount ?? 0,
      rebuild: rebuild
        ? {
            generation: rebuildGenerationOf(rebuild),
            cursor: rebuild.cursor,
            epoch: rebuild.epoch,
            entryCount: rebuild.entryCount,
            startedAt: rebuild.startedAt ?? '',
          }
        : null,
    };
  }

  async count(): Promise<number> {
    return (await this.loadView()).live.entryCount;
  }

  async dataVersion(): Promise<string | null> {
    return (await this.loadView()).live.dataVersion;
  }

  /** The signed statement of the snapshot the live data is based on (null: no snapshot, or none yet). */
  async signedDataVersion(): Promise<SignedDataVersion | null> {
    return (await this.loadView()).live.base?.signed ?? null;
  }

  private invalidate(): void {
    this.view = null;
    this.blocks.clear();
  }

  private loadView(): Promise<View> {
    if (!this.view) {
      const loading = this.readView();
      this.view = loading;
      loading.catch(() => {
        if (this.view === loading) this.view = null;
      });
    }
    return this.view;
  }

  private async readView(): Promise<View> {
    return this.db.transaction('r', this.db.packedState, this.db.packedDirectories, this.db.overlayPages, async () => {
      const live = (await this.db.packedState.get('live')) ?? emptyGeneration('live', 'A');
      const [dir, pages] = await Promise.all([
        live.base ? this.db.packedDirectories.get(live.gen) : undefined,
        this.db.overlayPages.where('[gen+seq]').between([live.gen, -Infinity], [live.gen, Infinity]).toArray(),
      ]);
      const overlay = new Overlay();
      for (const page of pages) for (const [id, row] of page.rows) overlay.apply(id, row);
      return { live, dir: dir ?? null, overlay, ids: null };
    });
  }

  /** Runs a read, once more on a fresh view if a block vanished under it (another tab freed it). */
  private async reading<T>(fn: (view: View) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.loadView());
    } catch (error) {
      if (!(error instanceof MissingBlockError)) throw error;
      this.invalidate();
      return fn(await this.loadView());
    }
  }

  // ---- reads ------------------------------------------------------------------------------

  lookupByKey(key: string): Promise<ListEntry[]> {
    return this.reading(async ({ dir: base, overlay }) => {
      const found = new Map<string, ListEntry>();
      if (base) {
        const fp = fingerprint32(key);
        const canonical = new Set<string>();
        if (sortedHas(base.fpCanonical, fp)) canonical.add(key);
        if (sortedHas(base.fpAlt, fp)) {
          for (const fence of blocksFor(base.alt, key, key)) {
            for (const row of rowsWithKey(await this.blocks.get(fence.h), key, readAltRow)) canonical.add(row.canonical);
          }
        }
        for (const c of canonical) {
          for (const fence of blocksFor(base.data, c, c)) {
            for (const { entry } of rowsWithKey(await this.blocks.get(fence.h), c, readDataRow)) {
              if (!overlay.has(entry.id)) found.set(entry.id, entry);
            }
          }
        }
      }
      for (const entry of overlay.lookup(key)) found.set(entry.id, entry);
      return [...found.values()].sort(byId);
    });
  }

  searchByName(query: string, limit: number): Promise<NameHit[]> {
    const trimmed = query.trim();
    if (!trimmed || limit <= 0) return Promise.resolve([]);
    const prefix = isInitialsQuery(trimmed) ? initialsQueryKey(trimmed) : normaliseName(trimmed);
    return this.reading(async ({ dir, overlay }) => {
      const mine = overlay.nameRows(prefix);
      const out: NameHit[] = [];
      const seen = new Set<string>();
      let o = 0;
      const take = (row: NameRow): boolean => {
        if (!seen.has(row.hit.id)) {
          seen.add(row.hit.id);
          out.push(row.hit);
        }
        return out.length >= limit;
      };
      // Merge the snapshot's name rows with the overlay's, both sorted by (key, entry id).
      for (const fence of dir ? blocksFor(dir.name, prefix, `${prefix}\uffff`) : []) {
        const block = await this.blocks.get(fence.h);
        for (let i = block.lowerBound(prefix); i < block.rowCount; i++) {
          const row = readNameRow(block.row(i));
          if (!row.key.startsWith(prefix)) break;
          if (overlay.has(row.hit.id)) continue;
          while (o < mine.length && (compare(mine[o]!.key, row.key) || compare(mine[o]!.hit.id, row.hit.id)) < 0) {
            if (take(mine[o++]!)) return out;
          }
          if (take(row)) return out;
        }
      }
      while (o < mine.length) if (take(mine[o++]!)) return out;
      return out;
    });
  }

  exportEntries(): Promise<ListEntry[]> {
    return this.reading(async ({ dir, overlay }) => {
      const out: ListEntry[] = [];
      for (const fence of dir?.data ?? []) {
        const block = await this.blocks.get(fence.h);
        for (let i = 0; i < block.rowCount; i++) {
          const { entry } = readDataRow(block.row(i));
          if (!overlay.has(entry.id)) out.push(entry);
        }
      }
      out.push(...overlay.entries());
      return out.sort(byId);
    });
  }

  // ---- writes -----------------------------------------------------------------------------

  prepare(changes: readonly SyncChange[]): void {
    this.prepared.prepare(changes);
  }

  async applyChanges(page: ListPage, target: ListTarget): Promise<ApplyResult> {
    const rows = this.prepared.take(page.changes);
    if (target === 'live') return this.applyLive(page, rows);
    return this.applyRebuild(page, rows);
  }

  private async applyLive(page: ListPage, rows: Map<string, StoredEntry | null>): Promise<ApplyResult> {
    const view = await this.loadView();
    const ids = await this.idsOf(view.live);
    const result = await this.db.transaction('rw', this.db.packedState, this.db.overlayPages, async () => {
      const live = (await this.db.packedState.get('live')) ?? emptyGeneration('live', 'A');
      if (live.stamp !== view.live.stamp || live.gen !== view.live.gen) throw new CursorMovedError();
      assertPageFollows(page, live.cursor);
      const counted = countChanges(rows, view.overlay, live.base, ids);
      await this.db.overlayPages.put({ gen: live.gen, seq: live.overlayPages, rows: [...rows] });
      const next: PackedGeneration = {
        ...live,
        cursor: page.cursor,
        epoch: page.epoch,
        dataVersion: page.dataVersion,
        lastPullAt: page.complete ? page.receivedAt : live.lastPullAt,
        entryCount: live.entryCount + counted.delta,
        overlayPages: live.overlayPages + 1,
        overlayRows: counted.overlayRows,
        stamp: live.stamp + 1,
      };
      await this.db.packedState.put(next);
      return { next, put: counted.put, deleted: counted.deleted };
    });
    for (const [id, row] of rows) view.overlay.apply(id, row);
    view.live = result.next;
    this.channel?.postMessage('changed');
    return { put: result.put, deleted: result.deleted, entryCount: result.next.entryCount };
  }

  private async applyRebuild(page: ListPage, rows: Map<string, StoredEntry | null>): Promise<ApplyResult> {
    const rebuild = await this.db.packedState.get('rebuild');
    if (!rebuild) throw new Error('no rebuild in progress');
    const state = await this.rebuildOverlay(rebuild);
    const result = await this.db.transaction('rw', this.db.packedState, this.db.overlayPages, async () => {
      const current = await this.db.packedState.get('rebuild');
      if (!current || rebuildGenerationOf(current) !== rebuildGenerationOf(rebuild) || current.gen !== rebuild.gen) {
        throw new RebuildReplacedError();
      }
      assertPageFollows(page, current.cursor);
      const counted = countChanges(rows, state.overlay, current.base, state.ids);
      await this.db.overlayPages.put({ gen: current.gen, seq: current.overlayPages, rows: [...rows] });
      const next: PackedGeneration = {
        ...current,
        cursor: page.cursor,
        epoch: page.epoch,
        dataVersion: page.dataVersion,
        entryCount: current.entryCount + counted.delta,
        overlayPages: current.overlayPages + 1,
        overlayRows: counted.overlayRows,
        lastPageAt: page.receivedAt,
        stamp: current.stamp + 1,
      };
      await this.db.packedState.put(next);
      return { next, put: counted.put, deleted: counted.deleted };
    });
    for (const [id, row] of rows) state.overlay.apply(id, row);
    return { put: result.put, deleted: result.deleted, entryCount: result.next.entryCount };
  }

  /** The in-memory overlay of the rebuild generation (replayed from its pages after a reload). */
  private async rebuildOverlay(rebuild: PackedGeneration): Promise<{ overlay: Overlay; ids: PackedIdsRecord | null }> {
    if (!this.rebuildView || this.rebuildView.generation !== rebuildGenerationOf(rebuild)) {
      const overlay = new Overlay();
      const pages = await this.db.overlayPages.where('[gen+seq]').between([rebuild.gen, -Infinity], [rebuild.gen, Infinity]).toArray();
      for (const p of pages) for (const [id, row] of p.rows) overlay.apply(id, row);
      const ids = rebuild.base ? ((await this.db.packedIds.get(rebuild.gen)) ?? null) : null;
      this.rebuildView = { generation: rebuildGenerationOf(rebuild), overlay, ids };
    }
    return this.rebuildView;
  }

  /**
   * The live snapshot's entry-id fingerprints (8 MB at a million entries), to count a delta's inserts
   * exactly: read once per view, begun right after start so the first delta does not wait for them.
   */
  private async idsOf(live: PackedGeneration): Promise<PackedIdsRecord | null> {
    if (!live.base) return null;
    const view = await this.loadView();
    if (!view.ids || view.ids.gen !== live.gen) {
      const loading = this.db.packedIds.get(live.gen).then((ids) => ids ?? null);
      view.ids = { gen: live.gen, loading };
      loading.catch(() => {
        if (view.ids?.loading === loading) view.ids = null;
      });
    }
    return view.ids.loading;
  }

  async beginRebuild(startedAt: string): Promise<RebuildGeneration> {
    const tables = [this.db.packedState, this.db.overlayPages, this.db.packedIds, this.db.packedDirectories];
    const generation = uuidv7();
    await this.db.transaction('rw', tables, async () => {
      const live = (await this.db.packedState.get('live')) ?? emptyGeneration('live', 'A');
      const gen = otherGeneration(live.gen);
      await this.db.overlayPages.where('[gen+seq]').between([gen, -Infinity], [gen, Infinity]).delete();
      await this.db.packedIds.delete(gen);
      await this.db.packedDirectories.delete(gen);
      await this.db.packedState.put({ ...emptyGeneration('rebuild', gen, startedAt), generation });
    });
    this.rebuildView = null;
    return generation;
  }

  async commitRebuild(generation: RebuildGeneration): Promise<void> {
    await this.db.transaction('rw', this.db.packedState, async () => {
      const rebuild = await this.db.packedState.get('rebuild');
      if (!rebuild || rebuildGenerationOf(rebuild) !== generation) throw new RebuildReplacedError();
      if (rebuild.pending) throw new Error('the snapshot of this rebuild is not complete');
      const live = await this.db.packedState.get('live');
      const { generation: _committed, ...committed } = rebuild;
      await this.db.packedState.put({
        ...committed,
        key: 'live',
        startedAt: null,
        lastPullAt: rebuild.lastPageAt ?? live?.lastPullAt ?? null,
        stamp: (live?.stamp ?? 0) + rebuild.stamp + 1,
      });
      await this.db.packedState.delete('rebuild');
    });
    this.rebuildView = null;
    this.invalidate();
    // Load the new generation's directory now, in the background: otherwise the next lookup, or the
    // first delta after the switch, waits for it (and for the entry-id fingerprints).
    this.warm().catch(() => undefined);
    this.channel?.postMessage('changed');
  }

  async releaseStaleGeneration(): Promise<void> {
    const [live, rebuild] = await Promise.all([this.db.packedState.get('live'), this.db.packedState.get('rebuild')]);
    if (rebuild || !live) return; // the other generation is being rebuilt, not stale
    const stale = otherGeneration(live.gen);
    await this.db.transaction('rw', this.db.overlayPages, this.db.packedIds, this.db.packedDirectories, async () => {
      await this.db.overlayPages.where('[gen+seq]').between([stale, -Infinity], [stale, Infinity]).delete();
      await this.db.packedIds.delete(stale);
      await this.db.packedDirectories.delete(stale);
    });
    const keep = new Set(live.base ? ((await this.db.packedDirectories.get(live.gen))?.blocks ?? []) : []);
    const stored = (await this.db.snapBlocks.toCollection().primaryKeys()) as string[];
    const unused = stored.filter((h) => !keep.has(h));
    if (unused.length > 0) await this.db.snapBlocks.bulkDelete(unused);
    // The per-record layout of earlier versions is no longer read once a packed generation is live.
    await Promise.all([this.db.entriesA.clear(), this.db.entriesB.clear()]);
  }

  // ---- snapshots --------------------------------------------------------------------------

  private async beginSnapshot(manifest: SnapshotManifestResponse): Promise<void> {
    await this.db.transaction('rw', this.db.packedState, async () => {
      const rebuild = await this.db.packedState.get('rebuild');
      if (!rebuild) throw new Error('no rebuild in progress');
      if (rebuild.cursor !== null) throw new Error('the rebuild has started on another base');
      await this.db.packedState.put({ ...rebuild, pending: manifest, stamp: rebuild.stamp + 1 });
    });
  }

  private async storedBlocks(hashes: readonly string[]): Promise<Set<string>> {
    const wanted = new Set(hashes);
    const stored = (await this.db.snapBlocks.toCollection().primaryKeys()) as string[];
    return new Set(stored.filter((h) => wanted.has(h)));
  }

  private async putBlocks(blocks: readonly StoredBlock[]): Promise<void> {
    await this.db.snapBlocks.bulkPut(blocks.map((b) => ({ hash: b.hash, bytes: b.bytes })));
  }

  private async completeSnapshot(manifest: VerifiedManifest): Promise<{ cursor: string; epoch: string }> {
    const { body } = manifest;
    const concat = async (refs: typeof body.sections.fpCanonical, pairs: boolean): Promise<Uint32Array> => {
      const views: BlockView[] = [];
      for (const ref of refs) {
        const record = await this.db.snapBlocks.get(ref.h);
        if (!record) throw new MissingBlockError(ref.h);
        views.push(new BlockView(inflate(record.bytes)));
      }
      const out = new Uint32Array(views.reduce((n, v) => n + v.rowCount * (pairs ? 2 : 1), 0));
      let at = 0;
      for (const v of views) at = v.copyFingerprints(out, at);
      return out;
    };
    const fpCanonical = await concat(body.sections.fpCanonical, false);
    const fpAlt = await concat(body.sections.fpAlt, false);
    const pairs = await concat(body.sections.fpId, true);
    const hi = new Uint32Array(pairs.length / 2);
    const lo = new Uint32Array(pairs.length / 2);
    for (let i = 0; i < hi.length; i++) {
      hi[i] = pairs[2 * i]!;
      lo[i] = pairs[2 * i + 1]!;
    }
    const fence = (r: { h: string; f: string; l: string }): Fence => ({ h: r.h, f: r.f, l: r.l });
    const base: PackedBase = {
      signed: manifest.signed,
      dataVersion: body.dataVersion,
      cursor: body.cursor,
      epoch: body.epoch,
      entryCount: body.entryCount,
    };
    const directory: Omit<PackedDirectory, 'gen'> = {
      data: body.sections.data.map(fence),
      alt: body.sections.alt.map(fence),
      name: body.sections.name.map(fence),
      fpCanonical,
      fpAlt,
      blocks: [...new Set(Object.values(body.sections).flatMap((refs) => refs.map((r) => r.h)))],
    };
    await this.db.transaction('rw', this.db.packedState, this.db.packedIds, this.db.packedDirectories, async () => {
      const rebuild = await this.db.packedState.get('rebuild');
      if (!rebuild) throw new Error('no rebuild in progress');
      await this.db.packedIds.put({ gen: rebuild.gen, hi, lo });
      await this.db.packedDirectories.put({ gen: rebuild.gen, ...directory });
      await this.db.packedState.put({
        ...rebuild,
        base,
        pending: null,
        cursor: body.cursor,
        epoch: body.epoch,
        dataVersion: body.dataVersion,
        entryCount: body.entryCount,
        stamp: rebuild.stamp + 1,
      });
    });
    this.rebuildView = null;
    return { cursor: body.cursor, epoch: body.epoch };
  }
}

/** Net effect of a page on the entry count, given what the generation held before it. */
function countChanges(
  rows: Map<string, StoredEntry | null>,
  overlay: Overlay,
  base: PackedBase | null,
  ids: PackedIdsRecord | null,
): { delta: number; put: number; deleted: number; overlayRows: number } {
  let delta = 0;
  let put = 0;
  let deleted = 0;
  let added = 0;
  for (const [id, row] of rows) {
    const inOverlay = overlay.get(id);
    const existed =
      inOverlay !== undefined
        ? inOverlay !== null
        : base !== null && ids !== null && sortedHas64(ids.hi, ids.lo, fingerprint32(id), fingerprint32b(id));
    if (inOverlay === undefined) added += 1;
    if (row) {
      put += 1;
      if (!existed) delta += 1;
    } else if (existed) {
      deleted += 1;
      delta -= 1;
    }
  }
  return { delta, put, deleted, overlayRows: overlay.size + added };
}
