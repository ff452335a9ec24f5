/**
 * The demo catalogue (目录): fields, red/black list types, measures (奖惩措施) and matters
 * (办理事项) with their measure lists. Static data; the generator writes it into the database and
 * the platform serves it from there.
 */
import type { Catalogue, Field, HaibeiGrade, ListType, Matter, Measure, MeasureTrigger } from '../../shared/contract';

export const CATALOGUE_VERSION = '2026.11-WH-03';

export const FIELDS: Field[] = [
  { code: 'JUDICIAL', name: '司法执行' },
  { code: 'TAX', name: '税务' },
  { code: 'PROCUREMENT', name: '政府采购' },
  { code: 'LABOUR', name: '劳动保障' },
  { code: 'CONSTRUCTION', name: '住房城乡建设' },
  { code: 'SOCIAL_SECURITY', name: '社会保障' },
  { code: 'SAFETY', name: '安全生产' },
  { code: 'VOLUNTEER', name: '志愿服务' },
  { code: 'MARINE', name: '海洋渔业' },
  { code: 'MARKET', name: '市场监管' },
  { code: 'TRANSPORT', name: '交通运输' },
  { code: 'ENVIRONMENT', name: '生态环境' },
];

/** List type codes, named so that tests and the generator read clearly. */
export const LT = {
  COURT: 'BLK_COURT_DISHONEST',
  TAX: 'BLK_TAX_MAJOR',
  PROCUREMENT: 'BLK_PROCUREMENT',
  WAGE: 'BLK_WAGE_ARREARS',
  CONSTRUCTION: 'BLK_CONSTRUCTION',
  SOCIAL_SECURITY: 'BLK_SOCIAL_SECURITY',
  SAFETY: 'BLK_SAFETY',
  LABOUR_RED: 'RED_LABOUR',
  TAX_A: 'RED_TAX_A',
  VOLUNTEER: 'RED_VOLUNTEER',
  MARINE: 'RED_MARINE',
  CONTRACT: 'RED_CONTRACT',
} as const;

export const LIST_TYPES: ListType[] = [
  { code: LT.COURT, name: '失信被执行人', polarity: 'BLACK', field: 'JUDICIAL', serious: true, objectionPendingTriggers: true },
  { code: LT.TAX, name: '重大税收违法失信主体', polarity: 'BLACK', field: 'TAX', serious: true, objectionPendingTriggers: false },
  { code: LT.PROCUREMENT, name: '政府采购严重违法失信名单', polarity: 'BLACK', field: 'PROCUREMENT', serious: true, objectionPendingTriggers: false },
  { code: LT.WAGE, name: '拖欠农民工工资失信联合惩戒对象', polarity: 'BLACK', field: 'LABOUR', serious: true, objectionPendingTriggers: false },
  { code: LT.CONSTRUCTION, name: '住房城乡建设领域黑名单', polarity: 'BLACK', field: 'CONSTRUCTION', serious: false, objectionPendingTriggers: false },
  { code: LT.SOCIAL_SECURITY, name: '社会保障领域黑名单', polarity: 'BLACK', field: 'SOCIAL_SECURITY', serious: false, objectionPendingTriggers: false },
  { code: LT.SAFETY, name: '安全生产失信联合惩戒对象', polarity: 'BLACK', field: 'SAFETY', serious: false, objectionPendingTriggers: true },
  { code: LT.LABOUR_RED, name: '劳动保障红名单', polarity: 'RED', field: 'LABOUR', serious: false, objectionPendingTriggers: false },
  { code: LT.TAX_A, name: 'A级纳税人', polarity: 'RED', field: 'TAX', serious: false, objectionPendingTriggers: false },
  { code: LT.VOLUNTEER, name: '优秀青年志愿者', polarity: 'RED', field: 'VOLUNTEER', serious: false, objectionPendingTriggers: false },
  { code: LT.MARINE, name: '信用海洋红名单', polarity: 'RED', field: 'MARINE', serious: false, objectionPendingTriggers: false },
  { code: LT.CONTRACT, name: '守合同重信用企业', polarity: 'RED', field: 'MARKET', serious: false, objectionPendingTriggers: false },
];

