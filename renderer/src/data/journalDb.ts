/**
 * The journal database: what clerks recorded and what still has to reach the platform.
 * Precious — nothing in the cache lifecycle (wipe, rebuild, resync) touches it.
 */
import Dexie, { type Table } from 'dexie';
import type {
  AuditBody,
  CommitmentBody,
  FeedbackBody,
  MutationKind,
  OfflineUnlock,
  Operator,
  RecordRef,
  SignedDataVersion,
} from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import type { Check, TerminalIdentity } from '../model';

/** A mutation waiting to be pushed, in seq order. */
export interface OutboxRecord {
  seq: number;
  /** UUIDv7 idempotency key. */
  id: string;
  kind: MutationKind;
  occurredAt: string;
  operatorId: string;
  terminalId: string;
  body: unknown;
  enqueuedAt: string;
  /** A dead letter this record resubmits (same kind and body, new id and seq). */
  resubmits?: RecordRef;
}

/** Outbox, delivered and dead-letter rows are keyed by the identity that numbered them and its seq. */
export type RecordKey = [terminalId: string, seq: number];

/** Rejected by the platform: final, visible, never retried, never blocking the queue. */
export interface DeadLetterRecord extends OutboxRecord {
  reason: string;
  problemCode: string;
  deadAt: string;
  /** A supervisor or IT resubmitted it (once its cause was fixed) as this new record. */
  resubmittedAs?: RecordRef & { at: string; by: string };
}

/**
 * Recently acknowledged mutations. Kept for a while so that if the platform later asks for a
 * lower seq than the first one still queued (it lost what it had acknowledged, e.g. restored
 * from a backup) the client can send them again with their original ids.
 */
export interface DeliveredRecord extends OutboxRecord {
  deliveredAt: string;
  status: 'accepted' | 'duplicate';
  /** The platform's remark on accepting it, if any. */
  note?: string;
}

export interface LocalCheck {
  checkId: string;
  checkedAt: string;
  /** China date of checkedAt, for "today's checks". */
  day: string;
  operatorId: string;
  terminalId: string;
  /** The full view, so a reload can still show, print and unmask it. Holds the clear identifier. */
  view: Check;
  /** The platform accepted the check with a remark for supervisors (MutationResult.note). */
  platformNote?: string;
  /**
   * The platform-signed statement of the list snapshot this terminal's data was based on when the
   * check was decided (the check's own dataVersion may be later: deltas after the snapshot, or the
   * platform's live data online). null: no signed snapshot held (per-record layout, or none yet).
   */
  signedData?: SignedDataVersion | null;
  /** The latest signed statement printed on its slip (Base45 QR text and reference number). */
  slip?: { text: string; reference: string };
}

export interface LocalFeedback extends FeedbackBody {
  operatorId: string;
  decidedAt: string;
  day: string;
  measureTitle: string;
  matterName: string;
}

export interface LocalCommitment extends CommitmentBody {
  operatorId: string;
  recordedAt: string;
}

export type AuditRecord = AuditBody;

export type MetaRecord =
  | { key: 'terminal'; identity: TerminalIdentity }
  /** Browser host only (a browser has no OS store); terminalId absent when written by release 0.1. */
  | { key: 'terminalSecret'; secret: string; terminalId?: string }
  | { key: 'outboxSeq'; terminalId: string; next: number }
  /** Written before asking the platform for a new identity, removed once the identity is recorded. */
  | { key: 'pendingEnrolment'; terminalName: string; platformUrl: string; startedAt: string }
  | { key: 'auditHead'; chainSeq: number; hash: string }
  | { key: 'auditKey'; raw: string }
  /**
   * The terminal's slip key and the platform's certificate of it (base64). privateKey: the browser's
   * non-extractable WebCrypto key; absent in Electron, where the key lives in the main process.
   */
  | { key: 'slipKey'; terminalId: string; privateKey?: CryptoKey; publicKey: string; certificate: string }
  /** The newest platform-signed list of revoked terminal keys seen (data/slipRevocations.ts). */
  | { key: 'revokedTerminalKeys'; statement: string; signature: string }
  | { key: 'lastOperator'; operatorId: string }
  /** Platform sessions signed out while the platform could not be reached: the next login revokes them. */
  | { key: 'revokeSessions'; sessionIds: string[] }
  /** rememberedAt: the online login that handed out the verifier (the terminal policy's window starts there). */
  | { key: `offlineUnlock:${string}`; operator: Operator; unlock: OfflineUnlock; rememberedAt?: string };

