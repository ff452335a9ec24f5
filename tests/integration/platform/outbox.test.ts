import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { SupervisorResponse, type Mutation } from '../../../shared/contract';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, checkBody, enrolAndLogin, feedbackBody, mutation, type Login, platformForFile, pushAccepted } from '../../helpers/platform';

const t = platformForFile();

async function push(login: Login, mutations: unknown[]) {
  return call(`${t.api}/outbox`, { token: login.token, body: { terminalId: login.terminalId, mutations } });
}

const pushOk = (login: Login, mutations: Mutation[]) => pushAccepted(t, login, mutations);

async function stored(login: Login): Promise<{ id: string; seq: number; status: string }[]> {
  return (await call(`${t.controls}/mutations?terminalId=${login.terminalId}`)).body.mutations;
}

const commitment = (seq: number) =>
  mutation(seq, 'commitment', {
    commitmentId: `cm-${seq}`,
    checkId: null,
    matterCode: 'XK-SPJY',
    caseNo: 'SP-1',
    subjectIdentifier: SHOWCASE.redCompany.identifier,
    subjectKind: 'ENTERPRISE',
    kind: '告知承诺制审批承诺',
    text: '承诺所提交材料真实有效。',
    dueOn: '2027-06-30',
  });
const audit = (seq: number) =>
  mutation(seq, 'audit', {
    chainSeq: seq,
    action: 'LOOKUP',
    actor: 'c001',
    terminalId: 'T',
    at: new Date().toISOString(),
    purpose: { matterCode: 'PX-MF', caseNo: 'PX-1' },
    subjectHash: 'h',
    subjectMasked: '3710**********0213',
    outcome: 'ok',
    detail: null,
    prevHash: 'p',
    hash: 'q',
  });

