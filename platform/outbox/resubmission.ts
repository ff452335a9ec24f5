/**
 * Dead-letter resubmission: once the cause of a rejection is fixed (a matter restored, an operator
 * created), a supervisor or IT resubmits the rejected record as a new record naming it. The platform
 * checks that it names a rejected record this terminal may deliver for, repeats it unchanged, comes
 * from a supervisor or IT, and that the original was not resubmitted successfully before. The new
 * record then passes the ordinary rules; an accepted one is audited as a platform event.
 */
import type { Mutation } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { canonicalJson } from './fingerprint';
import type { RuleResult } from './rules';

export function resubmissionRules(ctx: PlatformContext, terminalId: string, m: Mutation): RuleResult {
  const ref = m.resubmits;
  if (!ref) return { ok: true };
  const original = ctx.mutations.get(ref.id);
  if (!original || original.terminalId !== ref.terminalId || original.seq !== ref.seq) {
    return { ok: false, detail: `重新提交所指的原记录 ${ref.terminalId}#${ref.seq} 在平台上不存在` };
  }
  if (original.status !== 'rejected') return { ok: false, detail: `原记录 ${ref.terminalId}#${ref.seq} 未被拒绝，无需重新提交` };
  if (!ctx.terminals.mayDeliverFor(terminalId, original.terminalId)) {
    return { ok: false, detail: `本终端无权重新提交终端 ${original.terminalId} 的记录` };
  }
  if (original.kind !== m.kind || canonicalJson(original.body) !== canonicalJson(m.body)) {
    return { ok: false, detail: '重新提交的记录必须与原记录的类型和内容一致' };
  }
  const roles = ctx.operators.get(m.operatorId)?.roles ?? [];
  if (!roles.includes('supervisor') && !roles.includes('it')) {
    return { ok: false, detail: `只有督查人员或信息技术管理员可以重新提交被拒记录（${m.operatorId} 不是）` };
  }
  const earlier = ctx.mutations.acceptedResubmission(original.id);
  if (earlier !== undefined) return { ok: false, detail: `原记录 ${ref.terminalId}#${ref.seq} 已由记录 ${earlier} 重新提交并被接收` };
  return { ok: true };
}

export function auditResubmission(ctx: PlatformContext, terminalId: string, m: Mutation, at: string): void {
  const ref = m.resubmits;
  if (!ref) return;
  ctx.events.record({
    at,
    action: 'dead_letter_resubmitted',
    operatorId: m.operatorId,
    terminalId,
    summary: `${m.operatorId} 重新提交了被拒记录 ${ref.terminalId}#${ref.seq}，平台已接收（新记录 ${terminalId}#${m.seq}）`,
    detail: { original: ref, resubmission: { terminalId, seq: m.seq, id: m.id, kind: m.kind } },
  });
}
