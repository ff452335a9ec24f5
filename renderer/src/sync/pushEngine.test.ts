import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Mutation, OutboxRequest, OutboxResponse } from '../../../shared/contract';
import { problem } from '../../../shared/contract';
import { SubjectHasher } from '../data/auditChain';
import { JournalDb } from '../data/journalDb';
import { JournalWriter } from '../data/journalWriter';
import { PlatformError } from '../api/platformError';
import { describeError } from '../i18n';
import { drainOutbox } from './pushEngine';

/** A platform double with the v1 outbox rules: ids idempotent, seqs applied in order, gaps refused. */
class FakeOutboxPlatform {
  next = 1;
  readonly applied = new Map<string, Mutation>();
  readonly bySeq = new Map<number, string>();
  rejectKinds = new Set<string>();
  /** Apply the batch but lose the reply (connection dropped after processing). */
  dropReplies = 0;
  calls = 0;

  async pushOutbox(request: OutboxRequest): Promise<OutboxResponse> {
    this.calls += 1;
    const results: OutboxResponse['results'] = [];
    const receivedAt = '2024-06-01T08:00:00Z';
    for (const m of request.mutations) {
      const known = this.applied.get(m.id);
      if (known) {
        results.push({ id: m.id, seq: m.seq, status: 'duplicate', receivedAt });
        continue;
      }
      if (m.seq > this.next) {
        if (results.length > 0) break;
        throw new PlatformError({
          kind: 'seq-gap',
          status: 409,
          expectedSeq: this.next,
          problem: problem(409, 'seq_gap', 'gap', { expectedSeq: this.next }),
          userError: { code: 'seq_gap', message: 'gap' },
        });
      }
      if (m.seq < this.next) {
        results.push({ id: m.id, seq: m.seq, status: 'rejected', receivedAt, problem: problem(409, 'seq_conflict', '序号已被占用') });
        continue;
      }
      this.next += 1;
      if (this.rejectKinds.has(m.kind)) {
        results.push({
          id: m.id,
          seq: m.seq,
          status: 'rejected',
          receivedAt,
          problem: problem(422, 'business_rule', '反馈不符合规则', { detail: '措施不存在' }),
        });
        continue;
      }
      this.applied.set(m.id, m);
      this.bySeq.set(m.seq, m.id);
      results.push({ id: m.id, seq: m.seq, status: 'accepted', receivedAt });
    }
    if (this.dropReplies > 0) {
      this.dropReplies -= 1;
      throw new PlatformError({ kind: 'network', userError: { code: 'network', message: 'lost' } });
    }
    return { results, nextSeq: this.next };
  }
}

let journal: JournalDb;
let writer: JournalWriter;
let platform: FakeOutboxPlatform;
let n = 0;

beforeEach(async () => {
  journal = new JournalDb(`push-${++n}-${Date.now()}`);
  writer = new JournalWriter(journal, new SubjectHasher(journal), () => new Date('2024-06-01T08:00:00Z'));
  await journal.meta.put({
    key: 'terminal',
    identity: { terminalId: 'T1', terminalName: 'W1', platformUrl: 'http://x', enrolledAt: '2024-01-01T00:00:00Z' },
  });
  platform = new FakeOutboxPlatform();
});
afterEach(() => journal.close());

async function queue(count: number, kind: 'check' | 'feedback' = 'check'): Promise<void> {
  for (let i = 0; i < count; i++) {
    await writer.commit({
      audits: [],
      write: (tx) => tx.enqueue({ kind, body: { i }, operatorId: 'op', occurredAt: '2024-06-01T08:00:00Z' }),
    });
  }
}

const drain = (extra: Partial<Parameters<typeof drainOutbox>[0]> = {}) =>
  drainOutbox({ client: platform, journal, terminalId: 'T1', now: () => new Date('2024-06-01T08:00:00Z'), batchSize: 3, ...extra });

