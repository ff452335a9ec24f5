/**
 * Writes the showcase subjects (SHOWCASE) with their entries, scores, grades, commitments and
 * repairs. Uses its own fixed PRNG stream so the showcase never depends on --seed or --subjects.
 */
import type { Commitment } from '../../shared/contract';
import { buildRepair, buildEntry } from './entryFactory';
import { chinaDateTime, DATA_AS_OF } from './dates';
import { gradeRow, GRADE_SCHEMES } from './grades';
import { scoreRecords } from './haibei';
import { profileOf } from './listProfiles';
import { createRng } from './prng';
import { SHOWCASE_SUBJECTS, type ShowcaseKey } from './showcase';
import type { SeedSink } from './sink';

const SHOWCASE_STREAM_SEED = 20_261_120;

const GRADES: Partial<Record<ShowcaseKey, ReturnType<typeof gradeRow>[]>> = {
  redCompany: [gradeRow(GRADE_SCHEMES.TAX, 'A', '2026-04-20')],
  redAndBlackCompany: [gradeRow(GRADE_SCHEMES.TAX, 'A', '2026-04-20'), gradeRow(GRADE_SCHEMES.ENVIRONMENT, '蓝色', '2026-03-10')],
  procurementBlackCompany: [gradeRow(GRADE_SCHEMES.TAX, 'B', '2026-04-20'), gradeRow(GRADE_SCHEMES.CONSTRUCTION, 'C', '2026-06-30')],
  orgCodeOnlyCompany: [gradeRow(GRADE_SCHEMES.TRANSPORT, 'AA', '2026-05-15')],
  legalRepListedCompany: [gradeRow(GRADE_SCHEMES.TAX, 'B', '2026-04-20')],
};

const COMMITMENTS: Partial<Record<ShowcaseKey, Commitment[]>> = {
  repairedPerson: [
    {
      id: 'CM-SC-0001',
      kind: '信用修复承诺',
      text: '承诺已纠正失信行为，今后依法诚信；如再次失信，愿接受从重惩戒。',
      madeOn: '2025-08-12',
      dueOn: '2026-08-11',
      matterCode: null,
      status: 'FULFILLED',
    },
  ],
  redCompany: [
    {
      id: 'CM-SC-0002',
      kind: '主动型信用承诺',
      text: '承诺依法诚信经营，自觉接受政府、行业组织、社会公众和新闻舆论的监督。',
      madeOn: '2026-03-01',
      dueOn: null,
      matterCode: 'XK-SPJY',
      status: 'IN_FORCE',
    },
  ],
};

/** Emits the showcase rows with subject ids 1..n; returns the next free subject id. */
export function writeShowcase(sink: SeedSink): number {
  const rng = createRng(SHOWCASE_STREAM_SEED);
  let subjectId = 0;
  for (const s of SHOWCASE_SUBJECTS) {
    subjectId++;
    const records = s.haibeiScore !== undefined ? scoreRecords(rng, s.haibeiScore, DATA_AS_OF) : [];
    const last = records[records.length - 1];
    sink.subject({
      id: subjectId,
      identifier: s.identifier,
      identifierType: s.identifierType,
      kind: s.kind,
      name: s.name,
      orgCode: s.orgCode ?? null,
      legalRepresentative: s.legalRepresentative ?? null,
      haibeiScore: s.haibeiScore ?? null,
      haibeiUpdatedAt: s.haibeiScore !== undefined ? chinaDateTime(last?.date ?? '2026-01-01', 9 * 60) : null,
    });
    for (const r of records) sink.scoreRecord(subjectId, r);
    for (const g of GRADES[s.key] ?? []) sink.grade(subjectId, g);
    for (const c of COMMITMENTS[s.key] ?? []) sink.commitment(subjectId, c);

    for (const e of s.entries) {
      const published = e.publishedAs ?? s.identifier;
      const publishedType = e.publishedAs === undefined ? s.identifierType : e.publishedAs.length === 9 ? 'ORG_CODE' : 'RESIDENT_ID';
      const entry = buildEntry(rng, profileOf(e.listType), e.id, { kind: s.kind, name: s.name, published, publishedType }, e.status, {
        listedOn: e.listedOn,
        validUntil: e.validUntil,
      });
      // A bare org code is found through the company's USCC; a 15-digit ID through its 18-digit form.
      sink.entry({ entry, matchKey: publishedType === 'ORG_CODE' ? published : s.identifier });
      if (entry.status === 'REPAIRED') sink.repair(buildRepair(rng, entry, 1));
    }
  }
  return subjectId + 1;
}
