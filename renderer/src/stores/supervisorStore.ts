import { describeError, describeFailure } from '../i18n';
import type { PlatformEvent } from '../../../shared/contract';
import type {
  AppServices,
  AuditVerification,
  DeclinedMeasureRow,
  NameSearchBudgetAlerts,
  Outcome,
  PlatformCheckRow,
  SupervisorCheckRow,
} from '../services/contracts';
import { createStore } from '../state';

/**
 * Supervisor's view: this terminal's checks and declined measures, audit chain verification, and
 * (online) the platform's records in the supervisor's scope and the name-search budget alerts.
 */
export interface SupervisorState {
  checks: SupervisorCheckRow[];
  declined: DeclinedMeasureRow[];
  events: PlatformEvent[];
  /** Why the platform's events are not shown (offline, refused). */
  eventsError: string | null;
  loading: boolean;
  error: string | null;
  verification: AuditVerification | null;
  verifying: boolean;
  platformChecks: PlatformCheckRow[];
  budget: NameSearchBudgetAlerts | null;
  /** Why the platform's records could not be shown (offline, refused…). */
  platformError: string | null;
  /** Clear identifiers shown after an unmask, by platform record id (in memory only). */
  unmasked: Record<string, string>;
  load(): Promise<void>;
  verify(): Promise<void>;
  unmask(recordId: string, reason: string): Promise<Outcome<string>>;
}

export function createSupervisorStore(services: AppServices) {
  return createStore<SupervisorState>()((set) => ({
    checks: [],
    declined: [],
    events: [],
    eventsError: null,
    loading: false,
    error: null,
    verification: null,
    verifying: false,
    platformChecks: [],
    budget: null,
    platformError: null,
    unmasked: {},

    async load() {
      set({ loading: true, error: null, platformError: null, unmasked: {} });
      try {
        const [checks, declined, platformChecks, budget, events] = await Promise.all([
          services.supervisor.todaysChecks(),
          services.supervisor.declinedMeasures(),
          services.supervisor.platformChecks(),
          services.supervisor.nameSearchAlerts(),
          services.supervisor.platformEvents(),
        ]);
        // The platform's part may fail (offline) without hiding this terminal's.
        const failed = !platformChecks.ok ? platformChecks.error : !budget.ok ? budget.error : null;
        set({
          checks,
          declined,
          platformChecks: platformChecks.ok ? platformChecks.value : [],
          budget: budget.ok ? budget.value : null,
          platformError: failed ? describeFailure(failed) : null,
          events: events.ok ? events.value : [],
          eventsError: events.ok ? null : describeFailure(events.error),
          loading: false,
        });
      } catch (error) {
        set({ loading: false, error: describeError(error) });
      }
    },

    async verify() {
      set({ verifying: true, verification: null, error: null });
      try {
        set({ verification: await services.supervisor.verifyAuditChain(), verifying: false });
      } catch (error) {
        set({ verifying: false, error: describeError(error) });
      }
    },

    async unmask(recordId, reason) {
      const outcome = await services.supervisor.unmaskPlatformRecord(recordId, reason);
      if (outcome.ok) set((s) => ({ unmasked: { ...s.unmasked, [recordId]: outcome.value } }));
      return outcome;
    },
  }));
}

export type SupervisorStore = ReturnType<typeof createSupervisorStore>;
