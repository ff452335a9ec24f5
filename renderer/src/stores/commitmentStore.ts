import { describeError } from '../i18n';
import type { AppServices, CommitmentInput, Delivery, Outcome } from '../services/contracts';
import { createStore } from '../state';

export interface RecordedCommitment extends CommitmentInput {
  delivery: Delivery;
  recordedAt: string;
}

/** Credit commitments recorded for the subject of a check, per check. */
export interface CommitmentState {
  byCheck: Record<string, RecordedCommitment[]>;
  submitting: boolean;
  record(checkId: string, input: CommitmentInput): Promise<Outcome<Delivery>>;
  /** The check's queued commitments have all reached the platform. */
  markSent(checkId: string): void;
}

export function createCommitmentStore(services: AppServices) {
  return createStore<CommitmentState>()((set, get) => ({
    byCheck: {},
    submitting: false,

    markSent(checkId) {
      set((s) => ({ byCheck: { ...s.byCheck, [checkId]: (s.byCheck[checkId] ?? []).map((c) => ({ ...c, delivery: 'sent' as const })) } }));
    },

    async record(checkId, input) {
      if (get().submitting) return { ok: false, error: { code: 'BUSY', message: '' } };
      set({ submitting: true });
      try {
        const outcome = await services.records.recordCommitment(checkId, input);
        if (outcome.ok) {
          const entry: RecordedCommitment = { ...input, delivery: outcome.value, recordedAt: new Date().toISOString() };
          set((s) => ({ byCheck: { ...s.byCheck, [checkId]: [...(s.byCheck[checkId] ?? []), entry] } }));
        }
        return outcome;
      } catch (error) {
        return { ok: false, error: { code: 'UNEXPECTED', message: describeError(error) } };
      } finally {
        set({ submitting: false });
      }
    },
  }));
}

export type CommitmentStore = ReturnType<typeof createCommitmentStore>;
