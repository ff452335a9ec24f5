/**
 * What the clerk records after a check: feedback per triggered measure, a credit commitment,
 * an unmask, a print. Each is one journal transaction (record + outbox mutation + audit) and
 * then an immediate push attempt whose result says whether it reached the platform.
 */
import { v7 as uuidv7 } from 'uuid';
import { feedbackRefusal, type CommitmentBody, type FeedbackBody } from '../../../shared/contract';
import { chinaDate, compareIsoDate, isIsoDate } from '../../../shared/dates';
import type { AuditEvent } from '../data/auditChain';
import { reportStorageError } from '../data/storageErrors';
import type { LocalCheck, LocalCommitment, LocalFeedback } from '../data/journalDb';
import type { AppServices, Delivery, FeedbackInput, OpenMustMeasure, Outcome } from './contracts';
import type { Core } from './core';
import { failWith, NOT_LOGGED_IN, ok, refuse } from './outcome';

/** A record refused inside the journal transaction: its code and data. */
class RefusedError extends Error {
  constructor(
    readonly code: string,
    readonly params: Record<string, string | number>,
  ) {
    super(code);
  }
}

/** Why a new record on a measure that already has one is refused (null: it settles an open deferral). */
function refusalOnExisting(existing: LocalFeedback[], resolves: string | undefined, measureTitle: string): RefusedError | null {
  const first = existing[0];
  if (first === undefined) return resolves === undefined ? null : new RefusedError('deferral_not_found', { measureTitle });
  if (resolves === undefined)
    return new RefusedError('feedback_exists', { measureTitle, decidedAt: first.decidedAt, decision: first.decision });
  if (!existing.some((f) => f.feedbackId === resolves && f.decision === 'DEFERRED'))
    return new RefusedError('deferral_not_found', { measureTitle });
  if (existing.some((f) => f.resolves === resolves)) return new RefusedError('deferral_settled', { measureTitle });
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
      return refuse('rejected_by_platform', { reason: dead[0]!.reason });
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
        if (!check) return refuse('check_not_found');
        if (decisions.length === 0) return refuse('no_feedback');
        const triggered = new Map(
          [...check.view.evaluation.must, ...check.view.evaluation.may].map((t) => [t.measure.code, t.measure] as const),
        );
        const seen = new Set<string>();
        for (const d of decisions) {
          const measure = triggered.get(d.measureCode);
          if (!measure) return refuse('unknown_measure', { measureCode: d.measureCode });
          if (seen.has(d.measureCode)) return refuse('duplicate_measure', { measureTitle: measure.title });
          seen.add(d.measureCode);
          const refusal = feedbackRefusal(d, measure.obligation);
          if (refusal !== null) return refuse(refusal, { measureTitle: measure.title });
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
            ...(d.decision === 'NOT_APPLIED' && d.reasonCode ? { reasonCode: d.reasonCode } : {}),
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
              const refusal = refusalOnExisting(existing, r.resolves, r.measureTitle);
              if (refusal !== null) throw refusal;
              await core.journal.feedback.add(r);
              const { operatorId: _o, decidedAt: _d, day: _day, measureTitle: _t, matterName: _m, ...body } = r;
              out.push((await tx.enqueue({ kind: 'feedback', body, operatorId: r.operatorId, occurredAt: decidedAt })).id);
            }
            return out;
          },
        });
        return await deliver(ids);
      } catch (error) {
        if (error instanceof RefusedError) return refuse(error.code, error.params);
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
        if (!check) return refuse('check_not_found');
        if (!input.kind.trim()) return refuse('commitment_kind_required');
        if (!input.text.trim()) return refuse('commitment_text_required');
        const today = chinaDate(core.now());
        if (input.dueOn !== null && (!isIsoDate(input.dueOn) || compareIsoDate(input.dueOn, today) < 0)) {
          return refuse('bad_due_date');
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
      if (!reason.trim()) return refuse('unmask_reason_required');
      try {
        const check = await loadCheck(checkId);
        if (!check) return refuse('check_not_found');
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
              // The platform keeps the signed slip so a verifier with only its 核验码 can get it back.
              ...(check?.slip ? { slip: check.slip.text } : {}),
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
