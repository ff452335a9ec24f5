/**
 * The packed store answers exactly what the per-record store answers: both are fed the same
 * generated list (the packed one as a signed snapshot built and sealed by the platform's own code,
 * the per-record one as full-state pages), then the same delta pages, then — for the packed one — a
 * newer snapshot; after each step every lookup by every identifier form, name and initials
 * searches at several limits, the count and the whole content are compared.
 */
import 'fake-indexeddb/auto';
import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ListEntry, SyncChange } from '../../shared/contract';
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '../../shared/ids';
import { identifierKeysOf } from '../../shared/listKeys';
import { nameOf, pinyinInitials } from '../../shared/names';
import { buildSnapshotBlocks, orderedBlocks, packMembers, type PlainBlock } from '../../shared/snapshot';
import { assembleManifest } from '../../platform/snapshots/publisher';
import { sealBlock } from '../../platform/snapshots/seal';
import { signingKeyFrom } from '../../platform/snapshots/signingKey';
import { CacheDb } from '../../renderer/src/data/cacheDb';
import { DexieListStore } from '../../renderer/src/data/dexieListStore';
import type { ListDataStore } from '../../renderer/src/data/listDataStore';
import { PackedListStore } from '../../renderer/src/data/packed/packedListStore';
import type { PlatformClient } from '../../renderer/src/api/platformClient';
import { createSnapshotPuller } from '../../renderer/src/sync/snapshot/snapshotPull';

const signing = signingKeyFrom();
const NAMES = ['张伟', '张伟华', '李建军', '王芳', '曾国藩', '单雄信', '威海鸿运建设', '威海海达食品', 'ABC贸易', '张 伟'];
const LIST_TYPES = ['COURT_DISHONEST', 'TAX_A', 'PROCUREMENT_BLACK'];
const STATUSES = ['ACTIVE', 'EXPIRED', 'REMOVED', 'REPAIRED', 'OBJECTION_PENDING'] as const;

/** A small pool of subjects, so that entries share identifiers, names and initials. */
function subjectPool(): Array<Pick<ListEntry, 'subjectKind' | 'subjectName' | 'identifier' | 'identifierType'>> {
  const pool: Array<Pick<ListEntry, 'subjectKind' | 'subjectName' | 'identifier' | 'identifierType'>> = [];
  for (let i = 0; i < 8; i++) {
    const first17 = `37100219${60 + i}0${(i % 9) + 1}1${i % 10}${String(i).padStart(3, '0')}`;
    const id18 = first17 + residentIdCheckChar(first17);
    pool.push({ subjectKind: 'PERSON', subjectName: NAMES[i % NAMES.length]!, identifier: id18, identifierType: 'RESIDENT_ID' });
    if (i % 3 === 0) {
      // The same person published under the legacy 15-digit number.
      const legacy = id18.slice(0, 6) + id18.slice(8, 17);
      pool.push({ subjectKind: 'PERSON', subjectName: NAMES[i % NAMES.length]!, identifier: legacy, identifierType: 'RESIDENT_ID' });
    }
  }
  for (let i = 0; i < 5; i++) {
    const org8 = `2674128${i}${i}`.slice(0, 8);
    const org = org8 + orgCodeCheckChar(org8);
    const first17 = `91371003${org}`;
    pool.push({
      subjectKind: 'ENTERPRISE',
      subjectName: NAMES[6 + (i % 4)]!,
      identifier: first17 + usccCheckChar(first17),
      identifierType: 'USCC',
    });
    if (i % 2 === 0)
      pool.push({ subjectKind: 'ENTERPRISE', subjectName: NAMES[6 + (i % 4)]!, identifier: org, identifierType: 'ORG_CODE' });
  }
  pool.push({ subjectKind: 'PERSON', subjectName: '错号人', identifier: '371002198805121235', identifierType: 'RESIDENT_ID' });
  return pool;
}

const POOL = subjectPool();

