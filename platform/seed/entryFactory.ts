/** Builds one list entry as an authority would publish it, with dates coherent with its status. */
import type { EntryStatus, IdentifierType, ListEntry, Repair, SubjectKind } from '../../shared/contract';
import { addDays, addYears, chinaDateTime, dayNumber, DATA_AS_OF, isoFromDayNumber } from './dates';
import type { ListTypeProfile } from './listProfiles';
import { WeightedTable, type Rng } from './prng';

export interface EntrySubject {
  kind: SubjectKind;
  name: string;
  /** Identifier as published (may be a 15-digit ID or a bare org code). */
  published: string;
  publishedType: IdentifierType;
}

export interface EntryDates {
  listedOn: string;
  validUntil: string | null;
}

const statusTables = new WeakMap<ListTypeProfile, WeightedTable<EntryStatus>>();

export function drawStatus(rng: Rng, profile: ListTypeProfile): EntryStatus {
  let table = statusTables.get(profile);
  if (!table) {
    table = new WeightedTable(
      profile.statuses.map(([s]) => s),
      profile.statuses.map(([, w]) => w),
    );
    statusTables.set(profile, table);
  }
  return table.pick(rng);
}

/** Dates consistent with the status: EXPIRED ended before `asOf`, ACTIVE ones still run. */
export function drawDates(rng: Rng, profile: ListTypeProfile, status: EntryStatus): EntryDates {
  const years = rng.int(profile.validityYears[0], profile.validityYears[1]);
  if (status === 'EXPIRED') {
    const validUntil = addDays(DATA_AS_OF, -rng.int(1, 700));
    return { listedOn: addDays(addYears(validUntil, -years), 1), validUntil };
  }
  const open = rng.chance(profile.openEndedShare);
  const spanDays = open ? 5 * 365 : years * 365 - 1;
  const listedOn = addDays(DATA_AS_OF, -rng.int(0, spanDays));
  return { listedOn, validUntil: open ? null : addDays(addYears(listedOn, years), -1) };
}

function updatedOn(rng: Rng, listedOn: string, status: EntryStatus): string {
  if (status === 'ACTIVE') return listedOn;
  const from = dayNumber(listedOn);
  const to = Math.max(from, dayNumber(DATA_AS_OF));
  return isoFromDayNumber(rng.int(from, to));
}

export function buildEntry(
  rng: Rng,
  profile: ListTypeProfile,
  id: string,
  subject: EntrySubject,
  status: EntryStatus,
  dates: EntryDates,
): ListEntry {
  const authority = rng.pick(profile.authorities);
  const year = Number(dates.listedOn.slice(0, 4));
  const amount = profile.amount ? Math.round(rng.int(profile.amount[0] * 100, profile.amount[1] * 100)) / 100 : null;
  return {
    id,
    listType: profile.code,
    subjectKind: subject.kind,
    subjectName: subject.name,
    identifier: subject.published,
    identifierType: subject.publishedType,
    reason: rng.pick(profile.reasons),
    listedOn: dates.listedOn,
    validUntil: dates.validUntil,
    authority: authority.name,
    documentNo: authority.documentNo(rng, year),
    amount,
    status,
    updatedAt: chinaDateTime(updatedOn(rng, dates.listedOn, status), rng.int(8 * 60 + 30, 17 * 60 + 30)),
  };
}

const REPAIR_METHODS = ['履行法定义务并提交信用修复承诺书', '完成信用修复专题培训并提交信用报告', '主动纠正失信行为、消除不良影响'];

/** The repair record behind a REPAIRED entry. */
export function buildRepair(rng: Rng, entry: ListEntry, serial: number): Repair {
  const on = entry.updatedAt.slice(0, 10);
  return {
    id: `RP-${entry.id}`,
    entryId: entry.id,
    listType: entry.listType,
    repairedOn: on,
    authority: '威海市发展和改革委员会',
    documentNo: `威信修〔${on.slice(0, 4)}〕${(serial % 900) + 1}号`,
    method: rng.pick(REPAIR_METHODS),
  };
}
