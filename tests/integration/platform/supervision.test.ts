/**
 * What supervisors get from the platform: records with masked identifiers (a clear number only
 * through the audited unmask), scoped to their department or city-wide, with the operator who did
 * the work and the one whose session delivered it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SupervisorResponse, UnmaskResponse } from '../../../shared/contract';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, checkBody, enrol, enrolAndLogin, login, mutation, type Login, platformForFile, pushAccepted } from '../../helpers/platform';

const t = platformForFile();
/** Terminal of 环翠区 (c001's department): c001 signs in, then s001 delivers c001's offline work. */
let huancui: Login;
/** Terminal of 高区 (c002's department). */
let gaoqu: Login;
let city: string;
let department: string;

const PERSON = SHOWCASE.courtDishonestPerson.identifier;
const COMPANY = SHOWCASE.redCompany.identifier;

const push = (who: Login, mutations: unknown[]) => pushAccepted(t, who, mutations);

async function records(token: string, kind: string, terminalId?: string) {
  const res = await call(`${t.api}/supervisor/records?kind=${kind}${terminalId ? `&terminalId=${terminalId}` : ''}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { raw: JSON.stringify(res.body), records: SupervisorResponse.parse(res.body).records };
}

beforeAll(async () => {
  const terminal = await enrol(t, '环翠区 1 号窗口');
  await login(t, terminal, 'c001');
  // c001 worked offline; s001 signs in on the same terminal later and the queue goes out under that session.
  huancui = { ...terminal, token: await login(t, terminal, 's001') };
  await push(huancui, [
    mutation(1, 'check', checkBody({ checkId: 'chk-hc-1', caseNo: `BJ-2026-0001 申请人 ${PERSON}` }), { operatorId: 'c001' }),
    mutation(2, 'commitment', {
      commitmentId: 'cm-hc-1',
      checkId: null,
      matterCode: 'XK-SPJY',
      caseNo: 'XK-2026-0001',
      subjectIdentifier: COMPANY,
      subjectKind: 'ENTERPRISE',
      kind: '告知承诺制审批承诺',
      text: `法定代表人（${SHOWCASE.legalRepPerson.identifier}）承诺材料真实。`,
      dueOn: '2027-06-30',
    }),
  ]);
  gaoqu = await enrolAndLogin(t, 'c002');
  await push(gaoqu, [mutation(1, 'check', checkBody({ checkId: 'chk-gq-1' }), { operatorId: 'c002' })]);
  city = (await enrolAndLogin(t, 's001')).token;
  department = (await enrolAndLogin(t, 's002')).token;
});

describe('supervisor records', () => {
  it('carry no clear identifier: subjects and IDs typed into free text are masked on the platform', async () => {
    for (const kind of ['check', 'commitment']) {
      const { raw, records: found } = await records(city, kind, huancui.terminalId);
      expect(found.length).toBe(1);
      for (const clear of [PERSON, COMPANY, SHOWCASE.legalRepPerson.identifier]) expect(raw).not.toContain(clear);
      expect(found[0]).toMatchObject({ unmaskable: true });
    }
    const check = (await records(city, 'check', huancui.terminalId)).records[0]!;
    expect(check.body).toMatchObject({ subjectIdentifier: '3710**********0213', caseNo: 'BJ-2026-0001 申请人 3710**********0213' });
  });

  it('carry no clear identifier where a refused sign-in names the ID typed into the 工号 field', async () => {
    const typed = SHOWCASE.legalRepPerson.identifier;
    const answer = await push(gaoqu, [
      mutation(
        2,
        'audit',
        {
          chainSeq: 0,
          action: 'LOGIN',
          actor: typed,
          terminalId: gaoqu.terminalId,
          at: new Date().toISOString(),
          purpose: null,
          subjectHash: null,
          subjectMasked: null,
          outcome: 'refused',
          detail: null,
          prevHash: '0'.repeat(64),
          hash: 'h0',
        },
        { operatorId: typed },
      ),
    ]);
    expect(answer.results[0]?.status).toBe('accepted');
    const { raw, records: found } = await records(city, 'audit', gaoqu.terminalId);
    expect(raw).not.toContain(typed);
    expect(found[0]?.operatorId).toBe(`${typed.slice(0, 4)}**********${typed.slice(-4)}`);
  });

  it('name the operator who did the work and the operator whose session delivered it', async () => {
    const { records: found } = await records(city, 'check', huancui.terminalId);
    expect(found[0]).toMatchObject({ operatorId: 'c001', deliveredBy: 's001' });
    const commitment = (await records(city, 'commitment', huancui.terminalId)).records[0];
    expect(commitment).toMatchObject({ operatorId: 'c001', deliveredBy: 's001' });
  });

  it('a department supervisor sees the records of operators of that department only; a city-wide one sees all', async () => {
    const all = (await records(city, 'check')).records.map((r) => r.operatorId);
    expect(all).toEqual(expect.arrayContaining(['c001', 'c002']));
    const own = (await records(department, 'check')).records.map((r) => r.operatorId);
    expect(own).toContain('c001');
    expect(own).not.toContain('c002');
    expect((await records(department, 'check', gaoqu.terminalId)).records).toEqual([]);
  });

  it('the session tells each supervisor their scope', async () => {
    const terminal = await enrol(t);
    for (const [id, scope] of [
      ['s001', 'city'],
      ['s002', 'department'],
    ] as const) {
      const res = await call(`${t.api}/sessions`, { body: { ...terminal, operatorId: id, password: 'demo1234' } });
      expect(res.body.operator).toMatchObject({ id, supervisorScope: scope });
    }
  });
});

describe('unmask', () => {
  async function unmask(token: string, recordId: string, reason: unknown) {
    return call(`${t.api}/supervisor/records/${recordId}/unmask`, { token, body: { reason } });
  }

  it('shows the clear identifier of a record to a supervisor who gives a reason, and puts it on record', async () => {
    const check = (await records(city, 'check', huancui.terminalId)).records[0]!;
    const res = await unmask(city, check.id, '核对申请材料中的身份证号');
    expect(res.status).toBe(200);
    expect(UnmaskResponse.parse(res.body)).toEqual({ id: check.id, identifier: PERSON });
    const log = (await call(`${t.controls}/access-log`)).body.entries as Array<Record<string, unknown>>;
    expect(log.find((e) => e.action === 'UNMASK' && e.recordId === check.id)).toMatchObject({
      operatorId: 's001',
      identifier: PERSON,
      reason: '核对申请材料中的身份证号',
      outcome: 'shown',
    });
  });

  it('refuses without a reason, to clerks and IT, and outside the supervisor’s scope — and logs the refusal', async () => {
    const mine = (await records(city, 'check', huancui.terminalId)).records[0]!;
    const theirs = (await records(city, 'check', gaoqu.terminalId)).records[0]!;
    for (const reason of ['', '   ', undefined, 42]) {
      const res = await unmask(city, mine.id, reason);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).not.toContain(PERSON);
    }
    expect((await unmask((await enrolAndLogin(t, 'c001')).token, mine.id, '看看')).status).toBe(403);
    expect((await unmask((await enrolAndLogin(t, 'i001')).token, mine.id, '看看')).status).toBe(403);
    const outside = await unmask(department, theirs.id, '核对');
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain(PERSON);
    expect((await unmask(city, '01936f2e-0000-7000-8000-00000000abcd', '核对')).status).toBe(404);
    const log = (await call(`${t.controls}/access-log`)).body.entries as Array<Record<string, unknown>>;
    expect(log.find((e) => e.action === 'UNMASK' && e.recordId === theirs.id)).toMatchObject({
      operatorId: 's002',
      outcome: 'out_of_scope',
    });
  });
});
