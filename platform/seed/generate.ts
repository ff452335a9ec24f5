/**
 * Deterministic demo data: the showcase subjects, then `subjects` random persons and organisations
 * and `entries` list entries. Same seed and counts → the same rows in the same order.
 */
import type { IdentifierType, SubjectKind } from '../../shared/contract';
import { legacyForm } from '../../shared/ids';
import { LT } from './catalogue';
import { buildCommitment } from './commitments';
import { addDays, chinaDateTime, DATA_AS_OF } from './dates';
import { buildEntry, buildRepair, drawDates, drawStatus } from './entryFactory';
import { organisationGrades } from './grades';
import { drawHaibeiScore, scoreRecords } from './haibei';
import { makeResidentId, makeUscc, type UsccRegistration } from './identifiers';
import { LIST_PROFILES } from './listProfiles';
import {
  enterpriseName,
  individualBusinessName,
  institutionName,
  ORG_REGIONS,
  PERSON_REGIONS,
  personName,
  type IndustryKind,
} from './names';
import { createRng, deriveSeed, WeightedTable, type Rng } from './prng';
import { SHOWCASE_SUBJECTS } from './showcase';
import { writeShowcase } from './showcaseData';
import type { SeedSink } from './sink';

export interface GenerateParams {
  /** Random subjects on top of the showcase subjects. */
  subjects: number;
  /** Random list entries on top of the showcase entries. */
  entries: number;
  seed: number;
}

export interface GenerationSummary {
  persons: number;
  enterprises: number;
  individualBusinesses: number;
  institutions: number;
  entries: number;
}

/** Share of list entries per subject when --entries is not given. */
export const DEFAULT_ENTRY_SHARE = 0.06;

/** Split of random subjects by kind: persons dominate; companies, shops and institutions follow. */
function splitSubjects(total: number): Record<SubjectKind, number> {
  const enterprises = Math.round(total * 0.12);
  const individualBusinesses = Math.round(total * 0.045);
  const institutions = Math.round(total * 0.015);
  return {
    PERSON: total - enterprises - individualBusinesses - institutions,
    ENTERPRISE: enterprises,
    INDIVIDUAL_BUSINESS: individualBusinesses,
    INSTITUTION: institutions,
  };
}

interface PersonPool {
  ids: string[];
  names: string[];
  birthYears: Int16Array;
}

interface OrgPool {
  ids: string[];
  names: string[];
  orgCodes: string[];
  industries: (IndustryKind | null)[];
  subjectIds: number[];
}

function emptyOrgPool(): OrgPool {
  return { ids: [], names: [], orgCodes: [], industries: [], subjectIds: [] };
}

export function generateDemoData(params: GenerateParams, sink: SeedSink): GenerationSummary {
  const counts = splitSubjects(Math.max(0, Math.floor(params.subjects)));
  const used = new Set<string>();
  for (const s of SHOWCASE_SUBJECTS) {
    used.add(s.identifier);
    if (s.orgCode) used.add(s.orgCode);
  }
  let nextSubjectId = writeShowcase(sink);

  // Independent streams: changing how one part draws leaves the others' output unchanged.
  const personRng = createRng(deriveSeed(params.seed, 'persons'));
  const persons: PersonPool = { ids: [], names: [], birthYears: new Int16Array(counts.PERSON) };
  const regions = new WeightedTable(
    PERSON_REGIONS.map(([r]) => r),
    PERSON_REGIONS.map(([, w]) => w),
  );
  for (let i = 0; i < counts.PERSON; i++) {
    const male = personRng.chance(0.51);
    const year = personRng.chance(0.75) ? personRng.int(1960, 1995) : personRng.int(1940, 2006);
    const birthDate = addDays(`${year}-01-01`, personRng.int(0, 364));
    let id: string;
    do id = makeResidentId(personRng, regions.pick(personRng), birthDate, male);
    while (used.has(id));
    used.add(id);
    const name = personName(personRng, male);
    const score = drawHaibeiScore(personRng);
    const records = scoreRecords(personRng, score, DATA_AS_OF);
    const subjectId = nextSubjectId++;
    sink.subject({
      id: subjectId,
      identifier: id,
      identifierType: 'RESIDENT_ID',
      kind: 'PERSON',
      name,
      orgCode: null,
      legalRepresentative: null,
      haibeiScore: score,
      haibeiUpdatedAt: chinaDateTime(
        records[records.length - 1]?.date ?? addDays(DATA_AS_OF, -personRng.int(30, 900)),
        personRng.int(0, 1439),
      ),
    });
    for (const r of records) sink.scoreRecord(subjectId, r);
    if (personRng.chance(0.02)) sink.commitment(subjectId, buildCommitment(personRng, `CM-P${subjectId}`, 'PERSON'));
    persons.ids.push(id);
    persons.names.push(name);
    persons.birthYears[i] = year;
  }

  const orgRng = createRng(deriveSeed(params.seed, 'organisations'));
  const orgRegions = new WeightedTable(
    ORG_REGIONS.map(([r]) => r),
    ORG_REGIONS.map(([, w]) => w),
  );
  const orgs: Record<Exclude<SubjectKind, 'PERSON'>, OrgPool> = {
    ENTERPRISE: emptyOrgPool(),
    INDIVIDUAL_BUSINESS: emptyOrgPool(),
    INSTITUTION: emptyOrgPool(),
  };
  const legalReps: number[] = [];
  const registrations: Record<Exclude<SubjectKind, 'PERSON'>, UsccRegistration> = {
    ENTERPRISE: '91',
    INDIVIDUAL_BUSINESS: '92',
    INSTITUTION: '12',
  };
  for (const kind of ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION'] as const) {
    const pool = orgs[kind];
    for (let i = 0; i < counts[kind]; i++) {
      let code: { uscc: string; orgCode: string };
      do code = makeUscc(orgRng, registrations[kind], orgRegions.pick(orgRng));
      while (used.has(code.uscc) || used.has(code.orgCode));
      used.add(code.uscc);
      used.add(code.orgCode);
      let name: string;
      let industry: IndustryKind | null = null;
      if (kind === 'ENTERPRISE') ({ name, industry } = enterpriseName(orgRng));
      else name = kind === 'INDIVIDUAL_BUSINESS' ? individualBusinessName(orgRng) : institutionName(orgRng);
      const repIndex = persons.ids.length > 0 ? orgRng.int(0, persons.ids.length - 1) : -1;
      if (repIndex >= 0) legalReps.push(repIndex);
      const subjectId = nextSubjectId++;
      sink.subject({
        id: subjectId,
        identifier: code.uscc,
        identifierType: 'USCC',
        kind,
        name,
        orgCode: code.orgCode,
        legalRepresentative: repIndex >= 0 ? (persons.ids[repIndex] ?? null) : null,
        haibeiScore: null,
        haibeiUpdatedAt: null,
      });
      if (orgRng.chance(0.08)) sink.commitment(subjectId, buildCommitment(orgRng, `CM-O${subjectId}`, kind));
      pool.ids.push(code.uscc);
      pool.names.push(name);
      pool.orgCodes.push(code.orgCode);
      pool.industries.push(industry);
      pool.subjectIds.push(subjectId);
    }
  }

  const { taxA, written } = writeEntries(createRng(deriveSeed(params.seed, 'entries')), params.entries, persons, orgs, legalReps, sink);

  // Grades come last so that every A级纳税人 also holds a tax grade A.
  const gradeRng = createRng(deriveSeed(params.seed, 'grades'));
  for (const kind of ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION'] as const) {
    const pool = orgs[kind];
    for (let i = 0; i < pool.ids.length; i++) {
      const subjectId = pool.subjectIds[i] ?? 0;
      const holdsTaxA = kind === 'ENTERPRISE' && taxA.has(i);
      for (const g of organisationGrades(gradeRng, kind, pool.industries[i] ?? null, holdsTaxA)) sink.grade(subjectId, g);
    }
  }

  return {
    persons: counts.PERSON,
    enterprises: counts.ENTERPRISE,
    individualBusinesses: counts.INDIVIDUAL_BUSINESS,
    institutions: counts.INSTITUTION,
    entries: written,
  };
}

