/** The sync facade the UI sees: the status store, "sync now", the dead-letter list, IT's journal export and import. */
import type { AuditAction, AuditBody, CheckBody, CommitmentBody, FeedbackBody } from '../../../shared/contract';
import type { StoreApi } from '../state/store';
import type { DeadLetterRecord } from '../data/journalDb';
import type { JournalRepository } from '../data/journalRepository';
import type { SyncEngine } from '../sync/syncEngine';
import type { AppServices, DeadLetter, SyncStatus } from './contracts';
import { t } from '../i18n';
import { resubmissionState, resubmitDeadLetter, type ResubmissionDeps } from './deadLetterResubmission';
import { exportJournal, importJournal, type JournalTransferDeps } from './journalTransfer';

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
