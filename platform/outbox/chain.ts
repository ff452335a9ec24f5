/**
 * Audit hash chain continuity per terminal (docs/architecture.md): each accepted audit record must
 * carry the next chainSeq and, as prevHash, the hash of the terminal's previous accepted audit
 * record (the first one: chainSeq 0 after the genesis hash, or the continuation of a chain begun
 * under an earlier enrolment of the same PC). A break is not a reason to lose the
 * record — it is accepted and flagged, so supervisors see where the chain was broken.
 */
import type { AuditBody } from '../../shared/contract';
import type { PlatformContext } from '../context';

/** prevHash of a terminal's first audit record (the client's GENESIS_HASH: 64 zeros). */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export type ChainCheck = { ok: true } | { ok: false; detail: string };

export function checkAuditChain(ctx: PlatformContext, terminalId: string, body: AuditBody): ChainCheck {
  const previous = ctx.mutations.lastAcceptedAudit(terminalId) as Partial<AuditBody> | undefined;
  // A re-enrolled PC keeps its journal, so its chain goes on under the new terminal id: a first
  // record may also continue an accepted record of another terminal.
  if (!previous && body.chainSeq > 0 && ctx.mutations.acceptedAuditLink(terminalId, body.chainSeq - 1, body.prevHash)) return { ok: true };
  const expectedSeq = previous ? (previous.chainSeq ?? -1) + 1 : 0;
  const expectedPrev = previous ? previous.hash : AUDIT_GENESIS_HASH;
  const problems: string[] = [];
  if (body.chainSeq !== expectedSeq) {
    problems.push(`审计链序号应为 ${expectedSeq}，收到 ${body.chainSeq}${body.chainSeq > expectedSeq ? '（中间记录缺失）' : ''}`);
  }
  if (body.prevHash !== expectedPrev) {
    problems.push(previous ? '前一条哈希与本终端上一条已接收的审计记录不一致' : '首条审计记录的前一条哈希不是链起点');
  }
  return problems.length === 0 ? { ok: true } : { ok: false, detail: problems.join('；') };
}
