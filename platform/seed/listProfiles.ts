/**
 * How entries of each list type look when published: who lists whom, authorities and their
 * document-number formats, reasons, amounts, validity and the mix of statuses.
 */
import type { EntryStatus, SubjectKind } from '../../shared/contract';
import { LT } from './catalogue';
import type { Rng } from './prng';

export interface Authority {
  name: string;
  documentNo(rng: Rng, year: number): string;
}

export interface ListTypeProfile {
  code: string;
  /** Relative share of generated entries. */
  weight: number;
  kinds: [SubjectKind, number][];
  authorities: Authority[];
  reasons: string[];
  /** Amount range in yuan, or null when the list carries none. */
  amount: [number, number] | null;
  validityYears: [number, number];
  /** Share of entries without an end date (e.g. court lists until the obligation is fulfilled). */
  openEndedShare: number;
  statuses: [EntryStatus, number][];
}

function courts(): Authority[] {
  const court = (name: string, code: string): Authority => ({
    name,
    documentNo: (rng, year) => `(${year})鲁${code}执${rng.pick(['', '恢'])}${rng.int(1, 3999)}号`,
  });
  return [
    court('威海市中级人民法院', '10'),
    court('威海市环翠区人民法院', '1002'),
    court('威海市文登区人民法院', '1003'),
    court('荣成市人民法院', '1082'),
    court('乳山市人民法院', '1083'),
  ];
}

function agency(name: string, prefix: string): Authority {
  return { name, documentNo: (rng, year) => `${prefix}〔${year}〕${rng.int(1, 240)}号` };
}

const BLACK_STATUSES: [EntryStatus, number][] = [
  ['ACTIVE', 80],
  ['EXPIRED', 6],
  ['REMOVED', 4],
  ['REPAIRED', 6],
  ['OBJECTION_PENDING', 2],
  ['REVOKED', 2],
];
const RED_STATUSES: [EntryStatus, number][] = [
  ['ACTIVE', 88],
  ['EXPIRED', 8],
  ['REVOKED', 4],
];

