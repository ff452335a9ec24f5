/**
 * The journal database: what clerks recorded and what still has to reach the platform
 * (DESIGN.md §5). Precious — nothing in the cache lifecycle (wipe, rebuild, resync) touches it.
 */
import Dexie, { type Table } from 'dexie';
import type {
  AuditBody,
  CommitmentBody,
  FeedbackBody,
  MutationKind,
  OfflineUnlock,
  Operator,
  SignedDataVersion,
} from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import type { CheckView, TerminalIdentity } from '../services/contracts';

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
}

/** Rejected by the platform: final, visible, never retried, never blocking the queue. */
export interface DeadLetterRecord extends OutboxRecord {
  reason: string;
  problemCode: string;
  deadAt: string;
}

/**
 * Recently acknowledged mutations. Kept for a while so that if the platform later asks for a
 * lower seq than the first one still queued (it lost what it had acknowledged, e.g. restored
 * from a backup) the client can send them again with their original ids.
 */
export interface DeliveredRecord extends OutboxRecord {
  deliveredAt: string;
  status: 'accepted' | 'duplicate';
}

export interface LocalCheck {
  checkId: string;
  checkedAt: string;
  /** China date of checkedAt, for "today's checks". */
  day: string;
  operatorId: string;
  terminalId: string;
  /** The full view, so a reload can still show, print and unmask it. Holds the clear identifier. */
  view: CheckView;
  /**
   * The platform-signed statement of the list snapshot this terminal's data was based on when the
   * check was decided (the check's own dataVersion may be later: deltas after the snapshot, or the
   * platform's live data online). null: no signed snapshot held (per-record layout, or none yet).
   */
  signedData?: SignedDataVersion | null;
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
  | { key: 'terminalSecret'; secret: string }
  | { key: 'outboxSeq'; terminalId: string; next: number }
  | { key: 'auditHead'; chainSeq: number; hash: string }
  | { key: 'auditKey'; raw: string }
  | { key: 'lastOperator'; operatorId: string }
  /** rememberedAt: the online login that handed out the verifier (the terminal policy's window starts there). */
  | { key: `offlineUnlock:${string}`; operator: Operator; unlock: OfflineUnlock; rememberedAt?: string };

export const JOURNAL_DB_VERSION = 2;

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
}

export class JournalDb extends Dexie {
  declare outbox: Table<OutboxRecord, number>;
  declare delivered: Table<DeliveredRecord, number>;
  declare deadLetters: Table<DeadLetterRecord, number>;
  declare checks: Table<LocalCheck, string>;
  declare feedback: Table<LocalFeedback, string>;
  declare commitments: Table<LocalCommitment, string>;
  declare audit: Table<AuditRecord, number>;
  declare meta: Table<MetaRecord, string>;

  constructor(name: string) {
    super(name);
    declareJournalSchema(this);
  }
}
