/**
 * Recording a terminal identity, and completing one whose recording was cut short. A new identity
 * is stored in two places that cannot share a transaction: the secret in the host's vault (with the
 * terminal id it belongs to), then the identity in the journal. If the app stops in between, the
 * vault names an identity the journal does not know yet: the next start records it, with the
 * identity it replaced as its predecessor, so nothing queued under the old identity is stranded.
 */
import Dexie from 'dexie';
import type { JournalDb } from '../data/journalDb';
import type { TerminalIdentity } from './contracts';
import { SYSTEM_ACTOR, type Core } from './core';

/** The lowest seq of `terminalId`'s records the journal still holds (queued, delivered or dead), else its next seq. */
export async function lowestHeldSeq(journal: JournalDb, terminalId: string): Promise<number> {
  const range = [
    [terminalId, Dexie.minKey],
    [terminalId, Dexie.maxKey],
  ] as const;
  const firsts = await Promise.all(
    [journal.outbox, journal.delivered, journal.deadLetters].map((table) =>
      table
        .where('[terminalId+seq]')
        .between(...(range as unknown as [[string, number], [string, number]]))
        .first(),
    ),
  );
  const seqs = firsts.filter((r) => r !== undefined).map((r) => r.seq);
  if (seqs.length > 0) return Math.min(...seqs);
  const counter = await journal.meta.get('outboxSeq');
  return counter?.key === 'outboxSeq' && counter.terminalId === terminalId ? counter.next : 1;
}

/** Records `terminalId` as this PC's identity; the identity it replaces becomes its latest predecessor. */
export async function recordIdentity(
  core: Core,
  terminalId: string,
  where: { terminalName: string; platformUrl: string; platformPublicKey?: string },
  replaced: TerminalIdentity | null,
): Promise<TerminalIdentity> {
  const identity: TerminalIdentity = {
    terminalId,
    terminalName: where.terminalName,
    platformUrl: where.platformUrl,
    enrolledAt: core.now().toISOString(),
    ...(where.platformPublicKey ? { platformPublicKey: where.platformPublicKey } : {}),
    predecessors: replaced ? [...(replaced.predecessors ?? []), replaced.terminalId] : [],
  };
  await core.journal.transaction('rw', core.journal.meta, async () => {
    await core.journal.meta.put({ key: 'terminal', identity });
    await core.journal.meta.put({ key: 'outboxSeq', terminalId, next: 1 });
    await core.journal.meta.delete('pendingEnrolment');
  });
  return identity;
}

/**
 * At start: if the vault holds the secret of an identity the journal has not recorded, the last
 * enrolment stopped between the two writes — record it now. Returns the identity it completed.
 */
export async function completeInterruptedEnrolment(core: Core): Promise<TerminalIdentity | null> {
  const kept = await core.terminal.keptCredential();
  // A secret stored by release 0.1 does not say whose it is: it belongs to the recorded identity.
  if (kept === null || kept.terminalId === null) return null;
  const current = await core.identity();
  if (current?.terminalId === kept.terminalId || current?.predecessors?.includes(kept.terminalId)) return null;
  const pending = await core.journal.meta.get('pendingEnrolment');
  const where =
    pending?.key === 'pendingEnrolment'
      ? { terminalName: pending.terminalName, platformUrl: kept.platformUrl ?? pending.platformUrl }
      : current
        ? { terminalName: current.terminalName, platformUrl: kept.platformUrl ?? current.platformUrl }
        : null;
  if (!where) {
    core.host.log('warn', 'the vault holds a terminal secret of an enrolment with no record of where it was made; enrol again');
    return null;
  }
  const identity = await recordIdentity(core, kept.terminalId, where, current);
  core.host.log('warn', `enrolment of ${identity.terminalId} was interrupted after its secret was stored; completed at start`);
  await auditEnrolment(
    core,
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
  core: Core,
  outcome: 'success' | 'recovered',
  terminalName: string,
  handOver: EnrolmentHandOver | null,
): Promise<void> {
  const about = handOver
    ? [`hands over ${handOver.predecessorId}`, ...(handOver.acceptedFrom ? [`accepted from #${handOver.acceptedFrom}`] : []), handOver.how]
    : [];
  const detail = about.length > 0 ? `${terminalName} (${about.join(', ')})` : terminalName;
  await core.writer.commit({ audits: [{ action: 'ENROL', actor: SYSTEM_ACTOR, purpose: null, subject: null, outcome, detail }] });
}