export const LIST_PROFILES: ListTypeProfile[] = [
  {
    code: LT.COURT,
    weight: 36,
    kinds: [
      ['PERSON', 66],
      ['ENTERPRISE', 29],
      ['INDIVIDUAL_BUSINESS', 5],
    ],
    authorities: courts(),
    reasons: [
      '有履行能力而拒不履行生效法律文书确定义务',
      '违反财产报告制度',
      '违反限制消费令',
      '以伪造证据、暴力、威胁等方法妨碍、抗拒执行',
      '以虚假诉讼、虚假仲裁或者以隐匿、转移财产等方法规避执行',
      '无正当理由拒不履行执行和解协议',
    ],
    amount: [3_000, 5_000_000],
    validityYears: [2, 5],
    openEndedShare: 0.6,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.TAX,
    weight: 4,
    kinds: [
      ['ENTERPRISE', 80],
      ['PERSON', 12],
      ['INDIVIDUAL_BUSINESS', 8],
    ],
    authorities: [
      agency('国家税务总局威海市税务局', '威税稽罚'),
      agency('国家税务总局威海市环翠区税务局', '威环税稽罚'),
      agency('国家税务总局荣成市税务局', '荣税稽罚'),
    ],
    reasons: [
      '虚开增值税专用发票',
      '逃避缴纳税款金额100万元以上，且占各税种应纳税总额10%以上',
      '欠缴税款，采取转移或者隐匿财产的手段，妨碍税务机关追缴欠缴的税款',
      '以假报出口或者其他欺骗手段，骗取国家出口退税款',
    ],
    amount: [100_000, 20_000_000],
    validityYears: [3, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.PROCUREMENT,
    weight: 2,
    kinds: [
      ['ENTERPRISE', 92],
      ['INDIVIDUAL_BUSINESS', 8],
    ],
    authorities: [agency('威海市财政局', '威财采处'), agency('威海市环翠区财政局', '环财采处')],
    reasons: [
      '提供虚假材料谋取中标、成交',
      '与采购人、其他供应商或者采购代理机构恶意串通',
      '向采购人、采购代理机构行贿或者提供其他不正当利益',
      '拒绝有关部门监督检查或者提供虚假情况',
    ],
    amount: [5_000, 100_000],
    validityYears: [1, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.WAGE,
    weight: 4,
    kinds: [
      ['ENTERPRISE', 70],
      ['PERSON', 30],
    ],
    authorities: [agency('威海市人力资源和社会保障局', '威人社监罚'), agency('荣成市人力资源和社会保障局', '荣人社监罚')],
    reasons: [
      '克扣、无故拖欠农民工工资达到认定拒不支付劳动报酬罪数额标准',
      '因拖欠农民工工资违法行为引发群体性事件、极端事件造成严重不良社会影响',
    ],
    amount: [50_000, 2_000_000],
    validityYears: [3, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.CONSTRUCTION,
    weight: 3,
    kinds: [['ENTERPRISE', 100]],
    authorities: [agency('威海市住房和城乡建设局', '威建罚字')],
    reasons: ['转包、违法分包工程', '发生较大及以上工程质量安全事故', '恶意拖欠工程款', '以欺骗手段取得资质证书'],
    amount: [20_000, 500_000],
    validityYears: [1, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.SOCIAL_SECURITY,
    weight: 8,
    kinds: [
      ['PERSON', 70],
      ['ENTERPRISE', 25],
      ['INDIVIDUAL_BUSINESS', 5],
    ],
    authorities: [agency('威海市社会保险事业中心', '威社保稽'), agency('威海市医疗保障局', '威医保罚')],
    reasons: [
      '以欺诈、伪造证明材料等手段骗取社会保险待遇',
      '冒领已死亡人员养老保险待遇',
      '用人单位不依法办理社会保险登记且拒不整改',
      '隐匿、转移、侵占、挪用社会保险基金',
    ],
    amount: [2_000, 300_000],
    validityYears: [3, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.SAFETY,
    weight: 4,
    kinds: [
      ['ENTERPRISE', 75],
      ['PERSON', 20],
      ['INSTITUTION', 5],
    ],
    authorities: [agency('威海市应急管理局', '威应急罚'), agency('文登区应急管理局', '文应急罚')],
    reasons: [
      '发生较大生产安全责任事故',
      '拒不执行安全监管监察指令',
      '瞒报、谎报生产安全事故',
      '未按规定开展安全生产隐患排查治理且拒不整改',
    ],
    amount: [30_000, 1_000_000],
    validityYears: [1, 3],
    openEndedShare: 0,
    statuses: BLACK_STATUSES,
  },
  {
    code: LT.LABOUR_RED,
    weight: 5,
    kinds: [
      ['ENTERPRISE', 85],
      ['INSTITUTION', 15],
    ],
    authorities: [agency('威海市人力资源和社会保障局', '威人社字')],
    reasons: ['劳动保障守法诚信等级评价为A级', '劳动保障守法诚信示范单位'],
    amount: null,
    validityYears: [2, 3],
    openEndedShare: 0,
    statuses: RED_STATUSES,
  },
  {
    code: LT.TAX_A,
    weight: 15,
    kinds: [['ENTERPRISE', 100]],
    authorities: [agency('国家税务总局威海市税务局', '威税公告')],
    reasons: ['年度纳税信用评价为A级'],
    amount: null,
    validityYears: [1, 1],
    openEndedShare: 0,
    statuses: RED_STATUSES,
  },
  {
    code: LT.VOLUNTEER,
    weight: 10,
    kinds: [['PERSON', 100]],
    authorities: [agency('共青团威海市委员会', '威团字')],
    reasons: ['累计志愿服务时长超过1500小时，获评五星级志愿者', '获评威海市优秀青年志愿者'],
    amount: null,
    validityYears: [2, 3],
    openEndedShare: 0,
    statuses: RED_STATUSES,
  },
  {
    code: LT.MARINE,
    weight: 4,
    kinds: [
      ['ENTERPRISE', 80],
      ['INDIVIDUAL_BUSINESS', 20],
    ],
    authorities: [agency('威海市海洋发展局', '威海发')],
    reasons: ['海洋渔业领域守信激励对象', '连续三年无违规捕捞、无安全生产事故'],
    amount: null,
    validityYears: [2, 3],
    openEndedShare: 0,
    statuses: RED_STATUSES,
  },
  {
    code: LT.CONTRACT,
    weight: 6,
    kinds: [['ENTERPRISE', 100]],
    authorities: [agency('威海市市场监督管理局', '威市监字')],
    reasons: ['连续两年公示为“守合同重信用”企业'],
    amount: null,
    validityYears: [2, 2],
    openEndedShare: 0,
    statuses: RED_STATUSES,
  },
];

export function profileOf(code: string): ListTypeProfile {
  const profile = LIST_PROFILES.find((p) => p.code === code);
  if (!profile) throw new Error(`no generation profile for list type ${code}`);
  return profile;
}
