/** Credit commitments (信用承诺) for generated and showcase subjects. */
import type { Commitment, SubjectKind } from '../../shared/contract';
import { MATTERS } from './catalogue';
import { addDays, DATA_AS_OF } from './dates';
import type { Rng } from './prng';

const KINDS: { kind: string; text: string }[] = [
  { kind: '告知承诺制审批承诺', text: '承诺所提交材料真实有效，符合审批条件；如有虚假，愿承担相应法律责任并接受失信惩戒。' },
  { kind: '证明事项告知承诺', text: '承诺符合申请条件，承诺内容真实，愿承担不实承诺的法律责任。' },
  { kind: '主动型信用承诺', text: '承诺依法诚信经营，自觉接受政府、行业组织、社会公众和新闻舆论的监督。' },
  { kind: '信用修复承诺', text: '承诺已纠正失信行为，今后依法诚信经营；如再次失信，愿接受从重惩戒。' },
];

export function buildCommitment(rng: Rng, id: string, subjectKind: SubjectKind): Commitment {
  const { kind, text } = rng.pick(KINDS);
  const madeOn = addDays(DATA_AS_OF, -rng.int(1, 2 * 365));
  const matters = MATTERS.filter((m) => m.subjectKinds.includes(subjectKind));
  const matter = matters.length > 0 && rng.chance(0.7) ? rng.pick(matters) : null;
  return {
    id,
    kind,
    text,
    madeOn,
    dueOn: rng.chance(0.6) ? addDays(madeOn, 365) : null,
    matterCode: matter ? matter.code : null,
    status: rng.weighted(['IN_FORCE', 'FULFILLED', 'BREACHED'] as const, [70, 25, 5]),
  };
}
