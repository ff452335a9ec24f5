import { describeError, t } from '../i18n';
import type { AppServices, Outcome } from '../services/contracts';
import { createStore } from '../state';

/** How the result is shown: the history toggle and IDs unmasked (audited) per check. */
export interface ResultState {
  showHistory: boolean;
  /** checkId → clear identifier, only after an audited unmask with a reason. */
  unmasked: Record<string, string>;

  setShowHistory(show: boolean): void;
  unmask(checkId: string, reason: string): Promise<Outcome<string>>;
  hide(checkId: string): void;
}

export function createResultStore(services: AppServices) {
  return createStore<ResultState>()((set) => ({
    showHistory: false,
    unmasked: {},

    setShowHistory(showHistory) {
      set({ showHistory });
    },

    async unmask(checkId, reason) {
      const trimmed = reason.trim();
      if (trimmed.length === 0) return { ok: false, error: { code: 'REASON_REQUIRED', message: t.unmask.reasonRequired } };
      try {
        const outcome = await services.records.unmask(checkId, trimmed);
        if (outcome.ok) set((s) => ({ unmasked: { ...s.unmasked, [checkId]: outcome.value } }));
        return outcome;
      } catch (error) {
        return { ok: false, error: { code: 'UNEXPECTED', message: describeError(error) } };
      }
    },

    hide(checkId) {
      set((s) => {
        const { [checkId]: _gone, ...rest } = s.unmasked;
        return { unmasked: rest };
      });
    },
  }));
}

export type ResultStore = ReturnType<typeof createResultStore>;
