import { feedbackRefusal, type DeclineReason, type FeedbackDecision } from '../../../shared/contract';
import type { TriggeredMeasure } from '../../../shared/measures';
import { describeError, t, describeFailure } from '../i18n';
import type { AppServices, CheckView, Delivery, FeedbackInput, OpenMustMeasure } from '../services/contracts';
import { createStore } from '../state';

/** The clerk's decision on one measure, as typed so far. */
export interface DecisionDraft {
  decision: FeedbackDecision | null;
  reason: string;
  /** NOT_APPLIED: the catalogue's decline reason code picked ('' for none); the text reason stays what the rule reads. */
  reasonCode: string;
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

/** The clerk asked to leave a check whose MUST measures are not on record yet. */
export interface PendingLeave {
  view: CheckView;
  proceed: () => void;
  deferring: boolean;
  error: string | null;
}

export interface FeedbackState {
  byCheck: Record<string, CheckFeedback>;
  setDraft(checkId: string, measureCode: string, patch: Partial<DecisionDraft>): void;
  submit(view: CheckView): Promise<void>;
  /** The check's queued feedback has all reached the platform. */
  markSent(checkId: string): void;

  /** Leaving the check (F2, a new lookup, lock, logout) asks first while a MUST measure has no record. */
  leaving: PendingLeave | null;
  requestLeave(view: CheckView | null, proceed: () => void): void;
  cancelLeave(): void;
  /** Records DEFERRED with the reason on each undecided MUST measure (decided ones as decided), then leaves. */
  deferAndLeave(reason: string): Promise<void>;

