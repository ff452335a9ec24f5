import { describeError } from '../../i18n';
import type { PlatformEvent } from '../../../../shared/contract';
import type { AppServices, AuditVerification, DeclinedMeasureRow, SupervisorCheckRow } from '../../services/contracts';
import { createStore } from '../../state';

/** Supervisor's view of this terminal: today's checks, declined measures, audit chain verification. */
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
  load(): Promise<void>;
  verify(): Promise<void>;
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

    async load() {
      set({ loading: true, error: null });
      try {
        const [checks, declined, events] = await Promise.all([
          services.supervisor.todaysChecks(),
          services.supervisor.declinedMeasures(),
          services.supervisor.platformEvents(),
        ]);
        set({
          checks,
          declined,
          events: events.ok ? events.value : [],
          eventsError: events.ok ? null : events.error.message,
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
  }));
}

export type SupervisorStore = ReturnType<typeof createSupervisorStore>;