export const JOURNAL_DB_VERSION = 3;

/** v3 stores of the outbox, the delivered log and the dead letters (see declareJournalSchema). */
const V3_STORES = { outbox: 'outboxV3', delivered: 'deliveredV3', deadLetters: 'deadLettersV3' } as const;

export function declareJournalSchema(db: Dexie, upTo: number = JOURNAL_DB_VERSION): void {
  db.version(1).stores({
    outbox: 'seq, &id',
    delivered: 'seq, deliveredAt',
    deadLetters: 'seq, id',
    checks: 'checkId, checkedAt',
    feedback: 'feedbackId, checkId, [checkId+measureCode]',
    commitments: 'commitmentId, checkId',
    audit: 'chainSeq',
    meta: 'key',
  });
  if (upTo < 2) return;
  // v2: supervisor screens list "today" by China date and declined measures by decision;
  // checks and feedback written by v1 get their day filled in.
  db.version(2)
    .stores({
      checks: 'checkId, checkedAt, day',
      feedback: 'feedbackId, checkId, [checkId+measureCode], decision, day',
    })
    .upgrade(async (tx) => {
      await tx
        .table<LocalCheck, string>('checks')
        .toCollection()
        .modify((check) => {
          check.day = chinaDate(new Date(check.checkedAt));
        });
      await tx
        .table<LocalFeedback, string>('feedback')
        .toCollection()
        .modify((fb) => {
          fb.day = chinaDate(new Date(fb.decidedAt));
        });
    });
  if (upTo < 3) return;
  // v3: outbox, delivered and dead letters keyed by [terminalId+seq]. Keyed by seq alone, a
  // re-enrolled PC's new seq 2 replaced the dead letter (or kept delivery) of its earlier
  // identity's seq 2 — and a successor delivering its predecessor's records holds both at once.
  // IndexedDB cannot change a store's key, so the rows move to new stores (same record shapes).
  db.version(3)
    .stores({
      outbox: null,
      delivered: null,
      deadLetters: null,
      [V3_STORES.outbox]: '[terminalId+seq], &id, terminalId',
      [V3_STORES.delivered]: '[terminalId+seq], deliveredAt, id',
      [V3_STORES.deadLetters]: '[terminalId+seq], id',
    })
    .upgrade(async (tx) => {
      for (const [old, renamed] of Object.entries(V3_STORES)) {
        const rows = await tx.table(old).toArray();
        await tx.table(renamed).bulkAdd(rows);
      }
    });
}

export class JournalDb extends Dexie {
  readonly outbox: Table<OutboxRecord, RecordKey>;
  readonly delivered: Table<DeliveredRecord, RecordKey>;
  readonly deadLetters: Table<DeadLetterRecord, RecordKey>;
  declare checks: Table<LocalCheck, string>;
  declare feedback: Table<LocalFeedback, string>;
  declare commitments: Table<LocalCommitment, string>;
  declare audit: Table<AuditRecord, number>;
  declare meta: Table<MetaRecord, string>;

  constructor(name: string) {
    super(name);
    declareJournalSchema(this);
    // The v3 stores under the names the code has always used for them.
    this.outbox = this.table(V3_STORES.outbox);
    this.delivered = this.table(V3_STORES.delivered);
    this.deadLetters = this.table(V3_STORES.deadLetters);
  }
}

/** This PC's terminal identity as the journal records it (the one place it is read), or null before enrolment. */
export async function readTerminalIdentity(journal: Pick<JournalDb, 'meta'>): Promise<TerminalIdentity | null> {
  const row = await journal.meta.get('terminal');
  return row && row.key === 'terminal' ? row.identity : null;
}
