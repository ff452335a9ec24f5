/**
 * Operator login. Online: POST /sessions with the terminal credentials; the offline-unlock
 * parameters are kept in the journal. Logout ends the platform session too (DELETE
 * /sessions/current); when the platform cannot hear it, the next online login revokes it. When the platform cannot be reached, the same operator
 * may unlock offline until the verifier's validUntil or the terminal policy's offlineUnlockHours after
 * the online login, whichever is earlier (0 = never). Every attempt is audited.
 */
import type { Operator, RefusedSignInOutcome } from '../../../shared/contract';
import { isPlatformError } from '../api/platformError';
import type { JournalRepository } from '../data/journalRepository';
import type { SyncEngine } from '../sync/syncEngine';
import type { AppServices, Outcome, Session } from './contracts';
import type { Clock, PlatformAccess } from './deps';
import { checkOfflineUnlock } from './offlineUnlock';
import { failWith, ok, refuse } from './outcome';
import type { SessionHolder } from './sessionHolder';
import type { TerminalAccess } from './terminalAccess';

/** The platform refused the terminal, not the operator: IT must re-enrol (the message says so). */
const TERMINAL_REFUSALS = ['unknown_terminal', 'terminal_replaced'] as const satisfies readonly RefusedSignInOutcome[];
const isTerminalRefusal = (code: string | undefined): code is (typeof TERMINAL_REFUSALS)[number] =>
  (TERMINAL_REFUSALS as readonly (string | undefined)[]).includes(code);

export interface AuthDeps {
  journal: Pick<
    JournalRepository,
    'identity' | 'rememberedOperator' | 'rememberOperator' | 'pendingRevocations' | 'addPendingRevocation' | 'audit'
  >;
  session: SessionHolder;
  terminal: Pick<TerminalAccess, 'createSession'>;
  platform: Pick<PlatformAccess, 'enrolled'>;
  engine: Pick<SyncEngine, 'reportReachable' | 'requestSync'>;
  /** The terminal policy's offline-unlock window after an online login (0: never). */
  offlineUnlockHours: number;
  now: Clock;
}

