/**
 * What the clerk records after a check: feedback per triggered measure, a credit commitment,
 * an unmask, a print. Each is one journal transaction (record + outbox mutation + audit) and
 * then an immediate push attempt whose result says whether it reached the platform.
 */
import { v7 as uuidv7 } from 'uuid';
import { FEEDBACK_REFUSAL_ZH, feedbackRefusal, type CommitmentBody, type FeedbackBody } from '../../../shared/contract';
import { chinaDate, compareIsoDate, isIsoDate } from '../../../shared/dates';
import type { AuditEvent } from '../data/auditChain';
import { reportStorageError } from '../data/storageErrors';
import type { LocalCheck, LocalCommitment, LocalFeedback } from '../data/journalDb';
import type { AppServices, Delivery, FeedbackInput, OpenMustMeasure, Outcome } from './contracts';
import type { Core } from './core';
import { fail, failWith, NOT_LOGGED_IN, ok } from './outcome';

class RefusedError extends Error {}

const DECISION_LABEL = { APPLIED: '已实施', NOT_APPLIED: '未实施', OTHER_MEASURE: '采取其他措施', DEFERRED: '暂缓决定' } as const;

/** Why a new record on a measure that already has one is refused (null: it settles an open deferral). */
function refusalOnExisting(existing: LocalFeedback[], resolves: string | undefined): string | null {
  const first = existing[0];
  if (first === undefined) return resolves === undefined ? null : '要了结的暂缓记录不存在';
  if (resolves === undefined) return `已于 ${first.decidedAt} 提交（${DECISION_LABEL[first.decision]}），不能修改`;
  if (!existing.some((f) => f.feedbackId === resolves && f.decision === 'DEFERRED')) return '要了结的暂缓记录不存在';
  if (existing.some((f) => f.resolves === resolves)) return '已有最终决定，不能再次提交';
  return null;
}

