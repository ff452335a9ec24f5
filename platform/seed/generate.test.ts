import { describe, expect, it } from 'vitest';
import { ListEntry, type Commitment, type IndustryGrade, type Repair, type ScoreRecord } from '../../shared/contract';
import { parseId } from '../../shared/ids';
import { haibeiGrade } from '../../shared/score';
import { LIST_TYPES } from './catalogue';
import { generateDemoData, type GenerateParams } from './generate';
import { SHOWCASE_SUBJECTS } from './showcase';
import type { EntryRow, SeedSink, SubjectRow } from './sink';

interface Collected {
  subjects: SubjectRow[];
  scores: [number, ScoreRecord][];
  grades: [number, IndustryGrade][];
  commitments: [number, Commitment][];
  entries: EntryRow[];
  repairs: Repair[];
}

function collect(params: GenerateParams): Collected {
  const c: Collected = { subjects: [], scores: [], grades: [], commitments: [], entries: [], repairs: [] };
  const sink: SeedSink = {
    subject: (r) => c.subjects.push(r),
    scoreRecord: (id, r) => c.scores.push([id, r]),
    grade: (id, g) => c.grades.push([id, g]),
    commitment: (id, cm) => c.commitments.push([id, cm]),
    entry: (e) => c.entries.push(e),
    repair: (r) => c.repairs.push(r),
  };
  generateDemoData(params, sink);
  return c;
}

const TODAY = new Date('2026-11-27T00:00:00+08:00');
const data = collect({ subjects: 5000, entries: 1500, seed: 7 });

describe('demo data generator', () => {
  it('every subject identifier parses with shared/ids as the intended type, without warnings', () => {
    for (const s of data.subjects) {
      const parsed = parseId(s.identifier, { today: TODAY });
      expect(parsed.ok, s.identifier).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.type, s.identifier).toBe(s.identifierType);
      expect(parsed.value).toBe(s.identifier);
      expect(parsed.warnings).toEqual([]);
      if (s.orgCode !== null) {
        expect(parsed.orgCode).toBe(s.orgCode);
        const org = parseId(s.orgCode, { today: TODAY });
        expect(org.ok && org.type).toBe('ORG_CODE');
      }
    }
  });

  it('identifiers are unique and kinds get the right USCC registration codes', () => {
    expect(new Set(data.subjects.map((s) => s.identifier)).size).toBe(data.subjects.length);
    const prefix = { ENTERPRISE: '91', INDIVIDUAL_BUSINESS: '92', INSTITUTION: '12' } as const;
    for (const s of data.subjects) {
      if (s.kind !== 'PERSON') expect(s.identifier.slice(0, 2)).toBe(prefix[s.kind]);
    }
  });

  it('every published entry identifier parses and maps to its match key', () => {
    let legacy = 0;
    let orgCodeOnly = 0;
    for (const { entry, matchKey } of data.entries) {
      ListEntry.parse(entry);
      const parsed = parseId(entry.identifier, { today: TODAY });
      expect(parsed.ok, entry.identifier).toBe(true);
      if (!parsed.ok) continue;
      expect(parsed.type).toBe(entry.identifierType);
      expect(parsed.value).toBe(matchKey);
      if (entry.identifier.length === 15) legacy++;
      if (entry.identifierType === 'ORG_CODE') orgCodeOnly++;
    }
    expect(legacy).toBeGreaterThan(0);
    expect(orgCodeOnly).toBeGreaterThan(0);
  });

  it('entries cover every list type and status; ACTIVE ones have not ended; REPAIRED ones have a repair', () => {
    expect(new Set(data.entries.map((e) => e.entry.listType))).toEqual(new Set(LIST_TYPES.map((l) => l.code)));
    expect(new Set(data.entries.map((e) => e.entry.status)).size).toBe(6);
    const repaired = new Set(data.repairs.map((r) => r.entryId));
    for (const { entry } of data.entries) {
      if (entry.status === 'ACTIVE' && entry.validUntil !== null) expect(entry.validUntil >= '2026-11-20', entry.id).toBe(true);
      if (entry.status === 'EXPIRED') expect(entry.validUntil !== null && entry.validUntil < '2026-11-20').toBe(true);
      if (entry.status === 'REPAIRED') expect(repaired.has(entry.id)).toBe(true);
      if (entry.validUntil !== null) expect(entry.validUntil > entry.listedOn).toBe(true);
    }
  });

  it('海贝分 records add up to the score, and all six grades occur', () => {
    const sums = new Map<number, number>();
    for (const [id, r] of data.scores) sums.set(id, (sums.get(id) ?? 0) + r.points);
    const grades = new Set<string>();
    for (const s of data.subjects) {
      if (s.kind !== 'PERSON') {
        expect(s.haibeiScore).toBeNull();
        continue;
      }
      expect(s.haibeiScore).not.toBeNull();
      expect(1000 + (sums.get(s.id) ?? 0), s.identifier).toBe(s.haibeiScore);
      grades.add(haibeiGrade(s.haibeiScore ?? 0));
    }
    expect(grades).toEqual(new Set(['AAA', 'AA', 'A', 'B', 'C', 'D']));
  });

  it('legal representatives are persons that exist, and some of them are listed', () => {
    const persons = new Set(data.subjects.filter((s) => s.kind === 'PERSON').map((s) => s.identifier));
    const listed = new Set(data.entries.map((e) => e.matchKey));
    const reps = data.subjects.filter((s) => s.kind !== 'PERSON').map((s) => s.legalRepresentative);
    for (const rep of reps) expect(rep !== null && persons.has(rep)).toBe(true);
    expect(reps.filter((r) => r !== null && listed.has(r)).length).toBeGreaterThan(0);
  });

  it('is deterministic: same seed and counts → identical output; another seed differs; showcase fixed', () => {
    const again = collect({ subjects: 5000, entries: 1500, seed: 7 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    const other = collect({ subjects: 5000, entries: 1500, seed: 8 });
    expect(JSON.stringify(other.subjects)).not.toBe(JSON.stringify(data.subjects));
    const showcaseCount = SHOWCASE_SUBJECTS.length;
    expect(other.subjects.slice(0, showcaseCount)).toEqual(data.subjects.slice(0, showcaseCount));
    const small = collect({ subjects: 10, entries: 0, seed: 99 });
    expect(small.subjects.slice(0, showcaseCount)).toEqual(data.subjects.slice(0, showcaseCount));
    expect(small.entries.map((e) => e.entry)).toEqual(data.entries.slice(0, small.entries.length).map((e) => e.entry));
  });
});
