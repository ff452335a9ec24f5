import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckBody, CommitmentBody, Operator } from '../../../shared/contract';
import { SubjectHasher, type AuditEvent } from './auditChain';
import { JournalDb, type LocalCheck, type LocalCommitment, type LocalFeedback } from './journalDb';
import { JournalRepository, NotResubmittableError } from './journalRepository';
import { JournalWriter } from './journalWriter';

const NOW = new Date('2024-06-01T08:00:00Z');
const IDENTITY = { terminalId: 'T1', terminalName: '窗口1', platformUrl: 'http://platform.test', enrolledAt: '2024-01-01T00:00:00Z' };
let db: JournalDb;
let repo: JournalRepository;
let n = 0;

beforeEach(async () => {
  db = new JournalDb(`journal-repository-${++n}-${Date.now()}`);
  repo = new JournalRepository(db, new JournalWriter(db, new SubjectHasher(db), () => NOW));
  await repo.recordIdentity(IDENTITY);
});
afterEach(async () => db.delete());

const audit = (action: AuditEvent['action'], detail: string): AuditEvent => ({
  action,
  actor: 'c001',
  purpose: { matterCode: 'M001', caseNo: 'CASE-1' },
  subject: null,
  outcome: 'recorded',
  detail,
});

/** A check as the journal keeps it; the repository stores the view without reading into it. */
function localCheck(checkId: string, checkedAt: string, operatorId = 'c001', mustMeasures = 1): LocalCheck {
  const must = Array.from({ length: mustMeasures }, (_, i) => ({ measure: { code: `X${i}` } }));
  return {
    checkId,
    checkedAt,
    day: checkedAt.slice(0, 10),
    operatorId,
    terminalId: 'T1',
    view: { checkId, evaluation: { must, may: [], suppressed: [] } } as unknown as LocalCheck['view'],
  };
}

const checkBody = (checkId: string): CheckBody => ({ checkId }) as unknown as CheckBody;

function feedback(checkId: string, measureCode: string, decidedAt: string, decision: LocalFeedback['decision'] = 'APPLIED'): LocalFeedback {
  return {
    feedbackId: `F-${checkId}-${measureCode}-${decidedAt}`,
    checkId,
    matterCode: 'M001',
    measureCode,
    decision,
    department: 'D1',
    dataVersion: 'v1',
    operatorId: 'c001',
    decidedAt,
    day: decidedAt.slice(0, 10),
    measureTitle: '限制',
    matterName: '事项',
  };
}

async function deadLetterOf(id: string): Promise<void> {
  const queued = (await db.outbox.where('id').equals(id).first())!;
  await db.transaction('rw', db.outbox, db.deadLetters, async () => {
    await db.outbox.delete([queued.terminalId, queued.seq]);
    await db.deadLetters.add({ ...queued, reason: '平台拒收', problemCode: 'rule', deadAt: NOW.toISOString() });
  });
}

describe('checks', () => {
  it('a recorded check is on the journal with its mutation and its audit record, all queued', async () => {
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), [audit('LOOKUP', 'check=C1')]);
    expect((await repo.check('C1'))?.checkId).toBe('C1');
    const queued = await db.outbox.toArray();
    expect(queued.map((r) => [r.kind, r.seq])).toEqual([
      ['check', 1],
      ['audit', 2],
    ]);
    expect(await repo.stateOf(queued.map((r) => r.id))).toEqual({ state: 'queued' });
    expect(await repo.verifyAuditChain()).toEqual({ ok: true, checked: 1 });
  });

  it('a check that cannot be added leaves no mutation and no audit behind (the same id twice)', async () => {
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), [audit('LOOKUP', 'first')]);
    await expect(
      repo.recordCheck(localCheck('C1', '2024-06-01T09:00:00Z'), checkBody('C1'), [audit('LOOKUP', 'second')]),
    ).rejects.toThrow();
    expect(await db.outbox.count()).toBe(2);
    expect((await db.audit.toArray()).map((a) => a.detail)).toEqual(['first']);
  });

  it("lists a day's checks newest first and finds a check by the reference on its slip", async () => {
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), []);
    await repo.recordCheck(localCheck('C2', '2024-06-01T09:00:00Z'), checkBody('C2'), []);
    await repo.recordCheck(localCheck('C3', '2024-05-31T09:00:00Z'), checkBody('C3'), []);
    expect((await repo.checksOfDay('2024-06-01')).map((c) => c.checkId)).toEqual(['C2', 'C1']);
    expect(await repo.checkBySlipReference('ABCDEFGHJK')).toBeNull();
    await repo.attachSlip('C2', { text: 'QR', reference: 'ABCDEFGHJK' });
    expect((await repo.checkBySlipReference('ABCDEFGHJK'))?.checkId).toBe('C2');
  });

  it("gives one operator's checks with the feedback on each, oldest first", async () => {
    await repo.recordCheck(localCheck('C2', '2024-06-01T09:00:00Z'), checkBody('C2'), []);
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), []);
    await repo.recordCheck(localCheck('C9', '2024-06-01T07:00:00Z', 'c002'), checkBody('C9'), []);
    await repo.recordCheck(localCheck('C0', '2024-06-01T06:00:00Z', 'c001', 0), checkBody('C0'), []);
    await repo.recordFeedback([feedback('C1', 'X0', '2024-06-01T08:05:00Z')], [], () => undefined);
    const open = await repo.checksWithFeedback('c001', (c) => c.view.evaluation.must.length > 0);
    expect(open.map(({ check, feedback: f }) => [check.checkId, f.length])).toEqual([
      ['C1', 1],
      ['C2', 0],
    ]);
  });
});

