/** The observable sync status (the UI subscribes; the engine is the only writer). */
import { createStore, type StoreApi } from '../state/store';
import type { SyncStatus } from '../model';

export const INITIAL_SYNC_STATUS: SyncStatus = {
  online: true,
  syncing: false,
  phase: 'idle',
  progress: null,
  lastPullAt: null,
  lastPushAt: null,
  dataVersion: null,
  dataAgeSeconds: null,
  entryCount: 0,
  outboxDepth: 0,
  outboxKinds: {},
  deadLetterCount: 0,
  clockSkewSeconds: null,
  lastError: null,
  storage: { kind: 'ok', persisted: false },
};

export function createSyncStatusStore(initial: Partial<SyncStatus> = {}): StoreApi<SyncStatus> {
  return createStore<SyncStatus>()(() => ({ ...INITIAL_SYNC_STATUS, ...initial }));
}
