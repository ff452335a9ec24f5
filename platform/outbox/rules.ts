/**
 * Business rules a well-formed mutation body must also satisfy. A violation rejects the mutation
 * (final, dead-lettered by the client) but still consumes its seq.
 *
 * Records are judged by the catalogue version their terminal used (the check's catalogueVersion,
 * kept in the catalogue history): a check recorded offline for a matter withdrawn, or whose measure
 * list changed, before the record arrived still happened and is accepted — with a note for the
 * supervisor saying what differs from today's catalogue. Only what is malformed, inconsistent with
 * itself, or names a matter or measure that no catalogue version ever had, is rejected.
 */
import {
  FEEDBACK_REFUSAL_ZH,
  feedbackRefusal,
  type CheckBody,
  type CommitmentBody,
  type FeedbackBody,
  type ListEntry,
  type Matter,
  type Measure,
  type MutationKind,
} from '../../shared/contract';
import { chinaDate } from '../../shared/dates';
import { parseId, redactIdentifiers } from '../../shared/ids';
import { commitmentRefusal } from '../../shared/measures';
import type { PlatformContext } from '../context';

export type RuleResult = { ok: true; note?: string } | { ok: false; detail: string };

const OK: RuleResult = { ok: true };

/** The matter a record is judged by, and how that differs from today's catalogue. */
type MatterView = { ok: true; matter: Matter; note: string | null } | { ok: false; detail: string };

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function differences(ctx: PlatformContext, used: Matter, usedVersion: string): string | null {
  const today = ctx.catalogue.matters.get(used.code);
  const todayVersion = ctx.catalogue.catalogue.version;
  if (!today) return `事项 ${used.code}（${used.name}）已不在现行目录（${todayVersion}）中，按终端所用目录版本 ${usedVersion} 接收`;
  if (!sameList(today.measures, used.measures)) {
    const added = today.measures.filter((m) => !used.measures.includes(m));
    const removed = used.measures.filter((m) => !today.measures.includes(m));
    const change = [removed.length ? `移除 ${removed.join('、')}` : '', added.length ? `新增 ${added.join('、')}` : ''].filter(Boolean);
    return `事项 ${used.code} 的措施清单在现行目录（${todayVersion}）中已变更（${change.join('，')}），按终端所用目录版本 ${usedVersion} 接收`;
  }
  return null;
}

function matterFor(ctx: PlatformContext, code: string, version: string | undefined): MatterView {
  const used = version !== undefined ? ctx.catalogueHistory.get(version)?.matters.find((m) => m.code === code) : undefined;
  if (used && version !== undefined) return { ok: true, matter: used, note: differences(ctx, used, version) };
  const today = ctx.catalogue.matters.get(code);
  if (today) {
    const unknownVersion = version !== undefined && ctx.catalogueHistory.get(version) === undefined;
    return { ok: true, matter: today, note: unknownVersion ? `终端所用目录版本 ${version} 平台无记录，按现行目录接收` : null };
  }
  const earlier = ctx.catalogueHistory.latestMatter(code);
  if (earlier) return { ok: true, matter: earlier.matter, note: differences(ctx, earlier.matter, earlier.version) };
  return { ok: false, detail: `未知的办理事项：${code}（任何目录版本中都没有）` };
}

/** Notes of the parts, as one (or none). */
function noted(...notes: Array<string | null | undefined>): RuleResult {
  const text = notes.filter((n): n is string => typeof n === 'string' && n.length > 0);
  return text.length > 0 ? { ok: true, note: [...new Set(text)].join('；') } : OK;
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
  const matter = matterFor(ctx, body.matterCode, body.catalogueVersion);
  if (!matter.ok) return matter;
  // Feedback and commitments refer to a check by its checkId, so it names exactly one check.
  if (ctx.mutations.acceptedCheck(body.checkId) !== undefined)
    return { ok: false, detail: `核查编号 ${body.checkId} 已被另一条核查记录使用` };
  const id = validIdentifier(ctx, body.subjectIdentifier);
  return id.ok ? noted(matter.note) : id;
}

