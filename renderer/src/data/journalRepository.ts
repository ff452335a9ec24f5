/**
 * The journal as the core sees it: checks, feedback, commitments, the terminal's identity row, the
 * operators remembered for offline unlock, the slip key and the state of the outbox — read and
 * written by name, never table by table. Every record a clerk causes is written through the
 * JournalWriter, so it lands in one transaction with its outbox mutation and its audit records.
 * The list data has its own seam (ListDataStore); the sync engine drains the outbox itself.
 */
import Dexie from 'dexie';
import type {
  CheckBody,
  CommitmentBody,
  MutationKind,
  OfflineUnlock,
  Operator,
  RecordRef,
  RevokedTerminalKeysResponse,
} from '../../../shared/contract';
import type { RevokedTerminalKeys } from '../../../shared/slip/revocations';
import type { AuditVerification, TerminalIdentity } from '../model';
import { verifyAuditChain, type AuditEvent } from './auditChain';
import {
  readTerminalIdentity,
  type DeadLetterRecord,
  type JournalDb,
  type LocalCheck,
  type LocalCommitment,
  type LocalFeedback,
  type OutboxRecord,
} from './journalDb';
import type { JournalWriter } from './journalWriter';
import { heldRevocations, keepRevocations } from './slipRevocations';

/** Where an enrolment was being made when it was cut short (written before asking the platform). */
export interface PendingEnrolment {
  terminalName: string;
  platformUrl: string;
  startedAt: string;
}

/** An operator who logged in online on this terminal, with the verifier for an offline unlock. */
export interface RememberedOperator {
  operator: Operator;
  unlock: OfflineUnlock;
  /** The online login that handed out the verifier (absent: written by an early release). */
  rememberedAt?: string;
}

export interface SlipKey {
  terminalId: string;
  /** Browser only: the non-extractable WebCrypto key. In Electron the key lives in the main process. */
  privateKey?: CryptoKey;
  publicKey: string;
  certificate: string;
}

/** A check with the feedback recorded on it so far. */
export interface CheckWithFeedback {
  check: LocalCheck;
  feedback: LocalFeedback[];
}

/** Where a mutation stands: still queued, rejected (a dead letter) or delivered. */
export type MutationState = 'queued' | 'rejected' | 'delivered';

/** The resubmission of a dead letter was refused: it is gone or was resubmitted meanwhile. */
export class NotResubmittableError extends Error {
  constructor() {
    super('the dead letter is gone or was resubmitted already');
    this.name = 'NotResubmittableError';
  }
}

const SESSIONS_KEPT = 100;

export class JournalRepository {
  constructor(
    private readonly db: JournalDb,
    private readonly writer: JournalWriter,
  ) {}

  // ── audit ────────────────────────────────────────────────────────────────────────────────────

  /** Appends audit records (and their outbox mutations) in one transaction. */
  async audit(events: readonly AuditEvent[]): Promise<void> {
    await this.writer.commit({ audits: events });
  }

  verifyAuditChain(): Promise<AuditVerification> {
    return verifyAuditChain(this.db);
  }

  // ── the terminal's identity ──────────────────────────────────────────────────────────────────

  identity(): Promise<TerminalIdentity | null> {
    return readTerminalIdentity(this.db);
  }

