import type { CheckResult } from '../contract/api';
import type { EntryStatus, HaibeiGrade, ListEntry, Measure } from '../contract/domain';

/** Whose entry it is: the subject's own, or (for organisations) its legal representative's. */
export type EntrySubject = 'SUBJECT' | 'LEGAL_REPRESENTATIVE';

/** One reason a measure fired. */
export type Trigger =
  | { kind: 'entry'; entryId: string; listType: string; via: EntrySubject }
  | { kind: 'industryGrade'; field: string; grade: string }
  | { kind: 'haibei'; grade: HaibeiGrade; score: number };

export interface TriggeredMeasure {
  measure: Measure;
  /** Every trigger that fired it, entries first (in profile order), then grades, then 海贝分. */
  triggeredBy: Trigger[];
}

export interface SuppressedMeasure {
  measure: Measure;
  /** What would have fired it. */
  triggeredBy: Trigger[];
  /** Chinese, names the suppressing list(s). */
  reason: string;
  suppressingEntryIds: string[];
}

export type NonTriggerReason = 'EXPIRED' | 'REPAIRED' | 'REMOVED' | 'REVOKED' | 'OBJECTION_PENDING' | 'NO_MEASURE_IN_MATTER';

export interface EvaluatedEntry {
  entry: ListEntry;
  via: EntrySubject;
  effectiveStatus: EntryStatus;
  /** True when the entry fired at least one measure of this matter (suppressed ones included). */
  triggers: boolean;
  nonTriggerReason?: NonTriggerReason;
  /** Chinese explanation for the clerk. */
  note?: string;
}

export type EvaluationWarningCode = 'OBJECTION_PENDING' | 'CREDIT_WARNING_D' | 'ENTRY_EXPIRES_SOON' | 'UNKNOWN_LIST_TYPE';

export interface EvaluationWarning {
  code: EvaluationWarningCode;
  /** Chinese, shown as is. */
  message: string;
  entryId?: string;
}

export interface Evaluation {
  /** China date used for the judgement. */
  today: string;
  /**
   * Credit status of the subject in this matter: polarity of its active triggering entries
   * (a legal representative's black entry counts as BLACK for an organisation); WARNING only when
   * there is no such entry but there are warnings.
   */
  summary: CheckResult;
  /** Triggered MUST measures, in the matter's measure-list order. */
  must: TriggeredMeasure[];
  /** Triggered MAY measures, in the matter's measure-list order. */
  may: TriggeredMeasure[];
  suppressed: SuppressedMeasure[];
  /** Every entry visible to the matter (subject's, then the legal representative's). */
  entries: EvaluatedEntry[];
  warnings: EvaluationWarning[];
}
