/**
 * The platform calls that need the terminal secret, for whichever host the app runs in. In Electron
 * the main process keeps the secret and makes the calls; the page checks the answers with the same client
 * as every other call. In a browser the page keeps the secret in the journal and calls the platform itself.
 * Either way the secret is stored with the terminal id it was issued for, so the page can tell an enrolment
 * cut short between storing the secret and recording the identity (terminalIdentity.ts).
 */
import { samePlatform } from '../../../shared/config/samePlatform';
import { CreateSessionResponse } from '../../../shared/contract';
import type { BrowserHostBridge, HostBridge } from '../../../shared/ipc/bridge';
import { HostEnrolledTerminal, HostStoredTerminal, type HostEnrolRequest } from '../../../shared/ipc/channels';
import type { PlatformClient } from '../api/platformClient';
import type { Outcome, TerminalIdentity } from './contracts';
import { fail, ok, refuse } from './outcome';

/** The enrolment as the page sees it: everything the platform answered but the secret. */
export type EnrolledTerminal = HostEnrolledTerminal;

/** Whose secret the host keeps; null fields: stored by a release that did not record it. */
export interface KeptCredential {
  terminalId: string | null;
  platformUrl: string | null;
}

export interface TerminalAccess {
  /**
   * POST /terminals; the secret goes to the host's store. Platform failures throw PlatformError.
   * A re-enrolment names `current` (the PC's identity) as the predecessor in the request; the host adds
   * that identity's secret as the hand-over's proof when it still holds it and the enrolment goes to
   * the platform that issued it.
   */
  enrol(platformUrl: string, request: HostEnrolRequest, current: TerminalIdentity | null): Promise<Outcome<EnrolledTerminal>>;
  /**
   * POST /sessions with the terminal's secret; `revokeSessions` names this terminal's sessions signed out
   * while the platform could not hear it. Platform failures throw PlatformError.
   */
  createSession(
    identity: TerminalIdentity,
    operatorId: string,
    password: string,
    revokeSessions: readonly string[],
  ): Promise<Outcome<CreateSessionResponse>>;
  /** The enrolment the kept secret belongs to, or null when there is none the host can read. */
  keptCredential(): Promise<KeptCredential | null>;
}

/**
 * The browser's proof for a hand-over: the predecessor's own secret, when the journal still holds it
 * readable — and only for the platform that issued it, never to an address someone typed in.
 */
async function predecessorSecret(
  host: BrowserHostBridge,
  platformUrl: string,
  current: TerminalIdentity | null,
): Promise<{ terminalSecret?: string }> {
  if (!current || !samePlatform(platformUrl, current.platformUrl)) return {};
  const stored = await host.readTerminalSecret();
  // A secret stored by release 0.1 names no terminal: it belongs to the recorded identity.
  if (stored.kind !== 'present' || (stored.terminalId !== null && stored.terminalId !== current.terminalId)) return {};
  return { terminalSecret: stored.secret };
}

/** The desktop host refused with its own sentence: shown as the host words it, whatever the code. */
function hostRefusal(answer: { code: string; message: string }): Outcome<never> {
  return fail(answer.code, answer.message, { ownWords: true });
}

export function createTerminalAccess(host: HostBridge, clientFor: (platformUrl: string) => PlatformClient): TerminalAccess {
  if (host.kind === 'electron') {
    return {
      async enrol(platformUrl, request) {
        const answer = await host.enrolTerminal(platformUrl, request);
        if (answer.kind === 'refused') return hostRefusal(answer);
        return ok(await clientFor(platformUrl).answerFromHost('/terminals', answer, HostEnrolledTerminal));
      },
      async createSession(identity, operatorId, password, revokeSessions) {
        const answer = await host.createSession({
          platformUrl: identity.platformUrl,
          terminalId: identity.terminalId,
          operatorId,
          password,
          ...(revokeSessions.length > 0 ? { revokeSessions: [...revokeSessions] } : {}),
        });
        if (answer.kind === 'refused') return hostRefusal(answer);
        return ok(await clientFor(identity.platformUrl).answerFromHost('/sessions', answer, CreateSessionResponse));
      },
      async keptCredential() {
        const kept = HostStoredTerminal.safeParse(await host.enrolledTerminal());
        if (!kept.success || kept.data.kind !== 'present') return null;
        return { terminalId: kept.data.terminalId, platformUrl: kept.data.platformUrl };
      },
    };
  }
  return {
    async enrol(platformUrl, request, current) {
      const { predecessor } = request;
      const proven =
        predecessor && predecessor.terminalId === current?.terminalId
          ? { ...request, predecessor: { ...predecessor, ...(await predecessorSecret(host, platformUrl, current)) } }
          : request;
      const { terminalSecret, ...enrolled } = await clientFor(platformUrl).enrol(proven);
      const stored = await host.writeTerminalSecret(terminalSecret, enrolled.terminalId);
      if (!stored.ok) return refuse('secret_not_stored', { detail: stored.message });
      return ok(enrolled);
    },
    async createSession(identity, operatorId, password, revokeSessions) {
      const secret = await host.readTerminalSecret();
      if (secret.kind === 'absent') return refuse('secret_missing');
      if (secret.kind === 'undecryptable') return refuse('secret_undecryptable', { detail: secret.message });
      return ok(
        await clientFor(identity.platformUrl).createSession({
          terminalId: identity.terminalId,
          terminalSecret: secret.secret,
          operatorId,
          password,
          ...(revokeSessions.length > 0 ? { revokeSessions: [...revokeSessions] } : {}),
        }),
      );
    },
    async keptCredential() {
      const secret = await host.readTerminalSecret();
      return secret.kind === 'present' ? { terminalId: secret.terminalId, platformUrl: null } : null;
    },
  };
}
