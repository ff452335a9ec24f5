/**
 * The sample nginx configuration (build/nginx) in front of a real platform: the second terminal's
 * snapshot comes from the cache (the platform answers no block request), and what anyone gets
 * from the cache without a login is ciphertext.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlockView } from '../../../shared/snapshot';
import { inflate } from '../../../renderer/src/data/packed/blocks';
import { NGINX_BINARY, startNginx, type RunningNginx } from '../../support/nginx';
import { call, startTestPlatform, type TestPlatform } from '../../helpers/platform';
import { fetchSnapshot, snapshotEntries, snapshotTerminal } from '../../helpers/snapshotClient';

const blockRequests = async (t: TestPlatform): Promise<number> => (await call(`${t.controls}/state`)).body.snapshot.blockRequests as number;

describe.skipIf(!NGINX_BINARY)('snapshot blocks through the sample nginx cache (skipped: Debian nginx is not installed)', () => {
  let t: TestPlatform;
  let nginx: RunningNginx;

  beforeAll(async () => {
    t = await startTestPlatform({ subjects: 6_000 });
    nginx = await startNginx(t.platform.url);
  }, 60_000);
  afterAll(async () => {
    await nginx?.close();
    await t?.platform.close();
  });

  it("serves a second terminal's snapshot from the cache: the platform sees no block request", async () => {
    const first = await snapshotTerminal(nginx.url, t.platform.enrolmentCode);
    const before = await blockRequests(t);
    const one = await fetchSnapshot(first);
    // A whole snapshot comes in packs of blocks: far fewer requests than blocks.
    expect(one.outcome.requests).toBeLessThan(one.outcome.fetched / 4);
    expect(await blockRequests(t)).toBe(before + one.outcome.requests);

    const second = await snapshotTerminal(nginx.url, t.platform.enrolmentCode);
    const two = await fetchSnapshot(second);
    expect(two.outcome.fetched).toBe(two.outcome.total);
    expect(await blockRequests(t)).toBe(before + one.outcome.requests);
    expect(await snapshotEntries(second, two.manifest)).toEqual(await snapshotEntries(first, one.manifest));

    const pack = await fetch(`${nginx.url}/api/v1/snapshots/blocks/packs/${two.manifest.statement.manifestSha256}/0`);
    expect(pack.headers.get('x-cache-status')).toBe('HIT');
    // A single block is cached on its own address the first time someone asks for it.
    const block = `${nginx.url}/api/v1/snapshots/blocks/${two.manifest.body.sections.data[0]!.h}`;
    expect((await fetch(block)).headers.get('x-cache-status')).toBe('MISS');
    expect((await fetch(block)).headers.get('x-cache-status')).toBe('HIT');
    expect(await blockRequests(t)).toBe(before + one.outcome.requests + 1);
  });

  it('gives an anonymous caller ciphertext only, and no manifest', async () => {
    const terminal = await snapshotTerminal(nginx.url, t.platform.enrolmentCode);
    const { manifest } = await fetchSnapshot(terminal);
    const entries = await snapshotEntries(terminal, manifest);

    expect((await fetch(`${nginx.url}/api/v1/snapshots/manifest`, { headers: { 'X-Client-Version': '0.1.0' } })).status).toBe(401);
    const pack = `${nginx.url}/api/v1/snapshots/blocks/packs/${manifest.statement.manifestSha256}/0`;
    for (const url of [pack, ...manifest.body.sections.data.map((ref) => `${nginx.url}/api/v1/snapshots/blocks/${ref.h}`)]) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(() => new BlockView(new Uint8Array(bytes))).toThrow();
      // Nor does it open as a block once inflated (garbage may inflate to something, never to a block).
      expect(() => new BlockView(inflate(new Uint8Array(bytes)))).toThrow();
      for (const entry of entries.slice(0, 50)) {
        expect(bytes.includes(Buffer.from(entry.identifier))).toBe(false);
        expect(bytes.includes(Buffer.from(entry.subjectName))).toBe(false);
      }
    }
  });
});
