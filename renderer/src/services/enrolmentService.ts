/**
 * Terminal enrolment (IT, once per PC): POST /terminals, the secret kept by the host (terminalAccess.ts).
 * A PC that was enrolled before names its current identity as the predecessor (hand-over): the
 * platform links the two and this terminal then delivers the predecessor's queued records under
 * their original terminal id and seq — so re-enrolment is how IT frees records stranded by an
 * undecryptable secret or a platform that forgot the terminal. The platform wants proof that it is
 * the same PC: the predecessor's secret, which the host adds from its vault when it is still readable
 * and the enrolment goes to the platform that issued it (terminalAccess.ts); otherwise the IT
 * administrator's account entered on the enrolment screen.
 */
import type { HostBridge } from '../../../shared/ipc/bridge';
import type { JournalRepository } from '../data/journalRepository';
import type { AppServices, Outcome, TerminalIdentity } from './contracts';
import type { Clock } from './deps';
import { failWith, ok, refuse } from './outcome';
import { createSlipKey, keepSlipKey } from './slipSigning';
import type { TerminalAccess } from './terminalAccess';
import { auditEnrolment, recordIdentity } from './terminalIdentity';

export interface EnrolmentDeps {
  journal: Pick<JournalRepository, 'identity' | 'lowestHeldSeq' | 'notePendingEnrolment' | 'keepSlipKey' | 'recordIdentity' | 'audit'>;
  terminal: Pick<TerminalAccess, 'enrol'>;
  /** Makes and keeps the slip key in Electron's main process (the browser build makes it with WebCrypto). */
  host: HostBridge;
  now: Clock;
}

export function createEnrolmentService(deps: EnrolmentDeps): AppServices['enrolment'] {
  const { journal, terminal, host, now } = deps;
  return {
    current: () => journal.identity(),

    async enrol({ platformUrl, enrolmentCode, terminalName, itOperator }): Promise<Outcome<TerminalIdentity>> {
      const url = platformUrl.trim();
      const name = terminalName.trim();
      if (!/^https?:\/\/[^\s]+$/i.test(url)) return refuse('bad_platform_url');
      if (!enrolmentCode.trim()) return refuse('enrolment_code_required');
      if (!name) return refuse('terminal_name_required');
      try {
        const existing = await journal.identity();
        const predecessor = existing
          ? {
              terminalId: existing.terminalId,
              resumeSeq: await journal.lowestHeldSeq(existing.terminalId),
            }
          : undefined;
        const confirmation = predecessor && itOperator?.operatorId.trim() && itOperator.password ? itOperator : undefined;
        await journal.notePendingEnrolment({ terminalName: name, platformUrl: url, startedAt: now().toISOString() });
        // The host stores the secret (with its terminal id) first, the identity is recorded second: see
        // terminalIdentity.ts for a stop in between. The host also adds the hand-over's proof from its vault.
        // A new slip key with every enrolment (rotation): the platform certifies its public half.
        const slipKey = await createSlipKey(host);
        const enrolled = await terminal.enrol(
          url,
          {
            enrolmentCode: enrolmentCode.trim(),
            name,
            ...(slipKey ? { terminalPublicKey: slipKey.publicKey } : {}),
            ...(predecessor ? { predecessor } : {}),
            ...(confirmation ? { itOperator: { operatorId: confirmation.operatorId.trim(), password: confirmation.password } } : {}),
          },
          existing,
        );
        if (!enrolled.ok) return enrolled;
        const { terminalId, handOver, platformPublicKey, terminalCertificate } = enrolled.value;
        if (slipKey) await keepSlipKey(journal, host, terminalId, slipKey, terminalCertificate);
        const identity = await recordIdentity(
          deps,
          terminalId,
          { terminalName: name, platformUrl: url, ...(platformPublicKey ? { platformPublicKey: platformPublicKey.key } : {}) },
          existing,
        );
        await auditEnrolment(
          journal,
          'success',
          name,
          handOver
            ? {
                predecessorId: handOver.predecessorId,
                ...(handOver.predecessorKnown ? {} : { acceptedFrom: handOver.nextSeq }),
                how: confirmation ? `confirmed by IT ${confirmation.operatorId.trim()}` : "proved by the predecessor's secret",
              }
            : null,
        );
        return ok(identity);
      } catch (error) {
        return failWith(error);
      }
    },
  };
}
