/**
 * Dead letters are no longer only looked at: once the cause is fixed, a supervisor (or IT) resubmits
 * one as a new record naming the original — checked and audited on the platform.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxResponse, type Mutation } from '../../../shared/contract';
import { call, checkBody, enrol, login, mutation, platformForFile } from '../../helpers/platform';

const t = platformForFile();
let terminal: { terminalId: string; terminalSecret: string };
let clerk: string;
let supervisor: string;
let seq = 1;

beforeAll(async () => {
  terminal = await enrol(t);
  clerk = await login(t, terminal);
  supervisor = await login(t, terminal, 's001');
});

async function push(token: string, m: Mutation) {
  const res = await call(`${t.api}/outbox`, { token, body: { terminalId: terminal.terminalId, mutations: [m] } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OutboxResponse.parse(res.body).results[0]!;
}

describe('dead-letter resubmission', () => {
  const body = checkBody({ matterCode: 'GG-ZPZS', caseNo: 'ZP-2026-0001' });
  let original: Mutation;

  beforeAll(async () => {
    // A matter the platform did not have (as if never published) when the record arrived.
    expect((await call(`${t.controls}/catalogue/withdraw`, { body: { matterCode: 'GG-ZPZS', purge: true } })).status).toBe(200);
    original = mutation(seq++, 'check', body);
    expect(await push(clerk, original)).toMatchObject({ status: 'rejected' });
    // The cause is fixed: the matter is in the catalogue again.
    expect((await call(`${t.controls}/catalogue/reset`, { body: {} })).status).toBe(200);
  });

  const ref = () => ({ terminalId: terminal.terminalId, seq: original.seq, id: original.id });

  it('a clerk cannot resubmit; a changed body or a record that was not rejected cannot be resubmitted', async () => {
    expect(await push(clerk, mutation(seq++, 'check', body, { resubmits: ref() }))).toMatchObject({
      status: 'rejected',
      problem: { detail: '只有督查人员或信息技术管理员可以重新提交被拒记录（c001 不是）' },
    });
    expect(
      await push(supervisor, mutation(seq++, 'check', { ...body, caseNo: 'other' }, { operatorId: 's001', resubmits: ref() })),
    ).toMatchObject({
      status: 'rejected',
      problem: { detail: '重新提交的记录必须与原记录的类型和内容一致' },
    });
    const accepted = mutation(seq++, 'check', checkBody());
    expect(await push(clerk, accepted)).toMatchObject({ status: 'accepted' });
    expect(
      await push(
        supervisor,
        mutation(seq++, 'check', accepted.body, {
          operatorId: 's001',
          resubmits: { terminalId: terminal.terminalId, seq: accepted.seq, id: accepted.id },
        }),
      ),
    ).toMatchObject({ status: 'rejected', problem: { detail: expect.stringContaining('未被拒绝，无需重新提交') } });
  });

  it('a supervisor resubmits it as a new record naming the original: accepted, audited, visible in the records API; only once', async () => {
    const resubmission = mutation(seq++, 'check', body, { operatorId: 's001', occurredAt: original.occurredAt, resubmits: ref() });
    expect(await push(supervisor, resubmission)).toMatchObject({ status: 'accepted' });

    const records = (await call(`${t.api}/supervisor/records?kind=check&terminalId=${terminal.terminalId}`, { token: supervisor })).body
      .records;
    expect(records).toContainEqual(expect.objectContaining({ id: resubmission.id, operatorId: 's001', resubmits: original.id }));
    const events = (await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events;
    expect(events).toContainEqual(
      expect.objectContaining({
        action: 'dead_letter_resubmitted',
        operatorId: 's001',
        detail: expect.objectContaining({ original: ref() }),
      }),
    );

    const again = mutation(seq++, 'check', body, { operatorId: 's001', resubmits: ref() });
    expect(await push(supervisor, again)).toMatchObject({ status: 'rejected', problem: { detail: expect.stringContaining('已由记录') } });
  });
  it('the events view is audited, and a department supervisor sees only what operators of their department did', async () => {
    // s001 (city-wide, the credit office) resubmitted above; s002 supervises the counters' department only.
    const departmental = await login(t, terminal, 's002');
    const theirs = (await call(`${t.api}/supervisor/events`, { token: departmental })).body.events as Array<{ operatorId: string | null }>;
    expect(theirs.filter((e) => e.operatorId === 's001')).toEqual([]);
    const city = (await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events as Array<{ operatorId: string | null }>;
    expect(city.some((e) => e.operatorId === 's001')).toBe(true);
    const views = ((await call(`${t.controls}/access-log?limit=200`)).body.entries as Array<{ action: string; operatorId: string }>).filter(
      (e) => e.action === 'SUPERVISION_EVENTS',
    );
    expect(views.map((e) => e.operatorId).sort()).toEqual(['s001', 's001', 's002']);
  });
});
