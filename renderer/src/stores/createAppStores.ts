import { createCommitmentStore } from './commitmentStore';
import { createLookupStore } from './lookupStore';
import { createFeedbackStore } from './feedbackStore';
import { createPurposeStore } from './purposeStore';
import { createResultStore } from './resultStore';
import { createSlipStore } from './slipStore';
import { createSyncPanelStore } from './syncPanelStore';
import { createSupervisorStore } from './supervisorStore';
import { createAppStore } from './appStore';
import type { AppDeps } from './deps';

/** Every store of the UI, created once from the services and the host. */
export function createAppStores(deps: AppDeps) {
  const { services, host } = deps;
  const stores = {
    app: createAppStore(deps),
    purpose: createPurposeStore(services),
    lookup: createLookupStore(services),
    result: createResultStore(services),
    feedback: createFeedbackStore(services),
    commitment: createCommitmentStore(services),
    slip: createSlipStore(services, host),
    syncPanel: createSyncPanelStore(services),
    supervisor: createSupervisorStore(services),
    /** The city's dashboard and the fleet: views read the platform on demand (no state to share). */
    supervision: services.supervision,
    /** Owned by the offline core; the status bar subscribes to it. */
    sync: services.sync.status,
  };

  // A new answer replacing a check with an unrecorded MUST measure asks first (DEFERRED with a reason).
  stores.lookup.setState({ leaveGuard: (view, proceed) => stores.feedback.getState().requestLeave(view, proceed) });

  // A "queued" label follows its records: once the outbox shrinks, ask the journal which were delivered.
  stores.sync.subscribe((state, previous) => {
    if (state.outboxDepth >= previous.outboxDepth) return;
    for (const [checkId, feedback] of Object.entries(stores.feedback.getState().byCheck)) {
      if (feedback.delivery !== 'queued') continue;
      void services.records.deliveryOf('feedback', checkId).then((delivery) => {
        if (delivery === 'sent') stores.feedback.getState().markSent(checkId);
      });
    }
    for (const [checkId, recorded] of Object.entries(stores.commitment.getState().byCheck)) {
      if (!recorded.some((c) => c.delivery === 'queued')) continue;
      void services.records.deliveryOf('commitment', checkId).then((delivery) => {
        if (delivery === 'sent') stores.commitment.getState().markSent(checkId);
      });
    }
  });

  // Leaving the session puts the current check and the purpose away: the next operator starts clean.
  stores.app.subscribe((state, previous) => {
    if (previous.session !== null && state.session === null) {
      stores.lookup.getState().reset();
      stores.purpose.getState().clear();
      stores.syncPanel.getState().hide();
    }
  });

  // The session's mode can change under the core (token expired, re-authenticated): keep the header true.
  const refreshSession = () => stores.app.getState().refreshSession();
  stores.sync.subscribe(refreshSession);
  stores.lookup.subscribe((state, previous) => {
    if (state.view !== previous.view) refreshSession();
  });

  return stores;
}

export type AppStores = ReturnType<typeof createAppStores>;
