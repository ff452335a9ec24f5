/**
 * What the clerk is told beside a result, as codes with data (the catalogue words them): where an
 * offline answer came from and how old it is, data past the terminal's staleness limit, matches by
 * an older identifier form, a matter not meant for this kind of subject, a clock that is off.
 */
import type { Matter } from '../../../../shared/contract';
import { clockSkewNotice } from '../../api/clockSkew';
import type { PlatformError } from '../../api/platformError';
import type { CheckView, Notice } from '../contracts';
import type { Answer } from './answer';
import type { OfflineAnswer } from './offlineAnswer';

/** Why the cache answered, the data's version and age, and what the offline answer may lack. */
export function offlineNotices(answer: OfflineAnswer, why: PlatformError): Notice[] {
  const reason =
    why.kind === 'unauthorized' ? 'login_expired' : why.userError.code === 'offline_session' ? 'offline_session' : 'unreachable';
  const notices: Notice[] = [
    {
      code: 'offline_answer',
      params: {
        reason,
        dataVersion: answer.dataVersion,
        ...(answer.dataAgeSeconds === null ? {} : { ageSeconds: answer.dataAgeSeconds }),
      },
    },
  ];
  if (!answer.listSynced) notices.push({ code: 'list_not_synced' });
  if (answer.fromCachedProfile && answer.cachedProfileAt) {
    notices.push({ code: 'cached_profile', params: { fetchedAt: answer.cachedProfileAt } });
  }
  return notices;
}

/** Notices for any answer, online or offline. */
export function generalNotices(
  answer: Answer,
  matter: Matter,
  kind: CheckView['subject']['kind'],
  terminal: { stalenessLimitHours: number; clockSkewSeconds: number | null },
): Notice[] {
  const out: Notice[] = [];
  const limitHours = terminal.stalenessLimitHours;
  if (answer.source === 'offline' && answer.dataAgeSeconds !== null && answer.dataAgeSeconds > limitHours * 3600) {
    out.push({ code: 'stale_list', params: { hours: limitHours } });
  }
  if (answer.matchedBy.includes('ORG_CODE')) out.push({ code: 'matched_by_org_code' });
  if (answer.matchedBy.includes('LEGACY_ID')) out.push({ code: 'matched_by_legacy_id' });
  if (!matter.subjectKinds.includes(kind)) out.push({ code: 'matter_not_for_kind', params: { matterName: matter.name } });
  const skew = clockSkewNotice(terminal.clockSkewSeconds);
  if (skew) out.push(skew);
  return out;
}
