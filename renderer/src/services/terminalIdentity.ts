/**
 * Recording a terminal identity, and completing one whose recording was cut short. A new identity
 * is stored in two places that cannot share a transaction: the secret in the host's vault (with the
 * terminal id it belongs to), then the identity in the journal. If the app stops in between, the
 * vault names an identity the journal does not know yet: the next start records it, with the
 * identity it replaced as its predecessor, so nothing queued under the old identity is stranded.
 */
import type { JournalRepository } from '../data/journalRepository';
import type { TerminalIdentity } from './contracts';
import { SYSTEM_ACTOR, type Clock, type Log } from './deps';
import type { TerminalAccess } from './terminalAccess';

/** Records `terminalId` as this PC's identity; the identity it replaces becomes its latest predecessor. */
export async function recordIdentity(
  { journal, now }: { journal: Pick<JournalRepository, 'recordIdentity'>; now: Clock },
  terminalId: string,
  where: { terminalName: string; platformUrl: string; platformPublicKey?: string },
  replaced: TerminalIdentity | null,
): Promise<TerminalIdentity> {
  const identity: TerminalIdentity = {
    terminalId,
    terminalName: where.terminalName,
    platformUrl: where.platformUrl,
    enrolledAt: now().toISOString(),
    ...(where.platformPublicKey ? { platformPublicKey: where.platformPublicKey } : {}),
    predecessors: replaced ? [...(replaced.predecessors ?? []), replaced.terminalId] : [],
  };
  await journal.recordIdentity(identity);
  return identity;
}

export interface InterruptedEnrolmentDeps {
  journal: Pick<JournalRepository, 'identity' | 'pendingEnrolment' | 'recordIdentity' | 'audit'>;
  terminal: Pick<TerminalAccess, 'keptCredential'>;
  log: Log;
  now: Clock;
}

/**
 * At start: if the vault holds the secret of an identity the journal has not recorded, the last
 * enrolment stopped between the two writes — record it now. Returns the identity it completed.
 */
export async function completeInterruptedEnrolment(deps: InterruptedEnrolmentDeps): Promise<TerminalIdentity | null> {
  const { journal, terminal, log } = deps;
  const kept = await terminal.keptCredential();
  // A secret stored by release 0.1 does not say whose it is: it belongs to the recorded identity.
  if (kept === null || kept.terminalId === null) return null;
  const current = await journal.identity();
  if (current?.terminalId === kept.terminalId || current?.predecessors?.includes(kept.terminalId)) return null;
  const pending = await journal.pendingEnrolment();
  const where = pending
    ? { terminalName: pending.terminalName, platformUrl: kept.platformUrl ?? pending.platformUrl }
    : current
      ? { terminalName: current.terminalName, platformUrl: kept.platformUrl ?? current.platformUrl }
      : null;
  if (!where) {
    log('warn', 'the vault holds a terminal secret of an enrolment with no record of where it was made; enrol again');
    return null;
  }
  const identity = await recordIdentity(deps, kept.terminalId, where, current);
  log('warn', `enrolment of ${identity.terminalId} was interrupted after its secret was stored; completed at start`);
  await auditEnrolment(
    journal,
    'recovered',
    identity.terminalName,
    current ? { predecessorId: current.terminalId, how: 'completed at start' } : null,
  );
  return identity;
}

/** How an enrolment replaced an earlier identity of this PC, for its audit record. */
export interface EnrolmentHandOver {
  predecessorId: string;
  /** The platform had no record of the predecessor: it accepts the old records from this seq on. */
  acceptedFrom?: number;
  /** What proved it is the same PC, or how the enrolment was completed. */
  how: string;
}

/**
 * The ENROL audit record, written alike by an enrolment and by its completion at start. Its detail is
 * a stable machine text (it is hashed into the audit chain and kept by the platform), never a screen's wording.
 */
export async function auditEnrolment(
  journal: Pick<JournalRepository, 'audit'>,
  outcome: 'success' | 'recovered',
  terminalName: string,
  handOver: EnrolmentHandOver | null,
): Promise<void> {
  const about = handOver
    ? [`hands over ${handOver.predecessorId}`, ...(handOver.acceptedFrom ? [`accepted from #${handOver.acceptedFrom}`] : []), handOver.how]
    : [];
  const detail = about.length > 0 ? `${terminalName} (${about.join(', ')})` : terminalName;
  await journal.audit([{ action: 'ENROL', actor: SYSTEM_ACTOR, purpose: null, subject: null, outcome, detail }]);
}
