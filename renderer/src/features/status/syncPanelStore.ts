import { describeError } from '../../i18n';
import type { AppServices, DeadLetter } from '../../services/contracts';
import { createStore } from '../../state';

/** The sync drawer: dead letters and the "sync now" button. The live status is services.sync.status. */
export interface SyncPanelState {
  open: boolean;
  deadLetters: DeadLetter[];
  loading: boolean;
  error: string | null;
  syncRequested: boolean;
  show(): Promise<void>;
  hide(): void;
  toggle(): void;
  refresh(): Promise<void>;
  syncNow(): Promise<void>;
}

export function createSyncPanelStore(services: AppServices) {
  return createStore<SyncPanelState>()((set, get) => ({
    open: false,
    deadLetters: [],
    loading: false,
    error: null,
    syncRequested: false,

    async show() {
      set({ open: true });
      await get().refresh();
    },

    hide() {
      set({ open: false });
    },

    toggle() {
      if (get().open) get().hide();
      else void get().show();
    },

    async refresh() {
      set({ loading: true, error: null });
      try {
        set({ deadLetters: await services.sync.deadLetters(), loading: false });
      } catch (error) {
        set({ loading: false, error: describeError(error) });
      }
    },

    async syncNow() {
      set({ syncRequested: true, error: null });
      try {
        await services.sync.syncNow();
      } catch (error) {
        set({ error: describeError(error) });
      } finally {
        set({ syncRequested: false });
      }
      if (get().open) await get().refresh();
    },
  }));
}

export type SyncPanelStore = ReturnType<typeof createSyncPanelStore>;
