/**
 * Business rules a well-formed mutation body must also satisfy. A violation rejects the mutation
 * (final, dead-lettered by the client) but still consumes its seq.
 */
import type { CheckBody, CommitmentBody, FeedbackBody, Matter, MutationKind } from '../../shared/contract';
import { parseId } from '../../shared/ids';
import type { PlatformContext } from '../context';

export type RuleResult = { ok: true } | { ok: false; detail: string };

const OK: RuleResult = { ok: true };
const blank = (s: string | undefined) => s === undefined || s.trim() === '';

function knownMatter(ctx: PlatformContext, code: string): Matter | RuleResult {
  return ctx.catalogue.matters.get(code) ?? { ok: false, detail: `未知的办理事项：${code}` };
}

function isMatter(m: Matter | RuleResult): m is Matter {
  return 'code' in m;
}

function validIdentifier(ctx: PlatformContext, input: string): RuleResult {
  const parsed = parseId(input, { today: ctx.now() });
  return parsed.ok ? OK : { ok: false, detail: `主体证件号码无效：${parsed.error.message}` };
}

/** The canonical form (legacy IDs upgraded, normalised), so one subject compares equal whatever form was sent. */
function canonicalId(ctx: PlatformContext, input: string): string | null {
  const parsed = parseId(input, { today: ctx.now() });
  return parsed.ok ? parsed.value : null;
}

function checkRules(ctx: PlatformContext, body: CheckBody): RuleResult {
  const matter = knownMatter(ctx, body.matterCode);
  if (!isMatter(matter)) return matter;
  // Feedback and commitments refer to a check by its checkId, so it names exactly one check.
  if (ctx.mutations.acceptedCheck(body.checkId) !== undefined)
    return { ok: false, detail: `核查编号 ${body.checkId} 已被另一条核查记录使用` };
  return validIdentifier(ctx, body.subjectIdentifier);
}

function feedbackRules(ctx: PlatformContext, body: FeedbackBody): RuleResult {
  const matter = knownMatter(ctx, body.matterCode);
  if (!isMatter(matter)) return matter;
  if (!matter.measures.includes(body.measureCode)) {
    return { ok: false, detail: `措施 ${body.measureCode} 不在事项 ${matter.code}（${matter.name}）的措施清单中` };
  }
  if (body.decision === 'NOT_APPLIED' && blank(body.reason)) return { ok: false, detail: '未执行措施必须填写理由' };
  if (body.decision === 'OTHER_MEASURE' && blank(body.content)) return { ok: false, detail: '采取其他措施必须填写措施内容' };
  if (body.startAt !== undefined && body.endAt !== undefined && Date.parse(body.endAt) < Date.parse(body.startAt)) {
    return { ok: false, detail: '措施结束时间早于开始时间' };
  }
  const check = ctx.mutations.acceptedCheck(body.checkId) as Partial<CheckBody> | undefined;
  if (!check) return { ok: false, detail: `反馈所属的核查记录 ${body.checkId} 不存在或未被接收` };
  if (check.matterCode !== body.matterCode) return { ok: false, detail: '反馈的办理事项与核查记录不一致' };
  // One record per triggered measure, read-only once submitted (DESIGN.md §3 "Feedback").
  if (!check.triggeredMeasures?.includes(body.measureCode)) {
    return { ok: false, detail: `措施 ${body.measureCode} 不是核查记录 ${body.checkId} 触发的措施` };
  }
  const earlier = ctx.mutations.acceptedFeedback(body.checkId, body.measureCode);
  if (earlier !== undefined)
    return { ok: false, detail: `核查记录 ${body.checkId} 的措施 ${body.measureCode} 已有反馈（${earlier}），反馈提交后不可更改` };
  return OK;
}

function commitmentRules(ctx: PlatformContext, body: CommitmentBody): RuleResult {
  const matter = knownMatter(ctx, body.matterCode);
  if (!isMatter(matter)) return matter;
  const id = validIdentifier(ctx, body.subjectIdentifier);
  if (!id.ok || body.checkId === null) return id;
  const check = ctx.mutations.acceptedCheck(body.checkId) as Partial<CheckBody> | undefined;
  if (!check) return { ok: false, detail: `承诺所属的核查记录 ${body.checkId} 不存在或未被接收` };
  if (check.matterCode !== body.matterCode) return { ok: false, detail: '承诺的办理事项与核查记录不一致' };
  if (canonicalId(ctx, check.subjectIdentifier ?? '') !== canonicalId(ctx, body.subjectIdentifier)) {
    return { ok: false, detail: '承诺主体与核查记录的主体不一致' };
  }
  return OK;
}

export function businessRules(ctx: PlatformContext, kind: MutationKind, body: unknown): RuleResult {
  switch (kind) {
    case 'check':
      return checkRules(ctx, body as CheckBody);
    case 'feedback':
      return feedbackRules(ctx, body as FeedbackBody);
    case 'commitment':
      return commitmentRules(ctx, body as CommitmentBody);
    case 'audit':
      return OK;
  }
}
