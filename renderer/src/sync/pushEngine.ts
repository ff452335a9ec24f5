/**
 * Push: drain the outbox in seq order, in batches, per terminal identity: the
 * records of earlier identities of this PC first (hand-over: the platform linked them to this one,
 * and they go under their original terminal id and seq), then this terminal's own. Per mutation:
 * accepted or duplicate → delivered (removed from the outbox); rejected → dead letter, final,
 * never retried and never blocking the mutations behind it. A batch whose reply was lost is
 * simply sent again — the ids make the platform answer "duplicate".
 *
 * Seq gaps (409 `seq_gap` with the platform's expectedSeq E, our first outstanding seq F):
 * - E < F: the platform lacks mutations we already saw acknowledged (it was restored from a
 *   backup, or lost them in a crash after answering). We keep delivered mutations for a window IT sets
 *   (deliveredRetentionDays, and the dead letters, whose rejection took a seq too), so we put E…F−1 back into the outbox with their original ids and seqs and carry on. If they are no
 *   longer kept, the gap cannot be filled from here: the queue stops with a typed error for IT,
 *   nothing is deleted, and the next try asks again (the platform may have been fixed meanwhile).
 * - E > F: the platform says it already holds F…E−1 but did not recognise them as duplicates
 *   (their ids are unknown to it — e.g. another install used the same terminal identity). We never
 *   drop or renumber unconfirmed records: F…E−1 are sent on their own so the platform answers each
 *   one (duplicate, or rejected → dead letter where IT can see it). If it answers with a gap again,
 *   we stop with a typed error.
 */
import Dexie from 'dexie';
import type { Mutation, OutboxResponse } from '../../../shared/contract';
import type { DeadLetterRecord, DeliveredRecord, JournalDb, OutboxRecord, RecordKey } from '../data/journalDb';
import type { PlatformClient } from '../api/platformClient';
import { PlatformError, isPlatformError } from '../api/platformError';
import { codedError, type MessageParams } from '../model';

export interface PushDeps {
  client: Pick<PlatformClient, 'pushOutbox'>;
  journal: JournalDb;
  /** This terminal's identity. */
  terminalId: string;
  /** Earlier identities of this PC whose queued records this terminal delivers (hand-over), oldest first. */
  predecessors?: readonly string[];
  now: () => Date;
  batchSize: number;
  /** How long delivered mutations are kept for refilling a platform that lost them. */
  keepDeliveredMs?: number;
  signal?: AbortSignal;
  heartbeat?: () => void;
  onProgress?: (sent: number, remaining: number) => void;
}

export interface PushOutcome {
  /** Accepted or duplicate. */
  delivered: string[];
  rejected: string[];
  remaining: number;
}

export const DEFAULT_DELIVERED_RETENTION_DAYS = 7;
const DAY_MS = 86_400_000;
const MAX_GAP_ROUNDS = 4;

export function toMutation(record: OutboxRecord): Mutation {
  return {
    id: record.id,
    seq: record.seq,
    kind: record.kind,
    occurredAt: record.occurredAt,
    operatorId: record.operatorId,
    body: record.body,
    ...(record.resubmits ? { resubmits: record.resubmits } : {}),
  };
}

export class SeqGapError extends PlatformError {}

/** Why the outbox cannot go on: `reason` (foreign, unresolved, conflict, lost) and its seqs, worded by the catalogue. */
function gapError(params: MessageParams & { reason: 'foreign' | 'unresolved' | 'conflict' | 'lost' }, cause?: unknown): SeqGapError {
  return new SeqGapError({ kind: 'rejected', status: 409, userError: codedError('seq_gap_unrecoverable', params), cause });
}

/** Keys of one terminal's rows from seq `from` (inclusive) to `to` (exclusive). */
function seqRange(terminalId: string, from: number | typeof Dexie.minKey, to: number | typeof Dexie.maxKey): [RecordKey, RecordKey] {
  return [[terminalId, from] as unknown as RecordKey, [terminalId, to] as unknown as RecordKey];
}

export async function drainOutbox(deps: PushDeps): Promise<PushOutcome> {
  const outcome: PushOutcome = { delivered: [], rejected: [], remaining: 0 };
  const senders = [...(deps.predecessors ?? []).filter((id) => id !== deps.terminalId), deps.terminalId];
  const queued = new Set((await deps.journal.outbox.orderBy('terminalId').uniqueKeys()) as string[]);
  let firstRefusal: unknown = null;
  for (const terminalId of senders) {
    if (!queued.has(terminalId)) continue;
    try {
      await drainTerminal(deps, terminalId, outcome);
    } catch (error) {
      // A refusal for one identity (not linked, gap that cannot be filled) must not hold back the
      // others; anything about the connection or the session stops the whole run.
      if (!isPlatformError(error) || !error.refused) throw error;
      firstRefusal ??= error;
    }
  }
  outcome.remaining = await deps.journal.outbox.count();
  if (firstRefusal !== null) throw firstRefusal;
  if ([...queued].some((id) => !senders.includes(id))) {
    throw gapError({ reason: 'foreign' });
  }
  return outcome;
}