  /** Records the identity and starts its outbox at seq 1; the pending enrolment is done. */
  async recordIdentity(identity: TerminalIdentity): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      await this.db.meta.put({ key: 'terminal', identity });
      await this.db.meta.put({ key: 'outboxSeq', terminalId: identity.terminalId, next: 1 });
      await this.db.meta.delete('pendingEnrolment');
    });
  }

  async notePendingEnrolment(pending: PendingEnrolment): Promise<void> {
    await this.db.meta.put({ key: 'pendingEnrolment', ...pending });
  }

  async pendingEnrolment(): Promise<PendingEnrolment | null> {
    const row = await this.db.meta.get('pendingEnrolment');
    return row?.key === 'pendingEnrolment'
      ? { terminalName: row.terminalName, platformUrl: row.platformUrl, startedAt: row.startedAt }
      : null;
  }

  /** The lowest seq of `terminalId`'s records the journal still holds (queued, delivered or dead), else its next seq. */
  async lowestHeldSeq(terminalId: string): Promise<number> {
    const [from, to] = [
      [terminalId, Dexie.minKey],
      [terminalId, Dexie.maxKey],
    ] as unknown as [[string, number], [string, number]];
    const firsts = await Promise.all(
      [this.db.outbox, this.db.delivered, this.db.deadLetters].map((table) => table.where('[terminalId+seq]').between(from, to).first()),
    );
    const seqs = firsts.filter((r) => r !== undefined).map((r) => r.seq);
    if (seqs.length > 0) return Math.min(...seqs);
    const counter = await this.db.meta.get('outboxSeq');
    return counter?.key === 'outboxSeq' && counter.terminalId === terminalId ? counter.next : 1;
  }

  // ── operators and their platform sessions ────────────────────────────────────────────────────

  async rememberedOperator(operatorId: string): Promise<RememberedOperator | null> {
    const row = await this.db.meta.get(`offlineUnlock:${operatorId}`);
    if (!row || !('unlock' in row)) return null;
    return { operator: row.operator, unlock: row.unlock, ...(row.rememberedAt ? { rememberedAt: row.rememberedAt } : {}) };
  }

  /** After an online login; `revoked`: that login revoked the sessions signed out offline. */
  async rememberOperator(remembered: Required<RememberedOperator>, revoked: boolean): Promise<void> {
    const { operator } = remembered;
    await this.db.transaction('rw', this.db.meta, async () => {
      await this.db.meta.put({ key: `offlineUnlock:${operator.id}`, ...remembered });
      await this.db.meta.put({ key: 'lastOperator', operatorId: operator.id });
      if (revoked) await this.db.meta.delete('revokeSessions');
    });
  }

  /** Platform sessions signed out while the platform could not hear it: the next login revokes them. */
  async pendingRevocations(): Promise<string[]> {
    const row = await this.db.meta.get('revokeSessions');
    return row?.key === 'revokeSessions' ? row.sessionIds : [];
  }

  async addPendingRevocation(sessionId: string): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const pending = await this.pendingRevocations();
      await this.db.meta.put({ key: 'revokeSessions', sessionIds: [...pending, sessionId].slice(-SESSIONS_KEPT) });
    });
  }

  // ── the slip key ─────────────────────────────────────────────────────────────────────────────

  async slipKey(): Promise<SlipKey | null> {
    const row = await this.db.meta.get('slipKey');
    return row?.key === 'slipKey'
      ? {
          terminalId: row.terminalId,
          ...(row.privateKey ? { privateKey: row.privateKey } : {}),
          publicKey: row.publicKey,
          certificate: row.certificate,
        }
      : null;
  }

  /** Keeps the key the platform certified; null: the platform certified none, so no key is kept. */
  async keepSlipKey(key: SlipKey | null): Promise<void> {
    if (key === null) await this.db.meta.delete('slipKey');
    else await this.db.meta.put({ key: 'slipKey', ...key });
  }

  /** The newest platform-signed list of revoked terminal keys held, verified with `platformKey` (null: none). */
  heldRevocations(platformKey: string): Promise<RevokedTerminalKeys | null> {
    return heldRevocations(this.db, platformKey);
  }

  /** Keeps a signed revocation list when the platform key signed it and it is newer than the one held. */
  keepRevocations(signed: RevokedTerminalKeysResponse, platformKey: string): Promise<boolean> {
    return keepRevocations(this.db, signed, platformKey);
  }

  // ── checks ───────────────────────────────────────────────────────────────────────────────────

  async check(checkId: string): Promise<LocalCheck | null> {
    return (await this.db.checks.get(checkId)) ?? null;
  }

  /** The check, its mutation and its audit record, in one transaction. */
  async recordCheck(check: LocalCheck, body: CheckBody, audits: readonly AuditEvent[]): Promise<void> {
    await this.writer.commit({
      tables: [this.db.checks],
      audits,
      write: async (tx) => {
        await this.db.checks.add(check);
        await tx.enqueue({ kind: 'check', body, operatorId: check.operatorId, occurredAt: check.checkedAt });
      },
    });
  }

  /** Checks recorded on a China date, newest first. */
  async checksOfDay(day: string): Promise<LocalCheck[]> {
    const checks = await this.db.checks.where('day').equals(day).toArray();
    return checks.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
  }

  /** One operator's checks, oldest first, each with its feedback — read in one transaction. */
  async checksWithFeedback(operatorId: string, only: (check: LocalCheck) => boolean = () => true): Promise<CheckWithFeedback[]> {
    return this.db.transaction('r', this.db.checks, this.db.feedback, async () => {
      const checks = await this.db.checks
        .orderBy('checkedAt')
        .filter((c) => c.operatorId === operatorId && only(c))
        .toArray();
      const out: CheckWithFeedback[] = [];
      for (const check of checks) out.push({ check, feedback: await this.db.feedback.where('checkId').equals(check.checkId).toArray() });
      return out;
    });
  }

  async checkBySlipReference(reference: string): Promise<LocalCheck | null> {
    return (await this.db.checks.filter((c) => c.slip?.reference === reference).first()) ?? null;
  }

  /** Keeps the latest signed statement printed for the check (no-op for a check not recorded here). */
  async attachSlip(checkId: string, slip: { text: string; reference: string }): Promise<void> {
    await this.db.checks.update(checkId, { slip });
  }

  // ── feedback and commitments ─────────────────────────────────────────────────────────────────

  /**
   * Feedback records, their mutations and audits in one transaction. `admit` sees the feedback
   * already on the record's measure (oldest first, read inside the transaction, so another tab's
   * write is seen) and throws to refuse the whole write. Returns the mutation ids, in order.
   */
  async recordFeedback(
    records: readonly LocalFeedback[],
    audits: readonly AuditEvent[],
    admit: (record: LocalFeedback, existing: LocalFeedback[]) => void,
  ): Promise<string[]> {
    return this.writer.commit({
      tables: [this.db.feedback],
      audits,
      write: async (tx) => {
        const ids: string[] = [];
        for (const record of records) {
          const existing = await this.db.feedback
            .where('[checkId+measureCode]')
            .equals([record.checkId, record.measureCode])
            .sortBy('decidedAt');
          admit(record, existing);
          await this.db.feedback.add(record);
          const { operatorId, decidedAt, day: _day, measureTitle: _title, matterName: _matter, ...body } = record;
          ids.push((await tx.enqueue({ kind: 'feedback', body, operatorId, occurredAt: decidedAt })).id);
        }
        return ids;
      },
    });
  }

  /** Feedback that declined a measure, newest first. */
  async declinedFeedback(limit: number): Promise<LocalFeedback[]> {
    const declined = await this.db.feedback.where('decision').equals('NOT_APPLIED').toArray();
    return declined.sort((a, b) => b.decidedAt.localeCompare(a.decidedAt)).slice(0, limit);
  }

  /** The commitment, its mutation and its audit in one transaction; returns the mutation id. */
  async recordCommitment(commitment: LocalCommitment, body: CommitmentBody, audits: readonly AuditEvent[]): Promise<string> {
    return this.writer.commit({
      tables: [this.db.commitments],
      audits,
      write: async (tx) => {
        await this.db.commitments.add(commitment);
        return (await tx.enqueue({ kind: 'commitment', body, operatorId: commitment.operatorId, occurredAt: commitment.recordedAt })).id;
      },
    });
  }

  // ── the outbox's state ───────────────────────────────────────────────────────────────────────

  /** Whether any of these mutations is still queued; else the first dead letter among them, else delivered. */
  async stateOf(ids: readonly string[]): Promise<{ state: 'queued' | 'delivered' } | { state: 'rejected'; reason: string }> {
    if ((await this.db.outbox.where('id').anyOf(ids).count()) > 0) return { state: 'queued' };
    const dead = await this.db.deadLetters.where('id').anyOf(ids).first();
    return dead ? { state: 'rejected', reason: dead.reason } : { state: 'delivered' };
  }

  /** Where the mutations of a kind about one check stand (queued wins over rejected). */
  async stateOfCheckRecords(kind: MutationKind, checkId: string): Promise<MutationState> {
    const ofCheck = (r: OutboxRecord) => r.kind === kind && (r.body as { checkId?: unknown } | null)?.checkId === checkId;
    if ((await this.db.outbox.filter(ofCheck).count()) > 0) return 'queued';
    if ((await this.db.deadLetters.filter(ofCheck).count()) > 0) return 'rejected';
    return 'delivered';
  }

  /** Every dead letter, in key order. */
  deadLetters(): Promise<DeadLetterRecord[]> {
    return this.db.deadLetters.orderBy(':id').toArray();
  }

  async deadLetter(terminalId: string, seq: number): Promise<DeadLetterRecord | null> {
    return (await this.db.deadLetters.get([terminalId, seq])) ?? null;
  }

  /** Where a record queued under `ref` stands now. */
  async stateOfRecord(ref: RecordRef): Promise<MutationState> {
    const key: [string, number] = [ref.terminalId, ref.seq];
    const [queued, rejected] = await Promise.all([this.db.outbox.get(key), this.db.deadLetters.get(key)]);
    return queued?.id === ref.id ? 'queued' : rejected?.id === ref.id ? 'rejected' : 'delivered';
  }

  /**
   * Queues the dead letter again (same kind, body and time, naming it) and marks it resubmitted, with
   * its audit record, in one transaction. NotResubmittableError when it is gone or was resubmitted,
   * also by another tab meanwhile. Returns the new mutation's id.
   */
  async resubmitDeadLetter(
    terminalId: string,
    seq: number,
    by: { operatorId: string; at: string },
    audits: (dead: DeadLetterRecord) => readonly AuditEvent[],
  ): Promise<string> {
    const dead = await this.deadLetter(terminalId, seq);
    if (!dead || dead.resubmittedAs) throw new NotResubmittableError();
    return this.writer.commit({
      tables: [this.db.deadLetters],
      audits: audits(dead),
      write: async (tx) => {
        const current = await this.db.deadLetters.get([terminalId, seq]);
        if (!current || current.resubmittedAs) throw new NotResubmittableError();
        const record = await tx.enqueue({
          kind: current.kind,
          body: current.body,
          operatorId: by.operatorId,
          // The record is about what happened then; who resubmitted it is operatorId (and the audit).
          occurredAt: current.occurredAt,
          resubmits: { terminalId: current.terminalId, seq: current.seq, id: current.id },
        });
        await this.db.deadLetters.update([terminalId, seq], {
          resubmittedAs: { terminalId: record.terminalId, seq: record.seq, id: record.id, at: by.at, by: by.operatorId },
        });
        return record.id;
      },
    });
  }

  /** How many records the journal holds: queued, delivered and still kept, dead. */
  async heldCount(): Promise<number> {
    const counts = await Promise.all([this.db.outbox, this.db.delivered, this.db.deadLetters].map((t) => t.count()));
    return counts.reduce((a, b) => a + b, 0);
  }

  /** Every record held (queued, delivered, dead) read in one transaction, by terminal id then seq. */
  async heldRecords(): Promise<OutboxRecord[]> {
    const rows = await this.db.transaction('r', this.db.outbox, this.db.delivered, this.db.deadLetters, async () =>
      (await Promise.all([this.db.outbox.toArray(), this.db.delivered.toArray(), this.db.deadLetters.toArray()])).flat(),
    );
    return rows.sort((a, b) => (a.terminalId < b.terminalId ? -1 : a.terminalId > b.terminalId ? 1 : a.seq - b.seq));
  }

  queuedCount(): Promise<number> {
    return this.db.outbox.count();
  }
}
