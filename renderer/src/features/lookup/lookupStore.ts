import { describeError, t } from '../../i18n';
import type { AppServices, CheckView, NameCandidate, Outcome, Purpose, UserFacingError } from '../../services/contracts';
import { createStore } from '../../state';
import { analyseInput } from './analyse';

/**
 * The lookup field, the name-search candidates and the current check (the answer the result,
 * measures, commitment and slip screens show).
 */
export interface LookupState {
  input: string;
  /** Enter was pressed on the current input: show its errors whatever its length. */
  submitted: boolean;
  busy: boolean;
  error: UserFacingError | null;
  candidates: NameCandidate[] | null;
  /** The platform (or the cache) cut the candidate list: more subjects match. */
  moreCandidates: boolean;
  activeCandidate: number;
  view: CheckView | null;
  /** Bumped to ask the screen to focus the first empty field (purpose, else the lookup input). */
  focusTick: number;

  setInput(input: string): void;
  submit(purpose: Purpose | null): Promise<void>;
  choose(index: number, purpose: Purpose | null): Promise<void>;
  moveCandidate(delta: number): void;
  closeCandidates(): void;
  /** F2: a new lookup — the current result is put away, the purpose stays. */
  reset(): void;
  requestFocus(): void;
  /**
   * Asked before a new answer replaces the check on screen: calls `proceed` once leaving is allowed
   * (the feedback store asks the clerk while a MUST measure of that check has no record).
   */
  leaveGuard: (view: CheckView, proceed: () => void) => void;
}

function noPurpose(): UserFacingError {
  return { code: 'NO_PURPOSE', message: t.purpose.required };
}

export function createLookupStore(services: AppServices) {
  const store = createStore<LookupState>()((set, get) => {
    async function run<T>(work: () => Promise<Outcome<T>>, onOk: (value: T) => void): Promise<void> {
      set({ busy: true, error: null });
      try {
        const outcome = await work();
        if (outcome.ok) onOk(outcome.value);
        else set({ error: outcome.error });
      } catch (error) {
        set({ error: { code: 'UNEXPECTED', message: describeError(error) } });
      } finally {
        set({ busy: false });
      }
    }

    return {
      input: '',
      submitted: false,
      busy: false,
      error: null,
      candidates: null,
      moreCandidates: false,
      activeCandidate: 0,
      view: null,
      focusTick: 0,
      leaveGuard: (_view, proceed) => proceed(),

      setInput(input) {
        set({ input, submitted: false, error: null });
      },

      async submit(purpose) {
        if (get().busy) return;
        const { input } = get();
        set({ submitted: true, candidates: null });
        const analysis = analyseInput(input, true);
        if (analysis.kind === 'empty' || analysis.kind === 'invalid') return; // shown by the field; never sent
        if (analysis.kind === 'name' && analysis.tooShort) return;
        if (purpose === null) {
          set({ error: noPurpose() });
          return;
        }
        if (analysis.kind === 'name') {
          await run(
            () => services.lookup.byName(analysis.name, purpose),
            (found) => set({ candidates: found.candidates, moreCandidates: found.more, activeCandidate: 0 }),
          );
          return;
        }
        const lookUp = () =>
          run(
            () => services.lookup.byIdentifier(input, purpose),
            (view) => set({ view, input: '', submitted: false }),
          );
        const current = get().view;
        if (current === null) await lookUp();
        else await new Promise<void>((resolve) => get().leaveGuard(current, () => void lookUp().finally(resolve)));
      },

      async choose(index, purpose) {
        const candidate = get().candidates?.[index];
        if (!candidate || get().busy) return;
        if (purpose === null) {
          set({ error: noPurpose() });
          return;
        }
        const lookUp = () =>
          run(
            () => services.lookup.candidate(candidate.ref, purpose),
            (view) => set({ view, candidates: null, input: '', submitted: false }),
          );
        const current = get().view;
        if (current === null) await lookUp();
        else get().leaveGuard(current, () => void lookUp());
      },

      moveCandidate(delta) {
        const n = get().candidates?.length ?? 0;
        if (n === 0) return;
        set((s) => ({ activeCandidate: (s.activeCandidate + delta + n) % n }));
      },

      closeCandidates() {
        set((s) => ({ candidates: null, focusTick: s.focusTick + 1 }));
      },

      reset() {
        set((s) => ({
          input: '',
          submitted: false,
          error: null,
          candidates: null,
          activeCandidate: 0,
          view: null,
          focusTick: s.focusTick + 1,
        }));
      },

      requestFocus() {
        set((s) => ({ focusTick: s.focusTick + 1 }));
      },
    };
  });
  return store;
}

export type LookupStore = ReturnType<typeof createLookupStore>;
