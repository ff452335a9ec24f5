import type { CheckResult, DataSource, Matter, Profile, SubjectSummary } from '../../../shared/contract';
import type { Evaluation } from '../../../shared/measures';
import type { Purpose } from './purpose';

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
  /** Chinese notices to show with the result (stale data, legacy ID upgraded, org-code match…). */
  notices: string[];
  checkedAt: string;
  operatorId: string;
  terminalId: string;
}