const BASIS = {
  court: '《关于对失信被执行人实施联合惩戒的合作备忘录》(发改财金〔2016〕141号)',
  tax: '《关于对重大税收违法失信主体实施联合惩戒的合作备忘录》(发改财金〔2014〕3062号)',
  procurement: '《中华人民共和国政府采购法》第七十七条；《关于在政府采购活动中查询及使用信用记录有关问题的通知》(财库〔2016〕125号)',
  wage: '《保障农民工工资支付条例》(国务院令第724号)第四十八条',
  construction: '《建筑市场信用管理暂行办法》(建市〔2017〕241号)',
  socialSecurity: '《社会保险领域严重失信主体名单管理暂行办法》(人力资源社会保障部令第50号)',
  safety: '《关于对安全生产领域失信生产经营单位及其有关人员开展联合惩戒的合作备忘录》(发改财金〔2016〕1001号)',
  taxA: '《关于对纳税信用A级纳税人实施联合激励措施的合作备忘录》(发改财金〔2016〕1467号)',
  contract: '《山东省“守合同重信用”企业公示办法》',
  labourRed: '《山东省劳动保障守法诚信等级评价办法》',
  volunteer: '《关于对优秀青年志愿者实施守信联合激励的合作备忘录》(发改财金〔2016〕2012号)',
  marine: '《威海市海洋领域信用红黑名单管理办法》',
  haibei: '《威海市个人信用积分“海贝分”管理办法(试行)》',
  xinyi: '《关于开展“信易+”守信激励创新试点工作的通知》(发改办财金〔2019〕529号)',
  taxGrade: '《纳税信用管理办法》(国家税务总局公告2014年第40号)',
  constructionGrade: '《威海市建筑市场信用评价管理办法》',
} as const;

const DEPT = {
  court: '威海市中级人民法院',
  finance: '威海市财政局',
  exchange: '威海市公共资源交易中心',
  approval: '威海市行政审批服务局',
  hr: '威海市人力资源和社会保障局',
  tax: '国家税务总局威海市税务局',
  housing: '威海市住房和城乡建设局',
  emergency: '威海市应急管理局',
  youth: '共青团威海市委员会',
  marine: '威海市海洋发展局',
  market: '威海市市场监督管理局',
  ndrc: '威海市发展和改革委员会',
  culture: '威海市文化和旅游局',
  health: '威海市卫生健康委员会',
  financeOffice: '威海市地方金融监督管理局',
  civilisation: '威海市精神文明建设委员会办公室',
  union: '威海市总工会',
} as const;

function lists(...listTypes: string[]): MeasureTrigger {
  return { listTypes, industryGrades: [], haibeiGrades: [] };
}
function grades(field: string, ...values: string[]): MeasureTrigger {
  return { listTypes: [], industryGrades: [{ field, grades: values }], haibeiGrades: [] };
}
function haibei(...values: HaibeiGrade[]): MeasureTrigger {
  return { listTypes: [], industryGrades: [], haibeiGrades: values };
}

type MeasureSpec = Omit<Measure, 'suppressedBySeriousBlack' | 'targetsLegalRepresentative'> &
  Partial<Pick<Measure, 'suppressedBySeriousBlack' | 'targetsLegalRepresentative'>>;

function measure(spec: MeasureSpec): Measure {
  return {
    ...spec,
    // Incentives are withheld from subjects with an active serious black entry unless stated otherwise.
    suppressedBySeriousBlack: spec.suppressedBySeriousBlack ?? spec.polarity === 'INCENTIVE',
    targetsLegalRepresentative: spec.targetsLegalRepresentative ?? false,
  };
}

