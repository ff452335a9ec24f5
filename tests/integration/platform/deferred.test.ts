/**
 * A MUST (应当) measure is never left silently: a clerk who leaves a check undecided records DEFERRED
 * with a reason, the final decision later names the deferral, and supervisors see per clerk and day
 * which MUST measures are still open (never decided, or deferred and not yet settled).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OpenMeasuresResponse, type Mutation } from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import {
  call,
  checkBody,
  enrolAndLogin,
  feedbackBody,
  login,
  mutation,
  type Login,
  platformForFile,
  pushAccepted,
} from '../../helpers/platform';

const t = platformForFile();
let clerk: Login;
let supervisor: string;

const pushOk = (mutations: Mutation[]) => pushAccepted(t, clerk, mutations);

async function openMeasures(query: string): Promise<OpenMeasuresResponse> {
  const res = await call(`${t.api}/supervisor/open-measures?${query}`, { token: supervisor });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OpenMeasuresResponse.parse(res.body);
}

beforeAll(async () => {
  clerk = await enrolAndLogin(t, 'c001');
  supervisor = await login(t, clerk, 's001');
});

describe('DEFERRED feedback', () => {
  it('needs a reason, settles only by a final decision naming it, once', async () => {
    const check = checkBody({ triggeredMeasures: ['P-COURT-HONOUR', 'P-TAX-HONOUR'] });
    const deferred = feedbackBody(check.checkId, { decision: 'DEFERRED', reason: '申请人需补交材料，明日再定' });
    const res = await pushOk([
      mutation(1, 'check', check),
      mutation(2, 'feedback', feedbackBody(check.checkId, { measureCode: 'P-TAX-HONOUR', decision: 'DEFERRED', reason: '  ' })),
      mutation(3, 'feedback', deferred),
      // A second ordinary record on a deferred measure is still refused: it must name the deferral.
      mutation(4, 'feedback', feedbackBody(check.checkId, { decision: 'APPLIED' })),
      mutation(5, 'feedback', feedbackBody(check.checkId, { decision: 'DEFERRED', reason: '再缓', resolves: deferred.feedbackId })),
      mutation(6, 'feedback', feedbackBody(check.checkId, { decision: 'APPLIED', resolves: 'fb-none' })),
      mutation(7, 'feedback', feedbackBody(check.checkId, { decision: 'APPLIED', resolves: deferred.feedbackId })),
      mutation(8, 'feedback', feedbackBody(check.checkId, { decision: 'NOT_APPLIED', reason: '又改', resolves: deferred.feedbackId })),
    ]);
    expect(res.results.map((r) => r.status)).toEqual([
      'accepted',
      'rejected',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'accepted',
      'rejected',
    ]);
    expect(res.results[1]?.problem?.detail).toContain('暂缓原因');
    expect(res.results[7]?.problem?.detail).toContain('已有最终决定');
  });
});

describe('GET /supervisor/open-measures', () => {
  it('lists per clerk and day the MUST measures never decided or deferred and not settled', async () => {
    const today = chinaDate(new Date());
    const undecided = checkBody({ triggeredMeasures: ['P-COURT-HONOUR'], caseNo: 'PX-2026-0101' });
    const deferredCheck = checkBody({ triggeredMeasures: ['P-COURT-HONOUR'], caseNo: 'PX-2026-0102' });
    const decided = checkBody({ triggeredMeasures: ['P-COURT-HONOUR'], caseNo: 'PX-2026-0103' });
    const deferral = feedbackBody(deferredCheck.checkId, { decision: 'DEFERRED', reason: '等待法院回函' });
    const res = await pushOk([
      mutation(9, 'check', undecided),
      mutation(10, 'check', deferredCheck),
      mutation(11, 'feedback', deferral),
      mutation(12, 'check', decided),
      mutation(13, 'feedback', feedbackBody(decided.checkId, { decision: 'APPLIED' })),
    ]);
    expect(res.results.every((r) => r.status === 'accepted')).toBe(true);

    const answer = await openMeasures(`day=${today}`);
    const c001 = answer.operators.find((o) => o.operatorId === 'c001');
    expect(c001?.operatorName).toBe('王晓燕');
    const byCheck = new Map(c001?.open.map((o) => [o.checkId, o]));
    expect(byCheck.get(undecided.checkId)).toMatchObject({ measureCode: 'P-COURT-HONOUR', subjectMasked: '3710**********0213' });
    expect(byCheck.get(undecided.checkId)?.deferred).toBeUndefined();
    expect(byCheck.get(deferredCheck.checkId)?.deferred).toMatchObject({ feedbackId: deferral.feedbackId, reason: '等待法院回函' });
    expect(byCheck.has(decided.checkId)).toBe(false);
    // No clear identifier leaves the platform here.
    expect(JSON.stringify(answer)).not.toContain(undecided.subjectIdentifier);

    // Settled: gone from the list.
    await pushOk([mutation(14, 'feedback', feedbackBody(deferredCheck.checkId, { decision: 'APPLIED', resolves: deferral.feedbackId }))]);
    const after = await openMeasures(`day=${today}&operatorId=c001`);
    expect(after.operators[0]?.open.map((o) => o.checkId)).not.toContain(deferredCheck.checkId);
    expect((await openMeasures('day=2020-01-01')).operators).toEqual([]);
  });

  it('refuses a malformed day with a Chinese problem', async () => {
    const res = await call(`${t.api}/supervisor/open-measures?day=yesterday`, { token: supervisor });
    expect(res.status).toBe(400);
    expect(res.body.title).toBe('查询参数错误');
  });
});