  /** The operator's MUST measures still open from earlier checks (journal), and their drafts. */
  open: OpenMustMeasure[];
  openDrafts: Record<string, DecisionDraft>;
  openError: { key: string; message: string } | null;
  loadOpen(): Promise<void>;
  setOpenDraft(key: string, patch: Partial<DecisionDraft>): void;
  resolveOpen(item: OpenMustMeasure): Promise<void>;
}

/** One open measure's key (a check and a measure). */
export function openKey(item: Pick<OpenMustMeasure, 'checkId' | 'measureCode'>): string {
  return `${item.checkId}/${item.measureCode}`;
}

/** The check's MUST measures that would be left with no record if the clerk left now. */
export function unrecordedMust(view: CheckView, feedback: CheckFeedback | undefined): TriggeredMeasure[] {
  if (feedback?.delivery != null) return [];
  return view.evaluation.must;
}

export const EMPTY_DRAFT: DecisionDraft = { decision: null, reason: '', reasonCode: '', content: '', result: '' };
export const EMPTY_FEEDBACK: CheckFeedback = {
  drafts: {},
  submitting: false,
  error: null,
  errorMeasure: null,
  delivery: null,
  submittedAt: null,
};

/**
 * Picking a decline reason code fills in its label as the text reason while the clerk has typed nothing
 * of their own (an empty reason, or the label of the code picked before); typed words are kept.
 */
export function pickReasonCode(draft: DecisionDraft, code: string, reasons: readonly DeclineReason[]): Partial<DecisionDraft> {
  const labelOf = (c: string) => reasons.find((r) => r.code === c)?.label ?? '';
  const typed = draft.reason.trim() !== '' && draft.reason !== labelOf(draft.reasonCode);
  return typed ? { reasonCode: code } : { reasonCode: code, reason: labelOf(code) };
}

/** The measures that need a decision: the triggered MUST and MAY ones (suppressed ones are not applied). */
export function measuresToDecide(view: CheckView): TriggeredMeasure[] {
  return [...view.evaluation.must, ...view.evaluation.may];
}

/**
 * Validates the drafts by the shared feedback rule; returns the inputs for the core, or the first problem.
 * DEFERRED is not a choice on the form: only leaving the check records it (with the reason asked for then).
 */
export function validateFeedback(
  measures: readonly TriggeredMeasure[],
  drafts: Record<string, DecisionDraft>,
): { ok: true; inputs: FeedbackInput[] } | { ok: false; message: string; measureCode: string } {
  const inputs: FeedbackInput[] = [];
  for (const { measure } of measures) {
    const d = drafts[measure.code] ?? EMPTY_DRAFT;
    const decision = d.decision === 'DEFERRED' ? null : d.decision;
    const refusal = feedbackRefusal({ ...d, decision }, measure.obligation);
    if (refusal !== null || decision === null) {
      return { ok: false, message: t.measures.refusal[refusal ?? 'decision_required'](measure.title), measureCode: measure.code };
    }
    inputs.push({
      measureCode: measure.code,
      decision,
      ...(decision === 'NOT_APPLIED' ? { reason: d.reason.trim(), ...(d.reasonCode ? { reasonCode: d.reasonCode } : {}) } : {}),
      ...(decision === 'OTHER_MEASURE' ? { content: d.content.trim(), result: d.result.trim() } : {}),
    });
  }
  return { ok: true, inputs };
}

/** One measure's draft as a final decision, or null while it is incomplete. */
function finalInput(measure: TriggeredMeasure, draft: DecisionDraft | undefined): FeedbackInput | null {
  const checked = validateFeedback([measure], draft ? { [measure.measure.code]: draft } : {});
  return checked.ok ? checked.inputs[0]! : null;
}

export function createFeedbackStore(services: AppServices) {
  return createStore<FeedbackState>()((set, get) => {
    function patch(checkId: string, change: Partial<CheckFeedback>): void {
      set((s) => ({ byCheck: { ...s.byCheck, [checkId]: { ...(s.byCheck[checkId] ?? EMPTY_FEEDBACK), ...change } } }));
    }

    return {
      byCheck: {},
      leaving: null,
      markSent(checkId) {
        if (get().byCheck[checkId]?.delivery === 'queued') patch(checkId, { delivery: 'sent' });
      },
      open: [],
      openDrafts: {},
      openError: null,

      requestLeave(view, proceed) {
        if (view === null || unrecordedMust(view, get().byCheck[view.checkId]).length === 0) {
          proceed();
          return;
        }
        set({ leaving: { view, proceed, deferring: false, error: null } });
      },

      cancelLeave() {
        set({ leaving: null });
      },

      async deferAndLeave(reason) {
        const leaving = get().leaving;
        if (!leaving || leaving.deferring) return;
        const why = reason.trim();
        if (why === '') {
          set({ leaving: { ...leaving, error: t.leave.reasonRequired } });
          return;
        }
        const { view } = leaving;
        const drafts = get().byCheck[view.checkId]?.drafts ?? {};
        // Decided measures go on record as decided; an undecided MUST one as DEFERRED; an undecided MAY one stays open.
        const inputs: FeedbackInput[] = [];
        for (const m of view.evaluation.must)
          inputs.push(finalInput(m, drafts[m.measure.code]) ?? { measureCode: m.measure.code, decision: 'DEFERRED', reason: why });
        for (const m of view.evaluation.may) {
          const input = finalInput(m, drafts[m.measure.code]);
          if (input) inputs.push(input);
        }
        set({ leaving: { ...leaving, deferring: true, error: null } });
        try {
          const outcome = await services.records.submitFeedback(view.checkId, inputs);
          if (!outcome.ok) {
            set({ leaving: { ...leaving, deferring: false, error: describeFailure(outcome.error) } });
            return;
          }
          const recorded: Record<string, DecisionDraft> = { ...drafts };
          for (const input of inputs) {
            if (input.decision === 'DEFERRED') recorded[input.measureCode] = { ...EMPTY_DRAFT, decision: 'DEFERRED', reason: why };
          }
          patch(view.checkId, { drafts: recorded, delivery: outcome.value, submittedAt: new Date().toISOString() });
          set({ leaving: null });
          leaving.proceed();
          void get().loadOpen();
        } catch (error) {
          set({ leaving: { ...leaving, deferring: false, error: describeError(error) } });
        }
      },

      async loadOpen() {
        const outcome = await services.records.openMustMeasures().catch(() => null);
        if (outcome?.ok) set({ open: outcome.value });
      },

      setOpenDraft(key, change) {
        set((s) => ({
          openDrafts: { ...s.openDrafts, [key]: { ...(s.openDrafts[key] ?? EMPTY_DRAFT), ...change } },
          openError: s.openError?.key === key ? null : s.openError,
        }));
      },

      async resolveOpen(item) {
        const key = openKey(item);
        const draft = get().openDrafts[key] ?? EMPTY_DRAFT;
        const measure = { measure: { code: item.measureCode, title: item.measureTitle } } as TriggeredMeasure;
        const checked = validateFeedback([measure], { [item.measureCode]: draft });
        if (!checked.ok) {
          set({ openError: { key, message: checked.message } });
          return;
        }
        const input = { ...checked.inputs[0]!, ...(item.deferred ? { resolves: item.deferred.feedbackId } : {}) };
        const outcome = await services.records.submitFeedback(item.checkId, [input]).catch((error: unknown) => ({
          ok: false as const,
          error: { code: 'UNEXPECTED', message: describeError(error) },
        }));
        if (!outcome.ok) {
          set({ openError: { key, message: describeFailure(outcome.error) } });
          return;
        }
        await get().loadOpen();
      },

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
          else patch(view.checkId, { submitting: false, error: describeFailure(outcome.error) });
        } catch (error) {
          patch(view.checkId, { submitting: false, error: describeError(error) });
        }
      },
    };
  });
}

export type FeedbackStore = ReturnType<typeof createFeedbackStore>;
