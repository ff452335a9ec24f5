import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { declareJournalSchema, JournalDb } from './journalDb';

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
    expect(journal.verno).toBe(2);
    expect(await journal.outbox.count()).toBe(1);
    expect((await journal.checks.where('day').equals('2024-05-02').toArray()).map((c) => c.checkId)).toEqual(['c1']);
    expect((await journal.feedback.where('decision').equals('NOT_APPLIED').first())?.day).toBe('2024-05-01');
    journal.close();
  });
});