export function createRecordsService(core: Core): AppServices['records'] {
  function subjectOf(check: LocalCheck): AuditEvent['subject'] {
    return { identifier: check.view.subject.identifier, masked: check.view.subject.masked };
  }

  /**
   * Pushes now; 'sent' only when none of these mutations is still queued (whichever run — this
   * one, one already under way, another tab's — delivered them) and none was rejected.
   */
  async function deliver(ids: string[]): Promise<Outcome<Delivery>> {
    await core.engine.pushNow();
    if ((await core.journal.outbox.where('id').anyOf(ids).count()) > 0) return ok('queued');
    const dead = await core.journal.deadLetters.where('id').anyOf(ids).toArray();
    if (dead.length > 0) {
      return fail('rejected_by_platform', `记录已保存在本机，但信用平台拒绝接收：${dead[0]!.reason}。请在“发送失败”列表中查看`);
    }
    return ok('sent');
  }

  async function loadCheck(checkId: string): Promise<LocalCheck | undefined> {
    return core.journal.checks.get(checkId);
  }

  return {
    async submitFeedback(checkId, decisions: FeedbackInput[]) {
      const session = core.session.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      try {
        const check = await loadCheck(checkId);
        if (!check) return fail('check_not_found', '找不到该核查记录');
        if (decisions.length === 0) return fail('no_feedback', '没有需要提交的反馈');
        const triggered = new Map(
          [...check.view.evaluation.must, ...check.view.evaluation.may].map((t) => [t.measure.code, t.measure] as const),
        );
        const seen = new Set<string>();
        for (const d of decisions) {
          const measure = triggered.get(d.measureCode);
          if (!measure) return fail('unknown_measure', `措施 ${d.measureCode} 不是本次核查触发的措施`);
          if (seen.has(d.measureCode)) return fail('duplicate_measure', `措施“${measure.title}”重复提交`);
          seen.add(d.measureCode);
          const refusal = feedbackRefusal(d, measure.obligation);
          if (refusal !== null) return fail(refusal, FEEDBACK_REFUSAL_ZH[refusal](measure.title));
        }
        const decidedAt = core.now().toISOString();
        const records: LocalFeedback[] = decisions.map((d) => {
          const body: FeedbackBody = {
            feedbackId: uuidv7(),
            checkId,
            matterCode: check.view.purpose.matterCode,
            measureCode: d.measureCode,
            decision: d.decision,
            ...(d.reason?.trim() ? { reason: d.reason.trim() } : {}),
            ...(d.content?.trim() ? { content: d.content.trim() } : {}),
            ...(d.result?.trim() ? { result: d.result.trim() } : {}),
            department: session.operator.department,
            dataVersion: check.view.dataVersion,
            ...(d.resolves !== undefined ? { resolves: d.resolves } : {}),
          };
          return {
            ...body,
            operatorId: session.operator.id,
            decidedAt,
            day: chinaDate(new Date(decidedAt)),
            measureTitle: triggered.get(d.measureCode)!.title,
            matterName: check.view.matter.name,
          };
        });
        const ids = await core.writer.commit({
          tables: [core.journal.feedback],
          audits: records.map((r) => ({
            action: 'FEEDBACK' as const,
            actor: session.operator.id,
            purpose: check.view.purpose,
            subject: subjectOf(check),
            outcome: r.decision,
            detail: `check=${checkId}; measure=${r.measureCode}`,
          })),
          write: async (tx) => {
            const out: string[] = [];
            for (const r of records) {
              // Read-only once submitted — checked again inside the transaction (another tab may have won).
              // A deferred MUST measure takes one more record: the final decision naming the deferral.
              const existing = await core.journal.feedback
                .where('[checkId+measureCode]')
                .equals([checkId, r.measureCode])
                .sortBy('decidedAt');
              const refusal = refusalOnExisting(existing, r.resolves);
              if (refusal !== null) throw new RefusedError(`措施“${r.measureTitle}”的反馈${refusal}`);
              await core.journal.feedback.add(r);
              const { operatorId: _o, decidedAt: _d, day: _day, measureTitle: _t, matterName: _m, ...body } = r;
              out.push((await tx.enqueue({ kind: 'feedback', body, operatorId: r.operatorId, occurredAt: decidedAt })).id);
            }
            return out;
          },
        });
        return await deliver(ids);
      } catch (error) {
        if (error instanceof RefusedError) return fail('feedback_exists', error.message);
        return failWith(error);
      }
    },

    async deliveryOf(kind, checkId) {
      const ofCheck = (r: { kind: string; body: unknown }) => r.kind === kind && (r.body as { checkId?: unknown }).checkId === checkId;
      if ((await core.journal.outbox.filter(ofCheck).count()) > 0) return 'queued';
      if ((await core.journal.deadLetters.filter(ofCheck).count()) > 0) return null;
      return 'sent';
    },

    async openMustMeasures() {
      const session = core.session.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      try {
        const operatorId = session.operator.id;
        const open = await core.journal.transaction('r', core.journal.checks, core.journal.feedback, async () => {
          const checks = await core.journal.checks
            .orderBy('checkedAt')
            .filter((c) => c.operatorId === operatorId)
            .toArray();
          const result: OpenMustMeasure[] = [];
          for (const check of checks) {
            if (check.view.evaluation.must.length === 0) continue;
            const feedback = await core.journal.feedback.where('checkId').equals(check.checkId).toArray();
            for (const { measure } of check.view.evaluation.must) {
              const onMeasure = feedback.filter((f) => f.measureCode === measure.code);
              if (onMeasure.some((f) => f.decision !== 'DEFERRED')) continue;
              const deferred = onMeasure.find((f) => f.decision === 'DEFERRED');
              result.push({
                checkId: check.checkId,
                checkedAt: check.checkedAt,
                matterName: check.view.matter.name,
                caseNo: check.view.purpose.caseNo,
                subjectName: check.view.subject.name,
                subjectMasked: check.view.subject.masked,
                measureCode: measure.code,
                measureTitle: measure.title,
                ...(deferred
                  ? { deferred: { feedbackId: deferred.feedbackId, reason: deferred.reason ?? '', at: deferred.decidedAt } }
                  : {}),
              });
            }
          }
          return result;
        });
        return ok(open);
      } catch (error) {
        return failWith(error);
      }
    },

    async recordCommitment(checkId, input) {
      const session = core.session.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      try {
        const check = await loadCheck(checkId);
        if (!check) return fail('check_not_found', '找不到该核查记录');
        if (!input.kind.trim()) return fail('commitment_kind_required', '请选择承诺类型');
        if (!input.text.trim()) return fail('commitment_text_required', '请填写承诺内容');
        const today = chinaDate(core.now());
        if (input.dueOn !== null && (!isIsoDate(input.dueOn) || compareIsoDate(input.dueOn, today) < 0)) {
          return fail('bad_due_date', '履约期限应为今天或以后的日期（YYYY-MM-DD）');
        }
        const recordedAt = core.now().toISOString();
        const body: CommitmentBody = {
          commitmentId: uuidv7(),
          checkId,
          matterCode: check.view.purpose.matterCode,
          caseNo: check.view.purpose.caseNo,
          subjectIdentifier: check.view.subject.identifier,
          subjectKind: check.view.subject.kind,
          kind: input.kind.trim(),
          text: input.text.trim(),
          dueOn: input.dueOn,
        };
        const local: LocalCommitment = { ...body, operatorId: session.operator.id, recordedAt };
        const id = await core.writer.commit({
          tables: [core.journal.commitments],
          audits: [
            {
              action: 'COMMITMENT',
              actor: session.operator.id,
              purpose: check.view.purpose,
              subject: subjectOf(check),
              outcome: 'recorded',
              detail: `check=${checkId}; kind=${body.kind}`,
            },
          ],
          write: async (tx) => {
            await core.journal.commitments.add(local);
            return (await tx.enqueue({ kind: 'commitment', body, operatorId: session.operator.id, occurredAt: recordedAt })).id;
          },
        });
        return await deliver([id]);
      } catch (error) {
        return failWith(error);
      }
    },

    async unmask(checkId, reason) {
      const session = core.session.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      if (!reason.trim()) return fail('reason_required', '显示完整证件号码必须填写理由');
      try {
        const check = await loadCheck(checkId);
        if (!check) return fail('check_not_found', '找不到该核查记录');
        await core.writer.commit({
          audits: [
            {
              action: 'UNMASK',
              actor: session.operator.id,
              purpose: check.view.purpose,
              subject: subjectOf(check),
              outcome: 'shown',
              detail: reason.trim(),
            },
          ],
        });
        void core.engine.pushNow().catch(() => undefined);
        return ok(check.view.subject.identifier);
      } catch (error) {
        return failWith(error);
      }
    },

    async recordPrint(checkId) {
      // A slip printed while the screen locked is still the signed-in operator's print.
      const operator = core.session.operator();
      const check = await loadCheck(checkId).catch(() => undefined);
      await core.writer
        .commit({
          audits: [
            {
              action: 'PRINT',
              actor: operator?.id ?? 'unknown',
              purpose: check?.view.purpose ?? null,
              subject: check ? subjectOf(check) : null,
              outcome: 'printed',
              detail: `check=${checkId}`,
            },
          ],
        })
        .catch((error: unknown) => {
          core.host.log('error', `print audit failed: ${error instanceof Error ? error.message : String(error)}`);
          // The slip is printed either way; a print that could not be put on record is shown.
          reportStorageError(core.status, error);
        });
    },
  };
}
