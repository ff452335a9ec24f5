/** Terminal enrolment (IT, once per PC): POST /terminals, the secret kept by the host (terminalAccess.ts). */
import type { AppServices, Outcome, TerminalIdentity } from './contracts';
import { SYSTEM_ACTOR, type Core } from './core';
import { fail, failWith, ok } from './outcome';

export function createEnrolmentService(core: Core): AppServices['enrolment'] {
  return {
    current: () => core.identity(),

    async enrol({ platformUrl, enrolmentCode, terminalName }): Promise<Outcome<TerminalIdentity>> {
      const url = platformUrl.trim();
      if (!/^https?:\/\/[^\s]+$/i.test(url)) return fail('bad_platform_url', '信用平台地址无效，应以 http:// 或 https:// 开头');
      if (!enrolmentCode.trim()) return fail('enrolment_code_required', '请输入登记码');
      if (!terminalName.trim()) return fail('terminal_name_required', '请输入终端名称');
      // Queued records carry the current terminal's seqs: a new identity would strand them.
      const existing = await core.identity();
      if (existing && (await core.journal.outbox.count()) > 0) {
        return fail('outbox_not_empty', '本机还有未上传的记录，请先联网完成同步，再重新登记终端');
      }
      try {
        const enrolled = await core.terminal.enrol(url, { enrolmentCode: enrolmentCode.trim(), name: terminalName.trim() });
        if (!enrolled.ok) return enrolled;
        const identity: TerminalIdentity = {
          terminalId: enrolled.value.terminalId,
          terminalName: terminalName.trim(),
          platformUrl: url,
          enrolledAt: core.now().toISOString(),
        };
        await core.journal.transaction('rw', core.journal.meta, async () => {
          await core.journal.meta.put({ key: 'terminal', identity });
          await core.journal.meta.put({ key: 'outboxSeq', terminalId: identity.terminalId, next: 1 });
        });
        await core.writer.commit({
          audits: [
            { action: 'ENROL', actor: SYSTEM_ACTOR, purpose: null, subject: null, outcome: 'success', detail: identity.terminalName },
          ],
        });
        return ok(identity);
      } catch (error) {
        return failWith(error);
      }
    },
  };
}
