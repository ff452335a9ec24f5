import { describeError, t, describeFailure } from '../i18n';
import type { AppServices, DeadLetter } from '../services/contracts';
import { createStore } from '../state';

/** Outcome of IT's last export or import, shown in the panel. */
export interface TransferState {
  busy: boolean;
  /** Chinese lines describing what happened. */
  lines: string[];
  error: string | null;
}

/** The sync drawer: dead letters, the "sync now" button, IT's journal export and import. The live status is services.sync.status. */
export interface SyncPanelState {
  open: boolean;
  deadLetters: DeadLetter[];
  loading: boolean;
  error: string | null;
  syncRequested: boolean;
  transfer: TransferState;
  exportJournal(): Promise<void>;
  resubmit(terminalId: string, seq: number): Promise<void>;
  importJournal(fileText: string): Promise<void>;
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
    transfer: { busy: false, lines: [], error: null },

    async resubmit(terminalId, seq) {
      set({ error: null });
      const outcome = await services.sync.resubmitDeadLetter(terminalId, seq);
      if (!outcome.ok) set({ error: describeFailure(outcome.error) });
      await get().refresh();
    },

    async exportJournal() {
      set({ transfer: { busy: true, lines: [], error: null } });
      const outcome = await services.sync.exportJournal();
      set({
        transfer: outcome.ok
          ? {
              busy: false,
              lines: [t.status.exported(outcome.value.fileName, outcome.value.records, outcome.value.undelivered, outcome.value.path)],
              error: null,
            }
          : { busy: false, lines: [], error: describeFailure(outcome.error) },
      });
    },

    async importJournal(fileText) {
      set({ transfer: { busy: true, lines: [], error: null } });
      const outcome = await services.sync.importJournal(fileText);
      if (!outcome.ok) {
        set({ transfer: { busy: false, lines: [], error: describeFailure(outcome.error) } });
        return;
      }
      const { accepted, duplicate, rejected, recreated, missing } = outcome.value;
      const lines = [t.status.imported(accepted, duplicate, rejected)];
      if (recreated.length > 0) lines.push(t.status.importRecreated(recreated.join('、')));
      if (missing.length > 0) {
        lines.push(t.status.importMissing(missing.map((m) => `${m.terminalId} 第 ${m.from}–${m.to} 号`).join('；')));
      }
      set({ transfer: { busy: false, lines, error: null } });
    },

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
