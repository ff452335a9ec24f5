/**
 * Word lists for realistic demo names: surnames weighted by frequency (with the Jiaodong surnames
 * common in Weihai), given-name characters, company trade names and industries, places.
 */
import { WeightedTable, type Rng } from './prng';

// [surname, weight] — national frequency (per mille, rounded), Weihai locals (于 丛 鞠 曲 毕 隋 初 谷) boosted.
const SURNAMES: [string, number][] = [
  ['王', 71],
  ['李', 70],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 22],
  ['赵', 21],
  ['吴', 20],
  ['周', 19],
  ['徐', 17],
  ['孙', 22],
  ['马', 14],
  ['朱', 13],
  ['胡', 13],
  ['郭', 12],
  ['何', 11],
  ['高', 11],
  ['林', 14],
  ['罗', 10],
  ['郑', 10],
  ['梁', 9],
  ['谢', 8],
  ['宋', 10],
  ['唐', 8],
  ['许', 7],
  ['韩', 7],
  ['冯', 7],
  ['邓', 7],
  ['曹', 7],
  ['彭', 6],
  ['曾', 6],
  ['肖', 6],
  ['田', 6],
  ['董', 6],
  ['袁', 5],
  ['潘', 5],
  ['于', 16],
  ['蒋', 5],
  ['蔡', 5],
  ['余', 5],
  ['杜', 5],
  ['叶', 4],
  ['程', 4],
  ['苏', 4],
  ['魏', 4],
  ['吕', 4],
  ['丁', 4],
  ['任', 4],
  ['沈', 4],
  ['姚', 4],
  ['卢', 4],
  ['姜', 10],
  ['崔', 4],
  ['钟', 3],
  ['谭', 3],
  ['陆', 3],
  ['汪', 3],
  ['范', 3],
  ['金', 3],
  ['石', 3],
  ['廖', 3],
  ['贾', 3],
  ['夏', 3],
  ['付', 3],
  ['方', 3],
  ['白', 3],
  ['邹', 3],
  ['孟', 3],
  ['秦', 3],
  ['邱', 3],
  ['江', 3],
  ['尹', 3],
  ['薛', 3],
  ['闫', 3],
  ['段', 3],
  ['侯', 3],
  ['史', 3],
  ['郝', 2],
  ['邵', 2],
  ['毛', 2],
  ['钱', 2],
  ['戴', 2],
  ['孔', 2],
  ['汤', 2],
  ['丛', 5],
  ['鞠', 4],
  ['曲', 5],
  ['毕', 4],
  ['隋', 3],
  ['初', 3],
  ['谷', 2],
  ['慕', 1],
  ['车', 1],
  ['柳', 1],
  ['邢', 2],
  ['战', 1],
];

const MALE_CHARS = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波宁斌宇浩凯健俊帆旭宏建国志文海东林峰成亮德振晨博子轩睿泽宸庆春锋立新永福兴良';
const FEMALE_CHARS = '芳娜敏静丽艳娟霞燕玲婷雪慧红莉梅琳颖倩晶洁欣怡佳悦萱涵梓雨思月秀兰凤英玉璐晓蕾丹岚琪瑶';

const surnameTable = new WeightedTable(
  SURNAMES.map(([s]) => s),
  SURNAMES.map(([, w]) => w),
);

export function personName(rng: Rng, male: boolean): string {
  const pool = male ? MALE_CHARS : FEMALE_CHARS;
  const char = () => pool.charAt(rng.int(0, pool.length - 1));
  const given = rng.chance(0.25) ? char() : char() + char();
  return surnameTable.pick(rng) + given;
}

const TRADE_NAMES = [
  '海达',
  '华信',
  '鑫源',
  '远航',
  '蓝海',
  '金诺',
  '宏泰',
  '新港',
  '联众',
  '恒瑞',
  '泰祥',
  '瑞丰',
  '鸿运',
  '盛达',
  '嘉禾',
  '润泽',
  '海韵',
  '正阳',
  '天润',
  '福瑞',
  '同创',
  '卓越',
  '永盛',
  '中顺',
  '仁和',
  '明德',
  '博远',
  '和信',
  '启航',
  '凯盛',
  '聚源',
  '东岳',
  '成山',
  '刘公',
  '石岛',
  '银滩',
  '海澜',
  '信诺',
  '祥云',
  '丰泽',
  '佳和',
  '昌隆',
  '宝泉',
  '华洋',
  '汇通',
  '金海',
  '长城',
  '海腾',
  '九龙',
  '赤山',
];