const entryArb = (id: string) =>
  fc
    .record({
      subject: fc.integer({ min: 0, max: POOL.length - 1 }),
      listType: fc.constantFrom(...LIST_TYPES),
      status: fc.constantFrom(...STATUSES),
      amount: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: null }),
    })
    .map((r): ListEntry => ({
      id,
      listType: r.listType,
      ...POOL[r.subject]!,
      reason: '原因',
      listedOn: '2025-01-01',
      validUntil: r.amount === null ? null : '2027-01-01',
      authority: '威海市中级人民法院',
      documentNo: `（2025）${id}号`,
      amount: r.amount,
      status: r.status,
      updatedAt: '2025-01-01T00:00:00.000Z',
    }));

const changeArb = (ids: readonly string[]) =>
  fc.oneof(
    fc
      .integer({ min: 0, max: 10_000 })
      .chain((n) => entryArb(`N${n}`))
      .map((entry) => ({ op: 'put' as const, entry })),
    fc
      .constantFrom(...ids)
      .chain((id) => entryArb(id))
      .map((entry) => ({ op: 'put' as const, entry })),
    fc.constantFrom(...ids).map((entryId) => ({ op: 'del' as const, entryId })),
  );

const scenarioArb = fc.integer({ min: 5, max: 60 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, i) => `E${String(i).padStart(4, '0')}`);
  return fc.record({
    initial: fc.tuple(...ids.map((id) => entryArb(id))),
    pages: fc.array(fc.array(changeArb(ids), { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 }),
    targetBytes: fc.constantFrom(256, 1024, 32 * 1024),
  });
});

/** The platform's snapshot of `entries`, served by an in-memory transport. */
function publish(entries: ListEntry[], seq: number, targetBytes: number) {
  const key = randomBytes(32);
  const plain = buildSnapshotBlocks(entries, { targetBytes });
  const blocks = new Map<string, Uint8Array<ArrayBuffer>>();
  const seal = (list: PlainBlock[]) =>
    list.map((b) => {
      const sealed = sealBlock(b.plain, key);
      blocks.set(sealed.hash, new Uint8Array(sealed.bytes));
      return { h: sealed.hash, f: b.first, l: b.last, n: b.rows, s: sealed.bytes.length };
    });
  const sections = {
    data: seal(plain.data),
    alt: seal(plain.alt),
    name: seal(plain.name),
    fpCanonical: seal(plain.fpCanonical),
    fpAlt: seal(plain.fpAlt),
    fpId: seal(plain.fpId),
  };
  const manifest = assembleManifest({
    epoch: 'p1',
    lastSeq: seq,
    run: '-',
    entryCount: entries.length,
    sections,
    keyBase64: key.toString('base64'),
    targetBytes,
    createdAt: new Date().toISOString(),
    signing,
  });
  // Packs as the platform cuts them (small block targets make enough blocks for the download to use them).
  const manifestSha256 = createHash('sha256').update(manifest.body, 'utf8').digest('hex');
  const order = orderedBlocks(sections).map((ref) => ref.h);
  const client: Pick<PlatformClient, 'snapshotManifest' | 'snapshotBlock' | 'snapshotPack'> = {
    snapshotManifest: async () => ({ published: true, manifest }),
    snapshotBlock: async (hash) => blocks.get(hash)!,
    snapshotPack: async (sha, index) => {
      if (sha !== manifestSha256) throw new Error('unknown pack');
      return new Uint8Array(Buffer.concat(packMembers(order, index).map((h) => blocks.get(h)!)));
    },
  };
  return { client, cursor: JSON.parse(manifest.body).cursor as string };
}

let dbCounter = 0;

async function installSnapshot(store: PackedListStore, entries: ListEntry[], seq: number, targetBytes: number): Promise<string> {
  const { client } = publish(entries, seq, targetBytes);
  const generation = await store.beginRebuild(new Date().toISOString());
  const puller = createSnapshotPuller({ client, target: store.snapshots, trustedKey: async () => signing.publicKey.key });
  const base = await puller.install(() => undefined);
  await store.commitRebuild(generation);
  await store.releaseStaleGeneration();
  return base!.cursor;
}

