/**
 * A check recorded offline against a matter withdrawn, or whose measure list changed, before the
 * record arrived still happened: it is accepted under the catalogue version its terminal used, and
 * the difference is flagged for the supervisor. Only what names a matter or measure that never
 * existed is rejected.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutboxResponse, type CommitmentBody, type Mutation } from '../../../shared/contract';
import {
  call,
  checkBody,
  enrolAndLogin,
  feedbackBody,
  login,
  mutation,
  startTestPlatform,
  type Login,
  type TestPlatform,
} from '../../helpers/platform';

let t: TestPlatform;
let terminal: Login;
let version: string;
let nextSeq: number;

beforeEach(async () => {
  t = await startTestPlatform();
  terminal = await enrolAndLogin(t);
  version = (await call(`${t.api}/catalog`, { token: terminal.token })).body.version as string;
  nextSeq = 1;
});
afterEach(async () => {
  await t.platform.close();
});

async function push(...items: Array<[Mutation['kind'], unknown]>) {
  const res = await call(`${t.api}/outbox`, {
    token: terminal.token,
    body: { terminalId: terminal.terminalId, mutations: items.map(([kind, body]) => mutation(nextSeq++, kind, body)) },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OutboxResponse.parse(res.body).results;
}

async function control(path: string, body: unknown) {
  const res = await call(`${t.controls}${path}`, { body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

function commitment(checkId: string): CommitmentBody {
  return {
    commitmentId: `cm-${checkId}`,
    checkId,
    matterCode: 'PX-MF',
    caseNo: 'PX-2026-0001',
    subjectIdentifier: '371003197503080213',
    subjectKind: 'PERSON',
    kind: 'GENERAL',
    text: '本人承诺所填信息真实有效',
    dueOn: null,
  };
}

describe('records judged by the catalogue version their terminal used', () => {
  it('a matter withdrawn before the record arrived: check, feedback and commitment accepted, flagged for the supervisor', async () => {
    await control('/catalogue/withdraw', { matterCode: 'PX-MF' });
    const check = checkBody({ catalogueVersion: version });
    const results = await push(['check', check], ['feedback', feedbackBody(check.checkId)], ['commitment', commitment(check.checkId)]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    for (const r of results) expect(r.note).toContain(`事项 PX-MF（劳动模范、道德模范评选）已不在现行目录`);

    const supervisor = await login(t, terminal, 's001');
    const records = (await call(`${t.api}/supervisor/records?kind=check`, { token: supervisor })).body.records;
    expect(records).toEqual([
      expect.objectContaining({ id: results[0]!.id, catalogueNote: expect.stringContaining(`按终端所用目录版本 ${version} 接收`) }),
    ]);
  });

  it('a measure list changed before the record arrived: the feedback on the measure the terminal saw is accepted, with the change named', async () => {
    await control('/catalogue/matter-measures', { matterCode: 'PX-MF', measures: ['P-TAX-HONOUR'] });
    const check = checkBody({ catalogueVersion: version, triggeredMeasures: ['P-COURT-HONOUR'] });
    const results = await push(['check', check], ['feedback', feedbackBody(check.checkId, { measureCode: 'P-COURT-HONOUR' })]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(results[1]!.note).toMatch(
      /措施清单在现行目录（.+）中已变更（移除 P-COURT-HONOUR、P-SS-HONOUR、I-VOLUNTEER-HONOUR、I-HAIBEI-HONOUR）/,
    );
  });

  it('a record from an older terminal (no catalogue version) for a withdrawn matter: judged by the last version that had it', async () => {
    await control('/catalogue/withdraw', { matterCode: 'PX-MF' });
    const { catalogueVersion: _none, ...older } = checkBody();
    const [result] = await push(['check', older]);
    expect(result).toMatchObject({ status: 'accepted', note: expect.stringContaining('已不在现行目录') });
  });

  it('a version the platform never served: judged by today’s catalogue, and said so', async () => {
    const [result] = await push(['check', checkBody({ catalogueVersion: 'never-served' })]);
    expect(result).toMatchObject({ status: 'accepted', note: '终端所用目录版本 never-served 平台无记录，按现行目录接收' });
  });

  it('unchanged catalogue: accepted without a note', async () => {
    const check = checkBody({ catalogueVersion: version });
    const results = await push(['check', check], ['feedback', feedbackBody(check.checkId)]);
    expect(results).toEqual([
      expect.not.objectContaining({ note: expect.anything() }),
      expect.not.objectContaining({ note: expect.anything() }),
    ]);
  });

  it('rejects only what names a matter or measure that never existed, or contradicts its own check', async () => {
    const ghost = checkBody({ catalogueVersion: version, matterCode: 'NO-SUCH-MATTER' });
    const check = checkBody({ catalogueVersion: version, triggeredMeasures: ['P-COURT-HONOUR', 'P-NEVER'] });
    const results = await push(
      ['check', ghost],
      ['check', check],
      ['feedback', feedbackBody(check.checkId, { measureCode: 'P-NEVER' })],
      ['feedback', feedbackBody(check.checkId, { measureCode: 'P-TAX-HONOUR' })],
    );
    expect(results.map((r) => [r.status, r.problem?.detail])).toEqual([
      ['rejected', '未知的办理事项：NO-SUCH-MATTER（任何目录版本中都没有）'],
      ['accepted', undefined],
      ['rejected', '未知的措施：P-NEVER'],
      ['rejected', `措施 P-TAX-HONOUR 不是核查记录 ${check.checkId} 触发的措施`],
    ]);
  });
});