export function createAuthService({
  journal,
  session: sessions,
  terminal,
  platform,
  engine,
  offlineUnlockHours,
  now,
}: AuthDeps): AppServices['auth'] {
  // A sign-in that did not happen names only the ID typed: the platform accepts that for the refusal outcomes alone.
  const audit = (
    action: 'LOGIN' | 'LOGOUT' | 'OFFLINE_UNLOCK' | 'LOCK',
    actor: string,
    outcome: 'success' | RefusedSignInOutcome,
    detail: string | null,
  ) => journal.audit([{ action, actor, purpose: null, subject: null, outcome, detail }]);

  /** The platform could not be reached: the operator's offline verifier, if this terminal keeps one and its policy allows it. */
  async function offline(operatorId: string, password: string): Promise<Outcome<Session>> {
    const row = await journal.rememberedOperator(operatorId);
    if (!row) {
      await audit('OFFLINE_UNLOCK', operatorId, 'unavailable', null);
      return refuse('offline_unavailable');
    }
    const windowHours = offlineUnlockHours;
    if (windowHours === 0) {
      await audit('OFFLINE_UNLOCK', operatorId, 'disabled', null);
      return refuse('offline_disabled');
    }
    const policyUntil = row.rememberedAt ? Date.parse(row.rememberedAt) + windowHours * 3_600_000 : Infinity;
    const check = await checkOfflineUnlock(row.unlock, password, now(), policyUntil);
    if (check === 'expired') {
      await audit('OFFLINE_UNLOCK', operatorId, 'expired', null);
      return refuse('offline_expired');
    }
    if (check === 'mismatch') {
      await audit('OFFLINE_UNLOCK', operatorId, 'refused', null);
      return refuse('wrong_credentials');
    }
    const session = sessions.start(row.operator, 'offline', null, null);
    await audit('OFFLINE_UNLOCK', operatorId, 'success', null);
    return ok(session);
  }

  /** `offlineFallback`: login and unlock fall back to the offline verifier; 联网登录 does not. */
  async function online(operatorId: string, password: string, offlineFallback = true): Promise<Outcome<Session>> {
    const identity = await journal.identity();
    if (!identity) return refuse('not_enrolled');
    try {
      const pending = await journal.pendingRevocations();
      const created = await terminal.createSession(identity, operatorId, password, pending);
      if (!created.ok) return created;
      const answer = created.value;
      await rememberOperator(answer.operator, answer.offlineUnlock, pending.length > 0);
      const session = sessions.start(answer.operator, 'online', answer.token, answer.expiresAt, answer.sessionId);
      await audit('LOGIN', operatorId, 'success', 'online');
      engine.reportReachable(true);
      engine.requestSync();
      return ok(session);
    } catch (error) {
      if (isPlatformError(error)) {
        const code = error.problem?.code;
        if (isTerminalRefusal(code)) {
          await audit('LOGIN', operatorId, code, null);
          return { ok: false, error: error.userError };
        }
        if (error.kind === 'unauthorized' || (error.kind === 'rejected' && (error.status === 403 || error.status === 401))) {
          await audit('LOGIN', operatorId, 'refused', null);
          return refuse('wrong_credentials');
        }
        if (error.kind === 'network' || error.kind === 'timeout' || error.kind === 'server' || error.kind === 'malformed') {
          engine.reportReachable(false);
          if (offlineFallback) return offline(operatorId, password);
          await audit('LOGIN', operatorId, 'unreachable', null);
          return refuse('still_offline');
        }
      }
      return failWith(error);
    }
  }

  /** `revoked`: the login just revoked the sessions signed out offline, so they are no longer pending. */
  async function rememberOperator(operator: Operator, unlock: Parameters<typeof checkOfflineUnlock>[0], revoked: boolean): Promise<void> {
    await journal.rememberOperator({ operator, unlock, rememberedAt: now().toISOString() }, revoked);
  }

  /**
   * Ends the platform session: at once when the platform answers, else at the next login on this
   * terminal (the session's id waits in the journal, which a reload does not lose).
   */
  async function revokePlatformSession({ sessionId, token }: { sessionId: string; token: string }): Promise<void> {
    try {
      const client = await platform.enrolled();
      if (!client) throw new Error('not enrolled');
      await client.endSession(token);
      return;
    } catch (error) {
      // 401: the session had already ended; nothing left to revoke.
      if (isPlatformError(error) && error.kind === 'unauthorized') return;
    }
    await journal.addPendingRevocation(sessionId);
  }

  return {
    async login(operatorId, password) {
      const id = operatorId.trim();
      if (!id || !password) return refuse('credentials_required');
      try {
        return await online(id, password);
      } catch (error) {
        return failWith(error);
      }
    },

    async unlock(password) {
      const operator = sessions.operator();
      if (!operator) return refuse('not_logged_in', { during: 'unlock' });
      if (!password) return refuse('password_required');
      try {
        // Online when possible: it also renews an expired platform token.
        return await online(operator.id, password);
      } catch (error) {
        return failWith(error);
      }
    },

    async reconnect(password) {
      const session = sessions.current();
      if (!session) return refuse('not_logged_in', { during: 'reconnect' });
      if (!password) return refuse('password_required');
      try {
        return await online(session.operator.id, password, false);
      } catch (error) {
        return failWith(error);
      }
    },

    async lock() {
      const operator = sessions.operator();
      if (!operator || sessions.isLocked()) return;
      sessions.lock();
      await audit('LOCK', operator.id, 'success', null).catch(() => undefined);
    },

    async logout() {
      const operator = sessions.operator();
      const platformSession = sessions.platformSession();
      sessions.end();
      if (platformSession) await revokePlatformSession(platformSession).catch(() => undefined);
      if (operator) await audit('LOGOUT', operator.id, 'success', null).catch(() => undefined);
    },

    current: () => sessions.current(),
  };
}
