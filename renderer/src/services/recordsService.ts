/**
 * What the clerk records after a check: feedback per triggered measure, a credit commitment,
 * an unmask, a print. Each is one journal transaction (record + outbox mutation + audit) and
 * then an immediate push attempt whose result says whether it reached the platform.
 */
import { v7 as uuidv7 } from 'uuid';
import { feedbackRefusal, type CommitmentBody, type FeedbackBody } from '../../../shared/contract';
import { chinaDate, compareIsoDate, isIsoDate } from '../../../shared/dates';
import type { StoreApi } from '../state/store';
import type { AuditEvent } from '../data/auditChain';
import { reportStorageError } from '../data/storageErrors';
import type { LocalCheck, LocalCommitment, LocalFeedback } from '../data/journalDb';
import type { JournalRepository } from '../data/journalRepository';
import type { AppServices, Delivery, FeedbackInput, OpenMustMeasure, Outcome, SyncStatus } from './contracts';
import type { Clock, Log, Pusher } from './deps';
import { failWith, NOT_LOGGED_IN, ok, refuse } from './outcome';
import type { SessionHolder } from './sessionHolder';

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

export interface RecordsDeps {
  session: Pick<SessionHolder, 'current' | 'operator'>;
  journal: Pick<
    JournalRepository,
    'check' | 'recordFeedback' | 'recordCommitment' | 'checksWithFeedback' | 'stateOf' | 'stateOfCheckRecords' | 'audit'
  >;
  engine: Pusher;
  status: StoreApi<SyncStatus>;
  log: Log;
  now: Clock;
}

export function createRecordsService({ session: sessions, journal, engine, status, log, now }: RecordsDeps): AppServices['records'] {
  function subjectOf(check: LocalCheck): AuditEvent['subject'] {
    return { identifier: check.view.subject.identifier, masked: check.view.subject.masked };
  }

  /**
   * Pushes now; 'sent' only when none of these mutations is still queued (whichever run — this
   * one, one already under way, another tab's — delivered them) and none was rejected.
   */
  async function deliver(ids: string[]): Promise<Outcome<Delivery>> {
    await engine.pushNow();
    const where = await journal.stateOf(ids);
    if (where.state === 'queued') return ok('queued');
    if (where.state === 'rejected') return refuse('rejected_by_platform', { reason: where.reason });
    return ok('sent');
  }

  async function loadCheck(checkId: string): Promise<LocalCheck | null> {
    return journal.check(checkId);
  }

  return {
    async submitFeedback(checkId, decisions: FeedbackInput[]) {
      const session = sessions.current();
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
        const decidedAt = now().toISOString();
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
        const ids = await journal.recordFeedback(
          records,
          records.map((r) => ({
            action: 'FEEDBACK' as const,
            actor: session.operator.id,
            purpose: check.view.purpose,
            subject: subjectOf(check),
            outcome: r.decision,
            detail: `check=${checkId}; measure=${r.measureCode}`,
          })),
          // Read-only once submitted — checked again inside the transaction (another tab may have won).
          // A deferred MUST measure takes one more record: the final decision naming the deferral.
          (r, existing) => {
            const refusal = refusalOnExisting(existing, r.resolves, r.measureTitle);
            if (refusal !== null) throw refusal;
          },
        );
        return await deliver(ids);
      } catch (error) {
        if (error instanceof RefusedError) return refuse(error.code, error.params);
        return failWith(error);
      }
    },

    async deliveryOf(kind, checkId) {
      const state = await journal.stateOfCheckRecords(kind, checkId);
      return state === 'queued' ? 'queued' : state === 'rejected' ? null : 'sent';
    },

    async openMustMeasures() {
      const session = sessions.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      try {
        const operatorId = session.operator.id;
        const checks = await journal.checksWithFeedback(operatorId, (check) => check.view.evaluation.must.length > 0);
        const open: OpenMustMeasure[] = [];
        for (const { check, feedback } of checks) {
          for (const { measure } of check.view.evaluation.must) {
            const onMeasure = feedback.filter((f) => f.measureCode === measure.code);
            if (onMeasure.some((f) => f.decision !== 'DEFERRED')) continue;
            const deferred = onMeasure.find((f) => f.decision === 'DEFERRED');
            open.push({
              checkId: check.checkId,
              checkedAt: check.checkedAt,
              matterName: check.view.matter.name,
              caseNo: check.view.purpose.caseNo,
              subjectName: check.view.subject.name,
              subjectMasked: check.view.subject.masked,
              measureCode: measure.code,
              measureTitle: measure.title,
              ...(deferred ? { deferred: { feedbackId: deferred.feedbackId, reason: deferred.reason ?? '', at: deferred.decidedAt } } : {}),
            });
          }
        }
        return ok(open);
      } catch (error) {
        return failWith(error);
      }
    },

    async recordCommitment(checkId, input) {
      const session = sessions.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      try {
        const check = await loadCheck(checkId);
        if (!check) return refuse('check_not_found');
        if (!input.kind.trim()) return refuse('commitment_kind_required');
        if (!input.text.trim()) return refuse('commitment_text_required');
        const today = chinaDate(now());
        if (input.dueOn !== null && (!isIsoDate(input.dueOn) || compareIsoDate(input.dueOn, today) < 0)) {
          return refuse('bad_due_date');
        }
        const recordedAt = now().toISOString();
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
        const id = await journal.recordCommitment(local, body, [
          {
            action: 'COMMITMENT',
            actor: session.operator.id,
            purpose: check.view.purpose,
            subject: subjectOf(check),
            outcome: 'recorded',
            detail: `check=${checkId}; kind=${body.kind}`,
          },
        ]);
        return await deliver([id]);
      } catch (error) {
        return failWith(error);
      }
    },

    async unmask(checkId, reason) {
      const session = sessions.current();
      if (!session) return { ok: false, error: NOT_LOGGED_IN };
      if (!reason.trim()) return refuse('unmask_reason_required');
      try {
        const check = await loadCheck(checkId);
        if (!check) return refuse('check_not_found');
        await journal.audit([
          {
            action: 'UNMASK',
            actor: session.operator.id,
            purpose: check.view.purpose,
            subject: subjectOf(check),
            outcome: 'shown',
            detail: reason.trim(),
          },
        ]);
        void engine.pushNow().catch(() => undefined);
        return ok(check.view.subject.identifier);
      } catch (error) {
        return failWith(error);
      }
    },

    async recordPrint(checkId) {
      // A slip printed while the screen locked is still the signed-in operator's print.
      const operator = sessions.operator();
      const check = await loadCheck(checkId).catch(() => null);
      await journal
        .audit([
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
        ])
        .catch((error: unknown) => {
          log('error', `print audit failed: ${error instanceof Error ? error.message : String(error)}`);
          // The slip is printed either way; a print that could not be put on record is shown.
          reportStorageError(status, error);
        });
    },
  };
}
