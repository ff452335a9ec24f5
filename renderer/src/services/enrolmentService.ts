/**
 * Terminal enrolment (IT, once per PC): POST /terminals, secret to the host's protected store.
 * A PC that was enrolled before names its current identity as the predecessor (hand-over): the
 * platform links the two and this terminal then delivers the predecessor's queued records under
 * their original terminal id and seq — so re-enrolment is how IT frees records stranded by an
 * undecryptable secret or a platform that forgot the terminal. The platform wants proof that it is
 * the same PC: the predecessor's secret from the vault when it is still readable, otherwise the
 * IT administrator's account entered on the enrolment screen.
 */
import type { AppServices, Outcome, TerminalIdentity } from './contracts';
import { SYSTEM_ACTOR, type Core } from './core';
import { fail, failWith, ok } from './outcome';
import { lowestHeldSeq, recordIdentity } from './terminalIdentity';

/** Scheme, host, port and path, so 'http://a/' and 'http://A:80' name the same platform. */
function platformKey(url: string): string | null {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return null;
  }
}

/**
 * The predecessor's own secret, when the vault still holds it readable: the PC's proof that it is
 * the same PC. Only for the platform that issued it — never to an address someone typed in.
 */
async function predecessorSecret(core: Core, predecessor: TerminalIdentity, platformUrl: string): Promise<{ terminalSecret?: string }> {
  const key = platformKey(platformUrl);
  if (key === null || key !== platformKey(predecessor.platformUrl)) return {};
  const { terminalId } = predecessor;
  const stored = await core.host.readTerminalSecret();
  // A secret stored by release 0.1 names no terminal: it belongs to the recorded identity.
  if (stored.kind !== 'present' || (stored.terminalId !== null && stored.terminalId !== terminalId)) return {};
  return { terminalSecret: stored.secret };
}

export function createEnrolmentService(core: Core): AppServices['enrolment'] {
  return {
    current: () => core.identity(),

    async enrol({ platformUrl, enrolmentCode, terminalName, itOperator }): Promise<Outcome<TerminalIdentity>> {
      const url = platformUrl.trim();
      const name = terminalName.trim();
      if (!/^https?:\/\/[^\s]+$/i.test(url)) return fail('bad_platform_url', '信用平台地址无效，应以 http:// 或 https:// 开头');
      if (!enrolmentCode.trim()) return fail('enrolment_code_required', '请输入注册码');
      if (!name) return fail('terminal_name_required', '请输入终端名称');
      try {
        const existing = await core.identity();
        const predecessor = existing
          ? {
              terminalId: existing.terminalId,
              resumeSeq: await lowestHeldSeq(core.journal, existing.terminalId),
              ...(await predecessorSecret(core, existing, url)),
            }
          : undefined;
        const confirmation = predecessor && itOperator?.operatorId.trim() && itOperator.password ? itOperator : undefined;
        await core.journal.meta.put({ key: 'pendingEnrolment', terminalName: name, platformUrl: url, startedAt: core.now().toISOString() });
        const answer = await core.platformFor(url).enrol({
          enrolmentCode: enrolmentCode.trim(),
          name,
          ...(predecessor ? { predecessor } : {}),
          ...(confirmation ? { itOperator: { operatorId: confirmation.operatorId.trim(), password: confirmation.password } } : {}),
        });
        // Secret first (with its terminal id), identity second: see terminalIdentity.ts for a stop in between.
        const stored = await core.host.writeTerminalSecret(answer.terminalSecret, answer.terminalId);
        if (!stored.ok) return fail('secret_not_stored', `终端密钥无法安全保存：${stored.message}`);
        const identity = await recordIdentity(core, answer.terminalId, { terminalName: name, platformUrl: url }, existing);
        const handOver = answer.handOver;
        await core.writer.commit({
          audits: [
            {
              action: 'ENROL',
              actor: SYSTEM_ACTOR,
              purpose: null,
              subject: null,
              outcome: 'success',
              detail: handOver
                ? `${name}（接替 ${handOver.predecessorId}${handOver.predecessorKnown ? '' : `，平台已无其记录，自第 ${handOver.nextSeq} 号起接收`}` +
                  `${confirmation ? `，信息技术管理员 ${confirmation.operatorId.trim()} 确认` : '，以原终端密钥证明'}）`
                : name,
            },
          ],
        });
        return ok(identity);
      } catch (error) {
        return failWith(error);
      }
    },
  };
}
