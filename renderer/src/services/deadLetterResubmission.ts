/**
 * Dead-letter resubmission (supervisor or IT, once the cause is fixed): one journal transaction
 * queues a new record with the dead letter's kind, body and time, naming it, marks the dead letter
 * as resubmitted, and writes the audit record. The platform checks the rest (role, same content,
 * once only) and audits it on its side.
 */
import type { DeadLetterRecord } from '../data/journalDb';
import type { DeadLetter, Delivery, Outcome } from './contracts';
import type { Core } from './core';
import { failWith, ok, refuse } from './outcome';

function resubmitter(core: Core): string | null {
  const operator = core.session.current()?.operator;
  return operator && (operator.roles.includes('supervisor') || operator.roles.includes('it')) ? operator.id : null;
}

/** The dead letter is gone or was resubmitted meanwhile (another tab): the transaction is rolled back. */
class NotResubmittable extends Error {}

export async function resubmitDeadLetter(core: Core, terminalId: string, seq: number): Promise<Outcome<Delivery>> {
  const by = resubmitter(core);
  if (!by) return refuse('resubmit_forbidden');
  try {
    const dead = await core.journal.deadLetters.get([terminalId, seq]);
    if (!dead || dead.resubmittedAs) return refuse('not_resubmittable');
    const queuedId = await core.writer.commit({
      tables: [core.journal.deadLetters],
      audits: [
        {
          action: 'DEAD_LETTER_RESUBMIT',
          actor: by,
          purpose: null,
          subject: null,
          outcome: 'queued',
          detail: `resubmits ${terminalId}#${seq} (${dead.kind}, ${dead.id})`,
        },
      ],
      write: async (tx) => {
        const current = await core.journal.deadLetters.get([terminalId, seq]);
        if (!current || current.resubmittedAs) throw new NotResubmittable();
        const record = await tx.enqueue({
          kind: current.kind,
          body: current.body,
          operatorId: by,
          // The record is about what happened then; who resubmitted it is operatorId (and the audit).
          occurredAt: current.occurredAt,
          resubmits: { terminalId: current.terminalId, seq: current.seq, id: current.id },
        });
        await core.journal.deadLetters.update([terminalId, seq], {
          resubmittedAs: { terminalId: record.terminalId, seq: record.seq, id: record.id, at: core.now().toISOString(), by },
        });
        return record.id;
      },
    });
    const delivered = await core.engine.pushNow();
    return ok(delivered.has(queuedId) ? 'sent' : 'queued');
  } catch (error) {
    if (error instanceof NotResubmittable) return refuse('not_resubmittable');
    return failWith(error);
  }
}

/** Where a resubmitted dead letter's new record stands: queued, delivered, or dead in its turn. */
export async function resubmissionState(core: Core, dead: DeadLetterRecord): Promise<DeadLetter['resubmission']> {
  const as = dead.resubmittedAs;
  if (!as) return null;
  const key: [string, number] = [as.terminalId, as.seq];
  const [queued, rejected] = await Promise.all([core.journal.outbox.get(key), core.journal.deadLetters.get(key)]);
  const state = queued?.id === as.id ? 'queued' : rejected?.id === as.id ? 'rejected' : 'accepted';
  return { state, at: as.at, by: as.by };
}