describe('feedback and commitments', () => {
  it('feedback the guard refuses writes nothing at all; the guard sees what was recorded before', async () => {
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), []);
    const outboxBefore = await db.outbox.count();
    const ids = await repo.recordFeedback(
      [feedback('C1', 'X0', '2024-06-01T08:05:00Z', 'DEFERRED')],
      [audit('FEEDBACK', 'one')],
      () => undefined,
    );
    expect(ids).toHaveLength(1);
    const seen: string[][] = [];
    const refused = repo.recordFeedback([feedback('C1', 'X0', '2024-06-01T08:10:00Z')], [audit('FEEDBACK', 'two')], (_record, existing) => {
      seen.push(existing.map((f) => f.decision));
      throw new Error('already decided');
    });
    await expect(refused).rejects.toThrow('already decided');
    expect(seen).toEqual([['DEFERRED']]);
    expect(await db.feedback.count()).toBe(1);
    expect(await db.outbox.count()).toBe(outboxBefore + 2);
    expect((await db.audit.toArray()).map((a) => a.detail)).toEqual(['one']);
  });

  it('the feedback mutation carries the body the platform expects, without the local-only fields', async () => {
    const [id] = await repo.recordFeedback([feedback('C1', 'X0', '2024-06-01T08:05:00Z', 'NOT_APPLIED')], [], () => undefined);
    const queued = (await db.outbox.where('id').equals(id!).first())!;
    expect(queued).toMatchObject({ kind: 'feedback', operatorId: 'c001', occurredAt: '2024-06-01T08:05:00Z' });
    expect(Object.keys(queued.body as object)).not.toContain('measureTitle');
    expect(Object.keys(queued.body as object)).not.toContain('day');
    expect((await repo.declinedFeedback(10)).map((f) => f.checkId)).toEqual(['C1']);
  });

  it('a commitment is queued, and shows as rejected once the platform made it a dead letter', async () => {
    const body = { commitmentId: 'K1', checkId: 'C1', kind: '承诺', text: '按期补正', dueOn: null } as unknown as CommitmentBody;
    const local: LocalCommitment = { ...body, operatorId: 'c001', recordedAt: NOW.toISOString() };
    const id = await repo.recordCommitment(local, body, [audit('COMMITMENT', 'K1')]);
    expect(await repo.stateOfCheckRecords('commitment', 'C1')).toBe('queued');
    expect(await repo.stateOfCheckRecords('commitment', 'C2')).toBe('delivered');
    await deadLetterOf(id);
    expect(await repo.stateOfCheckRecords('commitment', 'C1')).toBe('rejected');
    expect(await repo.stateOf([id])).toEqual({ state: 'rejected', reason: '平台拒收' });
  });
});