export const MEASURES: Measure[] = [
  // 失信被执行人
  measure({ code: 'P-COURT-PROC', polarity: 'PUNISHMENT', area: '政府采购', title: '限制参加政府采购活动', content: '失信被执行人参加政府采购活动的，依法予以限制。', legalBasis: BASIS.court, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.COURT) }),
  measure({ code: 'P-COURT-BID', polarity: 'PUNISHMENT', area: '招标投标', title: '限制参与工程建设项目招标投标', content: '在工程建设项目招标投标活动中，依法限制失信被执行人参与投标。', legalBasis: BASIS.court, department: DEPT.exchange, obligation: 'MUST', trigger: lists(LT.COURT) }),
  measure({ code: 'P-COURT-HONOUR', polarity: 'PUNISHMENT', area: '评先评优', title: '限制参评文明单位、道德模范、劳动模范等荣誉', content: '失信被执行人不得参加文明单位、道德模范、劳动模范等评选表彰，已获得的依程序撤销。', legalBasis: BASIS.court, department: DEPT.civilisation, obligation: 'MUST', trigger: lists(LT.COURT) }),
  measure({ code: 'P-COURT-FUND', polarity: 'PUNISHMENT', area: '财政资金', title: '限制申请政府补贴性资金和社会保障资金支持', content: '限制失信被执行人申请政府补贴性资金和社会保障资金支持。', legalBasis: BASIS.court, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.COURT) }),
  measure({ code: 'P-COURT-LEGALREP', polarity: 'PUNISHMENT', area: '政府采购', title: '法定代表人为失信被执行人的供应商依法限制', content: '供应商的法定代表人被列为失信被执行人的，在政府采购资格审查中依法予以限制。', legalBasis: BASIS.court, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.COURT), targetsLegalRepresentative: true }),
  measure({ code: 'P-COURT-PERMIT', polarity: 'PUNISHMENT', area: '行政许可', title: '行政许可中列为重点审查对象', content: '在办理行政许可过程中，将失信被执行人列为重点审查对象，不适用告知承诺制。', legalBasis: BASIS.court, department: DEPT.approval, obligation: 'MAY', trigger: lists(LT.COURT) }),
  measure({ code: 'P-COURT-HIRE', polarity: 'PUNISHMENT', area: '公共服务', title: '限制招录(聘)为公务员或事业单位工作人员', content: '失信被执行人不得招录(聘)为公务员或事业单位工作人员。', legalBasis: BASIS.court, department: DEPT.hr, obligation: 'MUST', trigger: lists(LT.COURT) }),
  // 重大税收违法失信主体
  measure({ code: 'P-TAX-PROC', polarity: 'PUNISHMENT', area: '政府采购', title: '依法限制参加政府采购活动', content: '重大税收违法失信主体在规定期限内依法限制参加政府采购活动。', legalBasis: BASIS.tax, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.TAX) }),
  measure({ code: 'P-TAX-FUND', polarity: 'PUNISHMENT', area: '财政资金', title: '限制享受财政资金支持', content: '对重大税收违法失信主体申请财政性资金项目依法予以限制。', legalBasis: BASIS.tax, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.TAX) }),
  measure({ code: 'P-TAX-HONOUR', polarity: 'PUNISHMENT', area: '评先评优', title: '不得参加评先评优', content: '重大税收违法失信主体及其相关责任人员不得参加评先评优。', legalBasis: BASIS.tax, department: DEPT.civilisation, obligation: 'MUST', trigger: lists(LT.TAX) }),
  measure({ code: 'P-TAXGRADE-D', polarity: 'PUNISHMENT', area: '行政许可', title: '纳税信用D级从严审核', content: '纳税信用D级纳税人办理行政许可事项时从严审核，不适用容缺受理。', legalBasis: BASIS.taxGrade, department: DEPT.approval, obligation: 'MAY', trigger: grades('TAX', 'D') }),
  // 政府采购严重违法失信名单
  measure({ code: 'P-PROC-BAN', polarity: 'PUNISHMENT', area: '政府采购', title: '一至三年内禁止参加政府采购活动', content: '列入政府采购严重违法失信名单的供应商，在一至三年内禁止参加政府采购活动。', legalBasis: BASIS.procurement, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.PROCUREMENT) }),
  measure({ code: 'P-PROC-BID', polarity: 'PUNISHMENT', area: '招标投标', title: '招标投标活动中依法限制', content: '在招标投标资格审查中对政府采购严重违法失信供应商依法予以限制。', legalBasis: BASIS.procurement, department: DEPT.exchange, obligation: 'MAY', trigger: lists(LT.PROCUREMENT) }),
  // 拖欠农民工工资
  measure({ code: 'P-WAGE-PROC', polarity: 'PUNISHMENT', area: '政府采购', title: '限制参加政府采购活动', content: '拖欠农民工工资失信联合惩戒对象在政府采购活动中依法予以限制。', legalBasis: BASIS.wage, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.WAGE) }),
  measure({ code: 'P-WAGE-BID', polarity: 'PUNISHMENT', area: '招标投标', title: '限制参与招标投标', content: '拖欠农民工工资失信联合惩戒对象在招标投标活动中依法予以限制。', legalBasis: BASIS.wage, department: DEPT.exchange, obligation: 'MUST', trigger: lists(LT.WAGE) }),
  measure({ code: 'P-WAGE-FUND', polarity: 'PUNISHMENT', area: '财政资金', title: '限制享受财政补贴', content: '限制拖欠农民工工资失信联合惩戒对象享受财政补贴。', legalBasis: BASIS.wage, department: DEPT.finance, obligation: 'MUST', trigger: lists(LT.WAGE) }),
  measure({ code: 'P-WAGE-HONOUR', polarity: 'PUNISHMENT', area: '评先评优', title: '限制参加评先评优', content: '拖欠农民工工资失信联合惩戒对象不得参加评先评优。', legalBasis: BASIS.wage, department: DEPT.civilisation, obligation: 'MUST', trigger: lists(LT.WAGE) }),
  // 住房城乡建设领域黑名单
  measure({ code: 'P-CONS-BID', polarity: 'PUNISHMENT', area: '招标投标', title: '限制参与房屋建筑和市政工程招标投标', content: '列入住房城乡建设领域黑名单的企业，在黑名单有效期内限制参与投标。', legalBasis: BASIS.construction, department: DEPT.exchange, obligation: 'MUST', trigger: lists(LT.CONSTRUCTION) }),
  measure({ code: 'P-CONS-PERMIT', polarity: 'PUNISHMENT', area: '行政许可', title: '施工许可重点监管', content: '对黑名单企业及建筑市场信用C级企业在施工许可中实施重点监管、增加检查频次。', legalBasis: BASIS.construction, department: DEPT.housing, obligation: 'MAY', trigger: { listTypes: [LT.CONSTRUCTION], industryGrades: [{ field: 'CONSTRUCTION', grades: ['C'] }], haibeiGrades: [] } }),
  measure({ code: 'P-CONSGRADE-C', polarity: 'PUNISHMENT', area: '招标投标', title: '建筑市场信用C级企业列为重点监管对象', content: '建筑市场信用C级企业参与投标的，评标中不得给予信用加分并列为重点监管对象。', legalBasis: BASIS.constructionGrade, department: DEPT.exchange, obligation: 'MAY', trigger: grades('CONSTRUCTION', 'C') }),
  // 社会保障领域黑名单
  measure({ code: 'P-SS-SUBSIDY', polarity: 'PUNISHMENT', area: '财政资金', title: '限制享受社会保险补贴', content: '社会保障领域严重失信主体在名单有效期内不得享受社会保险补贴、就业创业补贴。', legalBasis: BASIS.socialSecurity, department: DEPT.hr, obligation: 'MUST', trigger: lists(LT.SOCIAL_SECURITY) }),
  measure({ code: 'P-SS-HONOUR', polarity: 'PUNISHMENT', area: '评先评优', title: '评先评优中予以限制', content: '社会保障领域严重失信主体在评先评优中予以限制。', legalBasis: BASIS.socialSecurity, department: DEPT.civilisation, obligation: 'MAY', trigger: lists(LT.SOCIAL_SECURITY) }),
  // 安全生产
  measure({ code: 'P-SAFETY-PERMIT', polarity: 'PUNISHMENT', area: '行政许可', title: '行政许可从严审核', content: '安全生产失信主体申请行政许可时从严审核，不适用告知承诺制。', legalBasis: BASIS.safety, department: DEPT.emergency, obligation: 'MUST', trigger: lists(LT.SAFETY) }),
  measure({ code: 'P-SAFETY-FUND', polarity: 'PUNISHMENT', area: '财政资金', title: '限制申请财政性资金支持', content: '限制安全生产失信主体申请财政性资金项目支持。', legalBasis: BASIS.safety, department: DEPT.finance, obligation: 'MAY', trigger: lists(LT.SAFETY) }),
  // 海贝分
  measure({ code: 'P-HAIBEI-D', polarity: 'PUNISHMENT', area: '公共服务', title: '海贝分D级诚信警示', content: '海贝分D级人员办理公共服务事项时予以诚信警示，从严审核申请材料。', legalBasis: BASIS.haibei, department: DEPT.ndrc, obligation: 'MAY', trigger: haibei('D') }),
  // 激励
  measure({ code: 'I-TAXA-GREEN', polarity: 'INCENTIVE', area: '行政许可', title: '绿色通道、容缺受理', content: '对A级纳税人办理行政许可事项开通绿色通道，实施容缺受理。', legalBasis: BASIS.taxA, department: DEPT.approval, obligation: 'MAY', trigger: lists(LT.TAX_A) }),
  measure({ code: 'I-TAXA-PROC', polarity: 'INCENTIVE', area: '政府采购', title: '政府采购中简化资格审查', content: 'A级纳税人参加政府采购活动的，简化资格审查材料，评审中可给予信用加分。', legalBasis: BASIS.taxA, department: DEPT.finance, obligation: 'MAY', trigger: lists(LT.TAX_A) }),
  measure({ code: 'I-TAXGRADE-A', polarity: 'INCENTIVE', area: '财政资金', title: '纳税信用A级优先支持财政资金项目', content: '纳税信用A级企业申报财政专项资金的，同等条件下优先支持。', legalBasis: BASIS.taxGrade, department: DEPT.finance, obligation: 'MAY', trigger: grades('TAX', 'A') }),
  measure({ code: 'I-CONTRACT-BID', polarity: 'INCENTIVE', area: '招标投标', title: '招标投标中给予信用加分', content: '“守合同重信用”企业参与投标的，评标中可给予信用加分。', legalBasis: BASIS.contract, department: DEPT.exchange, obligation: 'MAY', trigger: lists(LT.CONTRACT) }),
  measure({ code: 'I-LABOUR-RED', polarity: 'INCENTIVE', area: '评先评优', title: '优先推荐评先评优、减少日常检查', content: '劳动保障红名单单位在评先评优中优先推荐，减少劳动保障日常检查频次。', legalBasis: BASIS.labourRed, department: DEPT.hr, obligation: 'MAY', trigger: lists(LT.LABOUR_RED) }),
  measure({ code: 'I-VOLUNTEER-HONOUR', polarity: 'INCENTIVE', area: '评先评优', title: '评先评优同等条件下优先', content: '优秀青年志愿者在评先评优中同等条件下优先考虑。', legalBasis: BASIS.volunteer, department: DEPT.youth, obligation: 'MAY', trigger: lists(LT.VOLUNTEER) }),
  measure({ code: 'I-VOLUNTEER-SERVICE', polarity: 'INCENTIVE', area: '公共服务', title: '公共服务便利与优惠', content: '优秀青年志愿者享受景区门票、公共文化设施等优惠和便利服务。', legalBasis: BASIS.volunteer, department: DEPT.culture, obligation: 'MAY', trigger: lists(LT.VOLUNTEER) }),
  measure({ code: 'I-MARINE-PRIORITY', polarity: 'INCENTIVE', area: '行政许可', title: '海域使用审批优先办理', content: '信用海洋红名单主体申请海域使用审批的，优先受理、优先办理。', legalBasis: BASIS.marine, department: DEPT.marine, obligation: 'MAY', trigger: lists(LT.MARINE) }),
  measure({ code: 'I-XINYIDAI', polarity: 'INCENTIVE', area: '公共服务', title: '信易贷', content: '海贝分AAA、AA级人员申请“信易贷”信用贷款的，享受利率优惠、免担保。', legalBasis: BASIS.xinyi, department: DEPT.financeOffice, obligation: 'MAY', trigger: haibei('AAA', 'AA') }),
  measure({ code: 'I-XINYIYOU', polarity: 'INCENTIVE', area: '公共服务', title: '信易游', content: '海贝分AAA、AA级人员游览市内国有景区享受门票优惠。', legalBasis: BASIS.xinyi, department: DEPT.culture, obligation: 'MAY', trigger: haibei('AAA', 'AA') }),
  measure({ code: 'I-XINYIYI', polarity: 'INCENTIVE', area: '公共服务', title: '信易医', content: '海贝分AAA、AA级人员在市级公立医院享受“先诊疗后付费”。', legalBasis: BASIS.xinyi, department: DEPT.health, obligation: 'MAY', trigger: haibei('AAA', 'AA') }),
  measure({ code: 'I-XINYIZU', polarity: 'INCENTIVE', area: '公共服务', title: '信易租', content: '海贝分AAA、AA级人员申请人才公寓、公共租赁住房的，减免押金。', legalBasis: BASIS.xinyi, department: DEPT.housing, obligation: 'MAY', trigger: haibei('AAA', 'AA') }),
  measure({ code: 'I-XINYIXING', polarity: 'INCENTIVE', area: '公共服务', title: '信易行', content: '海贝分AAA、AA级人员使用公共自行车免押金。', legalBasis: BASIS.xinyi, department: DEPT.ndrc, obligation: 'MAY', trigger: haibei('AAA', 'AA'), suppressedBySeriousBlack: false }),
  measure({ code: 'I-CONSGRADE-AAA', polarity: 'INCENTIVE', area: '招标投标', title: '减免投标保证金', content: '建筑市场信用AAA级企业参与投标的，可减免投标保证金。', legalBasis: BASIS.constructionGrade, department: DEPT.exchange, obligation: 'MAY', trigger: grades('CONSTRUCTION', 'AAA') }),
  measure({ code: 'I-HAIBEI-HONOUR', polarity: 'INCENTIVE', area: '评先评优', title: '海贝分AAA评先评优优先', content: '海贝分AAA级人员在评先评优中同等条件下优先。', legalBasis: BASIS.haibei, department: DEPT.civilisation, obligation: 'MAY', trigger: haibei('AAA') }),
];

