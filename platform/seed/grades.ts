/** Industry credit grades (分级分类监管) for organisations. */
import type { IndustryGrade, SubjectKind } from '../../shared/contract';
import { addDays, addYears, DATA_AS_OF } from './dates';
import type { IndustryKind } from './names';
import type { Rng } from './prng';

interface GradeScheme {
  field: string;
  authority: string;
  grades: [string, number][];
}

export const GRADE_SCHEMES = {
  TAX: {
    field: 'TAX',
    authority: '国家税务总局威海市税务局',
    grades: [
      ['A', 15],
      ['B', 50],
      ['M', 20],
      ['C', 10],
      ['D', 5],
    ],
  },
  CONSTRUCTION: {
    field: 'CONSTRUCTION',
    authority: '威海市住房和城乡建设局',
    grades: [
      ['AAA', 10],
      ['AA', 25],
      ['A', 35],
      ['B', 20],
      ['C', 10],
    ],
  },
  SOCIAL_SECURITY: {
    field: 'SOCIAL_SECURITY',
    authority: '威海市社会保险事业中心',
    grades: [
      ['A', 40],
      ['B', 40],
      ['C', 15],
      ['D', 5],
    ],
  },
  TRANSPORT: {
    field: 'TRANSPORT',
    authority: '威海市交通运输局',
    grades: [
      ['AAA', 15],
      ['AA', 35],
      ['A', 35],
      ['B', 15],
    ],
  },
  ENVIRONMENT: {
    field: 'ENVIRONMENT',
    authority: '威海市生态环境局',
    grades: [
      ['绿色', 30],
      ['蓝色', 45],
      ['黄色', 15],
      ['红色', 7],
      ['黑色', 3],
    ],
  },
} satisfies Record<string, GradeScheme>;

export function gradeRow(scheme: GradeScheme, grade: string, ratedOn: string): IndustryGrade {
  return { field: scheme.field, grade, ratedOn, validUntil: addDays(addYears(ratedOn, 1), -1), authority: scheme.authority };
}

function drawn(rng: Rng, scheme: GradeScheme, forced?: string): IndustryGrade {
  const grade =
    forced ??
    rng.weighted(
      scheme.grades.map(([g]) => g),
      scheme.grades.map(([, w]) => w),
    );
  // Tax grades are published each April; the others are rated through the year.
  const ratedOn = scheme.field === 'TAX' ? '2026-04-20' : addDays(DATA_AS_OF, -rng.int(10, 360));
  return gradeRow(scheme, grade, ratedOn);
}

/** Grades an organisation holds; an A级纳税人 list entry goes with a tax grade A. */
export function organisationGrades(rng: Rng, kind: SubjectKind, industry: IndustryKind | null, taxA: boolean): IndustryGrade[] {
  const out: IndustryGrade[] = [];
  if (kind === 'ENTERPRISE') {
    if (taxA || rng.chance(0.75)) out.push(drawn(rng, GRADE_SCHEMES.TAX, taxA ? 'A' : undefined));
    if (industry === 'construction' && rng.chance(0.9)) out.push(drawn(rng, GRADE_SCHEMES.CONSTRUCTION));
    if (industry === 'transport' && rng.chance(0.8)) out.push(drawn(rng, GRADE_SCHEMES.TRANSPORT));
    if (industry === 'manufacturing' && rng.chance(0.5)) out.push(drawn(rng, GRADE_SCHEMES.ENVIRONMENT));
    if (rng.chance(0.3)) out.push(drawn(rng, GRADE_SCHEMES.SOCIAL_SECURITY));
  } else if (kind === 'INDIVIDUAL_BUSINESS') {
    if (rng.chance(0.4)) out.push(drawn(rng, GRADE_SCHEMES.TAX));
    if (rng.chance(0.1)) out.push(drawn(rng, GRADE_SCHEMES.SOCIAL_SECURITY));
  } else if (kind === 'INSTITUTION') {
    if (rng.chance(0.5)) out.push(drawn(rng, GRADE_SCHEMES.SOCIAL_SECURITY));
  }
  return out;
}
