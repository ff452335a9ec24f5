import { beforeAll, describe, expect, it } from 'vitest';
import { SyncPage, type ListEntry } from '../../../shared/contract';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, enrolAndLogin, platformForFile } from '../../helpers/platform';

const t = platformForFile();
let token: string;

beforeAll(async () => {
  token = (await enrolAndLogin(t)).token;
});

async function page(after: string | undefined, limit: number): Promise<SyncPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (after !== undefined) query.set('after', after);
  const res = await call(`${t.api}/sync/entries?${query.toString()}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return SyncPage.parse(res.body);
}

/** A client replica: applies pages like the real client would. */
class Replica {
  readonly entries = new Map<string, ListEntry>();
  cursor: string | undefined;
  pages = 0;

  apply(p: SyncPage): void {
    for (const c of p.changes) {
      if (c.op === 'put') this.entries.set(c.entry.id, c.entry);
      else this.entries.delete(c.entryId);
    }
    this.cursor = p.cursor;
    this.pages++;
  }

  async pull(limit: number, between?: (p: SyncPage) => Promise<void>): Promise<SyncPage[]> {
    const seen: SyncPage[] = [];
    for (;;) {
      const p = await page(this.cursor, limit);
      this.apply(p);
      seen.push(p);
      if (between) await between(p);
      if (!p.hasMore) return seen;
    }
  }
}

async function control(path: string, body: unknown = {}, method = 'POST') {
  const res = await call(`${t.controls}${path}`, { method, body });
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

async function serverState(): Promise<Map<string, ListEntry>> {
  const fresh = new Replica();
  await fresh.pull(10_000);
  return fresh.entries;
}

describe('full state', () => {
  it('pages through the compacted state, then continues with deltas', async () => {
    const replica = new Replica();
    const pages = await replica.pull(7);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages.every((p) => p.full)).toBe(true);
    expect(pages.slice(0, -1).every((p) => p.hasMore && p.changes.length === 7)).toBe(true);
    expect(pages.at(-1)?.remaining).toBe(0);
    // remaining counts down by the page size
    expect((pages[0]?.remaining ?? 0) - (pages[1]?.remaining ?? 0)).toBe(7);
    const seqs = pages.flatMap((p) => p.changes.map((c) => c.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(replica.entries.has('WH-SC-0001')).toBe(true);
    expect(replica.entries.size).toBe(seqs.length);

    const state = (await call(`${t.controls}/state`)).body;
    expect(pages.at(-1)?.dataVersion).toBe(state.dataVersion);

    const delta = await page(replica.cursor, 100);
    expect(delta).toMatchObject({ full: false, changes: [], hasMore: false, remaining: 0 });
  });

  it('rejects a limit above the page maximum', async () => {
    const res = await call(`${t.api}/sync/entries?limit=10001`, { token });
    expect(res.status).toBe(400);
  });
});

describe('deltas', () => {
  it('serves puts, status changes and deletions after the cursor', async () => {
    const replica = new Replica();
    await replica.pull(10_000);
    const before = replica.cursor;

    const added = (await control('/entries', {
      identifier: SHOWCASE.cleanPerson.identifier,
      listType: 'BLK_SOCIAL_SECURITY',
    })) as ListEntry;
    await control('/entries/WH-SC-0001/status', { status: 'REPAIRED' });
    await control('/entries/WH-SC-0011', undefined, 'DELETE');

    const delta = await page(before, 100);
    expect(delta.full).toBe(false);
    expect(delta.changes.map((c) => [c.op, c.op === 'put' ? c.entry.id : c.entryId])).toEqual([
      ['put', added.id],
      ['put', 'WH-SC-0001'],
      ['del', 'WH-SC-0011'],
    ]);
    const statusChange = delta.changes[1];
    expect(statusChange?.op === 'put' && statusChange.entry.status).toBe('REPAIRED');
    replica.apply(delta);
    expect(replica.entries).toEqual(await serverState());

    // paging deltas with a small limit
    await control('/entries', {});
    await control('/entries', {});
    const first = await page(replica.cursor, 1);
    expect(first).toMatchObject({ hasMore: true, remaining: 1 });
    const second = await page(first.cursor, 1);
    expect(second).toMatchObject({ hasMore: false, remaining: 0 });
  });

  it('the lookup sees the change immediately', async () => {
    const res = await call(`${t.api}/subjects/lookup`, {
      token,
      body: { identifier: SHOWCASE.courtDishonestPerson.identifier, matter: 'PX-MF', caseNo: 'BJ-2026-0001' },
    });
    expect(res.body.profile.entries[0].status).toBe('REPAIRED');
    expect(res.body.profile.repairs.map((r: { entryId: string }) => r.entryId)).toContain('WH-SC-0001');
  });
});

describe('changes during a full pass', () => {
  it('an entry deleted or changed mid-pass is not left behind', async () => {
    const replica = new Replica();
    let step = 0;
    let changedId = '';
    await replica.pull(5, async (p) => {
      step++;
      if (step === 1) {
        // Already served: its deletion must reach the replica within the same pass.
        const [served, changed] = p.changes.filter((c) => c.op === 'put');
        if (served?.op !== 'put' || changed?.op !== 'put') throw new Error('expected two puts');
        await control(`/entries/${served.entry.id}`, undefined, 'DELETE');
        // Already served: its status change must reach the replica within the same pass.
        changedId = changed.entry.id;
        await control(`/entries/${changedId}/status`, { status: 'REVOKED' });
        // Not yet served (last in seq order): changed and then deleted.
        await control('/entries', { id: 'WH-T-MIDPASS', identifier: SHOWCASE.cleanPerson.identifier });
        await control('/entries/WH-T-MIDPASS/status', { status: 'REMOVED' });
      }
      if (step === 2) await control('/entries/WH-T-MIDPASS', undefined, 'DELETE');
    });
    expect(replica.entries.has('WH-T-MIDPASS')).toBe(false);
    expect(replica.entries.get(changedId)?.status).toBe('REVOKED');
    expect(replica.entries).toEqual(await serverState());
  });
});

describe('resync', () => {
  it('409 resync for a cursor older than the compaction horizon; a fresh full pass works', async () => {
    const replica = new Replica();
    await replica.pull(10_000);
    const old = replica.cursor;
    const added = (await control('/entries', {})) as ListEntry;
    await control(`/entries/${added.id}`, undefined, 'DELETE');
    await control('/compact');

    const res = await call(`${t.api}/sync/entries?after=${old ?? ''}`, { token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('resync');

    const fresh = new Replica();
    await fresh.pull(10_000);
    expect((await page(fresh.cursor, 10)).changes).toEqual([]);
  });

  it('409 resync after a new epoch and for an unparseable cursor', async () => {
    const replica = new Replica();
    await replica.pull(10_000);
    await control('/epoch');
    const res = await call(`${t.api}/sync/entries?after=${replica.cursor ?? ''}`, { token });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('resync');

    const garbage = await call(`${t.api}/sync/entries?after=not-a-cursor`, { token });
    expect(garbage.status).toBe(409);
    expect(garbage.body.code).toBe('resync');
  });
});
