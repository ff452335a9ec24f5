/**
 * Dead-letter resubmission (supervisor or IT, once the cause is fixed): one journal transaction
 * queues a new record with the dead letter's kind, body and time, naming it, marks the dead letter
 * as resubmitted, and writes the audit record (data/journalRepository.ts). The platform checks the
 * rest (role, same content, once only) and audits it on its side.
 */
import type { DeadLetterRecord } from '../data/journalDb';
import { NotResubmittableError, type JournalRepository } from '../data/journalRepository';
import type { DeadLetter, Delivery, Outcome } from './contracts';
import type { Clock, Pusher } from './deps';
import { failWith, ok, refuse } from './outcome';
import type { SessionHolder } from './sessionHolder';

export interface ResubmissionDeps {
  session: Pick<SessionHolder, 'current'>;
  journal: Pick<JournalRepository, 'resubmitDeadLetter'>;
  engine: Pusher;
  now: Clock;
}

function resubmitter(session: ResubmissionDeps['session']): string | null {
  const operator = session.current()?.operator;
  return operator && (operator.roles.includes('supervisor') || operator.roles.includes('it')) ? operator.id : null;
}

export async function resubmitDeadLetter(
  { session, journal, engine, now }: ResubmissionDeps,
  terminalId: string,
  seq: number,
): Promise<Outcome<Delivery>> {
  const by = resubmitter(session);
  if (!by) return refuse('resubmit_forbidden');
  try {
    const queuedId = await journal.resubmitDeadLetter(terminalId, seq, { operatorId: by, at: now().toISOString() }, (dead) => [
      {
        action: 'DEAD_LETTER_RESUBMIT',
        actor: by,
        purpose: null,
        subject: null,
        outcome: 'queued',
        detail: `resubmits ${terminalId}#${seq} (${dead.kind}, ${dead.id})`,
      },
    ]);
    const delivered = await engine.pushNow();
    return ok(delivered.has(queuedId) ? 'sent' : 'queued');
  } catch (error) {
    if (error instanceof NotResubmittableError) return refuse('not_resubmittable');
    return failWith(error);
  }
}

/** Where a resubmitted dead letter's new record stands: queued, delivered, or dead in its turn. */
export async function resubmissionState(
  journal: Pick<JournalRepository, 'stateOfRecord'>,
  dead: DeadLetterRecord,
): Promise<DeadLetter['resubmission']> {
  const as = dead.resubmittedAs;
  if (!as) return null;
  const state = await journal.stateOfRecord(as);
  return { state: state === 'delivered' ? 'accepted' : state, at: as.at, by: as.by };
}