function matter(m: Omit<Matter, 'checkMandatory'> & { checkMandatory?: boolean }): Matter {
  return { ...m, checkMandatory: m.checkMandatory ?? true };
}

const ORGS = ['ENTERPRISE', 'INDIVIDUAL_BUSINESS', 'INSTITUTION'] as const;

export const MATTERS: Matter[] = [
  matter({ code: 'XK-SPJY', name: '食品经营许可', area: '行政许可', department: DEPT.approval, subjectKinds: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'], measures: ['P-COURT-PERMIT', 'P-TAXGRADE-D', 'P-SAFETY-PERMIT', 'I-TAXA-GREEN'], visibleListTypes: [LT.COURT, LT.TAX, LT.SAFETY, LT.TAX_A] }),
  matter({ code: 'XK-JZSG', name: '建筑工程施工许可', area: '行政许可', department: DEPT.approval, subjectKinds: ['ENTERPRISE'], measures: ['P-COURT-PERMIT', 'P-CONS-PERMIT', 'P-SAFETY-PERMIT', 'I-TAXA-GREEN'], visibleListTypes: [LT.COURT, LT.CONSTRUCTION, LT.SAFETY, LT.WAGE, LT.TAX_A] }),
  matter({ code: 'XK-DLYS', name: '道路运输经营许可', area: '行政许可', department: DEPT.approval, subjectKinds: ['ENTERPRISE', 'INDIVIDUAL_BUSINESS'], measures: ['P-COURT-PERMIT', 'P-SAFETY-PERMIT', 'P-TAXGRADE-D', 'I-TAXA-GREEN'], visibleListTypes: [LT.COURT, LT.SAFETY, LT.TAX, LT.TAX_A] }),
  matter({ code: 'XK-HYSY', name: '海域使用权审批', area: '行政许可', department: DEPT.marine, subjectKinds: ['ENTERPRISE', 'INSTITUTION'], measures: ['P-SAFETY-PERMIT', 'I-MARINE-PRIORITY', 'I-TAXA-GREEN'], visibleListTypes: [LT.SAFETY, LT.MARINE, LT.TAX_A] }),
  matter({ code: 'XK-RLZY', name: '人力资源服务许可', area: '行政许可', department: DEPT.approval, subjectKinds: ['ENTERPRISE'], measures: ['P-COURT-PERMIT', 'I-LABOUR-RED'], visibleListTypes: [LT.COURT, LT.WAGE, LT.SOCIAL_SECURITY, LT.LABOUR_RED], checkMandatory: false }),
  matter({ code: 'CG-GYS', name: '政府采购供应商资格审查', area: '政府采购', department: DEPT.finance, subjectKinds: [...ORGS], measures: ['P-COURT-PROC', 'P-COURT-LEGALREP', 'P-TAX-PROC', 'P-PROC-BAN', 'P-WAGE-PROC', 'I-TAXA-PROC'], visibleListTypes: [LT.COURT, LT.TAX, LT.PROCUREMENT, LT.WAGE, LT.TAX_A] }),
  matter({ code: 'CG-HT', name: '政府采购合同签订', area: '政府采购', department: DEPT.finance, subjectKinds: [...ORGS], measures: ['P-COURT-PROC', 'P-TAX-PROC', 'P-PROC-BAN', 'P-WAGE-PROC'], visibleListTypes: [LT.COURT, LT.TAX, LT.PROCUREMENT, LT.WAGE] }),
  matter({ code: 'ZB-ZGSC', name: '工程建设项目招标投标资格审查', area: '招标投标', department: DEPT.exchange, subjectKinds: ['ENTERPRISE'], measures: ['P-COURT-BID', 'P-PROC-BID', 'P-WAGE-BID', 'P-CONS-BID', 'P-CONSGRADE-C', 'I-CONTRACT-BID', 'I-CONSGRADE-AAA'], visibleListTypes: [LT.COURT, LT.PROCUREMENT, LT.WAGE, LT.CONSTRUCTION, LT.CONTRACT] }),
  matter({ code: 'ZB-PB', name: '政府投资项目评标', area: '招标投标', department: DEPT.exchange, subjectKinds: ['ENTERPRISE'], measures: ['P-COURT-BID', 'P-WAGE-BID', 'P-CONS-BID', 'I-CONTRACT-BID'], visibleListTypes: [LT.COURT, LT.WAGE, LT.CONSTRUCTION, LT.CONTRACT] }),
  matter({ code: 'PX-WMDW', name: '文明单位评选', area: '评先评优', department: DEPT.civilisation, subjectKinds: ['ENTERPRISE', 'INSTITUTION'], measures: ['P-COURT-HONOUR', 'P-TAX-HONOUR', 'P-WAGE-HONOUR', 'I-LABOUR-RED'], visibleListTypes: [LT.COURT, LT.TAX, LT.WAGE, LT.SAFETY, LT.LABOUR_RED] }),
  matter({ code: 'PX-MF', name: '劳动模范、道德模范评选', area: '评先评优', department: DEPT.union, subjectKinds: ['PERSON'], measures: ['P-COURT-HONOUR', 'P-TAX-HONOUR', 'P-SS-HONOUR', 'I-VOLUNTEER-HONOUR', 'I-HAIBEI-HONOUR'], visibleListTypes: [LT.COURT, LT.TAX, LT.SOCIAL_SECURITY, LT.VOLUNTEER] }),
  matter({ code: 'PX-ZYZ', name: '优秀志愿者表彰', area: '评先评优', department: DEPT.youth, subjectKinds: ['PERSON'], measures: ['P-COURT-HONOUR', 'I-VOLUNTEER-HONOUR', 'I-HAIBEI-HONOUR'], visibleListTypes: [LT.COURT, LT.VOLUNTEER], checkMandatory: false }),
  matter({ code: 'CZ-ZXZJ', name: '财政专项资金申报', area: '财政资金', department: DEPT.finance, subjectKinds: ['ENTERPRISE', 'INSTITUTION'], measures: ['P-COURT-FUND', 'P-TAX-FUND', 'P-WAGE-FUND', 'P-SAFETY-FUND', 'I-TAXGRADE-A'], visibleListTypes: [LT.COURT, LT.TAX, LT.WAGE, LT.SAFETY, LT.TAX_A] }),
  matter({ code: 'CZ-JYBT', name: '就业创业补贴申领', area: '财政资金', department: DEPT.hr, subjectKinds: ['PERSON', 'INDIVIDUAL_BUSINESS'], measures: ['P-COURT-FUND', 'P-SS-SUBSIDY'], visibleListTypes: [LT.COURT, LT.SOCIAL_SECURITY] }),
  matter({ code: 'CZ-SBBT', name: '社会保险补贴申领', area: '财政资金', department: DEPT.hr, subjectKinds: ['PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS'], measures: ['P-COURT-FUND', 'P-SS-SUBSIDY', 'P-WAGE-FUND'], visibleListTypes: [LT.COURT, LT.SOCIAL_SECURITY, LT.WAGE] }),
  matter({ code: 'GG-RCGY', name: '人才公寓申请', area: '公共服务', department: DEPT.housing, subjectKinds: ['PERSON'], measures: ['P-COURT-FUND', 'P-HAIBEI-D', 'I-XINYIZU'], visibleListTypes: [LT.COURT, LT.SOCIAL_SECURITY] }),
  matter({ code: 'GG-XYD', name: '信易贷融资对接', area: '公共服务', department: DEPT.financeOffice, subjectKinds: ['PERSON', 'ENTERPRISE', 'INDIVIDUAL_BUSINESS'], measures: ['I-XINYIDAI', 'P-HAIBEI-D'], visibleListTypes: [LT.COURT, LT.TAX, LT.TAX_A, LT.CONTRACT], checkMandatory: false }),
  matter({ code: 'GG-XYY', name: '信易游景区优惠', area: '公共服务', department: DEPT.culture, subjectKinds: ['PERSON'], measures: ['I-XINYIYOU', 'I-XINYIXING', 'I-VOLUNTEER-SERVICE'], visibleListTypes: [LT.COURT, LT.VOLUNTEER], checkMandatory: false }),
  matter({ code: 'GG-XYYI', name: '信易医先诊疗后付费', area: '公共服务', department: DEPT.health, subjectKinds: ['PERSON'], measures: ['I-XINYIYI', 'P-HAIBEI-D'], visibleListTypes: [LT.COURT], checkMandatory: false }),
  matter({ code: 'GG-ZPZS', name: '事业单位公开招聘政审', area: '公共服务', department: DEPT.hr, subjectKinds: ['PERSON'], measures: ['P-COURT-HIRE', 'P-TAX-HONOUR', 'P-HAIBEI-D'], visibleListTypes: [LT.COURT, LT.TAX, LT.SOCIAL_SECURITY] }),
];

export function buildCatalogue(): Catalogue {
  return { version: CATALOGUE_VERSION, fields: FIELDS, listTypes: LIST_TYPES, measures: MEASURES, matters: MATTERS };
}