/** The measure as the catalogue the check was evaluated with has it (today's catalogue when that version is unknown). */
function measureOf(ctx: PlatformContext, code: string, version: string | undefined): Measure | undefined {
  const used = version !== undefined ? ctx.catalogueHistory.get(version) : undefined;
  return (used ?? ctx.catalogue.catalogue).measures.find((m) => m.code === code);
}

/**
 * A check's feedback and commitments come from its own department: anyone holding a slip reads the
 * check id off it, and a decision once recorded cannot be changed, so another department's clerk
 * could otherwise decide (and lock) measures that are not theirs.
 */
function sameDepartment(ctx: PlatformContext, checkId: string, operatorId: string): boolean {
  const checkOperator = ctx.mutations.acceptedCheckOperator(checkId);
  if (checkOperator === undefined) return true; // no such check: refused below with its own reason
  const department = ctx.operators.get(checkOperator)?.department;
  return department !== undefined && ctx.operators.get(operatorId)?.department === department;
}

/**
 * A decline's reason code is one the catalogue defines (the one the check was evaluated with, or
 * today's): the dashboard groups declines by it, so a code a terminal made up would be a group of its own.
 */
function knownReasonCode(ctx: PlatformContext, code: string, version: string | undefined): boolean {
  const used = version !== undefined ? ctx.catalogueHistory.get(version) : undefined;
  return [used, ctx.catalogue.catalogue].some((catalogue) => catalogue?.declineReasons?.some((r) => r.code === code) === true);
}

const OTHER_DEPARTMENT = '核查记录由其他部门作出，本部门不能为其反馈或承诺';

function feedbackRules(ctx: PlatformContext, body: FeedbackBody, operatorId: string): RuleResult {
  const check = ctx.mutations.acceptedCheck(body.checkId) as Partial<CheckBody> | undefined;
  // Judged by the catalogue its check was evaluated with.
  const matter = matterFor(ctx, body.matterCode, check?.catalogueVersion);
  if (!matter.ok) return matter;
  const measure = measureOf(ctx, body.measureCode, check?.catalogueVersion);
  const refusal = feedbackRefusal(body, measure?.obligation);
  if (refusal !== null) return { ok: false, detail: FEEDBACK_REFUSAL_ZH[refusal](measure?.title ?? body.measureCode) };
  if (body.startAt !== undefined && body.endAt !== undefined && Date.parse(body.endAt) < Date.parse(body.startAt)) {
    return { ok: false, detail: '措施结束时间早于开始时间' };
  }
  if (!check) return { ok: false, detail: `反馈所属的核查记录 ${body.checkId} 不存在或未被接收` };
  if (!sameDepartment(ctx, body.checkId, operatorId)) return { ok: false, detail: OTHER_DEPARTMENT };
  if (body.reasonCode !== undefined && !knownReasonCode(ctx, body.reasonCode, check.catalogueVersion)) {
    return { ok: false, detail: `未知的原因代码：${redactIdentifiers(body.reasonCode)}（目录中没有该原因代码）` };
  }
  if (check.matterCode !== body.matterCode) return { ok: false, detail: '反馈的办理事项与核查记录不一致' };
  let measureNote: string | null = null;
  if (!matter.matter.measures.includes(body.measureCode)) {
    if (!ctx.catalogueHistory.measureEverExisted(body.measureCode)) return { ok: false, detail: `未知的措施：${body.measureCode}` };
    measureNote = `措施 ${body.measureCode} 不在事项 ${matter.matter.code} 的措施清单中（按终端所用目录判断）`;
  }
  // One record per triggered measure, read-only once submitted.
  if (!check.triggeredMeasures?.includes(body.measureCode)) {
    return { ok: false, detail: `措施 ${body.measureCode} 不是核查记录 ${body.checkId} 触发的措施` };
  }
  const settled = settlesDeferred(ctx, body);
  if (!settled.ok) return settled;
  return noted(matter.note, measureNote);
}

