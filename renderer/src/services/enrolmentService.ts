/** Terminal enrolment (IT, once per PC): POST /terminals, secret to the host's protected store. */
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
        const answer = await core.platformFor(url).enrol({ enrolmentCode: enrolmentCode.trim(), name: terminalName.trim() });
        const stored = await core.host.writeTerminalSecret(answer.terminalSecret);
        if (!stored.ok) return fail('secret_not_stored', `终端密钥无法安全保存：${stored.message}`);
        const identity: TerminalIdentity = {
          terminalId: answer.terminalId,
          terminalName: terminalName.trim(),
          platformUrl: url,
          enrolledAt: core.now().toISOString(),
          ...(answer.platformPublicKey ? { platformPublicKey: answer.platformPublicKey.key } : {}),
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
