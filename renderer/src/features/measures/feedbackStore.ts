import type { FeedbackDecision } from '../../../../shared/contract';
import type { TriggeredMeasure } from '../../../../shared/measures';
import { describeError, t } from '../../i18n';
import type { AppServices, CheckView, Delivery, FeedbackInput } from '../../services/contracts';
import { createStore } from '../../state';

/** The clerk's decision on one measure, as typed so far. */
export interface DecisionDraft {
  decision: FeedbackDecision | null;
  reason: string;
  content: string;
  result: string;
}

export interface CheckFeedback {
  drafts: Record<string, DecisionDraft>;
  submitting: boolean;
  /** Why the submission was refused (Chinese), and which measure to look at. */
  error: string | null;
  errorMeasure: string | null;
  /** Set once submitted: the feedback is read-only from then on. */
  delivery: Delivery | null;
  submittedAt: string | null;
}

export interface FeedbackState {
  byCheck: Record<string, CheckFeedback>;
  setDraft(checkId: string, measureCode: string, patch: Partial<DecisionDraft>): void;
  submit(view: CheckView): Promise<void>;
}

export const EMPTY_DRAFT: DecisionDraft = { decision: null, reason: '', content: '', result: '' };
export const EMPTY_FEEDBACK: CheckFeedback = {
  drafts: {},
  submitting: false,
  error: null,
  errorMeasure: null,
  delivery: null,
  submittedAt: null,
};

/** The measures that need a decision: the triggered MUST and MAY ones (suppressed ones are not applied). */
export function measuresToDecide(view: CheckView): TriggeredMeasure[] {
  return [...view.evaluation.must, ...view.evaluation.may];
}

/** Validates the drafts; returns the inputs for the core, or the first problem. */
export function validateFeedback(
  measures: readonly TriggeredMeasure[],
  drafts: Record<string, DecisionDraft>,
): { ok: true; inputs: FeedbackInput[] } | { ok: false; message: string; measureCode: string } {
  const inputs: FeedbackInput[] = [];
  for (const { measure } of measures) {
    const d = drafts[measure.code] ?? EMPTY_DRAFT;
    const title = measure.title;
    switch (d.decision) {
      case null:
        return { ok: false, message: t.measures.missingDecision(title), measureCode: measure.code };
      case 'APPLIED':
        inputs.push({ measureCode: measure.code, decision: 'APPLIED' });
        break;
      case 'NOT_APPLIED': {
        const reason = d.reason.trim();
        if (reason.length === 0) return { ok: false, message: t.measures.missingReason(title), measureCode: measure.code };
        inputs.push({ measureCode: measure.code, decision: 'NOT_APPLIED', reason });
        break;
      }
      case 'OTHER_MEASURE': {
        const content = d.content.trim();
        const result = d.result.trim();
        if (content.length === 0 || result.length === 0) {
          return { ok: false, message: t.measures.missingOther(title), measureCode: measure.code };
        }
        inputs.push({ measureCode: measure.code, decision: 'OTHER_MEASURE', content, result });
        break;
      }
    }
  }
  return { ok: true, inputs };
}

export function createFeedbackStore(services: AppServices) {
  return createStore<FeedbackState>()((set, get) => {
    function patch(checkId: string, change: Partial<CheckFeedback>): void {
      set((s) => ({ byCheck: { ...s.byCheck, [checkId]: { ...(s.byCheck[checkId] ?? EMPTY_FEEDBACK), ...change } } }));
    }

    return {
      byCheck: {},

      setDraft(checkId, measureCode, change) {
        const current = get().byCheck[checkId] ?? EMPTY_FEEDBACK;
        if (current.delivery !== null || current.submitting) return; // read-only once submitted
        const draft = { ...(current.drafts[measureCode] ?? EMPTY_DRAFT), ...change };
        patch(checkId, {
          drafts: { ...current.drafts, [measureCode]: draft },
          ...(current.errorMeasure === measureCode ? { error: null, errorMeasure: null } : {}),
        });
      },

      async submit(view) {
        const current = get().byCheck[view.checkId] ?? EMPTY_FEEDBACK;
        if (current.delivery !== null || current.submitting) return;
        const measures = measuresToDecide(view);
        if (measures.length === 0) return;
        const checked = validateFeedback(measures, current.drafts);
        if (!checked.ok) {
          patch(view.checkId, { error: checked.message, errorMeasure: checked.measureCode });
          return;
        }
        patch(view.checkId, { submitting: true, error: null, errorMeasure: null });
        try {
          const outcome = await services.records.submitFeedback(view.checkId, checked.inputs);
          if (outcome.ok) patch(view.checkId, { submitting: false, delivery: outcome.value, submittedAt: new Date().toISOString() });
          else patch(view.checkId, { submitting: false, error: outcome.error.message });
        } catch (error) {
          patch(view.checkId, { submitting: false, error: describeError(error) });
        }
      },
    };
  });
}

export type FeedbackStore = ReturnType<typeof createFeedbackStore>;
