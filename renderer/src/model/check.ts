import type { CheckResult, DataSource, Matter, Profile, SubjectSummary } from '../../../shared/contract';
import type { Evaluation } from '../../../shared/measures';
import type { MessageParams } from './outcome';
import type { Purpose } from './purpose';

/**
 * A note shown with a result (offline answer, stale data, org-code match…): a code and its data, worded by
 * the catalogue. `message` is the text a rule in `shared/` words itself (an identifier warning), used for
 * codes the catalogue has no entry for.
 */
export interface Notice {
  code: string;
  params?: MessageParams;
  message?: string;
}

/**
 * A decided check: the purpose, the subject, the answer and the measures it brought. The journal keeps
 * it as recorded; the screens show it (as `CheckView`) and the check slip prints it.
 */
export interface Check {
  checkId: string;
  purpose: Purpose;
  matter: Matter;
  /** The catalogue version the measures were evaluated with (the platform judges the record by it). */
  catalogueVersion: string;
  subject: SubjectSummary;
  /** null when the platform (or the cache) has no records for this subject. */
  profile: Profile | null;
  evaluation: Evaluation;
  result: CheckResult;
  source: DataSource;
  dataVersion: string;
  /** Seconds since the data was current; null when unknown. */
  dataAgeSeconds: number | null;
  /** true when answered offline from a profile cached by an earlier online lookup. */
  fromCachedProfile: boolean;
  matchedBy: Array<'IDENTIFIER' | 'LEGACY_ID' | 'ORG_CODE'>;
  /** Notes to show with the result (stale data, legacy ID upgraded, org-code match…), worded by the catalogue. */
  notices: Notice[];
  checkedAt: string;
  operatorId: string;
  terminalId: string;
}
