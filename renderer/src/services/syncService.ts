/** The sync facade the UI sees: the status store, "sync now", the dead-letter list, IT's journal export and import. */
import type { AuditBody, CheckBody, CommitmentBody, FeedbackBody } from '../../../shared/contract';
import type { StoreApi } from '../state/store';
import type { DeadLetterRecord } from '../data/journalDb';
import type { JournalRepository } from '../data/journalRepository';
import type { SyncEngine } from '../sync/syncEngine';
import type { AppServices, DeadLetter, DeadLetterSummary, SyncStatus } from './contracts';
import { resubmissionState, resubmitDeadLetter, type ResubmissionDeps } from './deadLetterResubmission';
import { exportJournal, importJournal, type JournalTransferDeps } from './journalTransfer';

/** What a clerk recognises a refused record by (no clear identifier); the catalogue words it. */
function summarise(record: DeadLetterRecord): DeadLetterSummary {
  const body = record.body as Partial<CheckBody & FeedbackBody & CommitmentBody & AuditBody> | null;
  switch (record.kind) {
    case 'check':
      return { kind: 'check', matterCode: body?.matterCode, caseNo: body?.caseNo, subjectName: body?.subjectName };
    case 'feedback':
      return { kind: 'feedback', matterCode: body?.matterCode, measureCode: body?.measureCode, decision: body?.decision };
    case 'commitment':
      return { kind: 'commitment', matterCode: body?.matterCode, caseNo: body?.caseNo, commitmentKind: body?.kind };
    case 'audit':
      return { kind: 'audit', action: body?.action, chainSeq: body?.chainSeq };
    default:
      return { kind: record.kind };
  }
}

export interface SyncServiceDeps extends Omit<ResubmissionDeps & JournalTransferDeps, 'journal' | 'engine'> {
  status: StoreApi<SyncStatus>;
  engine: Pick<SyncEngine, 'syncNow' | 'pushNow'>;
  journal: ResubmissionDeps['journal'] & JournalTransferDeps['journal'] & Pick<JournalRepository, 'deadLetters' | 'stateOfRecord'>;
}

export function createSyncService(deps: SyncServiceDeps): AppServices['sync'] {
  const { status, engine, journal } = deps;
  return {
    status,
    syncNow: () => engine.syncNow(),
    exportJournal: () => exportJournal(deps),
    importJournal: (text) => importJournal(deps, text),
    async deadLetters(): Promise<DeadLetter[]> {
      const rows = await journal.deadLetters();
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          terminalId: r.terminalId,
          seq: r.seq,
          kind: r.kind,
          occurredAt: r.occurredAt,
          reason: r.reason,
          summary: summarise(r),
          resubmission: await resubmissionState(journal, r),
        })),
      );
    },
    resubmitDeadLetter: (terminalId, seq) => resubmitDeadLetter(deps, terminalId, seq),
  };
}