/** Writes the random entries; returns the enterprise pool indexes listed as A级纳税人. */
function writeEntries(
  rng: Rng,
  count: number,
  persons: PersonPool,
  orgs: Record<Exclude<SubjectKind, 'PERSON'>, OrgPool>,
  legalReps: number[],
  sink: SeedSink,
): { taxA: Set<number>; written: number } {
  const taxA = new Set<number>();
  const profiles = new WeightedTable(
    LIST_PROFILES,
    LIST_PROFILES.map((p) => p.weight),
  );
  const poolSize = (kind: SubjectKind) => (kind === 'PERSON' ? persons.ids.length : orgs[kind].ids.length);
  let written = 0;
  for (let attempt = 0; written < count && attempt < count * 4; attempt++) {
    const profile = profiles.pick(rng);
    const kinds = profile.kinds.filter(([k]) => poolSize(k) > 0);
    if (kinds.length === 0) continue;
    const kind = rng.weighted(
      kinds.map(([k]) => k),
      kinds.map(([, w]) => w),
    );
    const id = `WH-${String(written + 1).padStart(8, '0')}`;
    const status = drawStatus(rng, profile);
    const dates = drawDates(rng, profile, status);

    let name: string;
    let canonical: string;
    let published: string;
    let publishedType: IdentifierType;
    if (kind === 'PERSON') {
      // Legal representatives turn up on black lists more often than the average resident.
      const fromReps = profile.kinds.length > 1 && legalReps.length > 0 && rng.chance(0.15);
      const index = fromReps ? (legalReps[rng.int(0, legalReps.length - 1)] ?? 0) : rng.int(0, persons.ids.length - 1);
      canonical = persons.ids[index] ?? '';
      name = persons.names[index] ?? '';
      // Older records still carry the 15-digit ID of people born before the 1999 re-issue.
      const legacy = (persons.birthYears[index] ?? 2000) < 1985 && rng.chance(0.12) ? legacyForm(canonical) : undefined;
      published = legacy ?? canonical;
      publishedType = 'RESIDENT_ID';
    } else {
      const pool = orgs[kind];
      const index = rng.int(0, pool.ids.length - 1);
      canonical = pool.ids[index] ?? '';
      name = pool.names[index] ?? '';
      // Court data often knows a company only by its 9-character organisation code.
      const orgCodeOnly = profile.code === LT.COURT && rng.chance(0.25);
      published = orgCodeOnly ? (pool.orgCodes[index] ?? canonical) : canonical;
      publishedType = orgCodeOnly ? 'ORG_CODE' : 'USCC';
      if (profile.code === LT.TAX_A && kind === 'ENTERPRISE' && status === 'ACTIVE') taxA.add(index);
    }

    const entry = buildEntry(rng, profile, id, { kind, name, published, publishedType }, status, dates);
    sink.entry({ entry, matchKey: publishedType === 'ORG_CODE' ? published : canonical });
    if (status === 'REPAIRED') sink.repair(buildRepair(rng, entry, written));
    written++;
  }
  return { taxA, written };
}