async function fullState(store: DexieListStore, entries: ListEntry[]): Promise<string> {
  const generation = await store.beginRebuild(new Date().toISOString());
  await store.applyChanges(
    {
      changes: entries.map((entry, i) => ({ seq: i + 1, op: 'put', entry })),
      cursor: 'full',
      epoch: 'p1',
      dataVersion: 'Ep1.0',
      complete: true,
      receivedAt: new Date().toISOString(),
    },
    'rebuild',
  );
  await store.commitRebuild(generation);
  return 'full';
}

async function applyPage(store: ListDataStore, changes: SyncChange[], after: string, cursor: string): Promise<void> {
  await store.applyChanges(
    { changes, after, cursor, epoch: 'p1', dataVersion: `Ep1.${cursor}`, complete: true, receivedAt: new Date().toISOString() },
    'live',
  );
}

/** Every question a terminal asks, answered by both stores. */
async function expectSameAnswers(
  packed: ListDataStore,
  records: ListDataStore,
  keys: readonly string[],
  prefixes: readonly string[],
): Promise<void> {
  expect(await packed.count()).toBe(await records.count());
  expect(await packed.exportEntries()).toEqual(await records.exportEntries());
  for (const key of keys) expect(await packed.lookupByKey(key), key).toEqual(await records.lookupByKey(key));
  for (const prefix of prefixes) {
    for (const limit of [1, 3, 500])
      expect(await packed.searchByName(prefix, limit), `${prefix}/${limit}`).toEqual(await records.searchByName(prefix, limit));
  }
}

function questions(entries: readonly ListEntry[]): { keys: string[]; prefixes: string[] } {
  const keys = new Set<string>(['371002198805121234', '000000000', 'NOSUCHKEY']);
  const prefixes = new Set<string>(['', 'Z', 'zw', '威', '不在名单']);
  for (const e of [...entries, ...POOL.map((p) => ({ ...p }) as ListEntry)]) {
    for (const k of identifierKeysOf(e.identifier)) keys.add(k);
    for (let n = 1; n <= 3; n++) prefixes.add(e.subjectName.slice(0, n));
    prefixes.add(pinyinInitials(e.subjectName, nameOf(e.subjectKind)).slice(0, 2).toLowerCase());
  }
  return { keys: [...keys], prefixes: [...prefixes] };
}

describe('packed store and per-record store answer alike', () => {
  it('after a snapshot, after deltas, and after a newer snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, async ({ initial, pages, targetBytes }) => {
        const name = `property-${dbCounter++}`;
        const packedDb = new CacheDb(`${name}-packed`);
        const recordsDb = new CacheDb(`${name}-records`);
        const packed = new PackedListStore(packedDb);
        const records = new DexieListStore(recordsDb);
        try {
          let entries = [...initial];
          const state = new Map(entries.map((e) => [e.id, e]));
          let packedCursor = await installSnapshot(packed, entries, 1, targetBytes);
          let recordsCursor = await fullState(records, entries);
          const seen: ListEntry[] = [...entries];
          await expectSameAnswers(packed, records, questions(seen).keys, questions(seen).prefixes);

          for (const [i, page] of pages.entries()) {
            const changes: SyncChange[] = page.map((c, j) => ({ ...c, seq: 100 + i * 20 + j }));
            const next = `d${i}`;
            await applyPage(packed, changes, packedCursor, next);
            await applyPage(records, changes, recordsCursor, next);
            packedCursor = recordsCursor = next;
            for (const c of changes) {
              if (c.op === 'put') {
                state.set(c.entry.id, c.entry);
                seen.push(c.entry);
              } else state.delete(c.entryId);
            }
          }
          const q = questions(seen);
          await expectSameAnswers(packed, records, q.keys, q.prefixes);

          // A newer snapshot of the same state replaces the overlay: still the same answers.
          entries = [...state.values()];
          await installSnapshot(packed, entries, 1_000, targetBytes);
          await expectSameAnswers(packed, records, q.keys, q.prefixes);
        } finally {
          packed.close();
          packedDb.close();
          recordsDb.close();
          await Promise.all([packedDb.delete(), recordsDb.delete()]);
        }
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});