describe('accepted and duplicate', () => {
  it('accepts a batch, answers duplicate on resend, and supervisors see the records', async () => {
    const login = await enrolAndLogin(t);
    const check = checkBody();
    const batch = [mutation(1, 'check', check), mutation(2, 'feedback', feedbackBody(check.checkId)), commitment(3), audit(4)];
    const first = await pushOk(login, batch);
    expect(first.nextSeq).toBe(5);
    expect(first.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(first.results.every((r) => !Number.isNaN(Date.parse(r.receivedAt)))).toBe(true);

    const again = await pushOk(login, batch);
    expect(again.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(again.nextSeq).toBe(5);
    expect((await stored(login)).length).toBe(4);

    const supervisor = await enrolAndLogin(t, 's001');
    const records = SupervisorResponse.parse(
      (await call(`${t.api}/supervisor/records?kind=feedback&terminalId=${login.terminalId}`, { token: supervisor.token })).body,
    ).records;
    expect(records.map((r) => r.id)).toEqual([batch[1]?.id]);
    expect(records[0]).toMatchObject({ terminalId: login.terminalId, seq: 2, operatorId: 'c001' });
    const future = new Date(Date.now() + 3_600_000).toISOString();
    const none = (
      await call(`${t.api}/supervisor/records?kind=check&terminalId=${login.terminalId}&from=${encodeURIComponent(future)}`, {
        token: supervisor.token,
      })
    ).body;
    expect(none.records).toEqual([]);
  });

  it('applies in seq order whatever the order in the request, answering in request order', async () => {
    const login = await enrolAndLogin(t);
    const a = audit(1);
    const b = audit(2);
    const res = await pushOk(login, [b, a]);
    expect(res.results.map((r) => [r.id, r.status])).toEqual([
      [b.id, 'accepted'],
      [a.id, 'accepted'],
    ]);
    expect(res.nextSeq).toBe(3);
  });
});

describe('conflicts and gaps', () => {
  it('id_conflict (422) for a known id with a different body; seq_conflict (409) for a new id on a used seq', async () => {
    const login = await enrolAndLogin(t);
    const original = audit(1);
    await pushOk(login, [original]);

    const changed = await pushOk(login, [{ ...original, body: { ...(original.body as object), outcome: 'tampered' } }]);
    expect(changed.results[0]).toMatchObject({ status: 'rejected', problem: { status: 422, code: 'id_conflict' } });

    const reused = await pushOk(login, [audit(1)]);
    expect(reused.results[0]).toMatchObject({ status: 'rejected', problem: { status: 409, code: 'seq_conflict' } });
    expect(reused.nextSeq).toBe(2);
  });

  it('a gap answers 409 seq_gap with the expected seq and applies nothing of the batch', async () => {
    const login = await enrolAndLogin(t);
    await pushOk(login, [audit(1)]);
    const gap = await push(login, [audit(2), audit(4)]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ code: 'seq_gap', expectedSeq: 2 });
    expect((await stored(login)).map((m) => m.seq)).toEqual([1]);

    const onlyGap = await push(login, [audit(3)]);
    expect(onlyGap.body).toMatchObject({ code: 'seq_gap', expectedSeq: 2 });

    const fixed = await pushOk(login, [audit(2), audit(3)]);
    expect(fixed.nextSeq).toBe(4);
  });
});

describe('rejections', () => {
  it('a bad body is rejected alone (422 bad_request) and still consumes its seq', async () => {
    const login = await enrolAndLogin(t);
    const res = await pushOk(login, [mutation(1, 'check', { checkId: 'x' }), audit(2)]);
    expect(res.results[0]).toMatchObject({ status: 'rejected', problem: { status: 422, code: 'bad_request' } });
    expect(res.results[0]?.problem?.detail).toBeTruthy();
    expect(res.results[1]?.status).toBe('accepted');
    expect(res.nextSeq).toBe(3);
  });

  it('each business rule rejects with business_rule, consumes the seq, and a resend answers the same rejection', async () => {
    const login = await enrolAndLogin(t);
    const good = checkBody();
    const rejectedCheck = checkBody({ matterCode: 'NO-SUCH-MATTER' });
    const cases: [string, Mutation][] = [
      ['unknown matter', mutation(2, 'check', rejectedCheck)],
      ['invalid subject identifier', mutation(3, 'check', checkBody({ subjectIdentifier: '371002198805121235' }))],
      ['NOT_APPLIED without reason', mutation(4, 'feedback', feedbackBody(good.checkId, { decision: 'NOT_APPLIED', reason: '   ' }))],
      ['OTHER_MEASURE without content', mutation(5, 'feedback', feedbackBody(good.checkId, { decision: 'OTHER_MEASURE' }))],
      ['measure not in the matter list', mutation(6, 'feedback', feedbackBody(good.checkId, { measureCode: 'P-PROC-BAN' }))],
      ['unknown check', mutation(7, 'feedback', feedbackBody('chk-unknown'))],
      ['check that was rejected', mutation(8, 'feedback', feedbackBody(rejectedCheck.checkId))],
      ['commitment for an unknown matter', mutation(9, 'commitment', { ...(commitment(9).body as object), matterCode: 'NOPE' })],
    ];
    const res = await pushOk(login, [mutation(1, 'check', good), ...cases.map(([, m]) => m)]);
    expect(res.results[0]?.status).toBe('accepted');
    cases.forEach(([name], i) => {
      expect(res.results[i + 1], name).toMatchObject({ status: 'rejected', problem: { status: 422, code: 'business_rule' } });
    });
    expect(res.nextSeq).toBe(10);

    const twoMeasures = checkBody({ triggeredMeasures: ['P-COURT-HONOUR', 'P-TAX-HONOUR'] });
    const accepted = await pushOk(login, [
      mutation(10, 'check', twoMeasures),
      mutation(
        11,
        'feedback',
        feedbackBody(twoMeasures.checkId, { decision: 'NOT_APPLIED', reason: '申请人已履行完毕，提供了法院结案证明' }),
      ),
      mutation(
        12,
        'feedback',
        feedbackBody(twoMeasures.checkId, {
          measureCode: 'P-TAX-HONOUR',
          decision: 'OTHER_MEASURE',
          content: '列为重点关注对象',
          result: '已纳入重点监管名单',
        }),
      ),
    ]);
    expect(accepted.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);

    const resend = await pushOk(login, [cases[2]![1]]);
    expect(resend.results[0]).toMatchObject({ status: 'rejected', problem: res.results[3]?.problem });
  });

  it('400 for a malformed envelope, and nothing is applied', async () => {
    const login = await enrolAndLogin(t);
    for (const body of [
      { mutations: [audit(1)] },
      { terminalId: login.terminalId, mutations: [] },
      { terminalId: login.terminalId, mutations: [{ ...audit(1), id: 'not-a-uuid' }] },
      { terminalId: login.terminalId, mutations: [audit(1), { ...audit(2), kind: 'other' }] },
      { terminalId: login.terminalId, mutations: [{ ...audit(1), seq: 0 }] },
    ]) {
      const res = await call(`${t.api}/outbox`, { token: login.token, body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('bad_request');
    }
    const notJson = await call(`${t.api}/outbox`, { token: login.token, body: '{"terminalId":' });
    expect(notJson.status).toBe(400);
    expect(await stored(login)).toEqual([]);
  });
});

describe('rejections name no ID number', () => {
  it('a feedback or a check whose check id is someone’s ID number is refused without the number in the answer or the stored problem', async () => {
    const login = await enrolAndLogin(t);
    const id = SHOWCASE.courtDishonestPerson.identifier;
    const res = await pushOk(login, [
      mutation(1, 'feedback', feedbackBody(id)),
      mutation(2, 'feedback', feedbackBody(`chk-${id}`, { measureCode: `M-${id}` })),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(JSON.stringify(res)).not.toContain(id);
    const held = (await call(`${t.controls}/mutations?terminalId=${login.terminalId}`)).body.mutations as { problem: unknown }[];
    expect(held).toHaveLength(2);
    expect(JSON.stringify(held.map((m) => m.problem))).not.toContain(id);
  });
});

describe('exactly once', () => {
  it('a batch retried after a lost reply is stored once', async () => {
    const login = await enrolAndLogin(t);
    const batch = [audit(1), audit(2), audit(3)];
    await call(`${t.controls}/faults`, { body: { path: '/api/v1/outbox', kind: 'drop_after', times: 1 } });
    await expect(push(login, batch)).rejects.toThrow();
    const retry = await pushOk(login, batch);
    expect(retry.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect((await stored(login)).map((m) => m.seq)).toEqual([1, 2, 3]);
  });
});

describe('records that refer to a check', () => {
  it('a commitment with a checkId needs that accepted check, for the same matter and subject', async () => {
    const login = await enrolAndLogin(t);
    const check = checkBody({
      matterCode: 'XK-SPJY',
      subjectIdentifier: SHOWCASE.redCompany.identifier,
      subjectKind: 'ENTERPRISE',
      triggeredMeasures: [],
    });
    const rejectedCheck = checkBody({ matterCode: 'NO-SUCH-MATTER' });
    const withCheck = (seq: number, checkId: string | null, overrides: Record<string, unknown> = {}) =>
      mutation(seq, 'commitment', { ...(commitment(seq).body as object), checkId, ...overrides });
    const cases: [string, Mutation, 'accepted' | 'rejected'][] = [
      ['unknown check', withCheck(3, 'chk-unknown'), 'rejected'],
      ['check that was rejected', withCheck(4, rejectedCheck.checkId), 'rejected'],
      ['other matter than the check', withCheck(5, check.checkId, { matterCode: 'PX-MF' }), 'rejected'],
      [
        'other subject than the check',
        withCheck(6, check.checkId, { subjectIdentifier: SHOWCASE.procurementBlackCompany.identifier }),
        'rejected',
      ],
      [
        'the check, subject typed in lower case',
        withCheck(7, check.checkId, { subjectIdentifier: SHOWCASE.redCompany.identifier.toLowerCase() }),
        'accepted',
      ],
      ['no check', withCheck(8, null), 'accepted'],
    ];
    const res = await pushOk(login, [mutation(1, 'check', check), mutation(2, 'check', rejectedCheck), ...cases.map(([, m]) => m)]);
    expect(res.results.slice(0, 2).map((r) => r.status)).toEqual(['accepted', 'rejected']);
    cases.forEach(([name, , status], i) => {
      const r = res.results[i + 2];
      expect(r?.status, name).toBe(status);
      if (status === 'rejected') expect(r?.problem, name).toMatchObject({ status: 422, code: 'business_rule' });
    });
    expect(res.nextSeq).toBe(9);
  });

  it('feedback only for a measure the check triggered, once per measure; a checkId names one check', async () => {
    const login = await enrolAndLogin(t);
    const check = checkBody();
    const res = await pushOk(login, [
      mutation(1, 'check', check),
      mutation(2, 'feedback', feedbackBody(check.checkId)),
      // same measure of the same check again, with another decision: feedback is read-only once submitted
      mutation(3, 'feedback', feedbackBody(check.checkId, { decision: 'NOT_APPLIED', reason: '改判' })),
      // in the matter's list, but not triggered by this check
      mutation(4, 'feedback', feedbackBody(check.checkId, { measureCode: 'P-TAX-HONOUR' })),
      // another check under a checkId already taken
      mutation(5, 'check', checkBody({ checkId: check.checkId, result: 'CLEAN', triggeredMeasures: [] })),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    for (const r of res.results.slice(2)) expect(r.problem).toMatchObject({ status: 422, code: 'business_rule' });
    expect(res.nextSeq).toBe(6);

    // a measure's period cannot end before it starts
    const other = checkBody();
    const period = (startAt: string, endAt: string) => feedbackBody(other.checkId, { startAt, endAt });
    const timed = await pushOk(login, [
      mutation(6, 'check', other),
      mutation(7, 'feedback', period('2026-12-01T09:00:00+08:00', '2026-11-30T09:00:00+08:00')),
      mutation(8, 'feedback', period('2026-12-01T09:00:00+08:00', '2027-12-01T09:00:00+08:00')),
    ]);
    expect(timed.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
  });
});

describe('audit hash chain', () => {
  const GENESIS = '0'.repeat(64);
  /** Hashes of one test's chain, distinct from every other test's. */
  const hashes = () => {
    const salt = uuidv7();
    return (n: number) => `${salt}#${n}`;
  };
  const link = (seq: number, chainSeq: number, prevHash: string, hash: string) =>
    mutation(seq, 'audit', { ...(audit(seq).body as object), chainSeq, prevHash, hash });

  async function auditRecords(login: Login) {
    const supervisor = await enrolAndLogin(t, 's001');
    const res = await call(`${t.api}/supervisor/records?kind=audit&terminalId=${login.terminalId}`, { token: supervisor.token });
    expect(res.status).toBe(200);
    const records = res.body.records as { seq: number; chainOk?: boolean; chainProblem?: string }[];
    return new Map(records.map((r) => [r.seq, r]));
  }

  it('accepts every record and flags where a terminal’s chain breaks (skipped chainSeq, wrong prevHash, rejected link)', async () => {
    const login = await enrolAndLogin(t);
    const h = hashes();
    const res = await pushOk(login, [
      link(1, 0, GENESIS, h(0)),
      link(2, 1, h(0), h(1)),
      link(3, 3, h(1), h(3)), // chainSeq 2 never arrived
      link(4, 4, h(3), h(4)), // continues from the last accepted record again
      link(5, 5, h(99), h(5)), // prevHash is not the previous record's hash
      mutation(6, 'audit', { chainSeq: 6 }), // malformed: rejected, so the chain misses it
      link(7, 7, h(6), h(7)),
    ]);
    expect(res.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'rejected', 'accepted']);

    const records = await auditRecords(login);
    expect([1, 2, 3, 4, 5, 7].map((seq) => records.get(seq)?.chainOk)).toEqual([true, true, false, true, false, false]);
    expect(records.get(3)?.chainProblem).toContain('应为 2');
    expect(records.get(5)?.chainProblem).toContain('前一条哈希');
    expect(records.get(1)?.chainProblem).toBeUndefined();
  });

  it('chains are per terminal: a first record starts at the genesis or continues the chain of the PC’s earlier enrolment', async () => {
    const [a, b, c, reenrolled] = [await enrolAndLogin(t), await enrolAndLogin(t), await enrolAndLogin(t), await enrolAndLogin(t)];
    const ha = hashes();
    const hb = hashes();
    await pushOk(a, [link(1, 0, GENESIS, ha(0)), link(2, 1, ha(0), ha(1))]);
    await pushOk(b, [link(1, 0, GENESIS, hb(0))]);
    await pushOk(c, [link(1, 5, hashes()(4), hashes()(5))]);
    await pushOk(reenrolled, [link(1, 2, ha(1), ha(2)), link(2, 3, ha(2), ha(3))]);
    expect((await auditRecords(a)).get(2)?.chainOk).toBe(true);
    expect((await auditRecords(b)).get(1)?.chainOk).toBe(true);
    expect((await auditRecords(c)).get(1)).toMatchObject({ chainOk: false, chainProblem: expect.stringContaining('应为 0') });
    expect([...(await auditRecords(reenrolled)).values()].map((r) => r.chainOk)).toEqual([true, true]);
  });
});

describe('hostile bodies', () => {
  it('a body nested thousands of levels deep is refused as malformed (400 in Chinese) with nothing written, not a 500', async () => {
    const login = await enrolAndLogin(t);
    const text = JSON.stringify({ terminalId: login.terminalId, mutations: [audit(1)] }).replace(
      /"body":\{/,
      `"body":{"nested":${'['.repeat(50_000)}${']'.repeat(50_000)},`,
    );
    const res = await call(`${t.api}/outbox`, { token: login.token, body: text });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_request', title: '上传批次格式错误', detail: expect.stringContaining('嵌套') });
    expect(await stored(login)).toEqual([]);
  });
});
