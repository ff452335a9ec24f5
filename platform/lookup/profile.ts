/**
 * Builds a subject's profile for one matter (purpose limitation: only the list types and the other
 * parts of a profile the matter may see), finding entries under every form the identifier was published in.
 */
import type {
  HaibeiScore,
  LegalRepresentative,
  ListEntry,
  LookupResponse,
  Matter,
  Profile,
  Repair,
  SubjectSummary,
} from '../../shared/contract';
import { maskId, type ParsedId } from '../../shared/ids';
import { scopeProfile } from '../../shared/purpose';
import { haibeiGrade, HAIBEI_DEFAULT_SCORE } from '../../shared/score';
import type { PlatformContext } from '../context';
import type { SubjectRecord } from '../db/subjects';
import { HAIBEI_RULES_VERSION } from '../seed/haibei';

type MatchedBy = LookupResponse['matchedBy'][number];
const MATCH_ORDER: MatchedBy[] = ['IDENTIFIER', 'LEGACY_ID', 'ORG_CODE'];
const RECENT_RECORDS = 10;

interface SearchKey {
  key: string;
  /** Which published form a hit through this key is. */
  via: 'CANONICAL' | 'ORG_CODE';
}

function summary(s: SubjectRecord): SubjectSummary {
  return {
    kind: s.kind,
    name: s.name,
    identifier: s.identifier,
    identifierType: s.identifierType,
    masked: maskId(s.identifier, s.identifierType),
  };
}

function byListedOnDesc(a: ListEntry, b: ListEntry): number {
  return a.listedOn < b.listedOn ? 1 : a.listedOn > b.listedOn ? -1 : a.id.localeCompare(b.id);
}

function visibleEntries(ctx: PlatformContext, key: string, visible: ReadonlySet<string>): ListEntry[] {
  return ctx.entries
    .liveByMatchKey(key)
    .map((s) => s.entry)
    .filter((e) => visible.has(e.listType));
}

function haibeiOf(ctx: PlatformContext, s: SubjectRecord): HaibeiScore | null {
  if (s.kind !== 'PERSON' || s.haibeiScore === null) return null;
  const records = ctx.subjects.scoreRecords(s.id);
  const byCategory = new Map<string, number>();
  for (const r of records) byCategory.set(r.category, (byCategory.get(r.category) ?? 0) + r.points);
  return {
    score: s.haibeiScore,
    grade: haibeiGrade(s.haibeiScore),
    rulesVersion: HAIBEI_RULES_VERSION,
    updatedAt: s.haibeiUpdatedAt ?? ctx.now().toISOString(),
    base: HAIBEI_DEFAULT_SCORE,
    breakdown: [...byCategory].map(([category, points]) => ({ category, points })),
    recentRecords: records.slice(0, RECENT_RECORDS),
  };
}

function legalRepresentativeOf(ctx: PlatformContext, s: SubjectRecord, visible: ReadonlySet<string>): LegalRepresentative | null {
  if (s.legalRepresentative === null) return null;
  const entries = visibleEntries(ctx, s.legalRepresentative, visible).sort(byListedOnDesc);
  const rep = ctx.subjects.byIdentifier(s.legalRepresentative);
  if (rep) return { ...summary(rep), entries };
  // A representative who is no subject here (e.g. registered in another city) can still be listed
  // (court data is national): their entries matter all the same, named as published.
  const first = entries[0];
  if (!first) return null;
  const identifier = s.legalRepresentative;
  return {
    kind: 'PERSON',
    name: first.subjectName,
    identifier,
    identifierType: 'RESIDENT_ID',
    masked: maskId(identifier, 'RESIDENT_ID'),
    entries,
  };
}

/** null = the identifier is valid but nothing is known about it (404 no_records). */
export function lookupProfile(ctx: PlatformContext, parsed: ParsedId, matter: Matter): Omit<LookupResponse, 'dataVersion'> | null {
  const visible = new Set(matter.visibleListTypes);
  let subject: SubjectRecord | undefined;
  const keys: SearchKey[] = [];
  const matchedBy = new Set<MatchedBy>();

  if (parsed.type === 'ORG_CODE') {
    subject = ctx.subjects.byOrgCode(parsed.value);
    if (subject) {
      matchedBy.add('ORG_CODE');
      keys.push({ key: subject.identifier, via: 'CANONICAL' });
    }
    keys.push({ key: parsed.value, via: 'ORG_CODE' });
  } else {
    subject = ctx.subjects.byIdentifier(parsed.value);
    if (subject) matchedBy.add('IDENTIFIER');
    keys.push({ key: parsed.value, via: 'CANONICAL' });
    if (parsed.type === 'USCC' && parsed.orgCode) keys.push({ key: parsed.orgCode, via: 'ORG_CODE' });
  }

  const entries: ListEntry[] = [];
  for (const { key, via } of keys) {
    for (const e of visibleEntries(ctx, key, visible)) {
      entries.push(e);
      // Legacy 15-digit IDs are stored under their 18-digit form; the published form tells them apart.
      matchedBy.add(
        via === 'ORG_CODE' ? 'ORG_CODE' : e.identifierType === 'RESIDENT_ID' && e.identifier.length === 15 ? 'LEGACY_ID' : 'IDENTIFIER',
      );
    }
  }
  if (!subject && entries.length === 0) return null;
  entries.sort(byListedOnDesc);

  const first = entries[0];
  const subjectSummary: SubjectSummary = subject
    ? summary(subject)
    : {
        kind: first?.subjectKind ?? 'ENTERPRISE',
        name: first?.subjectName ?? parsed.value,
        identifier: parsed.value,
        identifierType: parsed.type,
        masked: parsed.masked,
      };

  const repairs: Repair[] = entries.flatMap((e) => ctx.subjects.repairsOf(e.id));
  const parts = matter.visibleProfile;
  const profile: Profile = {
    subject: subjectSummary,
    legalRepresentative: subject ? legalRepresentativeOf(ctx, subject, visible) : null,
    entries,
    grades: subject && parts && parts.gradeFields.length > 0 ? ctx.subjects.grades(subject.id) : [],
    haibei: subject && parts?.haibei ? haibeiOf(ctx, subject) : null,
    commitments: subject && parts?.commitments ? ctx.subjects.commitments(subject.id) : [],
    repairs,
  };
  // One rule for the platform's answers and the terminal's offline ones.
  return { profile: scopeProfile(profile, matter), matchedBy: MATCH_ORDER.filter((m) => matchedBy.has(m)) };
}

/** Entries of this subject the matter may see, counted for name-search candidates. */
export function visibleEntryCount(ctx: PlatformContext, s: SubjectRecord, matter: Matter): number {
  const visible = new Set(matter.visibleListTypes);
  let n = visibleEntries(ctx, s.identifier, visible).length;
  if (s.orgCode) n += visibleEntries(ctx, s.orgCode, visible).length;
  return n;
}