async function drainTerminal(deps: PushDeps, terminalId: string, outcome: PushOutcome): Promise<void> {
  let gapRounds = 0;
  let onlyBelow: number | null = null;
  for (;;) {
    if (deps.signal?.aborted) throw deps.signal.reason ?? new Error('aborted');
    let batch = await deps.journal.outbox
      .where('[terminalId+seq]')
      .between(...seqRange(terminalId, Dexie.minKey, Dexie.maxKey))
      .limit(deps.batchSize)
      .toArray();
    if (onlyBelow !== null) batch = batch.filter((r) => r.seq < onlyBelow!);
    onlyBelow = null;
    if (batch.length === 0) return;

    let response: OutboxResponse;
    try {
      response = await deps.client.pushOutbox({ terminalId, mutations: batch.map(toMutation) }, deps.signal);
    } catch (error) {
      const expected = seqGapExpected(error);
      if (expected === null) throw error;
      if (++gapRounds > MAX_GAP_ROUNDS) throw gapError({ reason: 'unresolved', expected }, error);
      const first = batch[0]!.seq;
      if (expected < first) {
        await refillFromDelivered(deps.journal, terminalId, expected, first);
      } else if (expected > first) {
        onlyBelow = expected;
      } else {
        throw gapError({ reason: 'conflict', expected }, error);
      }
      continue;
    }
    const progressed = await applyResults(deps, batch, response, outcome);
    deps.heartbeat?.();
    const remaining = await deps.journal.outbox.count();
    deps.onProgress?.(outcome.delivered.length + outcome.rejected.length, remaining);
    if (!progressed) {
      // The platform answered but settled nothing: back off rather than spin.
      throw new PlatformError({
        kind: 'server',
        status: 200,
        userError: codedError('push_no_progress'),
      });
    }
  }
}

function seqGapExpected(error: unknown): number | null {
  return isPlatformError(error) && error.kind === 'seq-gap' ? error.expectedSeq : null;
}

async function refillFromDelivered(journal: JournalDb, terminalId: string, from: number, to: number): Promise<void> {
  await journal.transaction('rw', journal.outbox, journal.delivered, journal.deadLetters, async () => {
    const range = seqRange(terminalId, from, to);
    const kept = await journal.delivered
      .where('[terminalId+seq]')
      .between(...range, true, false)
      .toArray();
    // A rejected mutation took its seq too: the platform needs it again to close the gap (and will
    // answer it again — usually rejected, back to the dead letters).
    const dead = await journal.deadLetters
      .where('[terminalId+seq]')
      .between(...range, true, false)
      .toArray();
    if (new Set([...kept, ...dead].map((r) => r.seq)).size !== to - from) {
      throw gapError({ reason: 'lost', from, to: to - 1 });
    }
    for (const record of kept) {
      const { deliveredAt: _at, status: _status, note: _note, ...mutation } = record;
      await journal.outbox.put(mutation);
      await journal.delivered.delete([record.terminalId, record.seq]);
    }
    for (const record of dead) {
      const { reason: _reason, problemCode: _code, deadAt: _at, resubmittedAs: _as, ...mutation } = record;
      await journal.outbox.put(mutation);
      await journal.deadLetters.delete([record.terminalId, record.seq]);
    }
  });
}

async function applyResults(deps: PushDeps, batch: OutboxRecord[], response: OutboxResponse, outcome: PushOutcome): Promise<boolean> {
  const bySeq = new Map(batch.map((r) => [r.seq, r] as const));
  const now = deps.now();
  const at = now.toISOString();
  const keepMs = deps.keepDeliveredMs ?? DEFAULT_DELIVERED_RETENTION_DAYS * DAY_MS;
  const settled: RecordKey[] = [];
  const delivered: DeliveredRecord[] = [];
  const dead: DeadLetterRecord[] = [];
  for (const result of response.results) {
    const record = bySeq.get(result.seq);
    // A result must name the very mutation we sent under that seq; anything else is ignored.
    if (!record || record.id !== result.id) continue;
    bySeq.delete(result.seq);
    settled.push([record.terminalId, record.seq]);
    if (result.status === 'rejected') {
      const problem = result.problem;
      dead.push({
        ...record,
        // The platform's own words; a rejection without any is worded by its code where it is shown.
        reason: problem?.detail ?? problem?.title ?? '',
        problemCode: problem?.code ?? 'rejected',
        deadAt: at,
      });
    } else {
      delivered.push({ ...record, deliveredAt: at, status: result.status, ...(result.note ? { note: result.note } : {}) });
    }
  }
  if (settled.length === 0) return false;
  // One transaction, bulk operations: the answer of a batch is applied all or nothing.
  const { journal } = deps;
  await journal.transaction('rw', journal.outbox, journal.delivered, journal.deadLetters, journal.checks, async () => {
    await journal.outbox.bulkDelete(settled);
    if (delivered.length > 0) await journal.delivered.bulkPut(delivered);
    // The supervisor view shows the platform's remark with the check it is about.
    for (const record of delivered) {
      const checkId = record.kind === 'check' ? (record.body as { checkId?: unknown } | null)?.checkId : undefined;
      if (record.note && typeof checkId === 'string') await journal.checks.update(checkId, { platformNote: record.note });
    }
    if (dead.length > 0) await deps.journal.deadLetters.bulkPut(dead);
    // Kept for a time, not a count: a platform that lost its last hours (a restore, a power cut)
    // is refilled whatever the terminal's volume.
    await deps.journal.delivered
      .where('deliveredAt')
      .below(new Date(now.getTime() - keepMs).toISOString())
      .delete();
  });
  outcome.delivered.push(...delivered.map((r) => r.id));
  outcome.rejected.push(...dead.map((r) => r.id));
  return true;
}
