/** Snapshot publication over real HTTP: signed manifests, sealed content-addressed blocks, stable hashes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockView, orderedBlocks, packMembers, PACK_BLOCKS } from '../../../shared/snapshot';
import { inflate } from '../../../renderer/src/data/packed/blocks';
import { describeError } from '../../../renderer/src/i18n';
import { downloadBlocks } from '../../../renderer/src/sync/snapshot/downloadBlocks';
import { verifyManifest } from '../../../renderer/src/sync/snapshot/verifyManifest';
import { call, startTestPlatform, type TestPlatform } from '../../helpers/platform';
import { fetchSnapshot, pullState, snapshotEntries, snapshotTerminal } from '../../helpers/snapshotClient';

let t: TestPlatform;

beforeAll(async () => {
  t = await startTestPlatform({ subjects: 12_000 });
}, 60_000);
afterAll(async () => {
  await t?.platform.close();
});

/** A refused verification, as the clerk reads it (it must be refused: a value that verified fails the test). */
async function refusalOf(verifying: Promise<unknown>): Promise<string> {
  return verifying.then(
    () => 'verified',
    (error: unknown) => describeError(error),
  );
}

const sortById = <T extends { id: string }>(rows: T[]) => [...rows].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('snapshot publication', () => {
  it('publishes a signed manifest whose blocks hold exactly the list, and whose cursor continues with the deltas', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    const { manifest, outcome } = await fetchSnapshot(terminal);
    expect(outcome.fetched).toBe(outcome.total);
    expect(manifest.body.sections.data.length).toBeGreaterThan(3);
    const fromSnapshot = await snapshotEntries(terminal, manifest);
    expect(fromSnapshot.length).toBe(manifest.body.entryCount);
    expect(sortById(fromSnapshot)).toEqual(sortById([...(await pullState(terminal.client, null)).values()]));

    // Changes after the snapshot arrive as deltas after its cursor.
    await call(`${t.controls}/entries`, { body: { subjectName: '快照之后新增' } });
    const continued = await pullState(terminal.client, manifest.body.cursor, new Map(fromSnapshot.map((e) => [e.id, e])));
    expect(sortById([...continued.values()])).toEqual(sortById([...(await pullState(terminal.client, null)).values()]));
  });

  it('refuses a manifest that is not signed by the trusted key, or whose body was changed', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    const answer = await terminal.client.snapshotManifest();
    if (!answer.published) throw new Error('no snapshot');
    const otherKey = Buffer.alloc(32, 7).toString('base64');
    await expect(refusalOf(verifyManifest(answer.manifest, otherKey))).resolves.toContain('平台签名无效');
    const tampered = { ...answer.manifest, body: answer.manifest.body.replace('"entryCount":', '"entryCount":1') };
    await expect(refusalOf(verifyManifest(tampered, terminal.publicKey))).resolves.toContain('与平台签名不符');
    const forged = { ...answer.manifest, statement: answer.manifest.statement.replace(/entryCount=\d+/, 'entryCount=1') };
    await expect(refusalOf(verifyManifest(forged, terminal.publicKey))).resolves.toContain('平台签名无效');
  });

  it('needs a login for the manifest; blocks are anonymous, immutable ciphertext', async () => {
    expect((await call(`${t.api}/snapshots/manifest`)).status).toBe(401);
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    const { manifest } = await fetchSnapshot(terminal);
    const ref = manifest.body.sections.data[0]!;
    const res = await fetch(`${t.api}/snapshots/blocks/${ref.h}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const bytes = Buffer.from(await res.arrayBuffer());
    // Nothing of what the block holds is readable without the manifest's key.
    const entries = await snapshotEntries(terminal, manifest);
    const first = entries[0]!;
    expect(bytes.includes(Buffer.from(first.identifier))).toBe(false);
    expect(bytes.includes(Buffer.from(first.subjectName))).toBe(false);
    // Nor does it open as a block once inflated (garbage may inflate to something, never to a block).
    expect(() => new BlockView(inflate(new Uint8Array(bytes)))).toThrow();
    expect(() => new BlockView(new Uint8Array(bytes))).toThrow();

    expect((await fetch(`${t.api}/snapshots/blocks/${'0'.repeat(64)}`)).status).toBe(404);
    expect((await fetch(`${t.api}/snapshots/blocks/..%2F..%2Fhealth`)).status).toBe(404);
  });

  it('serves packs: a manifest-named run of its blocks in one answer, as immutable as a block, and nothing else', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    const { manifest } = await fetchSnapshot(terminal);
    const ordered = orderedBlocks(manifest.body.sections);
    const sha = manifest.statement.manifestSha256;
    const last = Math.ceil(ordered.length / PACK_BLOCKS) - 1;
    for (const index of [0, last]) {
      const res = await fetch(`${t.api}/snapshots/blocks/packs/${sha}/${index}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const singles = await Promise.all(
        packMembers(ordered, index).map(async (ref) =>
          Buffer.from(await (await fetch(`${t.api}/snapshots/blocks/${ref.h}`)).arrayBuffer()),
        ),
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.concat(singles))).toBe(true);
    }
    // Only the kept snapshots' packs exist: no other names to make a cache miss with.
    for (const path of [`${sha}/${last + 1}`, `${'0'.repeat(64)}/0`, `${sha}/-1`, `${sha}/0x1`, `${sha.toUpperCase()}/0`]) {
      const res = await fetch(`${t.api}/snapshots/blocks/packs/${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
    }
  });

  it('refuses a pack with one byte changed on the way (a poisoned cache): none of its blocks is stored', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    const answer = await terminal.client.snapshotManifest();
    if (!answer.published) throw new Error('no snapshot');
    const manifest = await verifyManifest(answer.manifest, terminal.publicKey);
    const stored: string[] = [];
    const poisoned = downloadBlocks(manifest, {
      client: {
        snapshotBlock: (hash) => terminal.client.snapshotBlock(hash),
        async snapshotPack(sha, index) {
          const bytes = await terminal.client.snapshotPack(sha, index);
          if (index === 1) bytes[bytes.length >> 1]! ^= 1;
          return bytes;
        },
      },
      sink: { stored: async () => new Set(), put: async (blocks) => void stored.push(...blocks.map((b) => b.hash)) },
      concurrency: 1,
      packFrom: 1,
    });
    // Refused with the catalogue's words for a block that does not match the signed manifest.
    expect(
      describeError(
        await poisoned.then(
          () => null,
          (error: unknown) => error,
        ),
      ),
    ).toContain('与签名清单不符');
    const second = new Set(packMembers(orderedBlocks(manifest.body.sections), 1).map((ref) => ref.h));
    expect(stored.filter((h) => second.has(h))).toEqual([]);
  });

  it('a change rewrites one data block: every other block keeps its bytes and address', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    await call(`${t.controls}/snapshot`, { method: 'POST' });
    const before = (await fetchSnapshot(terminal)).manifest;
    const entries = await snapshotEntries(terminal, before);
    const target = entries[Math.floor(entries.length / 2)]!;
    await call(`${t.controls}/entries/${encodeURIComponent(target.id)}/status`, { body: { status: 'REPAIRED' } });
    await call(`${t.controls}/snapshot`, { method: 'POST' });
    const { manifest: after, outcome } = await fetchSnapshot(terminal);
    const changed = (section: keyof typeof after.body.sections) => {
      const old = new Set(before.body.sections[section].map((r) => r.h));
      return after.body.sections[section].filter((r) => !old.has(r.h)).length;
    };
    expect(changed('data')).toBe(1);
    expect(changed('alt') + changed('name') + changed('fpCanonical') + changed('fpAlt') + changed('fpId')).toBe(0);
    expect(outcome.fetched).toBe(1);
    expect(after.body.dataVersion).not.toBe(before.body.dataVersion);
  });

  it('an insert changes a block or two, not every block after it', async () => {
    const terminal = await snapshotTerminal(t.platform.url, t.platform.enrolmentCode);
    await call(`${t.controls}/snapshot`, { method: 'POST' });
    const before = (await fetchSnapshot(terminal)).manifest;
    await call(`${t.controls}/entries`, { body: { subjectName: '插入测试' } });
    await call(`${t.controls}/snapshot`, { method: 'POST' });
    const { outcome } = await fetchSnapshot(terminal);
    expect(before.body.sections.data.length + before.body.sections.name.length).toBeGreaterThan(10);
    // The data block it lands in, its name rows (name and initials), its alt row, and fingerprint partitions.
    expect(outcome.fetched).toBeGreaterThan(0);
    expect(outcome.fetched).toBeLessThanOrEqual(8);
  });

  it('builds beside the API: requests are answered while a snapshot is being built', async () => {
    const building = call(`${t.controls}/snapshot`, { method: 'POST' }).then(() => Date.now());
    const answered: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await call(`${t.api}/health`, { version: null });
      expect(res.status).toBe(200);
      answered.push(Date.now());
    }
    expect(Math.max(...answered)).toBeLessThanOrEqual(await building);
  });
});
