import type { EntryStatus, ListEntry, ListType } from '../contract/domain';
import { compareIsoDate } from '../dates';
import type { NonTriggerReason } from './types';

/** True when the entry's validity ended before `today` (it is still valid *on* its end date). */
export function isPastValidity(entry: ListEntry, today: string): boolean {
  return entry.validUntil !== null && compareIsoDate(entry.validUntil, today) < 0;
}

/**
 * Status as of `today` (China date): an ACTIVE entry past its end date is EXPIRED even if the
 * platform has not said so yet — the terminal may be offline. Other statuses are the platform's.
 */
export function effectiveStatus(entry: ListEntry, today: string): EntryStatus {
  if (entry.status === 'ACTIVE' && isPastValidity(entry, today)) return 'EXPIRED';
  return entry.status;
}

/**
 * Whether an entry can trigger measures at all (before asking which measures of a matter it hits).
 * `listType` is the catalogue's entry for `entry.listType`, undefined when the catalogue lacks it.
 */
export function entryTriggers(
  entry: ListEntry,
  listType: ListType | undefined,
  today: string,
): { triggers: boolean; reason?: NonTriggerReason } {
  const status = effectiveStatus(entry, today);
  switch (status) {
    case 'ACTIVE':
      return { triggers: true };
    case 'OBJECTION_PENDING':
      // A listing whose validity has ended has no effect, whatever the state of the objection.
      if (isPastValidity(entry, today)) return { triggers: false, reason: 'EXPIRED' };
      // Policy per list type; an unknown list type has no policy, so the entry does not trigger.
      return listType?.objectionPendingTriggers === true ? { triggers: true } : { triggers: false, reason: 'OBJECTION_PENDING' };
    case 'EXPIRED':
    case 'REPAIRED':
    case 'REMOVED':
    case 'REVOKED':
      return { triggers: false, reason: status };
  }
}
