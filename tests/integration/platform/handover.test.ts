/**
 * Stranded records always have a way out: a platform that forgot a terminal says so (not "wrong
 * password"), and a new enrolment of the same PC that names its predecessor may deliver the
 * predecessor's records under their original terminal id and seq.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../../../platform/options';
import { OutboxResponse } from '../../../shared/contract';
import { call, enrol, login, mutation, startTestPlatform, type TestPlatform, auditBody } from '../../helpers/platform';

let t: TestPlatform;
const IT = { operatorId: 'i001', password: 'demo1234' };

beforeEach(async () => {
  t = await startTestPlatform();
});
afterEach(async () => {
  await t.platform.close();
});

const audit = (chainSeq: number, terminalId: string) => auditBody(chainSeq, { terminalId });

async function push(token: string, terminalId: string, seqs: number[]) {
  return call(`${t.api}/outbox`, {
    token,
    body: { terminalId, mutations: seqs.map((seq) => mutation(seq, 'audit', audit(seq - 1, terminalId))) },
  });
}

async function stored(terminalId: string): Promise<Array<{ seq: number; status: string }>> {
  return (await call(`${t.controls}/mutations?terminalId=${terminalId}`)).body.mutations;
}

describe('a platform that no longer knows the terminal', () => {
  it('answers login with unknown_terminal (only to a valid operator), not "wrong password"', async () => {
    const ghost = { terminalId: '0190ffff-0000-7000-8000-00000000dead', terminalSecret: 'x'.repeat(32) };
    const res = await call(`${t.api}/sessions`, { body: { ...ghost, operatorId: 'c001', password: 'demo1234' } });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: 'unknown_terminal', detail: expect.stringContaining('重新注册') });
    const wrongPassword = await call(`${t.api}/sessions`, { body: { ...ghost, operatorId: 'c001', password: 'nope' } });
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.body.code).toBe('unauthorized');
  });

  it('answers a push for a terminal it does not know with unknown_terminal', async () => {
    const terminal = await enrol(t);
    const token = await login(t, terminal);
    const res = await push(token, '0190ffff-0000-7000-8000-00000000dead', [1]);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('unknown_terminal');
  });
});

describe('hand-over', () => {
  it('the successor delivers the predecessor’s records under their original id and seq; the predecessor is retired', async () => {
    const first = await enrol(t, '3号窗口');
    const firstToken = await login(t, first);
    expect((await push(firstToken, first.terminalId, [1, 2])).status).toBe(200);

    // The PC proves it is the same PC with the predecessor's secret, still in its vault.
    const res = await call(`${t.api}/terminals`, {
      body: {
        enrolmentCode: t.platform.enrolmentCode,
        name: '3号窗口',
        predecessor: { terminalId: first.terminalId, resumeSeq: 3, terminalSecret: first.terminalSecret },
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.handOver).toEqual({ predecessorId: first.terminalId, predecessorKnown: true, nextSeq: 3 });
    const second = { terminalId: res.body.terminalId as string, terminalSecret: res.body.terminalSecret as string };
    const secondToken = await login(t, second);

    // The predecessor's sessions ended and its secret no longer logs in.
    expect((await push(firstToken, first.terminalId, [3])).status).toBe(401);
    const old = await call(`${t.api}/sessions`, { body: { ...first, operatorId: 'c001', password: 'demo1234' } });
    expect(old.status).toBe(403);
    expect(old.body.code).toBe('terminal_replaced');

    const delivered = await push(secondToken, first.terminalId, [3, 4]);
    expect(delivered.status).toBe(200);
    expect(OutboxResponse.parse(delivered.body).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect((await stored(first.terminalId)).map((m) => [m.seq, m.status])).toEqual([
      [1, 'accepted'],
      [2, 'accepted'],
      [3, 'accepted'],
      [4, 'accepted'],
    ]);
    expect(await stored(second.terminalId)).toEqual([]);

    // A terminal that never took it over may not deliver for it.
    const stranger = await enrol(t, '其他窗口');
    const strangerToken = await login(t, stranger);
    const refused = await push(strangerToken, first.terminalId, [5]);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');

    // Audited, for supervisors.
    const supervisor = await login(t, stranger, 's001');
    const events = await call(`${t.api}/supervisor/events`, { token: supervisor });
    expect(events.body.events).toEqual([
      expect.objectContaining({
        action: 'terminal_handover',
        terminalId: second.terminalId,
        operatorId: null,
        detail: expect.objectContaining({ predecessorId: first.terminalId, predecessorKnown: true, provedBy: 'terminal_secret' }),
      }),
    ]);
  });

  it('a chain of hand-overs: the latest enrolment delivers for every earlier identity of the PC', async () => {
    const a = await enrol(t);
    const handOver = async (predecessor: { terminalId: string; terminalSecret: string }) =>
      (
        await call(`${t.api}/terminals`, {
          body: { enrolmentCode: t.platform.enrolmentCode, name: 'W', predecessor: { ...predecessor, resumeSeq: 1 } },
        })
      ).body as { terminalId: string; terminalSecret: string };
    const b = await handOver(a);
    const c = await handOver(b);
    const token = await login(t, c);
    expect((await push(token, a.terminalId, [1])).status).toBe(200);
    expect((await push(token, b.terminalId, [1])).status).toBe(200);
  });

  it('a predecessor the platform forgot is recreated, expecting the lowest seq the PC still holds', async () => {
    const forgotten = '0190aaaa-0000-7000-8000-000000000001';
    // Nothing on the platform can check the PC's word: IT confirms it with its own account.
    const res = await call(`${t.api}/terminals`, {
      body: {
        enrolmentCode: t.platform.enrolmentCode,
        name: '5号窗口',
        predecessor: { terminalId: forgotten, resumeSeq: 7 },
        itOperator: IT,
      },
    });
    expect(res.status).toBe(201);
    expect(res.body.handOver).toEqual({ predecessorId: forgotten, predecessorKnown: false, nextSeq: 7 });
    const token = await login(t, res.body);
    const delivered = await push(token, forgotten, [7, 8]);
    expect(OutboxResponse.parse(delivered.body).results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // Nobody can log in as the recreated identity.
    expect(
      (
        await call(`${t.api}/sessions`, {
          body: { terminalId: forgotten, terminalSecret: 'x'.repeat(32), operatorId: 'c001', password: 'demo1234' },
        })
      ).status,
    ).toBe(401);
  });

  it('naming a predecessor needs the enrolment code like any enrolment', async () => {
    const a = await enrol(t);
    const res = await call(`${t.api}/terminals`, {
      body: { enrolmentCode: 'wrong', name: 'W', predecessor: { terminalId: a.terminalId, resumeSeq: 1 } },
    });
    expect(res.status).toBe(403);
    const stillWorks = await login(t, a);
    expect(stillWorks).toBeTruthy();
  });
});

describe('the successor proves it is the same PC', () => {
  async function enrolNaming(predecessor: Record<string, unknown>, extra: Record<string, unknown> = {}) {
    return call(`${t.api}/terminals`, {
      body: { enrolmentCode: t.platform.enrolmentCode, name: '别处的窗口', predecessor: { resumeSeq: 1, ...predecessor }, ...extra },
    });
  }

  it('the enrolment code alone (a sticky note at any counter) cannot retire another PC’s terminal and take over its seqs', async () => {
    const victim = await enrol(t, '1号窗口');
    const victimToken = await login(t, victim);

    for (const attempt of [
      await enrolNaming({ terminalId: victim.terminalId }),
      await enrolNaming({ terminalId: victim.terminalId, terminalSecret: 'y'.repeat(43) }),
      await enrolNaming({ terminalId: victim.terminalId }, { itOperator: { operatorId: 'c001', password: 'demo1234' } }),
      await enrolNaming({ terminalId: victim.terminalId }, { itOperator: { operatorId: 'i001', password: 'wrong-password' } }),
    ]) {
      expect(attempt.status).toBe(403);
      expect(attempt.body).toMatchObject({ code: 'handover_refused', title: expect.stringMatching(/[\u4e00-\u9fff]/) });
      expect(attempt.body.terminalId).toBeUndefined();
      expect(attempt.body.terminalSecret).toBeUndefined();
    }

    // Nothing changed: the victim still works, keeps its seq range, and nothing was audited.
    expect((await push(victimToken, victim.terminalId, [1])).status).toBe(200);
    expect(await login(t, victim)).toBeTruthy();
    const supervisor = await login(t, victim, 's001');
    expect((await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events).toEqual([]);
  });

  it('IT confirms a hand-over the PC cannot prove itself (an undecryptable secret): audited with IT’s operator id', async () => {
    const first = await enrol(t, '2号窗口');
    const res = await enrolNaming({ terminalId: first.terminalId, resumeSeq: 1 }, { itOperator: IT });
    expect(res.status).toBe(201);
    expect(res.body.handOver).toMatchObject({ predecessorId: first.terminalId, predecessorKnown: true });
    const supervisor = await login(t, res.body, 's001');
    const [event] = (await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events;
    expect(event).toMatchObject({
      action: 'terminal_handover',
      operatorId: 'i001',
      detail: expect.objectContaining({ predecessorId: first.terminalId, provedBy: 'it_operator' }),
    });
    // The password never reaches the audit.
    expect(JSON.stringify(event)).not.toContain('demo1234');
  });

  it('a platform that forgot the predecessor cannot check its secret: only IT may have it recreated', async () => {
    const refused = await enrolNaming({ terminalId: '0190aaaa-0000-7000-8000-0000000000ff', terminalSecret: 'x'.repeat(43) });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('handover_refused');
  });

  it('two successors race for one predecessor with its secret: the first takes it, the second is refused', async () => {
    const first = await enrol(t, '4号窗口');
    const [one, two] = await Promise.all([
      enrolNaming({ terminalId: first.terminalId, terminalSecret: first.terminalSecret }),
      enrolNaming({ terminalId: first.terminalId, terminalSecret: first.terminalSecret }),
    ]);
    expect([one.status, two.status].sort()).toEqual([201, 403]);
    const loser = one.status === 403 ? one : two;
    expect(loser.body.code).toBe('handover_refused');
    const winner = one.status === 201 ? one : two;
    expect(await login(t, winner.body)).toBeTruthy();
    expect((await push(await login(t, winner.body), first.terminalId, [1])).status).toBe(200);
  });

  it('a retired identity’s old secret cannot re-link it away from its successor; IT can (the enrolment cut short), audited', async () => {
    const first = await enrol(t, '6号窗口');
    const second = (await enrolNaming({ terminalId: first.terminalId, terminalSecret: first.terminalSecret })).body;
    const again = await enrolNaming({ terminalId: first.terminalId, terminalSecret: first.terminalSecret });
    expect(again.status).toBe(403);
    expect(again.body.code).toBe('handover_refused');
    expect((await push(await login(t, second), first.terminalId, [1])).status).toBe(200);

    const relinked = await enrolNaming({ terminalId: first.terminalId }, { itOperator: IT });
    expect(relinked.status).toBe(201);
    const supervisor = await login(t, relinked.body, 's001');
    const [event] = (await call(`${t.api}/supervisor/events`, { token: supervisor })).body.events;
    expect(event).toMatchObject({ operatorId: 'i001', detail: expect.objectContaining({ previousSuccessorId: second.terminalId }) });
  });
  it('an IT administrator who left (retired from the platform’s accounts) confirms no hand-over', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-retired-it-'));
    const db = join(dir, 'platform.db');
    try {
      const before = await startTestPlatform({ db, subjects: 50 });
      const first = await enrol(before, '7号窗口');
      await before.platform.close();
      // IT restarts the platform without i001; the database (and i001's password hash) is kept.
      const after = await startTestPlatform({ db, subjects: 50, operators: DEMO_OPERATORS.filter((o) => o.id !== 'i001') });
      try {
        const res = await call(`${after.api}/terminals`, {
          body: {
            enrolmentCode: after.platform.enrolmentCode,
            name: '别处的窗口',
            predecessor: { terminalId: first.terminalId, resumeSeq: 1 },
            itOperator: IT,
          },
        });
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('handover_refused');
        expect(await login(after, first)).toBeTruthy();
      } finally {
        await after.platform.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
