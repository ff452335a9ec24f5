/** The sync facade the UI sees: the status store, "sync now", the dead-letter list, IT's journal export and import. */
import type { AuditBody, CheckBody, CommitmentBody, FeedbackBody } from '../../../shared/contract';
import type { DeadLetterRecord } from '../data/journalDb';
import type { AppServices, DeadLetter, DeadLetterSummary } from './contracts';
import type { Core } from './core';
import { resubmissionState, resubmitDeadLetter } from './deadLetterResubmission';
import { exportJournal, importJournal } from './journalTransfer';

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

export function createSyncService(core: Core): AppServices['sync'] {
  return {
    status: core.status,
    syncNow: () => core.engine.syncNow(),
    exportJournal: () => exportJournal(core),
    importJournal: (text) => importJournal(core, text),
    async deadLetters(): Promise<DeadLetter[]> {
      const rows = await core.journal.deadLetters.orderBy(':id').toArray();
      return Promise.all(
        rows.map(async (r) => ({
          id: r.id,
          terminalId: r.terminalId,
          seq: r.seq,
          kind: r.kind,
          occurredAt: r.occurredAt,
          reason: r.reason,
          summary: summarise(r),
          resubmission: await resubmissionState(core, r),
        })),
      );
    },
    resubmitDeadLetter: (terminalId, seq) => resubmitDeadLetter(core, terminalId, seq),
  };
}
