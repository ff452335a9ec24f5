import type { EffectiveConfig } from '../../../shared/config/schema';
import { describeError } from '../i18n';
import type { AppServices, Outcome, Session, TerminalIdentity } from '../services/contracts';
import { createStore } from '../state';
import type { AppDeps } from './deps';

/**
 * Where the app is: the terminal's lifecycle (enrolled? logged in? locked?) and, once working,
 * which screen is shown. A small state machine; no router.
 */
export type Phase = 'booting' | 'boot-failed' | 'enrol' | 'login' | 'locked' | 'work';
export type Screen = 'check' | 'slip' | 'verify' | 'supervisor' | 'cityboard' | 'fleet' | 'settings' | 'enrol';
export type LockReason = 'idle' | 'manual';

export type EnrolInput = Parameters<AppServices['enrolment']['enrol']>[0];

export interface AppState {
  phase: Phase;
  screen: Screen;
  identity: TerminalIdentity | null;
  session: Session | null;
  /** The operator shown on the lock screen (the session may be dropped by the core while locked). */
  lockedSession: Session | null;
  lockReason: LockReason | null;
  config: EffectiveConfig | null;
  bootError: string | null;
  hostKind: 'electron' | 'browser';
  appVersion: string;

  boot(): Promise<void>;
  reloadConfig(): Promise<void>;
  enrol(input: EnrolInput): Promise<Outcome<TerminalIdentity>>;
  login(operatorId: string, password: string): Promise<Outcome<Session>>;
  lock(reason: LockReason): Promise<void>;
  unlock(password: string): Promise<Outcome<Session>>;
  /** 联网登录 without leaving the work screen (see services.auth.reconnect). */
  reconnect(password: string): Promise<Outcome<Session>>;
  logout(): Promise<void>;
  go(screen: Screen): void;
  /** From the login screen, when the terminal itself was refused: IT re-enrols (hand-over). */
  startReenrol(): void;
  /** Back from a re-enrolment started at the login screen. */
  cancelReenrol(): void;
  /** The core may change the session (a token that expired makes it offline): show what it says. */
  refreshSession(): void;
}

function failure<T>(error: unknown): Outcome<T> {
  return { ok: false, error: { code: 'UNEXPECTED', message: describeError(error) } };
}

export function createAppStore({ services, host }: AppDeps) {
  return createStore<AppState>()((set, get) => ({
    phase: 'booting',
    screen: 'check',
    identity: null,
    session: null,
    lockedSession: null,
    lockReason: null,
    config: null,
    bootError: null,
    hostKind: host.kind,
    appVersion: host.appVersion,

    async boot() {
      set({ phase: 'booting', bootError: null });
      try {
        const [config, identity] = await Promise.all([host.getConfig(), services.enrolment.current()]);
        const session = services.auth.current();
        set({
          config,
          identity,
          session,
          phase: identity === null ? 'enrol' : session === null ? 'login' : 'work',
          screen: 'check',
        });
      } catch (error) {
        set({ phase: 'boot-failed', bootError: describeError(error) });
      }
    },

    async reloadConfig() {
      try {
        set({ config: await host.getConfig() });
      } catch (error) {
        host.log('warn', `config reload failed: ${describeError(error)}`);
      }
    },

    async enrol(input) {
      try {
        const outcome = await services.enrolment.enrol(input);
        if (outcome.ok) {
          // A new terminal identity invalidates any session of the old one.
          const wasWorking = get().session !== null;
          if (wasWorking) await services.auth.logout();
          set({ identity: outcome.value, session: null, lockedSession: null, phase: 'login', screen: 'check' });
        }
        return outcome;
      } catch (error) {
        return failure(error);
      }
    },

    async login(operatorId, password) {
      try {
        const outcome = await services.auth.login(operatorId, password);
        if (outcome.ok) set({ session: outcome.value, lockedSession: null, lockReason: null, phase: 'work', screen: 'check' });
        return outcome;
      } catch (error) {
        return failure(error);
      }
    },

    async lock(reason) {
      const { phase, session } = get();
      if (phase !== 'work' || session === null) return;
      set({ phase: 'locked', lockReason: reason, lockedSession: session });
      try {
        await services.auth.lock();
      } catch (error) {
        host.log('warn', `lock failed: ${describeError(error)}`);
      }
    },

    async unlock(password) {
      try {
        const outcome = await services.auth.unlock(password);
        if (outcome.ok) set({ session: outcome.value, lockedSession: null, lockReason: null, phase: 'work' });
        return outcome;
      } catch (error) {
        return failure(error);
      }
    },

    async reconnect(password) {
      try {
        const outcome = await services.auth.reconnect(password);
        if (outcome.ok) set({ session: outcome.value });
        return outcome;
      } catch (error) {
        return failure(error);
      }
    },

    async logout() {
      try {
        await services.auth.logout();
      } catch (error) {
        host.log('warn', `logout failed: ${describeError(error)}`);
      }
      set({ session: null, lockedSession: null, lockReason: null, phase: get().identity ? 'login' : 'enrol', screen: 'check' });
    },

    go(screen) {
      if (get().phase === 'work') set({ screen });
    },

    startReenrol() {
      if (get().phase === 'login' && get().identity) set({ phase: 'enrol' });
    },

    cancelReenrol() {
      if (get().phase === 'enrol' && get().identity) set({ phase: 'login' });
    },

    refreshSession() {
      if (get().phase !== 'work') return;
      const current = services.auth.current();
      const shown = get().session;
      if (current && shown && (current.mode !== shown.mode || current.operator.id !== shown.operator.id)) set({ session: current });
    },
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