/** [industry, kind of business] — the kind decides which industry grades a company gets. */
export const INDUSTRIES: [string, IndustryKind][] = [
  ['海洋食品', 'food'],
  ['水产品', 'food'],
  ['食品', 'food'],
  ['建筑工程', 'construction'],
  ['建设工程', 'construction'],
  ['装饰工程', 'construction'],
  ['机械制造', 'manufacturing'],
  ['精密机械', 'manufacturing'],
  ['轮胎', 'manufacturing'],
  ['渔具', 'manufacturing'],
  ['船舶修造', 'manufacturing'],
  ['化工', 'manufacturing'],
  ['纺织服装', 'manufacturing'],
  ['物流', 'transport'],
  ['运输', 'transport'],
  ['国际贸易', 'trade'],
  ['商贸', 'trade'],
  ['电子科技', 'tech'],
  ['信息技术', 'tech'],
  ['生物科技', 'tech'],
  ['医疗器械', 'manufacturing'],
  ['房地产开发', 'construction'],
  ['物业管理', 'service'],
  ['餐饮管理', 'service'],
  ['旅游开发', 'service'],
  ['人力资源', 'service'],
  ['新能源', 'tech'],
  ['环保科技', 'tech'],
  ['印刷包装', 'manufacturing'],
  ['农业开发', 'food'],
];
export type IndustryKind = 'food' | 'construction' | 'manufacturing' | 'transport' | 'trade' | 'tech' | 'service';

const COMPANY_PREFIXES = ['威海', '威海', '威海', '威海', '威海市', '荣成市', '文登', '乳山市'];

export function enterpriseName(rng: Rng): { name: string; industry: IndustryKind } {
  const [industry, kind] = rng.pick(INDUSTRIES);
  const suffix = rng.weighted(['有限公司', '股份有限公司', '有限责任公司'], [85, 10, 5]);
  return { name: `${rng.pick(COMPANY_PREFIXES)}${rng.pick(TRADE_NAMES)}${industry}${suffix}`, industry: kind };
}

const SHOP_TYPES = [
  '餐馆',
  '饭店',
  '便利店',
  '五金店',
  '水产经营部',
  '理发店',
  '副食店',
  '烧烤店',
  '家电维修部',
  '服装店',
  '日用品商店',
  '海产品店',
  '渔具店',
  '汽车修理部',
  '快餐店',
  '面馆',
  '超市',
  '茶叶店',
  '干洗店',
  '小吃部',
];
const DISTRICTS = ['环翠区', '环翠区', '文登区', '荣成市', '乳山市'];

export function individualBusinessName(rng: Rng): string {
  return `${rng.pick(DISTRICTS)}${rng.pick(TRADE_NAMES)}${rng.pick(SHOP_TYPES)}`;
}

const TOWNS = [
  '张村镇',
  '羊亭镇',
  '温泉镇',
  '桥头镇',
  '泽库镇',
  '宋村镇',
  '石岛镇',
  '俚岛镇',
  '崖头街道',
  '夏村镇',
  '海阳所镇',
  '大孤山镇',
  '葛家镇',
  '米山镇',
  '泽头镇',
  '高村镇',
  '侯家镇',
  '人和镇',
  '寻山街道',
  '港西镇',
];
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];

export function institutionName(rng: Rng): string {
  const district = rng.pick(DISTRICTS);
  switch (rng.int(0, 5)) {
    case 0:
      return `威海市第${rng.pick(CN_NUMBERS)}中学`;
    case 1:
      return `${district}${rng.pick(TOWNS)}中心卫生院`;
    case 2:
      return `${district}${rng.pick(TOWNS)}农业综合服务中心`;
    case 3:
      return `${district}第${rng.pick(CN_NUMBERS)}实验小学`;
    case 4:
      return `${district}${rng.pick(TOWNS)}中心幼儿园`;
    default:
      return `威海市${rng.pick(['海洋', '农业', '水文', '公路', '文化', '体育', '档案'])}事业发展中心${district.slice(0, 2)}分中心`;
  }
}

/** Resident ID region codes: mostly Weihai, some elsewhere in Shandong and other provinces. */
export const PERSON_REGIONS: [string, number][] = [
  ['371002', 30],
  ['371003', 18],
  ['371082', 20],
  ['371083', 14],
  ['370102', 1.5],
  ['370202', 1.5],
  ['370602', 3],
  ['370612', 2],
  ['370702', 1],
  ['371302', 1.5],
  ['210202', 1],
  ['230103', 1],
  ['410102', 0.5],
  ['320102', 0.5],
  ['130102', 0.5],
  ['110105', 0.5],
];

/** USCC region codes (positions 3–8) for organisations registered in Weihai. */
export const ORG_REGIONS: [string, number][] = [
  ['371000', 15],
  ['371002', 30],
  ['371003', 18],
  ['371082', 20],
  ['371083', 14],
  ['371071', 2],
  ['371072', 1],
];