/**
 * One final record per triggered measure: a second feedback on the same measure is accepted only
 * as the final decision that names the measure's open DEFERRED record (`resolves`).
 */
function settlesDeferred(ctx: PlatformContext, body: FeedbackBody): RuleResult {
  const earlier = ctx.mutations
    .acceptedFeedbackBodies(body.checkId)
    .map((f) => f.body as Partial<FeedbackBody>)
    .filter((f) => f.measureCode === body.measureCode);
  if (body.resolves === undefined) {
    const first = earlier[0];
    if (first === undefined) return OK;
    return { ok: false, detail: `核查记录 ${body.checkId} 的措施 ${body.measureCode} 已有反馈（${first.feedbackId}），反馈提交后不可更改` };
  }
  const deferred = earlier.find((f) => f.feedbackId === body.resolves && f.decision === 'DEFERRED');
  if (deferred === undefined) return { ok: false, detail: `反馈所了结的暂缓记录 ${body.resolves} 不存在或不是该措施的暂缓记录` };
  if (earlier.some((f) => f.resolves === body.resolves))
    return { ok: false, detail: `暂缓记录 ${body.resolves} 已有最终决定，不能再次了结` };
  return OK;
}

/** Every live list entry naming the subject, under its canonical identifier and (a company) its organisation code. */
function entriesOf(ctx: PlatformContext, identifier: string): ListEntry[] {
  const parsed = parseId(identifier, { today: ctx.now() });
  if (!parsed.ok) return [];
  const keys = [parsed.value, ...(parsed.type === 'USCC' && parsed.orgCode ? [parsed.orgCode] : [])];
  return keys.flatMap((key) => ctx.entries.liveByMatchKey(key).map((stored) => stored.entry));
}

function commitmentRules(ctx: PlatformContext, body: CommitmentBody, operatorId: string): RuleResult {
  const check = body.checkId === null ? undefined : (ctx.mutations.acceptedCheck(body.checkId) as Partial<CheckBody> | undefined);
  const matter = matterFor(ctx, body.matterCode, check?.catalogueVersion);
  if (!matter.ok) return matter;
  const id = validIdentifier(ctx, body.subjectIdentifier);
  if (!id.ok) return id;
  const refusal = commitmentRefusal(ctx.catalogue.catalogue, body.kind, entriesOf(ctx, body.subjectIdentifier), chinaDate(ctx.now()));
  if (refusal !== null) return { ok: false, detail: `该主体不能作出此类信用承诺：${refusal}` };
  if (body.checkId === null) return noted(matter.note);
  if (!check) return { ok: false, detail: `承诺所属的核查记录 ${body.checkId} 不存在或未被接收` };
  if (!sameDepartment(ctx, body.checkId, operatorId)) return { ok: false, detail: OTHER_DEPARTMENT };
  if (check.matterCode !== body.matterCode) return { ok: false, detail: '承诺的办理事项与核查记录不一致' };
  if (canonicalId(ctx, check.subjectIdentifier ?? '') !== canonicalId(ctx, body.subjectIdentifier)) {
    return { ok: false, detail: '承诺主体与核查记录的主体不一致' };
  }
  return noted(matter.note);
}

/** `operatorId`: the operator the record names (already known to the platform and seen on its terminal). */
export function businessRules(ctx: PlatformContext, kind: MutationKind, body: unknown, operatorId: string): RuleResult {
  switch (kind) {
    case 'check':
      return checkRules(ctx, body as CheckBody);
    case 'feedback':
      return feedbackRules(ctx, body as FeedbackBody, operatorId);
    case 'commitment':
      return commitmentRules(ctx, body as CommitmentBody, operatorId);
    case 'audit':
      return OK;
  }
}
