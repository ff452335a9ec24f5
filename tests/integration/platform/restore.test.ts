/**
 * A platform restored from a backup, or one that lost its last writes to a power cut, hands out
 * sequence numbers again. Every cursor past the restore point must get 409 resync, never a delta
 * that silently skips the new entries and keeps the ones the platform no longer has.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SyncPage } from '../../../shared/contract';
import { startPlatform } from '../../../platform/server';
import { call, enrolAndLogin, type TestPlatform } from '../../helpers/platform';

let dir: string;
let dbFile: string;
let t: TestPlatform | null = null;

async function start(): Promise<TestPlatform> {
  const platform = await startPlatform({ port: 0, db: dbFile, subjects: 300, entries: 20, testControls: true, logger: false });
  t = { platform, api: `${platform.url}/api/v1`, controls: `${platform.url}/__test` };
  return t;
}

async function stop(): Promise<void> {
  await t?.platform.close();
  t = null;
}

function snapshot(name: string): void {
  copyFileSync(dbFile, join(dir, `${name}.db`));
}

/** The database file as it was at the snapshot (a restore from backup, or a power cut that lost the WAL's tail). */
function restore(name: string): void {
  for (const suffix of ['-wal', '-shm']) rmSync(dbFile + suffix, { force: true });
  copyFileSync(join(dir, `${name}.db`), dbFile);
}

async function lastSeq(p: TestPlatform): Promise<number> {
  return ((await call(`${p.controls}/state`)).body as { lastSeq: number }).lastSeq;
}

async function publish(p: TestPlatform, n: number): Promise<void> {
  for (let i = 0; i < n; i++) expect((await call(`${p.controls}/entries`, { body: {} })).status).toBe(201);
}

async function pullAll(
  p: TestPlatform,
  token: string,
  after?: string,
): Promise<{ status: number; cursor?: string; code?: string; seqs: number[] }> {
  const seqs: number[] = [];
  let cursor = after;
  for (;;) {
    const query = new URLSearchParams({ limit: '10000', ...(cursor ? { after: cursor } : {}) });
    const res = await call(`${p.api}/sync/entries?${query.toString()}`, { token });
    if (res.status !== 200) return { status: res.status, code: res.body?.code, seqs };
    const page = SyncPage.parse(res.body);
    seqs.push(...page.changes.map((c) => c.seq));
    cursor = page.cursor;
    if (!page.hasMore) return { status: 200, cursor, seqs };
  }
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cc-restore-'));
  dbFile = join(dir, 'platform.db');
});
afterEach(async () => {
  await stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('a restored platform is noticed', () => {
  it('cursor at 47, database restored to 44, five entries published: 409 resync, not 48 and 49', async () => {
    let p = await start();
    const { token } = await enrolAndLogin(p);
    await publish(p, 44 - (await lastSeq(p)));
    expect(await lastSeq(p)).toBe(44);
    await stop();
    snapshot('at-44');

    p = await start();
    await publish(p, 3);
    const seen = await pullAll(p, token);
    expect(seen.status).toBe(200);
    expect(Math.max(...seen.seqs)).toBe(47);
    await stop();

    restore('at-44');
    p = await start();
    expect(await lastSeq(p)).toBe(44);
    await publish(p, 5);
    const next = await pullAll(p, token, seen.cursor);
    expect(next).toMatchObject({ status: 409, code: 'resync' });

    // Rebuilt from the full state, the client is at the platform's head and deltas work again.
    const rebuilt = await pullAll(p, token);
    expect(rebuilt.status).toBe(200);
    await publish(p, 1);
    expect(await pullAll(p, token, rebuilt.cursor)).toMatchObject({ status: 200, seqs: [50] });
  });

  it('a power cut that lost writes already served (no new entries yet): 409 resync', async () => {
    let p = await start();
    const { token } = await enrolAndLogin(p);
    await stop();
    snapshot('before-cut');
    p = await start();
    await publish(p, 2);
    const seen = await pullAll(p, token);
    await stop();
    restore('before-cut');
    p = await start();
    expect(await pullAll(p, token, seen.cursor)).toMatchObject({ status: 409, code: 'resync' });
  });

  it('a cursor at or before the restore point stays valid (nothing it saw was lost)', async () => {
    let p = await start();
    const { token } = await enrolAndLogin(p);
    await publish(p, 2);
    const seen = await pullAll(p, token);
    await stop();
    snapshot('backup');
    p = await start();
    await publish(p, 3);
    await stop();
    restore('backup');
    p = await start();
    const head = await lastSeq(p);
    await publish(p, 2);
    expect(await pullAll(p, token, seen.cursor)).toMatchObject({ status: 200, seqs: [head + 1, head + 2] });
  });

  it('a plain restart keeps every cursor valid', async () => {
    let p = await start();
    const { token } = await enrolAndLogin(p);
    await publish(p, 2);
    const seen = await pullAll(p, token);
    await stop();
    p = await start();
    await publish(p, 1);
    const head = await lastSeq(p);
    expect(await pullAll(p, token, seen.cursor)).toMatchObject({ status: 200, seqs: [head] });
  });
});