describe('drainOutbox', () => {
  it('delivers everything in seq order, in batches', async () => {
    await queue(7);
    const outcome = await drain();
    expect(outcome).toMatchObject({ remaining: 0 });
    expect(outcome.delivered).toHaveLength(7);
    expect([...platform.bySeq.keys()]).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(platform.calls).toBe(3);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('moves a rejected mutation to the dead letters and keeps going behind it', async () => {
    await queue(2);
    await queue(1, 'feedback');
    await queue(2);
    platform.rejectKinds.add('feedback');
    const outcome = await drain();
    expect(outcome.rejected).toHaveLength(1);
    expect(outcome.delivered).toHaveLength(4);
    const dead = await journal.deadLetters.toArray();
    expect(dead).toHaveLength(1);
    expect(dead[0]).toMatchObject({ seq: 3, kind: 'feedback', reason: '措施不存在', problemCode: 'business_rule' });
    expect(await journal.outbox.count()).toBe(0);
  });

  it('recovers a batch whose reply was lost: resent, answered as duplicates, applied once', async () => {
    await queue(3);
    platform.dropReplies = 1;
    await expect(drain()).rejects.toMatchObject({ kind: 'network' });
    expect(await journal.outbox.count()).toBe(3);
    const outcome = await drain();
    expect(outcome.delivered).toHaveLength(3);
    expect(platform.applied.size).toBe(3);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('refills from the delivered log when the platform asks for a lower seq than the first queued one', async () => {
    await queue(4);
    await drain();
    await queue(2);
    // The platform lost seq 3 and 4 (restored from a backup).
    platform.next = 3;
    for (const seq of [3, 4]) {
      platform.applied.delete(platform.bySeq.get(seq)!);
      platform.bySeq.delete(seq);
    }
    const outcome = await drain();
    expect(outcome.delivered).toHaveLength(4);
    expect([...platform.bySeq.keys()].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('refills a gap that holds a dead letter too (a rejected mutation also took its seq)', async () => {
    platform.rejectKinds.add('feedback');
    await queue(1);
    await queue(1, 'feedback');
    await queue(2);
    await drain();
    expect((await journal.deadLetters.toArray()).map((d) => d.seq)).toEqual([2]);
    await queue(1);
    // The platform lost seq 2–4 (restored from a backup); seq 2 had been rejected.
    platform.next = 2;
    for (const seq of [3, 4]) {
      platform.applied.delete(platform.bySeq.get(seq)!);
      platform.bySeq.delete(seq);
    }
    await drain();
    expect([...platform.bySeq.keys()].sort((a, b) => a - b)).toEqual([1, 3, 4, 5]);
    expect(platform.next).toBe(6);
    expect((await journal.deadLetters.toArray()).map((d) => d.seq)).toEqual([2]);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('dead letters are kept per terminal and seq: a re-enrolled terminal’s T2#2 does not replace T1#2', async () => {
    platform.rejectKinds.add('feedback');
    await queue(1);
    await queue(1, 'feedback');
    await drain();
    // Re-enrolled: a new identity whose seqs start at 1 again, on a platform that knows it afresh.
    await journal.meta.put({
      key: 'terminal',
      identity: { terminalId: 'T2', terminalName: 'W1', platformUrl: 'http://x', enrolledAt: '2024-06-01T09:00:00Z' },
    });
    platform.next = 1;
    await queue(1);
    await queue(1, 'feedback');
    await drain({ terminalId: 'T2' });
    const dead = await journal.deadLetters.toArray();
    expect(dead.map((d) => `${d.terminalId}#${d.seq}`).sort()).toEqual(['T1#2', 'T2#2']);
  });

  it('keeps delivered records for the retention window (default 7 days), whatever their number, and only that long', async () => {
    const day = (d: number) => () => new Date(Date.parse('2024-06-01T08:00:00Z') + d * 86_400_000);
    await queue(3);
    await drain({ now: day(0) });
    await queue(2);
    await drain({ now: day(6) });
    expect(await journal.delivered.count()).toBe(5);
    await queue(1);
    await drain({ now: day(7.5) });
    // Delivered on day 0: older than 7 days now. Day 6 and day 7.5: kept.
    expect((await journal.delivered.toArray()).map((r) => r.seq)).toEqual([4, 5, 6]);
    await queue(1);
    await drain({ now: day(8), keepDeliveredMs: 30 * 86_400_000 });
    expect((await journal.delivered.toArray()).map((r) => r.seq)).toEqual([4, 5, 6, 7]);
  });

  it('refills a lost tail from within the window; a gap older than the window stops with a typed error, deleting nothing', async () => {
    const day = (d: number) => () => new Date(Date.parse('2024-06-01T08:00:00Z') + d * 86_400_000);
    const lose = (...seqs: number[]) => {
      for (const seq of seqs) platform.applied.delete(platform.bySeq.get(seq)!);
      platform.next = Math.min(...seqs);
    };
    await queue(4);
    await drain({ now: day(0) });
    await queue(2);
    await drain({ now: day(8) }); // seqs 1–4, delivered on day 0, are older than 7 days now: pruned
    expect((await journal.delivered.toArray()).map((r) => r.seq)).toEqual([5, 6]);

    // A power cut: the platform lost what it acknowledged on day 8 (seqs 5 and 6). Refilled.
    lose(5, 6);
    await queue(1);
    await drain({ now: day(8.5) });
    expect([...platform.applied.values()].map((m) => m.seq).sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);

    // A restore that lost seqs 3–7: 3 and 4 are no longer kept, so the gap cannot be filled from here.
    lose(3, 4, 5, 6, 7);
    await queue(1);
    const lost: unknown = await drain({ now: day(9) }).catch((e: unknown) => e);
    expect(lost).toMatchObject({ userError: { code: 'seq_gap_unrecoverable', params: { reason: 'lost', from: 3, to: 7 } } });
    expect(describeError(lost)).toContain('第 3–7 号');
    expect(await journal.outbox.count()).toBe(1);
    expect((await journal.delivered.toArray()).map((r) => r.seq)).toEqual([5, 6, 7]);
  });

  it('when the platform expects a higher seq, sends the lower ones alone so each gets a final answer', async () => {
    await queue(3);
    platform.next = 3; // seqs 1–2 taken by someone else
    const outcome = await drain();
    expect(outcome.delivered).toHaveLength(1);
    expect(outcome.rejected).toHaveLength(2);
    expect((await journal.deadLetters.toArray()).map((d) => d.problemCode)).toEqual(['seq_conflict', 'seq_conflict']);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('a 409 that claims a higher seq than the first queued one: those are sent alone and each gets an answer', async () => {
    await queue(4);
    const sent: number[][] = [];
    // A platform that (wrongly) answers a gap claiming it expects seq 3 for a batch starting at 1,
    // then judges the lone 1–2 itself: 1 is a duplicate it knew, 2 is rejected.
    const client = {
      async pushOutbox(request: OutboxRequest): Promise<OutboxResponse> {
        const seqs = request.mutations.map((m) => m.seq);
        sent.push(seqs);
        const receivedAt = '2024-06-01T08:00:00Z';
        if (seqs[0] === 1 && seqs.length > 2) {
          throw new PlatformError({
            kind: 'seq-gap',
            status: 409,
            expectedSeq: 3,
            problem: problem(409, 'seq_gap', 'gap', { expectedSeq: 3 }),
            userError: { code: 'seq_gap', message: 'gap' },
          });
        }
        return {
          results: request.mutations.map((m) =>
            m.seq === 1
              ? { id: m.id, seq: m.seq, status: 'duplicate' as const, receivedAt }
              : m.seq === 2
                ? { id: m.id, seq: m.seq, status: 'rejected' as const, receivedAt, problem: problem(409, 'seq_conflict', '序号已被占用') }
                : { id: m.id, seq: m.seq, status: 'accepted' as const, receivedAt },
          ),
          nextSeq: 5,
        };
      },
    };
    const outcome = await drainOutbox({ client, journal, terminalId: 'T1', now: () => new Date('2024-06-01T08:00:00Z'), batchSize: 10 });
    expect(sent).toEqual([
      [1, 2, 3, 4],
      [1, 2],
      [3, 4],
    ]);
    expect(outcome.delivered).toHaveLength(3);
    expect((await journal.deadLetters.toArray()).map((d) => d.seq)).toEqual([2]);
    expect(await journal.outbox.count()).toBe(0);
  });
});
