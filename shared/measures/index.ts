export type {
  EntrySubject,
  EvaluatedEntry,
  Evaluation,
  EvaluationWarning,
  EvaluationWarningCode,
  NonTriggerReason,
  SuppressedMeasure,
  Trigger,
  TriggeredMeasure,
} from './types';
export { effectiveStatus, entryTriggers, isPastValidity } from './status';
export { EXPIRY_WARNING_DAYS, evaluateMeasures } from './evaluate';
export type { EvaluationInput } from './evaluate';
export { commitmentOptions, commitmentRefusal } from './commitments';
export type { CommitmentOption } from './commitments';
