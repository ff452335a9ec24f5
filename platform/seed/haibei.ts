/**
 * 海贝分 for generated persons: a score in the band of a drawn grade and score records that add
 * up exactly to score − 1000 (base), so the breakdown the platform serves is consistent.
 */
import type { HaibeiGrade, ScoreRecord } from '../../shared/contract';
import { HAIBEI_DEFAULT_SCORE } from '../../shared/score';
import { addDays } from './dates';
import type { Rng } from './prng';

export const HAIBEI_RULES_VERSION = 'WH-HB-2025.2';

const GRADE_SHARES: [HaibeiGrade, number][] = [
  ['AAA', 3],
  ['AA', 12],
  ['A', 50],
  ['B', 20],
  ['C', 11],
  ['D', 4],
];
const BANDS: Record<HaibeiGrade, [number, number]> = {
  AAA: [1150, 1260],
  AA: [1050, 1149],
  A: [1000, 1049],
  B: [950, 999],
  C: [801, 949],
  D: [640, 800],
};

export function drawHaibeiScore(rng: Rng): number {
  const grade = rng.weighted(
    GRADE_SHARES.map(([g]) => g),
    GRADE_SHARES.map(([, w]) => w),
  );
  const [min, max] = BANDS[grade];
  return rng.int(min, max);
}

const POSITIVE: { category: string; descriptions: string[] }[] = [
  {
    category: '志愿服务',
    descriptions: ['参加社区志愿服务', '参加新时代文明实践志愿服务', '参加海水浴场安全巡护志愿服务', '参加威海国际铁人三项赛志愿服务'],
  },
  { category: '慈善捐助', descriptions: ['向威海市慈善总会捐款', '参与“慈心一日捐”活动', '向困难群众捐赠物资'] },
  { category: '无偿献血', descriptions: ['无偿献血200毫升', '无偿献血400毫升', '捐献机采血小板'] },
  { category: '社会荣誉', descriptions: ['获评“威海好人”', '获评区级优秀志愿者', '获评文明家庭'] },
  { category: '见义勇为', descriptions: ['获评见义勇为先进个人'] },
];
const NEGATIVE: string[] = [
  '道路交通安全违法行为',
  '拖欠公共事业费用经催缴仍未缴纳',
  '公共场所不文明行为被行政处罚',
  '逾期未履行生效法律文书确定的义务',
  '违规占用公共停车泊位',
];

/** Split `total` (> 0) into `parts` positive integers. */
function split(rng: Rng, total: number, parts: number): number[] {
  const n = Math.max(1, Math.min(parts, total));
  const cuts = new Set<number>();
  while (cuts.size < n - 1) cuts.add(rng.int(1, total - 1));
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: number[] = [];
  let previous = 0;
  for (const cut of [...sorted, total]) {
    out.push(cut - previous);
    previous = cut;
  }
  return out;
}

/** Records dated in the three years before `asOf`, oldest first; their points sum to score − base. */
export function scoreRecords(rng: Rng, score: number, asOf: string): ScoreRecord[] {
  const delta = score - HAIBEI_DEFAULT_SCORE;
  const points: number[] = [];
  // Most people have a few small events on both sides; the sums still come out exact.
  const offset = rng.chance(0.35) ? rng.int(5, 20) : 0;
  const positiveTotal = Math.max(delta, 0) + offset;
  const negativeTotal = Math.max(-delta, 0) + offset;
  if (positiveTotal > 0) points.push(...split(rng, positiveTotal, rng.int(1, 4)));
  if (negativeTotal > 0) points.push(...split(rng, negativeTotal, rng.int(1, 3)).map((p) => -p));

  const records = points.map((p): ScoreRecord => {
    const date = addDays(asOf, -rng.int(1, 3 * 365));
    if (p < 0) return { date, category: '扣分', description: rng.pick(NEGATIVE), points: p };
    const kind = rng.pick(POSITIVE);
    return { date, category: kind.category, description: rng.pick(kind.descriptions), points: p };
  });
  return records.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
