import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareJournalSchema, JOURNAL_DB_VERSION, JournalDb, type DeadLetterRecord, type OutboxRecord } from './journalDb';

describe('journal database migrations', () => {
  it('upgrades a v1 journal: outbox kept, checks and feedback get their China day', async () => {
    const name = `journal-migrate-${Date.now()}`;
    const v1 = new Dexie(name);
    declareJournalSchema(v1, 1);
    await v1.table('outbox').add({
      seq: 1,
      id: '0190a000-0000-7000-8000-000000000001',
      kind: 'check',
      occurredAt: '2024-05-01T17:00:00Z',
      operatorId: 'op',
      terminalId: 'T',
      body: {},
      enqueuedAt: '2024-05-01T17:00:00Z',
    });
    // 17:00 UTC is already the next day in China.
    await v1.table('checks').add({ checkId: 'c1', checkedAt: '2024-05-01T17:00:00Z', operatorId: 'op', terminalId: 'T', view: {} });
    await v1
      .table('feedback')
      .add({ feedbackId: 'f1', checkId: 'c1', measureCode: 'P1', decision: 'NOT_APPLIED', decidedAt: '2024-05-01T10:00:00Z' });
    v1.close();

    const journal = new JournalDb(name);
    await journal.open();
    expect(journal.verno).toBe(JOURNAL_DB_VERSION);
    expect(await journal.outbox.count()).toBe(1);
    expect((await journal.checks.where('day').equals('2024-05-02').toArray()).map((c) => c.checkId)).toEqual(['c1']);
    expect((await journal.feedback.where('decision').equals('NOT_APPLIED').first())?.day).toBe('2024-05-01');
    journal.close();
  });

  it('upgrades a v2 journal to v3: outbox, delivered and dead letters keyed by terminal and seq, nothing lost', async () => {
    const name = `journal-migrate-v3-${Date.now()}`;
    const record = (seq: number, terminalId = 'T1'): OutboxRecord => ({
      seq,
      id: `0190a000-0000-7000-8000-00000000000${seq}`,
      kind: 'audit',
      occurredAt: '2024-05-01T08:00:00Z',
      operatorId: 'op',
      terminalId,
      body: { seq },
      enqueuedAt: '2024-05-01T08:00:00Z',
    });
    const v2 = new Dexie(name);
    declareJournalSchema(v2, 2);
    await v2.table('delivered').add({ ...record(1), deliveredAt: '2024-05-01T08:01:00Z', status: 'accepted' });
    await v2.table('deadLetters').add({ ...record(2), reason: '措施不存在', problemCode: 'business_rule', deadAt: '2024-05-01T08:01:00Z' });
    await v2.table('outbox').add(record(3));
    v2.close();

    const journal = new JournalDb(name);
    await journal.open();
    expect(journal.verno).toBe(3);
    expect(journal.tables.map((t) => t.name)).not.toContain('deadLetters');
    expect(await journal.outbox.get(['T1', 3])).toEqual(record(3));
    expect(await journal.delivered.get(['T1', 1])).toMatchObject({ ...record(1), status: 'accepted' });
    expect(await journal.deadLetters.get(['T1', 2])).toMatchObject({ ...record(2), reason: '措施不存在' });
    // The same seq under the next identity of the PC is a row of its own.
    const successorDead: DeadLetterRecord = { ...record(2, 'T2'), id: 'x', reason: 'r', problemCode: 'p', deadAt: '2024-05-02T00:00:00Z' };
    await journal.deadLetters.put(successorDead);
    expect((await journal.deadLetters.toArray()).map((d) => `${d.terminalId}#${d.seq}`)).toEqual(['T1#2', 'T2#2']);
    journal.close();
  });
});
