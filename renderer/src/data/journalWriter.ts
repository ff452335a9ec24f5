/**
 * Every write a clerk causes goes through here: the local record, its outbox mutation and its
 * audit records in ONE journal transaction, so none of them can exist without the others.
 * The outbox seq is taken from a counter row in that same transaction, which makes it gap-free
 * even with several tabs writing at once (IndexedDB serialises overlapping readwrite transactions).
 */
import type { Table } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { MutationKind, RecordRef } from '../../../shared/contract';
import { chainAuditRecords, type AuditEvent, type SubjectHasher } from './auditChain';
import { readTerminalIdentity, type JournalDb, type OutboxRecord } from './journalDb';

export interface MutationDraft {
  kind: MutationKind;
  body: unknown;
  operatorId: string;
  occurredAt: string;
  resubmits?: RecordRef;
}

export interface JournalTx {
  /** Queues a mutation with the next seq, inside the running transaction. */
  enqueue(draft: MutationDraft): Promise<OutboxRecord>;
}

export class NotEnrolledError extends Error {
  constructor() {
    super('this PC is not enrolled as a terminal');
    this.name = 'NotEnrolledError';
  }
}

/** Another tab appended to the audit chain between hashing and writing: hash again. */
class AuditHeadMovedError extends Error {}

export async function enqueueInTx(db: JournalDb, terminalId: string, draft: MutationDraft, enqueuedAt: string): Promise<OutboxRecord> {
  const counter = await db.meta.get('outboxSeq');
  const next = counter && counter.key === 'outboxSeq' && counter.terminalId === terminalId ? counter.next : 1;
  const record: OutboxRecord = {
    seq: next,
    id: uuidv7(),
    kind: draft.kind,
    occurredAt: draft.occurredAt,
    operatorId: draft.operatorId,
    terminalId,
    body: draft.body,
    enqueuedAt,
    ...(draft.resubmits ? { resubmits: draft.resubmits } : {}),
  };
  await db.outbox.add(record);
  await db.meta.put({ key: 'outboxSeq', terminalId, next: next + 1 });
  return record;
}

export interface CommitSpec<T> {
  audits: readonly AuditEvent[];
  /** Extra tables the write touches (checks, feedback…). */
  tables?: readonly Table[];
  write?: (tx: JournalTx) => Promise<T>;
}

export class JournalWriter {
  constructor(
    private readonly db: JournalDb,
    private readonly hasher: SubjectHasher,
    private readonly now: () => Date,
  ) {}

  async terminalId(): Promise<string> {
    const identity = await readTerminalIdentity(this.db);
    if (!identity) throw new NotEnrolledError();
    return identity.terminalId;
  }

  async commit<T>(spec: CommitSpec<T>): Promise<T> {
    const terminalId = await this.terminalId();
    for (let attempt = 0; ; attempt++) {
      const at = this.now().toISOString();
      const headRow = await this.db.meta.get('auditHead');
      const head = headRow && headRow.key === 'auditHead' ? { chainSeq: headRow.chainSeq, hash: headRow.hash } : null;
      const audits = await chainAuditRecords(spec.audits, head, { terminalId, at, hasher: this.hasher });
      try {
        return await this.db.transaction('rw', [this.db.meta, this.db.outbox, this.db.audit, ...(spec.tables ?? [])], async () => {
          const current = await this.db.meta.get('auditHead');
          const currentHash = current && current.key === 'auditHead' ? current.hash : null;
          if (audits.length > 0 && currentHash !== (head?.hash ?? null)) throw new AuditHeadMovedError();
          const tx: JournalTx = { enqueue: (draft) => enqueueInTx(this.db, terminalId, draft, at) };
          const result = spec.write ? await spec.write(tx) : (undefined as T);
          for (const record of audits) {
            await this.db.audit.add(record);
            await tx.enqueue({ kind: 'audit', body: record, operatorId: record.actor, occurredAt: record.at });
          }
          const last = audits.at(-1);
          if (last) await this.db.meta.put({ key: 'auditHead', chainSeq: last.chainSeq, hash: last.hash });
          return result;
        });
      } catch (error) {
        if (error instanceof AuditHeadMovedError && attempt < 20) continue;
        throw error;
      }
    }
  }
}
