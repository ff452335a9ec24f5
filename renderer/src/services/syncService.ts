/** The sync facade the UI sees: the status store, "sync now", the dead-letter list, IT's journal export and import. */
import type { AuditAction, AuditBody, CheckBody, CommitmentBody, FeedbackBody } from '../../../shared/contract';
import type { DeadLetterRecord } from '../data/journalDb';
import type { AppServices, DeadLetter } from './contracts';
import type { Core } from './core';
import { t } from '../i18n';
import { resubmissionState, resubmitDeadLetter } from './deadLetterResubmission';
import { exportJournal, importJournal } from './journalTransfer';

const KIND_LABEL = t.status.mutationKinds;
const DECISION_LABEL: Record<FeedbackBody['decision'], string> = {
  APPLIED: '已实施',
  NOT_APPLIED: '未实施',
  OTHER_MEASURE: '采取其他措施',
  DEFERRED: '暂缓决定',
};
const ACTION_LABEL: Record<AuditAction, string> = {
  LOGIN: '登录',
  LOGOUT: '退出登录',
  OFFLINE_UNLOCK: '离线登录',
  LOCK: '锁定',
  LOOKUP: '查询',
  LOOKUP_REFUSED: '拒绝查询',
  NAME_SEARCH: '按名称查询',
  UNMASK: '显示完整证件号码',
  PRINT: '打印核查单',
  FEEDBACK: '措施反馈',
  COMMITMENT: '信用承诺',
  CONFIG_CHANGE: '配置变更',
  ENROL: '终端注册',
  JOURNAL_EXPORT: '导出终端记录',
  DEAD_LETTER_RESUBMIT: '重新提交被拒记录',
};

/** The Chinese label of a code (the code itself if it is new to this client). */
function labelOf<K extends string>(labels: Record<K, string>, code: K | undefined): string {
  return code === undefined ? '?' : (labels[code] ?? code);
}

/** A line a clerk can recognise, without a clear identifier. */
function summarise(record: DeadLetterRecord): string {
  const label = KIND_LABEL[record.kind] ?? record.kind;
  const body = record.body as Partial<CheckBody & FeedbackBody & CommitmentBody & AuditBody> | null;
  switch (record.kind) {
    case 'check':
      return `${label}：事项 ${body?.matterCode ?? '?'}，办件编号 ${body?.caseNo ?? '?'}，${body?.subjectName ?? ''}`;
    case 'feedback':
      return `${label}：事项 ${body?.matterCode ?? '?'}，措施 ${body?.measureCode ?? '?'}（${labelOf(DECISION_LABEL, body?.decision)}）`;
    case 'commitment':
      return `${label}：事项 ${body?.matterCode ?? '?'}，办件编号 ${body?.caseNo ?? '?'}，${body?.kind ?? ''}`;
    case 'audit':
      return `${label}：${labelOf(ACTION_LABEL, body?.action)}（第 ${(body?.chainSeq ?? 0) + 1} 条）`;
    default:
      return label;
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
