import type { HostBridge } from '../../../shared/ipc/bridge';
import { describeError, describeFailure, t } from '../i18n';
import type { AppServices, CheckView, Outcome, SlipCheck, SlipDecisions } from '../services/contracts';
import { createStore } from '../state';

export type PrintTarget = 'pdf' | 'printer';

/** Printing the check slip through the host (Electron: PDF/printer; browser: print CSS). */
export interface SlipState {
  printing: boolean;
  /** Ctrl+P from another screen: print as soon as the slip is on screen. */
  pendingPrint: PrintTarget | null;
  message: { kind: 'success' | 'error'; text: string } | null;
  /** Printed on the slip: the time of the last print started (null: not printed yet, show "now"). */
  printedAt: string | null;
  /** The signed statement on the slip on screen: its QR text and reference number. */
  signed: { checkId: string; text: string; reference: string } | null;
  /** Why the slip on screen carries no signed QR. */
  unsigned: string | null;
  sign(view: CheckView, decisions: SlipDecisions): Promise<void>;
  /** The verification screen's question (QR text or reference number). */
  verify(input: string): Promise<Outcome<SlipCheck>>;
  requestPrint(target: PrintTarget): void;
  print(checkId: string, target: PrintTarget): Promise<void>;
  clearMessage(): void;
}

export function createSlipStore(services: AppServices, host: HostBridge) {
  // The signature in progress: a print waits for it, so the page never goes out without its QR.
  let signing: Promise<void> = Promise.resolve();
  return createStore<SlipState>()((set, get) => ({
    signed: null,
    unsigned: null,
    verify: (input) => services.slips.verify(input),
    sign(view, decisions) {
      signing = (async () => {
        const outcome = await services.slips.sign(view, decisions);
        set(
          outcome.ok
            ? { signed: { checkId: view.checkId, text: outcome.value.text, reference: outcome.value.reference }, unsigned: null }
            : { signed: null, unsigned: describeFailure(outcome.error) },
        );
      })();
      return signing;
    },
    printing: false,
    pendingPrint: null,
    message: null,
    printedAt: null,

    requestPrint(target) {
      set({ pendingPrint: target });
    },

    async print(checkId, target) {
      if (get().printing) return;
      set({ printing: true, pendingPrint: null, message: null, printedAt: new Date().toISOString() });
      try {
        await signing;
        // One frame for the slip to show its print time before the host captures the page.
        await new Promise((resolve) => setTimeout(resolve, 50));
        const result = await host.printSlip(target);
        if (result.ok) {
          await services.records.recordPrint(checkId);
          set({ message: { kind: 'success', text: result.path ? t.slip.savedPdf(result.path) : t.slip.printed } });
        } else {
          set({ message: { kind: 'error', text: t.slip.printFailed(result.message) } });
        }
      } catch (error) {
        set({ message: { kind: 'error', text: t.slip.printFailed(describeError(error)) } });
      } finally {
        set({ printing: false });
      }
    },

    clearMessage() {
      set({ message: null, printedAt: null });
    },
  }));
}

export type SlipStore = ReturnType<typeof createSlipStore>;
