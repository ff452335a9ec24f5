/**
 * The cache database: server-owned, disposable, rebuildable (docs/architecture.md). Nothing here is
 * precious — wiping it costs a full pull, never a clerk's record (those live in the journal).
 */
import Dexie, { type Table } from 'dexie';
import type { Catalogue, ListEntry, Profile } from '../../../shared/contract';
import type { PackedDirectory, PackedStateRecord } from './packed/packedState';

/** A list entry as stored: the published entry plus the index keys derived from it. */
export interface StoredEntry extends ListEntry {
  /** identifierIndexKeys of the parsed published identifier (all forms a lookup may use). */
  keys: string[];
  /** Name prefix keys: the normalised name and its pinyin initials. */
  nameKeys: string[];
}

/** Two generations of the list so a full rebuild never disturbs lookups on the live one. */
export type EntryTableName = 'entriesA' | 'entriesB';

export interface LiveListState {
  key: 'list';
  activeTable: EntryTableName;
  cursor: string | null;
  epoch: string | null;
  dataVersion: string | null;
  /** When the last pull that reached the end of the server's changes finished. */
  lastPullAt: string | null;
  /** Kept instead of count(): count() scans the whole store. */
  entryCount: number;
}

/** Progress of a full rebuild into the inactive generation; survives a reload so it resumes. */
export interface RebuildState {
  key: 'rebuild';
  /** Random name of this rebuild (absent in rebuilds begun by an older release: startedAt stands in). */
  generation?: string;
  table: EntryTableName;
  cursor: string | null;
  epoch: string | null;
  dataVersion: string | null;
  entryCount: number;
  startedAt: string;
  /** When the last rebuild page arrived; becomes lastPullAt on commit. */
  lastPageAt?: string;
}

export interface CatalogueRecord {
  key: 'catalogue';
  catalogue: Catalogue;
  etag: string | null;
  fetchedAt: string;
}

/** A profile from an earlier online lookup, for offline answers. */
export interface CachedProfile {
  /** `${canonical identifier}|${matterCode}` */
  key: string;
  identifier: string;
  matterCode: string;
  /** null: the platform said "no records" for this subject. */
  profile: Profile | null;
  dataVersion: string;
  fetchedAt: string;
}

/** A stored snapshot block: its address and its verified, decrypted deflate-raw bytes. */
export interface SnapshotBlockRecord {
  hash: string;
  bytes: Uint8Array;
}

/** One page of deltas in a packed generation's overlay: the last change per entry id (null = deleted). */
export interface OverlayPageRecord {
  gen: PackedGenerationName;
  seq: number;
  rows: Array<[string, StoredEntry | null]>;
}

export type PackedGenerationName = 'A' | 'B';

/** 64-bit fingerprints of a packed generation's snapshot entry ids (loaded when deltas are counted). */
export interface PackedIdsRecord {
  gen: PackedGenerationName;
  hi: Uint32Array;
  lo: Uint32Array;
}

export const CACHE_DB_VERSION = 3;

/**
 * Each schema version, oldest first. Old versions stay declared so Dexie can upgrade a database
 * written by any earlier release; a test opens a v1 database with the current code.
 */
export function declareCacheSchema(db: Dexie, upTo: number = CACHE_DB_VERSION): void {
  // v1: a single generation of entries; sync state held the cursor only.
  db.version(1).stores({
    entries: 'id, *keys, *nameKeys',
    syncState: 'key',
    catalogue: 'key',
    profiles: 'key',
  });
  if (upTo < 2) return;
  // v2: two generations (atomic switch after a resync rebuild), rebuild progress in its own
  // store so rebuild pages never contend with lookups on the live state row.
  db.version(2)
    .stores({
      entries: null,
      entriesA: 'id, *keys, *nameKeys',
      entriesB: 'id, *keys, *nameKeys',
      syncState: 'key',
      rebuildState: 'key',
      catalogue: 'key',
      profiles: 'key, identifier, fetchedAt',
    })
    .upgrade(async (tx) => {
      // Keep what v1 had pulled: its rows become generation A, its cursor stays valid.
      const old = tx.table<StoredEntry, string>('entries');
      const live = tx.table<StoredEntry, string>('entriesA');
      let count = 0;
      await old.each((row) => {
        count += 1;
        void live.put(row);
      });
      const state = tx.table('syncState');
      const previous = (await state.get('list')) as Partial<LiveListState> | undefined;
      await state.put({
        key: 'list',
        activeTable: 'entriesA',
        cursor: previous?.cursor ?? null,
        epoch: previous?.epoch ?? null,
        dataVersion: previous?.dataVersion ?? null,
        lastPullAt: previous?.lastPullAt ?? null,
        entryCount: count,
      } satisfies LiveListState);
    });
  if (upTo < 3) return;
  // v3: the packed layout (renderer/src/data/packed): snapshot blocks by hash, two generations'
  // state, their delta overlays (one record per page) and entry-id fingerprints. The per-record
  // tables stay declared until the packed store has a live generation and frees them.
  db.version(3).stores({
    snapBlocks: 'hash',
    packedState: 'key',
    packedIds: 'gen',
    packedDirectories: 'gen',
    overlayPages: '[gen+seq]',
  });
}

export class CacheDb extends Dexie {
  declare entriesA: Table<StoredEntry, string>;
  declare entriesB: Table<StoredEntry, string>;
  declare syncState: Table<LiveListState, 'list'>;
  declare rebuildState: Table<RebuildState, 'rebuild'>;
  declare catalogue: Table<CatalogueRecord, 'catalogue'>;
  declare profiles: Table<CachedProfile, string>;
  declare snapBlocks: Table<SnapshotBlockRecord, string>;
  declare packedState: Table<PackedStateRecord, PackedStateRecord['key']>;
  declare packedIds: Table<PackedIdsRecord, PackedGenerationName>;
  declare packedDirectories: Table<PackedDirectory, PackedGenerationName>;
  declare overlayPages: Table<OverlayPageRecord, [PackedGenerationName, number]>;

  constructor(name: string) {
    super(name);
    declareCacheSchema(this);
  }

  entryTable(name: EntryTableName): Table<StoredEntry, string> {
    return name === 'entriesA' ? this.entriesA : this.entriesB;
  }
}

export const INITIAL_LIST_STATE: LiveListState = {
  key: 'list',
  activeTable: 'entriesA',
  cursor: null,
  epoch: null,
  dataVersion: null,
  lastPullAt: null,
  entryCount: 0,
};
