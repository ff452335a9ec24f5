import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubjectHasher, verifyAuditChain, type AuditEvent } from './auditChain';
import { JournalDb } from './journalDb';
import { JournalWriter, NotEnrolledError } from './journalWriter';
import { residentId } from '../../../tests/helpers/fixtures';

let name: string;
const dbs: JournalDb[] = [];
let n = 0;

function open(): { db: JournalDb; writer: JournalWriter } {
  const db = new JournalDb(name);
  dbs.push(db);
  return { db, writer: new JournalWriter(db, new SubjectHasher(db), () => new Date('2024-06-01T08:00:00Z')) };
}

const event = (i: number): AuditEvent => ({
  action: 'LOOKUP',
  actor: 'op1',
  purpose: { matterCode: 'M001', caseNo: `C${i}` },
  subject: { identifier: '371002198001011234', masked: '3710**********1234' },
  outcome: 'online:CLEAN',
  detail: null,
});

beforeEach(async () => {
  name = `journal-${++n}-${Date.now()}`;
  const { db } = open();
  await db.meta.put({
    key: 'terminal',
    identity: { terminalId: 'T1', terminalName: 'W1', platformUrl: 'http://x', enrolledAt: '2024-01-01T00:00:00Z' },
  });
});
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
});

describe('JournalWriter', () => {
  it('assigns gap-free seqs under concurrent writers on separate connections (two tabs)', async () => {
    const tabA = open();
    const tabB = open();
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? tabA : tabB).writer.commit({
        audits: i % 5 === 0 ? [event(i)] : [],
        write: (tx) => tx.enqueue({ kind: 'check', body: { i }, operatorId: 'op1', occurredAt: '2024-06-01T08:00:00Z' }),
      }),
    );
    await Promise.all(writes);
    const seqs = (await tabA.db.outbox.orderBy(':id').toArray()).map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: 48 }, (_, i) => i + 1));
    const ids = new Set((await tabA.db.outbox.toArray()).map((r) => r.id));
    expect(ids.size).toBe(48);
    // The audit chain stayed one chain although both tabs appended.
    expect(await verifyAuditChain(tabA.db)).toEqual({ ok: true, checked: 8 });
  });

  it('writes nothing when the caller aborts inside the transaction', async () => {
    const { db, writer } = open();
    await expect(
      writer.commit({
        audits: [event(1)],
        write: async (tx) => {
          await tx.enqueue({ kind: 'check', body: {}, operatorId: 'op1', occurredAt: '2024-06-01T08:00:00Z' });
          throw new Error('refused');
        },
      }),
    ).rejects.toThrow('refused');
    expect(await db.outbox.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
    expect(await db.meta.get('outboxSeq')).toBeUndefined();
  });

  it('refuses to queue anything before enrolment', async () => {
    const { db, writer } = open();
    await db.meta.delete('terminal');
    await expect(writer.commit({ audits: [event(1)] })).rejects.toBeInstanceOf(NotEnrolledError);
  });

  it('never puts the clear identifier into the audit trail', async () => {
    const { db, writer } = open();
    await writer.commit({ audits: [event(1)] });
    const [record] = await db.audit.toArray();
    const outbox = await db.outbox.toArray();
    const text = JSON.stringify({ record, outbox });
    expect(text).not.toContain('371002198001011234');
    expect(record?.subjectMasked).toBe('3710**********1234');
    expect(record?.subjectHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps only the masked form of an ID number typed into free text (an unmask reason)', async () => {
    const { db, writer } = open();
    const id = residentId('371002', '19800101', '123');
    await writer.commit({ audits: [{ ...event(1), action: 'UNMASK', detail: `核对${id}原件` }] });
    const text = JSON.stringify({ audit: await db.audit.toArray(), outbox: await db.outbox.toArray() });
    expect(text).not.toContain(id);
    expect((await db.audit.toArray())[0]?.detail).toBe(`核对3710**********${id.slice(-4)}原件`);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 1 });
  });

  it('keeps only the masked form of an ID number typed into the 工号 field (a refused sign-in names what was typed)', async () => {
    const { db, writer } = open();
    const id = residentId('371002', '19800101', '123');
    await writer.commit({ audits: [{ ...event(1), action: 'LOGIN', actor: id, purpose: null, subject: null, outcome: 'refused' }] });
    const text = JSON.stringify({ audit: await db.audit.toArray(), outbox: await db.outbox.toArray() });
    expect(text).not.toContain(id);
    const masked = `3710**********${id.slice(-4)}`;
    expect((await db.audit.toArray())[0]?.actor).toBe(masked);
    // The record goes out under the same name, so the platform's exemption for refused sign-ins still applies.
    expect((await db.outbox.toArray())[0]?.operatorId).toBe(masked);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, checked: 1 });
  });
});

describe('audit chain verification', () => {
  async function chainOf(count: number) {
    name = `journal-${++n}-${Date.now()}`;
    const { db, writer } = open();
    await db.meta.put({
      key: 'terminal',
      identity: { terminalId: 'T1', terminalName: 'W1', platformUrl: 'http://x', enrolledAt: '2024-01-01T00:00:00Z' },
    });
    for (let i = 0; i < count; i++) await writer.commit({ audits: [event(i)] });
    return db;
  }

  it('accepts an untouched chain', async () => {
    expect(await verifyAuditChain(await chainOf(5))).toEqual({ ok: true, checked: 5 });
  });

  it('detects a changed record', async () => {
    const db = await chainOf(5);
    await db.audit.update(2, { outcome: 'online:RED' });
    const result = await verifyAuditChain(db);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ code: 'altered', params: { position: 3 } });
  });

  it('detects a changed record whose hash was recomputed (the next link breaks)', async () => {
    const { hashAuditRecord } = await import('./auditChain');
    const db = await chainOf(5);
    const record = (await db.audit.get(2))!;
    const forged = { ...record, outcome: 'online:RED' };
    forged.hash = await hashAuditRecord(forged);
    await db.audit.put(forged);
    const result = await verifyAuditChain(db);
    expect(result).toMatchObject({ ok: false });
    expect(result.problem).toEqual({ code: 'unlinked', params: { position: 4 } });
  });

  it('detects a removed record in the middle and at the end', async () => {
    const middle = await chainOf(5);
    await middle.audit.delete(1);
    expect((await verifyAuditChain(middle)).problem).toEqual({ code: 'missing', params: { position: 2, next: 3 } });

    const tail = await chainOf(5);
    await tail.audit.delete(4);
    expect((await verifyAuditChain(tail)).problem).toEqual({ code: 'tail_removed', params: { expected: 5, found: 4 } });
  });
});
