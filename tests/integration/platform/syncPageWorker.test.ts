/**
 * Full-state pages built off the event loop, over real HTTP against a platform on a database file:
 * while the first build of a 10,000-row page runs (in the page worker), /health is answered before
 * the page; the page is the very page the platform would have built in place; terminals asking for
 * it meanwhile share the one build.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_PAGE_MAX, SyncPage } from '../../../shared/contract';
import { createPlatformApp, type PlatformApp } from '../../../platform/server';
import { call } from '../../helpers/platform';

let dir: string;
let built: PlatformApp;
let api: string;
let token: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-page-worker-'));
  built = await createPlatformApp({
    db: join(dir, 'platform.db'),
    subjects: 25_000,
    entries: 25_000,
    logger: false,
    // Two terminals ask for the same page at once: not to be shed for the lag of a machine shared with other work.
    admission: { lagLimitMs: 0 },
  });
  await built.app.listen({ port: 0, host: '127.0.0.1' });
  api = `http://127.0.0.1:${(built.app.server.address() as AddressInfo).port}/api/v1`;
  const terminal = await call(`${api}/terminals`, { body: { enrolmentCode: built.enrolmentCode, name: '全量窗口' } });
  token = (await call(`${api}/sessions`, { body: { ...terminal.body, operatorId: 'c001', password: 'demo1234' } })).body.token;
}, 180_000);
afterAll(async () => {
  await built?.ctx.snapshots.close();
  await built?.app.close();
  built?.ctx.db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits (without blocking the loop) until the platform has started building another page. */
async function buildStarted(before: number): Promise<void> {
  for (let i = 0; built.ctx.syncPages.builds === before && i < 1_000_000; i++) await new Promise((r) => setImmediate(r));
}

describe('full-state pages built off the event loop', () => {
  it('answers /health while the first 10,000-row page is being built, and serves the same page as an in-place build', async () => {
    const order: string[] = [];
    const before = built.ctx.syncPages.builds;
    const page = call(`${api}/sync/entries?limit=${SYNC_PAGE_MAX}`, { token }).then((res) => (order.push('page'), res));
    // A second terminal asking for the same page meanwhile waits for the same build.
    const samePage = call(`${api}/sync/entries?limit=${SYNC_PAGE_MAX}`, { token }).then((res) => (order.push('same page'), res));
    await buildStarted(before);
    // This test's own code runs while the page is still being built: the event loop is free.
    expect(built.ctx.syncPageBuilder.inFlight).toBe(1);
    expect(built.ctx.syncPages.builds).toBe(before + 1);

    // And the platform, on that same event loop, answers /health meanwhile.
    const health = await call(`${api}/health`);
    order.push('health');
    expect(health.status).toBe(200);
    const [res, again] = await Promise.all([page, samePage]);
    expect(order[0]).toBe('health');

    expect(res.status).toBe(200);
    const body = SyncPage.parse(res.body);
    expect(body.changes).toHaveLength(SYNC_PAGE_MAX);
    expect(again.body).toEqual(res.body);
    expect(built.ctx.syncPages.builds).toBe(before + 1);
    expect(built.ctx.syncPageBuilder.offLoop).toBeGreaterThanOrEqual(1);
    // The same changes the platform's own connection assembles.
    const { lastSeq } = built.ctx.meta.syncState();
    const inPlace = built.ctx.entries.changesAfter(0, lastSeq, SYNC_PAGE_MAX);
    expect(body.changes).toEqual(JSON.parse(`[${inPlace.json!.toString('utf8')}]`));
  }, 120_000);

  it('builds a small delta page in place: a message to the worker would cost more than the rows', async () => {
    const first = SyncPage.parse((await call(`${api}/sync/entries?limit=${SYNC_PAGE_MAX}`, { token })).body);
    const offLoop = built.ctx.syncPageBuilder.offLoop;
    const small = await call(`${api}/sync/entries?limit=100&after=${encodeURIComponent(first.cursor)}`, { token });
    expect(small.status).toBe(200);
    expect(SyncPage.parse(small.body).changes).toHaveLength(100);
    expect(built.ctx.syncPageBuilder.offLoop).toBe(offLoop);
  });
});
