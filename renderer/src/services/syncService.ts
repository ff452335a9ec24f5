/** The sync facade the UI sees: the status store, "sync now", and the dead-letter list. */
import type { AuditBody, CheckBody, CommitmentBody, FeedbackBody } from '../../../shared/contract';
import type { DeadLetterRecord } from '../data/journalDb';
import type { AppServices, DeadLetter } from './contracts';
import type { Core } from './core';

const KIND_LABEL: Record<string, string> = { check: '核查记录', feedback: '措施反馈', commitment: '信用承诺', audit: '审计记录' };

/** A line a clerk can recognise, without a clear identifier. */
function summarise(record: DeadLetterRecord): string {
  const label = KIND_LABEL[record.kind] ?? record.kind;
  const body = record.body as Partial<CheckBody & FeedbackBody & CommitmentBody & AuditBody> | null;
  switch (record.kind) {
    case 'check':
      return `${label}：事项 ${body?.matterCode ?? '?'}，案件编号 ${body?.caseNo ?? '?'}，${body?.subjectName ?? ''}`;
    case 'feedback':
      return `${label}：事项 ${body?.matterCode ?? '?'}，措施 ${body?.measureCode ?? '?'}（${body?.decision ?? '?'}）`;
    case 'commitment':
      return `${label}：事项 ${body?.matterCode ?? '?'}，案件编号 ${body?.caseNo ?? '?'}，${body?.kind ?? ''}`;
    case 'audit':
      return `${label}：${body?.action ?? '?'}（第 ${(body?.chainSeq ?? 0) + 1} 条）`;
    default:
      return label;
  }
}

export function createSyncService(core: Core): AppServices['sync'] {
  return {
    status: core.status,
    syncNow: () => core.engine.syncNow(),
    async deadLetters(): Promise<DeadLetter[]> {
      const rows = await core.journal.deadLetters.orderBy('seq').toArray();
      return rows.map((r) => ({ id: r.id, seq: r.seq, kind: r.kind, occurredAt: r.occurredAt, reason: r.reason, summary: summarise(r) }));
    },
  };
}
