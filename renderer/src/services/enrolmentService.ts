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
import type { AppServices, Outcome, TerminalIdentity } from './contracts';
import type { Core } from './core';
import { failWith, ok, refuse } from './outcome';
import { createSlipKey, keepSlipKey } from './slipSigning';
import { auditEnrolment, lowestHeldSeq, recordIdentity } from './terminalIdentity';

export function createEnrolmentService(core: Core): AppServices['enrolment'] {
  return {
    current: () => core.identity(),

    async enrol({ platformUrl, enrolmentCode, terminalName, itOperator }): Promise<Outcome<TerminalIdentity>> {
      const url = platformUrl.trim();
      const name = terminalName.trim();
      if (!/^https?:\/\/[^\s]+$/i.test(url)) return refuse('bad_platform_url');
      if (!enrolmentCode.trim()) return refuse('enrolment_code_required');
      if (!name) return refuse('terminal_name_required');
      try {
        const existing = await core.identity();
        const predecessor = existing
          ? {
              terminalId: existing.terminalId,
              resumeSeq: await lowestHeldSeq(core.journal, existing.terminalId),
            }
          : undefined;
        const confirmation = predecessor && itOperator?.operatorId.trim() && itOperator.password ? itOperator : undefined;
        await core.journal.meta.put({ key: 'pendingEnrolment', terminalName: name, platformUrl: url, startedAt: core.now().toISOString() });
        // The host stores the secret (with its terminal id) first, the identity is recorded second: see
        // terminalIdentity.ts for a stop in between. The host also adds the hand-over's proof from its vault.
        // A new slip key with every enrolment (rotation): the platform certifies its public half.
        const slipKey = await createSlipKey(core.host);
        const enrolled = await core.terminal.enrol(
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
        if (slipKey) await keepSlipKey(core.journal, core.host, terminalId, slipKey, terminalCertificate);
        const identity = await recordIdentity(
          core,
          terminalId,
          { terminalName: name, platformUrl: url, ...(platformPublicKey ? { platformPublicKey: platformPublicKey.key } : {}) },
          existing,
        );
        await auditEnrolment(
          core,
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
