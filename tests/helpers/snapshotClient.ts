/** A terminal's snapshot download in Node (the renderer's own modules, an in-memory block sink). */
import type { ListEntry, SyncChange } from '../../shared/contract';
import { BlockView, readDataRow } from '../../shared/snapshot';
import { PlatformClient } from '../../renderer/src/api/platformClient';
import { inflate } from '../../renderer/src/data/packed/blocks';
import { downloadBlocks, type DownloadOutcome } from '../../renderer/src/sync/snapshot/downloadBlocks';
import { verifyManifest, type VerifiedManifest } from '../../renderer/src/sync/snapshot/verifyManifest';

export interface SnapshotTerminal {
  client: PlatformClient;
  publicKey: string;
  blocks: Map<string, Uint8Array<ArrayBuffer>>;
}

/** Enrols a terminal at `url` (the platform, or a cache in front of it) and logs in the demo clerk. */
export async function snapshotTerminal(url: string, enrolmentCode: string): Promise<SnapshotTerminal> {
  let token: string | null = null;
  const client = new PlatformClient({ platformUrl: url, appVersion: '0.1.0', getToken: () => token, adapter: 'http' });
  const enrolled = await client.enrol({ enrolmentCode, name: '快照测试终端' });
  token = (await client.createSession({ ...enrolled, operatorId: 'c001', password: 'demo1234' })).token;
  if (!enrolled.platformPublicKey) throw new Error('no platform public key at enrolment');
  return { client, publicKey: enrolled.platformPublicKey.key, blocks: new Map() };
}

export async function fetchSnapshot(t: SnapshotTerminal): Promise<{ manifest: VerifiedManifest; outcome: DownloadOutcome }> {
  const answer = await t.client.snapshotManifest();
  if (!answer.published) throw new Error('no snapshot published');
  const manifest = await verifyManifest(answer.manifest, t.publicKey);
  const outcome = await downloadBlocks(manifest, {
    client: t.client,
    // Test lists make a few dozen blocks; a terminal starts using packs from 128 missing blocks.
    packFrom: 1,
    sink: {
      stored: async (hashes) => new Set(hashes.filter((h) => t.blocks.has(h))),
      put: async (blocks) => {
        for (const b of blocks) t.blocks.set(b.hash, b.bytes);
      },
    },
  });
  return { manifest, outcome };
}

/** Every entry in the snapshot's data blocks, in block order. */
export async function snapshotEntries(t: SnapshotTerminal, manifest: VerifiedManifest): Promise<ListEntry[]> {
  const entries: ListEntry[] = [];
  for (const ref of manifest.body.sections.data) {
    const block = new BlockView(inflate(t.blocks.get(ref.h)!));
    for (let i = 0; i < block.rowCount; i++) entries.push(readDataRow(block.row(i)).entry);
  }
  return entries;
}

/** The list as the API path gives it: the full state, then deltas, from a cursor (null = from scratch). */
export async function pullState(
  client: PlatformClient,
  after: string | null,
  state = new Map<string, ListEntry>(),
): Promise<Map<string, ListEntry>> {
  let cursor = after;
  for (;;) {
    const page = await client.syncEntries(cursor, 10_000);
    for (const change of page.changes as SyncChange[]) {
      if (change.op === 'put') state.set(change.entry.id, change.entry);
      else state.delete(change.entryId);
    }
    cursor = page.cursor;
    if (!page.hasMore) return state;
  }
}
