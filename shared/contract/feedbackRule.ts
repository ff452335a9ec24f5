/**
 * The feedback rule: what one measure's feedback must carry before it can be on record. One rule for
 * the counter's form, the terminal's journal and the platform's outbox; each words a refusal by its
 * code (the renderer through its catalogue, the platform with FEEDBACK_REFUSAL_ZH).
 */
import type { FeedbackDecision } from './api';
import type { Obligation } from './domain';

export type FeedbackRefusal =
  /** No decision chosen yet. */
  | 'decision_required'
  /** NOT_APPLIED needs the reason. */
  | 'reason_required'
  /** OTHER_MEASURE needs what was done instead and its result. */
  | 'other_measure_incomplete'
  /** DEFERRED needs the reason for deferring. */
  | 'deferral_reason_required'
  /** Only a MUST (应当) measure may be deferred. */
  | 'deferral_not_must'
  /** A deferral cannot settle another deferral: the decision that settles one is final. */
  | 'deferral_settles';

/** One measure's feedback as far as the rule reads it (blank text counts as none). */
export interface FeedbackDecisionFields {
  decision: FeedbackDecision | null;
  reason?: string | undefined;
  content?: string | undefined;
  result?: string | undefined;
  resolves?: string | undefined;
}

const blank = (s: string | undefined) => s === undefined || s.trim() === '';

/**
 * Why this feedback cannot be recorded (null: it can). `obligation` is the measure's in the catalogue
 * the check was evaluated with; when unknown, the MUST-only rule for deferrals is not applied.
 */
export function feedbackRefusal(fields: FeedbackDecisionFields, obligation?: Obligation): FeedbackRefusal | null {
  switch (fields.decision) {
    case null:
      return 'decision_required';
    case 'APPLIED':
      return null;
    case 'NOT_APPLIED':
      return blank(fields.reason) ? 'reason_required' : null;
    case 'OTHER_MEASURE':
      return blank(fields.content) || blank(fields.result) ? 'other_measure_incomplete' : null;
    case 'DEFERRED':
      if (blank(fields.reason)) return 'deferral_reason_required';
      if (obligation !== undefined && obligation !== 'MUST') return 'deferral_not_must';
      return fields.resolves !== undefined ? 'deferral_settles' : null;
  }
}

/** The refusals in Chinese, naming the measure by its title. */
export const FEEDBACK_REFUSAL_ZH: Readonly<Record<FeedbackRefusal, (measureTitle: string) => string>> = {
  decision_required: (title) => `请为措施“${title}”选择实施情况`,
  reason_required: (title) => `措施“${title}”选择了“未实施”，必须填写原因`,
  other_measure_incomplete: (title) => `措施“${title}”选择了“采取其他措施”，请填写措施内容和实施结果`,
  deferral_reason_required: (title) => `措施“${title}”暂缓决定时必须填写暂缓原因`,
  deferral_not_must: (title) => `措施“${title}”不是应当实施的措施，不能暂缓决定`,
  deferral_settles: (title) => `措施“${title}”的暂缓决定不能用于了结另一条暂缓记录`,
};
