/**
 * An answer becomes a check: limited to what the matter may see, evaluated at the terminal's
 * current time (so an entry that expired while offline no longer triggers), recorded in the journal
 * with its audit record — and only then shown. A result that cannot be recorded is not shown.
 */
import type { Catalogue, Matter } from '../../../../shared/contract';
import type { ParsedId } from '../../../../shared/ids';
import { evaluateMeasures } from '../../../../shared/measures';
import { scopeProfile } from '../../../../shared/purpose';
import { reportStorageError } from '../../data/storageErrors';
import type { CheckView, Notice, Outcome, Purpose } from '../contracts';
import { NOT_LOGGED_IN, ok, toUserError } from '../outcome';
import type { Answer } from './answer';
import { emptyProfile, newCheckId, recordCheck, subjectFor } from './checkRecord';
import type { LookupDeps } from './lookupDeps';
import { generalNotices } from './notices';

type Deps = Pick<LookupDeps, 'session' | 'journal' | 'listStore' | 'engine' | 'status' | 'stalenessLimitHours' | 'now'>;

export interface AnsweredLookup {
  parsed: ParsedId;
  purpose: Purpose;
  matter: Matter;
  catalogue: Catalogue;
  answer: Answer;
}

export async function showCheck(deps: Deps, { parsed, purpose, matter, catalogue, answer }: AnsweredLookup): Promise<Outcome<CheckView>> {
  const session = deps.session.current();
  const identity = await deps.journal.identity();
  if (!session || !identity) return { ok: false, error: NOT_LOGGED_IN };

  const now = deps.now();
  // Purpose limitation whatever the source: only what this matter may see is shown, evaluated and recorded.
  const profile = answer.profile && scopeProfile(answer.profile, matter);
  const subject = subjectFor(parsed, profile);
  const evaluation = evaluateMeasures({ profile: profile ?? emptyProfile(subject), matter, catalogue, now });
  const terminal = { stalenessLimitHours: deps.stalenessLimitHours, clockSkewSeconds: deps.status.getState().clockSkewSeconds };
  const notices = [
    ...answer.notices,
    ...parsed.warnings.map(({ code, message }): Notice => ({ code, message })),
    ...generalNotices(answer, matter, subject.kind, terminal),
  ];
  const view: CheckView = {
    checkId: newCheckId(),
    purpose,
    matter,
    catalogueVersion: catalogue.version,
    subject,
    profile,
    evaluation,
    result: evaluation.summary,
    source: answer.source,
    dataVersion: answer.dataVersion,
    dataAgeSeconds: answer.dataAgeSeconds,
    fromCachedProfile: answer.fromCachedProfile,
    matchedBy: answer.matchedBy,
    notices,
    checkedAt: now.toISOString(),
    operatorId: session.operator.id,
    terminalId: identity.terminalId,
  };
  try {
    await recordCheck(deps, view);
  } catch (error) {
    // Every lookup must be on record; a result that cannot be recorded is not shown.
    const cause = toUserError(error);
    reportStorageError(deps.status, error);
    return { ok: false, error: { code: 'check_not_recorded', message: cause.message, params: { ...cause.params, cause: cause.code } } };
  }
  void deps.engine.pushNow().catch(() => undefined);
  return ok(view);
}