describe('the outbox', () => {
  it('a dead letter is resubmitted once: a second attempt is refused and changes nothing', async () => {
    const id = await repo.recordCommitment(
      { commitmentId: 'K1', checkId: 'C1', operatorId: 'c001', recordedAt: NOW.toISOString() } as unknown as LocalCommitment,
      { commitmentId: 'K1', checkId: 'C1' } as unknown as CommitmentBody,
      [],
    );
    await deadLetterOf(id);
    const [dead] = await repo.deadLetters();
    const by = { operatorId: 's001', at: NOW.toISOString() };
    const queuedId = await repo.resubmitDeadLetter(dead!.terminalId, dead!.seq, by, (d) => [audit('DEAD_LETTER_RESUBMIT', d.id)]);
    const resubmitted = (await repo.deadLetter(dead!.terminalId, dead!.seq))!;
    expect(resubmitted.resubmittedAs).toMatchObject({ id: queuedId, by: 's001' });
    expect(await repo.stateOfRecord(resubmitted.resubmittedAs!)).toBe('queued');
    const queuedBefore = await db.outbox.count();
    await expect(repo.resubmitDeadLetter(dead!.terminalId, dead!.seq, by, () => [])).rejects.toBeInstanceOf(NotResubmittableError);
    await expect(repo.resubmitDeadLetter('T1', 999, by, () => [])).rejects.toBeInstanceOf(NotResubmittableError);
    expect(await db.outbox.count()).toBe(queuedBefore);
  });

  it('holds queued, delivered and dead records for an export, ordered by terminal and seq', async () => {
    for (const c of ['C1', 'C2', 'C3']) await repo.recordCheck(localCheck(c, '2024-06-01T08:00:00Z'), checkBody(c), []);
    const first = (await db.outbox.toArray())[0]!;
    await db.outbox.delete([first.terminalId, first.seq]);
    await db.delivered.add({ ...first, deliveredAt: NOW.toISOString(), status: 'accepted' });
    await deadLetterOf((await db.outbox.toArray())[0]!.id);
    expect(await repo.heldCount()).toBe(3);
    expect(await repo.queuedCount()).toBe(1);
    expect((await repo.heldRecords()).map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(await repo.lowestHeldSeq('T1')).toBe(1);
    expect(await repo.lowestHeldSeq('T-other')).toBe(1);
  });
});

describe('identity and operators', () => {
  it('recording a new identity restarts the outbox at seq 1 and ends the pending enrolment', async () => {
    await repo.recordCheck(localCheck('C1', '2024-06-01T08:00:00Z'), checkBody('C1'), []);
    await repo.notePendingEnrolment({ terminalName: '窗口2', platformUrl: 'http://platform.test', startedAt: NOW.toISOString() });
    expect(await repo.pendingEnrolment()).toMatchObject({ terminalName: '窗口2' });
    expect(await repo.lowestHeldSeq('T1')).toBe(1);
    await db.outbox.clear();
    expect(await repo.lowestHeldSeq('T1')).toBe(2);
    await repo.recordIdentity({ ...IDENTITY, terminalId: 'T2', predecessors: ['T1'] });
    expect(await repo.identity()).toMatchObject({ terminalId: 'T2', predecessors: ['T1'] });
    expect(await repo.pendingEnrolment()).toBeNull();
    await repo.recordCheck(localCheck('C2', '2024-06-01T08:00:00Z'), checkBody('C2'), []);
    expect((await db.outbox.toArray()).map((r) => [r.terminalId, r.seq])).toEqual([['T2', 1]]);
  });

  it('sessions signed out offline wait (the newest 100) until a login revokes them', async () => {
    for (let i = 0; i < 105; i++) await repo.addPendingRevocation(`S${i}`);
    const pending = await repo.pendingRevocations();
    expect(pending).toHaveLength(100);
    expect(pending[0]).toBe('S5');
    const operator = { id: 'c001', name: '王', roles: ['clerk'], department: 'D1' } as unknown as Operator;
    const unlock = { salt: 's', hash: 'h' } as never;
    await repo.rememberOperator({ operator, unlock, rememberedAt: NOW.toISOString() }, true);
    expect(await repo.pendingRevocations()).toEqual([]);
    expect(await repo.rememberedOperator('c001')).toMatchObject({ operator: { id: 'c001' }, rememberedAt: NOW.toISOString() });
    expect(await repo.rememberedOperator('c002')).toBeNull();
  });

  it('keeps a certified slip key and drops it when the platform certified none', async () => {
    const key = { terminalId: 'T1', privateKey: {} as CryptoKey, publicKey: 'pub', certificate: 'cert' };
    await repo.keepSlipKey(key);
    expect(await repo.slipKey()).toMatchObject({ terminalId: 'T1', certificate: 'cert' });
    await repo.keepSlipKey(null);
    expect(await repo.slipKey()).toBeNull();
  });
});
