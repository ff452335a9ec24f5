/**
 * Every record is who it says: the operator a mutation names (and the actor of an audit record) is
 * an operator the platform knows who signed in on that terminal; otherwise the record is refused
 * with a reason in Chinese (and the terminal dead-letters it).
 */
import { describe, expect, it } from 'vitest';
import type { AuditBody } from '../../../shared/contract';
import {
  call,
  checkBody,
  enrol,
  enrolAndLogin,
  login,
  mutation,
  type Login,
  platformForFile,
  pushAccepted,
  auditBody,
} from '../../helpers/platform';

const t = platformForFile();

const push = (who: Login, mutations: unknown[]) => pushAccepted(t, who, mutations);

const audit = (chainSeq: number, actor: string, action: AuditBody['action'] = 'LOOKUP', outcome = 'ok') =>
  auditBody(chainSeq, { actor, action, outcome });

describe('who a record names', () => {
  it('the session’s operator and any operator who signed in on this terminal are accepted; the deliverer is recorded', async () => {
    const terminal = await enrol(t);
    await login(t, terminal, 's001');
    const who = { ...terminal, token: await login(t, terminal, 'c001') };
    const answer = await push(who, [
      mutation(1, 'check', checkBody(), { operatorId: 'c001' }),
      mutation(2, 'check', checkBody(), { operatorId: 's001' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const stored = (await call(`${t.controls}/mutations?terminalId=${who.terminalId}`)).body.mutations as Array<Record<string, unknown>>;
    expect(stored.map((m) => [m.operatorId, m.deliveredBy])).toEqual([
      ['c001', 'c001'],
      ['s001', 'c001'],
    ]);
  });

  it('refuses an operator the platform does not know, and one who never signed in on this terminal, saying so in Chinese', async () => {
    const who = await enrolAndLogin(t, 'c001');
    await enrolAndLogin(t, 'c002'); // c002 exists and signed in elsewhere
    const answer = await push(who, [
      mutation(1, 'check', checkBody(), { operatorId: 'ghost' }),
      mutation(2, 'check', checkBody(), { operatorId: 'c002' }),
      mutation(3, 'check', checkBody(), { operatorId: 'c001' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'accepted']);
    const [ghost, stranger] = answer.results;
    expect(ghost?.problem).toMatchObject({ code: 'unknown_operator' });
    expect(ghost?.problem?.detail).toContain('ghost');
    expect(ghost?.problem?.detail).toMatch(/信用平台没有/);
    expect(stranger?.problem).toMatchObject({ code: 'unknown_operator' });
    expect(stranger?.problem?.detail).toMatch(/从未在本终端登录/);
  });

  it('a refusal does not repeat an ID number given as the operator', async () => {
    const who = await enrolAndLogin(t, 'c001');
    const answer = await push(who, [mutation(1, 'check', checkBody(), { operatorId: '371003197503080213' })]);
    expect(answer.results[0]?.problem).toMatchObject({ code: 'unknown_operator' });
    expect(JSON.stringify(answer.results[0])).not.toContain('371003197503080213');
    expect(answer.results[0]?.problem?.detail).toContain('3710**********0213');
  });

  it('an audit record’s actor follows the same rule; only enrolment (system) and refused sign-ins may name an unverified actor', async () => {
    const who = await enrolAndLogin(t, 'c001');
    const answer = await push(who, [
      mutation(1, 'audit', audit(0, 'system', 'ENROL', 'success'), { operatorId: 'system' }),
      mutation(2, 'audit', audit(1, 'nobody', 'LOGIN', 'refused'), { operatorId: 'nobody' }),
      mutation(3, 'audit', audit(2, 'c001', 'LOGIN', 'success'), { operatorId: 'c001' }),
      mutation(4, 'audit', audit(3, 'c002', 'LOOKUP'), { operatorId: 'c001' }),
      mutation(5, 'audit', audit(4, 'system', 'LOOKUP'), { operatorId: 'system' }),
      mutation(6, 'audit', audit(5, 'nobody', 'LOGIN', 'success'), { operatorId: 'nobody' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'rejected', 'rejected', 'rejected']);
    for (const r of answer.results.slice(3)) expect(r.problem?.code).toBe('unknown_operator');
  });

  it('the exemptions name nobody real: an enrolment is the system’s own record, a sign-in only one that did not happen, under the ID typed', async () => {
    const who = await enrolAndLogin(t, 'c001');
    await enrolAndLogin(t, 'c002');
    await enrolAndLogin(t, 's001');
    const answer = await push(who, [
      // What the terminal writes: accepted.
      mutation(1, 'audit', audit(0, 'system', 'ENROL', 'success'), { operatorId: 'system' }),
      mutation(2, 'audit', audit(1, 'c002', 'LOGIN', 'refused'), { operatorId: 'c002' }),
      mutation(3, 'audit', audit(2, 'nobody', 'LOGIN', 'unreachable'), { operatorId: 'nobody' }),
      mutation(4, 'audit', audit(3, 's001', 'OFFLINE_UNLOCK', 'expired'), { operatorId: 's001' }),
      // Forged by a clerk of 环翠区: another department's clerk and the city supervisor as the record's operator…
      mutation(5, 'audit', audit(4, 'system', 'ENROL', 'success'), { operatorId: 'c002' }),
      mutation(6, 'audit', audit(5, 'system', 'ENROL', 'success'), { operatorId: 's001' }),
      // …sign-ins that succeeded in all but the word…
      mutation(7, 'audit', audit(6, 's001', 'LOGIN', 'ok'), { operatorId: 's001' }),
      mutation(8, 'audit', audit(7, 'c002', 'OFFLINE_UNLOCK', 'Success'), { operatorId: 'c002' }),
      // …and a refused sign-in filed under someone other than the ID typed.
      mutation(9, 'audit', audit(8, 'nobody', 'LOGIN', 'refused'), { operatorId: 'c002' }),
    ]);
    expect(answer.results.map((r) => r.status)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
      'rejected',
    ]);
    for (const r of answer.results.slice(4)) expect(r.problem?.code).toBe('unknown_operator');
  });
});
