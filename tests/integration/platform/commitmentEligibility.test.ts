/** The platform refuses a commitment the catalogue closes to the subject (a 失信被执行人 replacing approval steps). */
import { expect, it } from 'vitest';
import { OutboxResponse } from '../../../shared/contract';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, enrolAndLogin, mutation, platformForFile } from '../../helpers/platform';

const t = platformForFile();
it('refuses 审批替代型承诺 from a 失信被执行人 with a Chinese problem, accepts a repair commitment', async () => {
  const login = await enrolAndLogin(t);
  const commitment = (seq: number, kind: string) =>
    mutation(seq, 'commitment', {
      commitmentId: `cm-${seq}`,
      checkId: null,
      matterCode: 'XK-SPJY',
      caseNo: 'XK-2026-0001',
      subjectIdentifier: SHOWCASE.courtDishonestPerson.identifier,
      subjectKind: 'PERSON',
      kind,
      text: '承诺内容',
      dueOn: null,
    });
  const res = await call(`${t.api}/outbox`, {
    token: login.token,
    body: { terminalId: login.terminalId, mutations: [commitment(1, '审批替代型承诺'), commitment(2, '信用修复型承诺')] },
  });
  expect(res.status).toBe(200);
  const results = OutboxResponse.parse(res.body).results;
  expect(results[0]).toMatchObject({ status: 'rejected', problem: { status: 422, code: 'business_rule' } });
  expect(results[0]?.problem?.detail).toContain('列入“失信被执行人”名单的主体不能作出“审批替代型承诺”');
  expect(results[1]?.status).toBe('accepted');
  // Nothing written for the refused one.
  const stored = (await call(`${t.api.replace('/api/v1', '/__test')}/mutations?terminalId=${login.terminalId}`)).body.mutations as Array<{
    seq: number;
    status: string;
  }>;
  expect(stored.find((m) => m.seq === 1)?.status).toBe('rejected');
});
