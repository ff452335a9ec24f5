/**
 * Before anything is asked: an operator signed in, a purpose (matter and case number) given, the
 * matter in the catalogue and the case number in its format. A missing purpose or a malformed case
 * number is refused on the record (audited), so an attempt to look someone up without cause shows.
 */
import type { Catalogue, Matter } from '../../../../shared/contract';
import { checkCaseNo } from '../../../../shared/purpose';
import { reportStorageError } from '../../data/storageErrors';
import type { Outcome, Purpose } from '../contracts';
import { fail, NOT_LOGGED_IN, ok, PURPOSE_REQUIRED, refuse } from '../outcome';
import { matterFor, purposeOf } from './checkRecord';
import type { LookupDeps } from './lookupDeps';

export interface Preconditions {
  purpose: Purpose;
  matter: Matter;
  catalogue: Catalogue;
}

type Deps = Pick<LookupDeps, 'session' | 'journal' | 'loadCatalogue' | 'status'>;

/** `what`: the kind of attempt, for the audit record (lookup, name search, candidate). */
export async function lookupPreconditions(deps: Deps, purpose: Purpose | null, what: string): Promise<Outcome<Preconditions>> {
  if (!deps.session.current()) return { ok: false, error: NOT_LOGGED_IN };
  const clean = purpose ? purposeOf(purpose) : null;
  if (!clean || !clean.matterCode || !clean.caseNo) {
    await auditRefusal(deps, clean, `${what}: no purpose`);
    return { ok: false, error: PURPOSE_REQUIRED };
  }
  const catalogue = await deps.loadCatalogue();
  if (!catalogue) return refuse('no_catalogue');
  const matter = matterFor(catalogue.matters, clean.matterCode);
  if (!matter) return refuse('unknown_matter', { matterCode: clean.matterCode });
  const caseNo = checkCaseNo(matter, clean.caseNo);
  if (!caseNo.ok) {
    await auditRefusal(deps, clean, `${what}: case number not in the matter's format`);
    return fail('invalid_case_no', caseNo.message);
  }
  return ok({ purpose: clean, matter, catalogue });
}

async function auditRefusal({ session, journal, status }: Deps, purpose: Purpose | null, detail: string): Promise<void> {
  const actor = session.current()?.operator.id ?? 'unknown';
  await journal.audit([{ action: 'LOOKUP_REFUSED', actor, purpose, subject: null, outcome: 'refused', detail }]).catch((error: unknown) => {
    // The lookup is refused either way; a refusal that could not be put on record is still shown.
    reportStorageError(status, error);
  });
}
