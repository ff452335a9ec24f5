import type { HaibeiGrade } from '../contract/domain';

/** 海贝分 starting score for every resident (docs/architecture.md). */
export const HAIBEI_DEFAULT_SCORE = 1000;

export interface HaibeiGradeBand {
  readonly grade: HaibeiGrade;
  /** Inclusive lower bound; null = no lower bound. */
  readonly min: number | null;
  /** Inclusive upper bound; null = no upper bound. */
  readonly max: number | null;
  readonly label: string;
}

/** Highest grade first; bounds are inclusive integers and leave no gaps. */
export const HAIBEI_GRADE_BANDS: readonly HaibeiGradeBand[] = Object.freeze([
  Object.freeze({ grade: 'AAA', min: 1150, max: null, label: 'AAA（诚信模范）' }),
  Object.freeze({ grade: 'AA', min: 1050, max: 1149, label: 'AA（诚信优秀）' }),
  Object.freeze({ grade: 'A', min: 1000, max: 1049, label: 'A（诚信良好）' }),
  Object.freeze({ grade: 'B', min: 950, max: 999, label: 'B（诚信一般）' }),
  Object.freeze({ grade: 'C', min: 801, max: 949, label: 'C（诚信较差）' }),
  Object.freeze({ grade: 'D', min: null, max: 800, label: 'D（诚信警示）' }),
] satisfies HaibeiGradeBand[]);

/**
 * Grade of a 海贝分 score. Scores are integers; a fractional score (should a district's rules ever
 * produce one) is graded by the lower bounds (like its floor), so it never falls between two bands.
 */
export function haibeiGrade(score: number): HaibeiGrade {
  if (!Number.isFinite(score)) throw new RangeError(`海贝分必须是有限数值：${String(score)}`);
  for (const band of HAIBEI_GRADE_BANDS) {
    if (band.min === null || score >= band.min) return band.grade;
  }
  // Unreachable: the last band has no lower bound.
  throw new RangeError(`海贝分无法定级：${String(score)}`);
}

export function haibeiGradeBand(grade: HaibeiGrade): HaibeiGradeBand {
  const band = HAIBEI_GRADE_BANDS.find((b) => b.grade === grade);
  if (!band) throw new RangeError(`未知的海贝分等级：${String(grade)}`);
  return band;
}

/** 信易+ incentives (信易贷, 信易游, 信易购, 信易医, …) go to AAA and AA. */
export function isXinYiPlusEligible(grade: HaibeiGrade): boolean {
  return grade === 'AAA' || grade === 'AA';
}

/** A D grade shows a credit warning (诚信警示). */
export function isCreditWarning(grade: HaibeiGrade): boolean {
  return grade === 'D';
}
