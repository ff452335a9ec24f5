/**
 * The one catalogue of every string the clerk sees (zh-CN). Plain strings and small functions for
 * interpolation; `Messages` (in ./index) is the widened shape an English catalogue must satisfy.
 */
import { FEEDBACK_REFUSAL_ZH } from '../../../shared/contract';
import { REENROL_ADVICE } from '../../../shared/ipc/channels';

/** The data a failure's code is worded with. */
export type ErrorParams = Record<string, string | number>;

const zhDecision: Record<string, string> = {
  APPLIED: '已实施',
  NOT_APPLIED: '未实施',
  OTHER_MEASURE: '采取其他措施',
  DEFERRED: '暂缓决定',
};

/** Why a call needs an online login, by the `action` it was for (none: sync). */
function zhLoginRequired(action: unknown): string {
  switch (action) {
    case 'import':
      return '导入需要联网登录信用平台，请先联网登录';
    case 'platform_events':
      return '平台审计事件需联网登录后查看';
    case 'supervision':
      return '督查看板和终端运维需要联网登录信用平台后查看';
    default:
      return '需要联网登录后才能同步；未上传的记录已保存在本机，登录后继续上传';
  }
}

/** A refused record the platform gave no words for. */
const ZH_REFUSED_NO_REASON = '信用平台拒绝了该记录';

const zhMutationKinds: Record<string, string> = {
  check: '核查记录',
  feedback: '措施反馈',
  commitment: '信用承诺',
  audit: '审计记录',
};

const zhAuditActions: Record<string, string> = {
  LOGIN: '登录',
  LOGOUT: '退出登录',
  OFFLINE_UNLOCK: '离线登录',
  LOCK: '锁定',
  LOOKUP: '查询',
  LOOKUP_REFUSED: '拒绝查询',
  NAME_SEARCH: '按名称查询',
  UNMASK: '显示完整证件号码',
  PRINT: '打印核查单',
  FEEDBACK: '措施反馈',
  COMMITMENT: '信用承诺',
  CONFIG_CHANGE: '配置变更',
  ENROL: '终端注册',
  JOURNAL_EXPORT: '导出终端记录',
  DEAD_LETTER_RESUBMIT: '重新提交被拒记录',
};

/** What a refused record is about (the sync service's summary: codes and the record's own fields). */
export interface RefusedRecordSummary {
  kind: string;
  matterCode?: string;
  caseNo?: string;
  subjectName?: string;
  measureCode?: string;
  decision?: string;
  commitmentKind?: string;
  action?: string;
  chainSeq?: number;
}

/** "措施反馈：事项 M1，措施 P1（未实施）": a refused record a clerk can recognise, without a clear identifier. */
function zhRefusedRecord(d: RefusedRecordSummary): string {
  const label = zhMutationKinds[d.kind] ?? d.kind;
  const known = (value: string | undefined) => value ?? '?';
  const labelled = (labels: Record<string, string>, code: string | undefined) => (code === undefined ? '?' : (labels[code] ?? code));
  switch (d.kind) {
    case 'check':
      return `${label}：事项 ${known(d.matterCode)}，办件编号 ${known(d.caseNo)}，${d.subjectName ?? ''}`;
    case 'feedback':
      return `${label}：事项 ${known(d.matterCode)}，措施 ${known(d.measureCode)}（${labelled(zhDecision, d.decision)}）`;
    case 'commitment':
      return `${label}：事项 ${known(d.matterCode)}，办件编号 ${known(d.caseNo)}，${d.commitmentKind ?? ''}`;
    case 'audit':
      return `${label}：${labelled(zhAuditActions, d.action)}（第 ${(d.chainSeq ?? 0) + 1} 条）`;
    default:
      return label;
  }
}

/** Why an offline answer was given (the `reason` of the offline_answer notice). */
const zhOfflineReason: Record<string, string> = {
  login_expired: '登录已过期',
  offline_session: '当前为离线登录',
  unreachable: '信用平台暂时无法连接',
};

/** How old the cached data is, as the offline notice says it ("更新于 5 分钟前"). */
function zhAge(seconds: number): string {
  if (seconds < 120) return '刚刚';
  if (seconds < 2 * 3600) return ` ${Math.round(seconds / 60)} 分钟前`;
  if (seconds < 2 * 86_400) return ` ${Math.round(seconds / 3600)} 小时前`;
  return ` ${Math.round(seconds / 86_400)} 天前`;
}

export const zhCN = {
  app: {
    title: '信用核查窗口端',
    subtitle: '威海市公共信用信息平台 · 联合奖惩',
    booting: '正在启动…',
    bootFailed: '启动失败',
    retry: '重试',
    nav: {
      check: '信用核查',
      verify: '核验核查单',
      supervisor: '督查',
      settings: '设置',
      lock: '锁定',
      logout: '退出登录',
    },
    modeOnline: '在线登录',
    modeOffline: '离线登录',
    modeOnlineDisconnected: '网络中断',
    modeOnlineDisconnectedHint: '已在线登录，但现在连不上信用平台：查询使用本机缓存数据，记录保存在本机，网络恢复后自动发送',
    modeOfflineHint: '当前为离线登录（平台不可达或平台登录已过期）：查询使用本机缓存数据，记录保存在本机，联网登录后自动发送',
    terminal: (name: string) => `终端：${name}`,
    operator: (name: string, id: string) => `${name}（${id}）`,
    logoutConfirm: '确定退出登录吗？',
    ok: '确定',
    cancel: '取消',
    close: '关闭',
    back: '返回',
    unexpected: (detail: string) => `发生意外错误：${detail}`,
  },
  reconnect: {
    button: '联网登录',
    title: '重新联网登录信用平台',
    intro: (name: string, id: string) =>
      `当前为离线登录（平台登录已过期或此前无法连接）。${name}（${id}）输入密码即可重新联网登录，当前核查不受影响，待发送的记录随后自动上传。`,
    password: '密码',
    submit: '登录',
    passwordRequired: '请输入密码',
  },
  shortcuts: {
    title: '快捷键',
    newLookup: 'F2 新查询',
    submitFeedback: 'Ctrl+Enter 提交反馈',
    print: 'Ctrl+P 打印核查单',
    syncPanel: 'F9 同步详情',
  },
  start: {
    step1: '选择办理事项',
    step1Desc: '按名称、拼音首字母或编码搜索',
    step2: '填写办件编号',
    step2Desc: '查询须有事由',
    step3: '查询对象',
    step3Desc: '刷身份证、输入号码或名称',
    step4: '反馈并打印',
    step4Desc: '记录措施实施情况，打印核查单',
  },
  enrol: {
    title: '终端注册',
    intro: '首次使用前，需由信息技术人员将本终端注册到信用平台。注册只需进行一次。',
    reenrolIntro:
      '重新注册会以新的终端身份接替当前身份（信用平台记录这次交接并审计）。本机未上传的记录随后以原终端身份和序号上传，不会丢失。',
    handOver: (name: string, id: string) => `本机当前注册为“${name}”（${id}）。新注册将接替它，本机未上传的记录随后以原终端身份上传。`,
    backToLogin: '返回登录',
    confirmTitle: '信息技术管理员确认接替',
    confirmHelp:
      '本机仍能读取原终端密钥时可不填（平台凭密钥确认是同一台电脑）。密钥无法读取、平台已无原终端记录，或平台提示原终端已被接替时，须由信息技术管理员输入本人工号和密码确认，平台记录确认人。',
    confirmOperatorId: '管理员工号',
    confirmPassword: '管理员密码',
    confirmIncomplete: '请同时填写管理员工号和密码，或都不填',
    platformUrl: '平台地址',
    platformUrlPlaceholder: '例如 https://credit.weihai.gov.cn',
    platformUrlManaged: '平台地址由管理员统一配置，不可修改',
    platformUrlRequired: '请填写平台地址',
    platformUrlInvalid: '平台地址应以 http:// 或 https:// 开头',
    enrolmentCode: '注册码',
    enrolmentCodePlaceholder: '由平台管理员提供',
    enrolmentCodeRequired: '请填写注册码',
    terminalName: '终端名称',
    terminalNamePlaceholder: '例如 市民中心三楼 12 号窗口',
    terminalNameRequired: '请填写终端名称',
    terminalNameTooLong: '终端名称不能超过 64 个字',
    submit: '注册终端',
    submitting: '正在注册…',
    itOnly: '此页面供信息技术人员使用',
  },
  login: {
    title: '操作员登录',
    operatorId: '工号',
    operatorIdPlaceholder: '请输入工号',
    operatorIdRequired: '请输入工号',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    submit: '登录',
    submitting: '正在登录…',
    offlineNote: '平台不可达时，最近在本终端登录过的操作员可在规定时限内离线登录。',
    reenrol: '重新注册本终端（IT）',
  },
  lock: {
    title: '终端已锁定',
    reason: (minutes: number) => `${minutes} 分钟无操作，已自动锁定`,
    manual: '已手动锁定，请输入密码解锁',
    operator: (name: string, id: string) => `当前操作员：${name}（${id}）`,
    password: '密码',
    passwordRequired: '请输入密码',
    unlock: '解锁',
    unlocking: '正在解锁…',
    switchOperator: '切换操作员（退出登录）',
  },
  purpose: {
    title: '查询事由',
    matter: '办理事项',
    matterPlaceholder: '按事项名称、拼音首字母或编码搜索',
    matterNoMatch: '没有匹配的事项',
    caseNo: '办件编号',
    caseNoPlaceholder: '请输入办件编号',
    caseNoExample: (example: string) => `请输入办件编号，如 ${example}`,
    required: '先选择办理事项并填写办件编号，才能查询（查询须有事由）',
    catalogueLoading: '正在加载事项目录…',
    catalogueMissing: '本机尚无事项目录，请连接网络后同步',
    catalogueReload: '重新加载',
    matterInfo: (department: string, code: string) => `${department} · 事项编码 ${code}`,
    mandatory: '须核查',
    optional: '可核查',
    subjectKinds: (kinds: string) => `服务对象：${kinds}`,
  },
  lookup: {
    title: '查询对象',
    label: '证件号码 / 统一社会信用代码 / 名称',
    placeholder: '刷身份证、输入18位身份证号或统一社会信用代码，或输入姓名、单位名称',
    submit: '查询',
    searching: '正在查询…',
    disabledHint: '请先填写查询事由',
    typingHint: '可直接刷身份证或输入号码，按 Enter 查询',
    nameMode: '将按名称查询，按 Enter 搜索',
    nameTooShort: '名称至少输入 2 个汉字',
    initialsMode: (initials: string) => `将按拼音首字母 ${initials} 查找名称，按 Enter 搜索`,
    initialsTooShort: '拼音首字母至少输入 3 个',
    parsed: {
      RESIDENT_ID: '居民身份证号',
      USCC: '统一社会信用代码',
      ORG_CODE: '组织机构代码',
    } as Record<'RESIDENT_ID' | 'USCC' | 'ORG_CODE', string>,
    valid: (type: string, masked: string) => `${type} ${masked} 格式正确，按 Enter 查询`,
    legacyValid: (masked: string) => `15位旧身份证号 ${masked}，将同时按升级后的18位号码查询`,
    candidatesTitle: (n: number) => `找到 ${n} 个同名或相近的对象，请选择（↑↓ 选择，Enter 确认，Esc 返回输入框）`,
    candidatesTitleCut: (n: number) => `仅显示前 ${n} 个，请输入更完整的姓名或加上其他信息缩小范围（↑↓ 选择，Enter 确认，Esc 返回输入框）`,
    noCandidates: '没有找到该名称的对象，请改用证件号码查询',
    candidateEntries: (n: number) => (n > 0 ? `${n} 条记录` : '无记录'),
    newLookup: '新查询（F2）',
  },
  result: {
    bannerBlack: '失信：存在失信记录',
    bannerRed: '守信：列入守信红名单',
    bannerBoth: '同时存在失信记录和守信记录',
    bannerWarning: '请注意：存在需关注的信用信息',
    bannerClean: '未发现相关信用记录',
    bannerBlackSub: (must: number, may: number) => `本事项应当实施 ${must} 项、可以实施 ${may} 项措施`,
    bannerRedSub: (n: number) => `本事项可适用 ${n} 项守信激励措施`,
    bannerCleanSub: '在本事项可查看的名单范围内没有有效记录',
    measuresCount: (must: number, may: number) => `应当 ${must} 项 · 可以 ${may} 项`,
    subject: '核查对象',
    name: '名称',
    identifier: '证件号码',
    kind: '主体类型',
    legalRepresentative: '法定代表人',
    unmask: '查看完整号码',
    unmasked: '已显示完整号码（已记录审计）',
    remask: '隐藏',
    source: '数据来源',
    sourceOnline: '在线',
    sourceOffline: '离线缓存',
    sourceOfflineProfile: '离线缓存（本机此前的在线查询结果）',
    dataVersion: '数据版本',
    dataAge: '数据时效',
    dataAgeUnknown: '未知',
    stale: (hours: number) => `数据已超过 ${hours} 小时未更新，结果可能不是最新，请尽快同步`,
    staleShort: (hours: number) => `（已超过 ${hours} 小时未更新）`,
    checkedAt: '核查时间',
    matchedByOrgCode: '经组织机构代码匹配',
    matchedByLegacy: '经15位旧身份证号匹配',
    entries: '名单记录',
    entriesNone: '本事项可查看的名单中没有有效记录',
    showHistory: '显示历史记录',
    historyHidden: (n: number) => `另有 ${n} 条历史记录（已过期、已修复、已移出或已撤销）已隐藏`,
    entry: {
      listType: '名单',
      polarity: '性质',
      field: '领域',
      reason: '列入原因',
      listedOn: '列入日期',
      validUntil: '有效期至',
      openEnded: '长期',
      authority: '认定部门',
      documentNo: '文号',
      amount: '金额',
      status: '状态',
      effective: '当前效力',
      identifier: '公布的证件号码',
      none: '—',
      triggers: '触发本事项措施',
      noTrigger: '不触发措施',
      viaRep: '法定代表人的记录',
    },
    grades: '行业信用等级',
    gradesNone: '无行业信用等级',
    grade: {
      field: '领域',
      grade: '等级',
      ratedOn: '评定日期',
      validUntil: '有效期至',
      authority: '评定部门',
    },
    haibei: '海贝分',
    haibeiNone: '无海贝分信息',
    haibeiBase: (base: number) => `基础分 ${base}`,
    haibeiRules: (v: string) => `评分规则版本 ${v}`,
    haibeiUpdated: '更新时间',
    haibeiBreakdown: '分项',
    haibeiRecent: '近期记录',
    haibeiRecentNone: '无近期记录',
    haibeiRecord: { date: '日期', category: '类别', description: '事由', points: '分值' },
    commitments: '信用承诺',
    commitmentsNone: '无信用承诺记录',
    notAsked: (parts: string) => `本事项不查看${parts}（查询目的限定）`,
    commitment: {
      kind: '类型',
      text: '内容',
      madeOn: '承诺日期',
      dueOn: '履约期限',
      matter: '事项',
      status: '状态',
    },
    repairs: '信用修复',
    repairsNone: '无信用修复记录',
    repair: {
      listType: '名单',
      repairedOn: '修复日期',
      authority: '修复部门',
      documentNo: '文号',
      method: '修复方式',
    },
    warnings: '提示',
    noRecords: '平台及本机缓存中没有该对象的信用记录',
    printSlip: '核查单（Ctrl+P）',
  },
  unmask: {
    title: '查看完整证件号码',
    intro: '完整号码属于个人信息，查看将记录审计。请说明查看原因。',
    reason: '查看原因',
    reasonPlaceholder: '例如：与申请人核对证件原件',
    reasonRequired: '请填写查看原因，原因不能为空',
    submit: '查看',
  },
  measures: {
    title: '本事项奖惩措施',
    must: '应当实施',
    may: '可以实施',
    suppressed: '暂停适用的激励措施',
    none: '本事项没有需要实施的奖惩措施',
    noneNote: '无需反馈',
    incentive: '激励',
    punishment: '惩戒',
    obligationMust: '应当',
    obligationMay: '可以',
    content: '措施内容',
    legalBasis: '依据',
    department: '实施部门',
    triggeredBy: '触发依据',
    triggerEntry: (listType: string, doc: string) => (doc ? `名单：${listType}（${doc}）` : `名单：${listType}`),
    triggerViaRep: '（法定代表人）',
    triggerGrade: (field: string, grade: string) => `行业信用等级：${field} ${grade} 级`,
    triggerHaibei: (score: number, grade: string) => `海贝分 ${score}（${grade}）`,
    decision: '实施情况',
    applied: '已实施',
    notApplied: '未实施',
    other: '采取其他措施',
    reason: '未实施原因',
    reasonPlaceholder: '必填：说明未实施的原因',
    reasonCode: '原因类别',
    reasonCodePlaceholder: '选择原因类别，将填入下方原因',
    otherContent: '措施内容',
    otherContentPlaceholder: '采取了什么措施',
    otherResult: '实施结果',
    otherResultPlaceholder: '实施结果如何',
    submit: '提交反馈（Ctrl+Enter）',
    submitting: '正在提交…',
    /** Why a measure's feedback is refused, by the shared feedback rule's code. */
    refusal: FEEDBACK_REFUSAL_ZH,
    sent: '反馈已发送到平台',
    queued: '反馈已进入待发送队列，网络恢复后自动发送',
    readOnly: '反馈已提交，不可修改',
    submittedAt: (time: string) => `提交时间：${time}`,
    notSubmitted: '尚未反馈',
  },
  leave: {
    title: '应当实施的措施尚未反馈',
    intro: (n: number) =>
      `本次核查有 ${n} 项“应当实施”的措施还没有提交反馈。请返回作出决定；确需暂时离开（如申请人补交材料），请填写暂缓原因，系统将记录为“暂缓决定”，下次登录时会继续提示，直到作出最终决定。`,
    reason: '暂缓原因',
    reasonPlaceholder: '必填：说明为什么现在不能作出决定',
    reasonRequired: '请填写暂缓原因',
    back: '返回填写决定',
    defer: '记录暂缓并离开',
  },
  openMeasures: {
    title: (n: number) => `待作出最终决定的应当实施措施（${n}）`,
    intro: '以下措施属于“应当实施”，之前的核查中尚未作出最终决定。请逐项提交实施情况。',
    undecided: '离开时未作决定（如窗口关闭、锁屏或异常退出）',
    deferred: (reason: string, at: string) => `已于 ${at} 暂缓：${reason}`,
    checkedAt: (time: string) => `核查时间 ${time}`,
    submit: '提交最终决定',
  },
  commitment: {
    title: '信用承诺',
    intro: '为本事项中的申请人记录一份信用承诺。',
    add: '记录信用承诺',
    kind: '承诺类型',
    kindRequired: '请选择承诺类型',
    text: '承诺内容',
    textRequired: '请填写承诺内容',
    dueOn: '履约期限',
    dueOnNone: '不设期限',
    submit: '保存承诺',
    submitting: '正在保存…',
    sent: '信用承诺已发送到平台',
    queued: '信用承诺已进入待发送队列，网络恢复后自动发送',
    recorded: (n: number) => `本次已记录 ${n} 份承诺`,
    noneEligible: '该主体不能作出本系统所列的任何信用承诺',
    barred: '以下承诺类型不向该主体开放',
    templates: [
      {
        kind: '审批替代型承诺',
        text: '本人（本单位）承诺：已知晓该事项的审批条件和要求，所提交的材料真实、合法、有效，符合办理条件。如有虚假或不符，自愿承担相应法律责任，接受撤销审批决定等处理，并同意将失信行为记入信用档案。',
      },
      {
        kind: '容缺受理型承诺',
        text: '本人（本单位）承诺：在规定期限内补齐所缺材料，补交材料与已提交材料内容一致。逾期未补齐的，自愿承担办理终止的后果，并同意将违诺情况记入信用档案。',
      },
      {
        kind: '信用修复型承诺',
        text: '本人（本单位）承诺：已纠正失信行为、消除不良影响，今后严格遵守法律法规和行业规范，诚信经营。如再次发生失信行为，自愿接受从重惩戒。',
      },
      {
        kind: '行业自律型承诺',
        text: '本人（本单位）承诺：遵守行业规范和自律公约，依法诚信经营，自觉接受政府、行业组织和社会公众的监督。如有违反，自愿承担相应责任。',
      },
    ] as ReadonlyArray<{ kind: string; text: string }>,
  },
  slip: {
    reference: '核验码',
    signatureNote: '本单由本终端签名，并以平台签名的名单数据版本为据：扫描二维码或输入核验码即可核验。',
    signing: '正在签署核查单……',
    title: '信用核查单',
    print: '打印（Ctrl+P）',
    pdf: '保存为 PDF',
    printing: '正在打印…',
    printed: '已发送打印',
    savedPdf: (path: string) => `已保存为 PDF：${path}`,
    printFailed: (message: string) => `打印失败：${message}`,
    back: '返回核查结果',
    noCheck: '请先完成一次查询，再打印核查单',
    matter: '办理事项',
    caseNo: '办件编号',
    subject: '核查对象',
    identifier: '证件号码',
    kind: '主体类型',
    result: '核查结果',
    entries: '有效名单记录',
    entriesNone: '无',
    measures: '奖惩措施及实施情况',
    measure: '措施',
    obligation: '类别',
    decision: '实施情况',
    remark: '原因/说明',
    measuresNone: '本事项无需实施奖惩措施',
    suppressed: '暂停适用',
    commitments: '信用承诺',
    source: '数据来源',
    dataVersion: '数据版本',
    dataAge: '数据时效',
    operator: '核查人',
    terminal: '核查终端',
    checkedAt: '核查时间',
    printedAt: '打印时间',
    checkId: '核查编号',
    footer: '本核查单依据威海市公共信用信息平台数据生成，证件号码已脱敏。',
  },
  status: {
    online: '在线',
    offline: '离线',
    dataAge: (age: string) => `数据 ${age}`,
    dataNever: '尚未同步名单数据',
    stale: '数据过期',
    syncing: '同步中',
    phase: {
      idle: '空闲',
      'pull-full': '全量下载名单',
      'pull-delta': '增量更新名单',
      rebuild: '重建本地名单',
      push: '发送记录',
    } as Record<'idle' | 'pull-full' | 'pull-delta' | 'rebuild' | 'push', string>,
    progress: (rows: number, remaining: number) => `${rows} 条，剩余 ${remaining} 条`,
    outbox: (n: number) => `待发送 ${n}`,
    /** "1 条核查记录、1 条措施反馈、2 条审计记录": what is waiting, in the clerk's words. */
    outboxKinds: (parts: Array<{ label: string; n: number }>) => parts.map((p) => `${p.n} 条${p.label}`).join('、'),
    outboxWaiting: (what: string) => `待发送：${what}`,
    deadLetters: (n: number) => `发送失败 ${n}`,
    clockSkew: (seconds: number) =>
      `本机时钟比信用平台${seconds > 0 ? '快' : '慢'}约 ${Math.round(Math.abs(seconds) / 60)} 分钟，有效期按本机时钟判断，请联系管理员校准时间`,
    clockSkewShort: (seconds: number) => `时钟偏${seconds > 0 ? '快' : '慢'} ${Math.round(Math.abs(seconds) / 60)} 分钟`,
    storage: '本地存储异常',
    openPanel: '点击查看同步详情（F9）',
    panelTitle: '同步详情',
    offlineNote: '网络已断开：查询使用本机缓存数据，新记录在网络恢复后自动发送',
    networkLabel: '网络',
    phaseLabel: '同步状态',
    outboxLabel: '待发送记录',
    deadLabel: '发送失败记录',
    storageLabel: '本地存储',
    syncNow: '立即同步',
    syncing2: '正在同步…',
    lastPull: '最近下载',
    lastPush: '最近发送',
    never: '从未',
    entryCount: '本地名单记录',
    dataVersion: '数据版本',
    lastError: '最近错误',
    deadLettersTitle: '发送失败的记录',
    deadLettersNone: '没有发送失败的记录',
    deadLettersNote: '以下记录被平台拒绝，不会自动重发，请联系管理员处理。',
    dlKind: '类型',
    dlTime: '发生时间',
    dlReason: '原因',
    dlSummary: '摘要',
    dlAction: '处理',
    resubmit: '重新提交',
    resubmitConfirm: '确认造成拒绝的原因已经排除（如事项已恢复），将此记录作为新记录重新提交？',
    resubmitNote: '造成拒绝的原因排除后（如事项已恢复），督查人员或 IT 可将记录重新提交；新记录注明原记录，两端均留审计。',
    resubmission: {
      queued: '已重新提交，待发送',
      accepted: '已重新提交，平台已接收',
      rejected: '重新提交后仍被拒绝',
    } as Record<'queued' | 'accepted' | 'rejected', string>,
    storagePersisted: '本地存储已设为持久保存',
    storageNotPersisted: '本地存储未设为持久保存（浏览器可能在空间不足时清理缓存）',
    storageQuota: (m: string) => `存储空间不足：${m}`,
    storageUnavailable: (m: string) => `本地存储不可用：${m}`,
    transferTitle: '终端记录导出与导入（IT）',
    transferNote:
      '终端无法通过重新注册上传记录时（如电脑损坏、无法连接平台），可将本机全部记录（未上传、近期已上传和发送失败的）导出为一个文件，再在任一联网终端上由 IT 导入信用平台；平台已有的记录按重复处理，不会重复入账。文件含完整证件号码，请按涉密数据保管，导入后删除。',
    exportJournal: '导出本机记录',
    importJournal: '导入记录文件到平台',
    exported: (name: string, records: number, undelivered: number, path?: string) =>
      `已导出 ${records} 条记录（其中未上传 ${undelivered} 条）：${path ?? name}`,
    imported: (accepted: number, duplicate: number, rejected: number) =>
      `导入完成：新接收 ${accepted} 条，平台已有 ${duplicate} 条，拒绝 ${rejected} 条`,
    importRecreated: (ids: string) => `平台原无以下终端的记录，已按文件重建：${ids}`,
    importMissing: (ranges: string) => `以下序号平台和文件中都没有，请核实：${ranges}`,
    mutationKinds: zhMutationKinds,
    /** A refused record's summary in the sync panel. */
    deadLetterSummary: zhRefusedRecord,
    dlNoReason: ZH_REFUSED_NO_REASON,
  },
  pwaUpdate: {
    title: '有新版本可用',
    description: '新版本已下载完成，重新加载后生效。',
    reload: '重新加载',
  },
  supervisor: {
    title: '督查',
    checks: '本终端今日核查',
    checksNone: '今日尚无核查记录',
    declined: '未实施的措施',
    events: '平台审计事件（终端接替、记录导入、被拒记录重新提交）',
    eventsNone: '平台上没有这类事件',
    eventActions: {
      terminal_handover: '终端接替',
      journal_import: '记录导入',
      dead_letter_resubmitted: '重新提交',
    } as Record<string, string>,
    eventOperatorNone: 'IT（注册码）',
    declinedNone: '没有未实施的措施',
    audit: '审计链校验',
    verify: '校验审计链',
    verifying: '正在校验…',
    verifyOk: (n: number) => `审计链完整：已校验 ${n} 条记录，未发现篡改`,
    verifyBroken: (n: number, problem: string) => `审计链异常（已校验 ${n} 条）：${problem}`,
    /** The first broken link of the audit chain, by code (renderer/src/data/auditChain). */
    chainProblem: {
      missing: (p: ErrorParams) => `审计链第 ${p.position} 条记录缺失（下一条是第 ${p.next} 条）`,
      unlinked: (p: ErrorParams) => `审计链第 ${p.position} 条记录与前一条不衔接，前面的记录被删除或修改过`,
      altered: (p: ErrorParams) => `审计链第 ${p.position} 条记录的内容被修改过`,
      tail_removed: (p: ErrorParams) => `审计链末尾的记录被删除：应有 ${p.expected} 条，实有 ${p.found} 条`,
      head_mismatch: () => '审计链末尾记录与链头不一致，记录被修改过',
      head_missing: () => '审计链链头缺失，记录被修改过',
    } as Record<string, (params: ErrorParams) => string>,
    refresh: '刷新',
    platformChecks: '信用平台上的核查记录',
    platformChecksNone: '督查范围内暂无核查记录',
    scopeCity: '督查范围：全市',
    scopeDepartment: (department: string) => `督查范围：${department}`,
    unmask: '查看',
    budgetAlerts: '名称查询额度用尽',
    budgetAlertsNone: '没有操作员用尽名称查询额度',
    budgetPerHour: (n: number) => `每人每小时最多 ${n} 次名称查询`,
    col: {
      time: '时间',
      operator: '操作员',
      recordedBy: '记录人',
      deliveredBy: '上传人',
      department: '部门',
      hour: '时段',
      refused: '被拒次数',
      lastRefused: '最近一次',
      terminal: '终端',
      matter: '事项',
      caseNo: '办件编号',
      subject: '对象',
      identifier: '证件号码',
      result: '结果',
      source: '来源',
      measure: '措施',
      reason: '未实施原因',
      platformNote: '平台标记',
      event: '事件',
      summary: '说明',
      slip: '核查单',
    },
    verifySlip: (reference: string) => `核验 ${reference}`,
    slipNone: '未打印',
    notAllowed: '仅督查人员可查看此页面',
  },
  settings: {
    title: '设置',
    config: '终端配置',
    configNote: '配置由配置文件、系统策略或命令行提供；由管理员通过本机配置文件或组策略统一管理的项目在此只读，任何其他来源都不能覆盖。',
    key: '配置项',
    value: '当前值',
    source: '来源',
    managed: '管理员管理（只读）',
    local: '本机可改',
    changeableBy: '修改权限',
    enrolledName: (name: string) => `${name}（注册时填写）`,
    problems: '配置问题',
    terminal: '终端身份',
    terminalId: '终端编号',
    terminalName: '终端名称',
    platformUrl: '平台地址',
    enrolledAt: '注册时间',
    notEnrolled: '尚未注册',
    reenrol: '重新注册终端',
    about: '关于',
    version: '版本',
    host: '运行环境',
    hostElectron: '桌面客户端',
    hostBrowser: '浏览器',
    yes: '是',
    no: '否',
    off: '关闭',
    empty: '（未设置）',
    /** Each language by its own name, the code beside it for IT. */
    locales: { 'zh-CN': '简体中文（zh-CN）', 'en-US': 'English（en-US）' } as Record<string, string>,
    keys: {
      platformUrl: '平台地址',
      terminalName: '终端名称',
      proxy: '代理服务器',
      lockTimeoutMinutes: '无操作自动锁定（分钟）',
      stalenessLimitHours: '数据过期提醒（小时）',
      offlineUnlockHours: '离线登录有效期（小时）',
      deliveredRetentionDays: '已上传记录保留天数',
      kiosk: '全屏专用模式',
      autoUpdateUrl: '自动更新地址',
      allowPlaintextSecretStorage: '允许无系统密钥环时明文保存终端密钥',
      allowDevTools: '允许开发者工具（仅供技术支持）',
      slipFolder: '核查单 PDF 保存目录',
      slipRetentionDays: '核查单 PDF 保留天数',
      platformPublicKey: '平台签名公钥',
      locale: '界面语言',
    } as Record<string, string>,
    sources: {
      default: '默认值',
      'beside-executable': '程序目录配置文件',
      machine: '本机系统配置',
      policy: '组策略',
      'command-line': '命令行参数',
      web: '网页配置文件',
    } as Record<string, string>,
  },
  /** Failures the core returns by code (with params), worded here. */
  errors: {
    check_not_found: () => '找不到该核查记录',
    no_feedback: () => '没有需要提交的反馈',
    unknown_measure: (p: ErrorParams) => `措施 ${p.measureCode} 不是本次核查触发的措施`,
    duplicate_measure: (p: ErrorParams) => `措施“${p.measureTitle}”重复提交`,
    feedback_exists: (p: ErrorParams) =>
      `措施“${p.measureTitle}”的反馈已于 ${p.decidedAt} 提交（${zhDecision[String(p.decision)] ?? p.decision}），不能修改`,
    deferral_not_found: (p: ErrorParams) => `措施“${p.measureTitle}”的反馈要了结的暂缓记录不存在`,
    deferral_settled: (p: ErrorParams) => `措施“${p.measureTitle}”的反馈已有最终决定，不能再次提交`,
    rejected_by_platform: (p: ErrorParams) =>
      `记录已保存在本机，但信用平台拒绝接收：${p.reason || ZH_REFUSED_NO_REASON}。请在“发送失败”列表中查看`,
    commitment_kind_required: () => '请选择承诺类型',
    commitment_text_required: () => '请填写承诺内容',
    bad_due_date: () => '履约期限应为今天或以后的日期（YYYY-MM-DD）',
    unmask_reason_required: () => '显示完整证件号码必须填写理由',
    // Lookups
    no_catalogue: () => '本机还没有事项目录，请联网同步后再查询',
    unknown_matter: (p: ErrorParams) => `办理事项 ${p.matterCode} 不在当前事项目录中`,
    offline_session: () => '离线登录，未连接信用平台',
    candidate_expired: () => '候选结果已失效，请重新按名称查询',
    candidate_unreachable: () => '信用平台暂时无法连接，请重新按名称查询（未联网时将按本机名单查询）',
    name_required: () => '请输入要查询的名称',
    /** `cause` arrives already worded (describeFailure words a `cause` code first). */
    check_not_recorded: (p: ErrorParams) => `本次查询未能记入本机日志，结果不予显示。${p.cause}`,
    // Sync and delivery
    login_required: (p: ErrorParams) => zhLoginRequired(p.action),
    sync_stalled: () => '同步长时间没有进展，已自动重新开始',
    sync_failed: (p: ErrorParams) => `同步失败：${p.detail}`,
    sync_cursor_stuck: () =>
      '信用平台的同步分页没有前进（同一位置反复返回“还有更多”），本次同步已停止，稍后自动重试；如反复出现请联系管理员',
    push_no_progress: () => '信用平台未处理上传的记录，稍后会自动重试',
    seq_gap_unrecoverable: (p: ErrorParams) => {
      switch (p.reason) {
        case 'foreign':
          return '本机队列中有属于另一终端登记的记录，本终端无权上传；请 IT 在同步面板导出未上传记录，交信用平台导入（本机未删除任何记录）';
        case 'unresolved':
          return `上传序号不连续（平台期望第 ${p.expected} 号），多次补发仍未解决，请联系管理员`;
        case 'conflict':
          return `上传序号冲突（平台期望第 ${p.expected} 号），请联系管理员`;
        default:
          return `信用平台缺少本终端第 ${p.from}–${p.to} 号记录，本机已不再保留，无法补发，请联系管理员（本机未删除任何记录）`;
      }
    },
    snapshot_signature_invalid: () => '名单快照的平台签名无效（或不是本机信任的平台公钥所签），已拒绝使用',
    snapshot_manifest_mismatch: () => '名单快照清单与平台签名不符，已拒绝使用',
    snapshot_manifest_malformed: () => '名单快照清单格式错误，已拒绝使用',
    snapshot_block_mismatch: () => '名单快照数据块与签名清单不符（可能被篡改或缓存损坏），已丢弃',
    snapshot_pack_mismatch: () => '名单快照数据包与签名清单不符（可能被篡改或缓存损坏），已丢弃',
    snapshot_block_incomplete: () => '名单快照数据块不完整，已丢弃',
    snapshot_block_undecryptable: () => '名单快照数据块无法解密（密钥或数据不符），已丢弃',
    // The platform client
    network: () => '无法连接信用平台，请检查网络连接',
    timeout: () => '信用平台响应超时',
    aborted: () => '请求已取消',
    unavailable: (p: ErrorParams) => `信用平台暂时无法处理请求（${p.status}），稍后会自动重试`,
    malformed_response: () => '信用平台返回了无法识别的数据，已忽略（未写入本机缓存）',
    session_expired: () => '登录已过期，请重新登录；未上传的记录会保留并在登录后继续上传',
    client_outdated: (p: ErrorParams) =>
      p.minimumVersion
        ? `客户端版本过旧，信用平台要求 ${p.minimumVersion} 或更高版本，请联系管理员升级`
        : '客户端版本过旧，请联系管理员升级',
    rate_limited: (p: ErrorParams) => `请求过于频繁，请 ${p.seconds} 秒后再试`,
    platform_refused: (p: ErrorParams) => `信用平台拒绝了请求（${p.status}）`,
    /** The platform's own two sentences: what is spent, and when it is back. */
    name_search_budget: (p: ErrorParams) => [p.title, p.detail].filter(Boolean).join('。'),
    unknown_terminal: () =>
      '信用平台没有本终端的注册记录（平台可能已从较早的备份恢复）。请 IT 在本机重新注册终端：新注册会接替原终端，本机未上传的记录随后以原终端身份自动上传，不会丢失。',
    terminal_replaced: () => '本终端的身份已由新的注册接替。请 IT 在本机重新注册终端；本机未上传的记录随后自动上传，不会丢失。',
    // Local storage and the unexpected
    'quota-exceeded': () => '本机存储空间不足，新数据无法保存。已保存的记录不会丢失，请联系管理员清理磁盘空间。',
    storage_unavailable: () => '本机数据库无法打开或读写（浏览器存储不可用），请重启程序；仍不行请联系管理员。',
    internal: (p: ErrorParams) => `发生内部错误：${p.detail}`,
    // Enrolment and login
    not_enrolled: (p: ErrorParams) =>
      p.action === 'export' ? '本机尚未注册为查询终端，没有可导出的记录' : '本机尚未登记为查询终端，请先完成终端登记',
    bad_platform_url: () => '信用平台地址无效，应以 http:// 或 https:// 开头',
    enrolment_code_required: () => '请输入注册码',
    terminal_name_required: () => '请输入终端名称',
    secret_not_stored: (p: ErrorParams) => `终端密钥无法安全保存：${p.detail}`,
    secret_missing: () => `找不到本机的终端密钥。${REENROL_ADVICE}`,
    secret_undecryptable: (p: ErrorParams) => `终端密钥无法读取${p.detail ? `（${p.detail}）` : ''}。${REENROL_ADVICE}`,
    not_logged_in: (p: ErrorParams) =>
      p.during === 'unlock' ? '没有可解锁的会话，请重新登录' : p.during === 'reconnect' ? '没有登录的操作员，请重新登录' : '请先登录',
    purpose_required: () => '请先填写查询事由（办理事项和办件编号），没有查询事由不能查询',
    wrong_credentials: () => '工号或密码错误',
    offline_unavailable: () => '无法连接信用平台；本机没有该工号可用的离线登录凭据，请联网后登录',
    offline_disabled: () => '无法连接信用平台；本终端的策略不允许离线登录，请联网后登录',
    offline_expired: () => '无法连接信用平台；离线登录期限已过，请联网后登录',
    still_offline: () => '仍无法连接信用平台，可继续离线工作，网络恢复后再试',
    credentials_required: () => '请输入工号和密码',
    password_required: () => '请输入密码',
    // Supervision, IT's journal transfer, dead-letter resubmission
    supervisor_only: () => '仅督查人员可使用督查功能',
    it_only: (p: ErrorParams) =>
      p.action === 'import'
        ? '仅信息技术管理员可导入终端记录'
        : p.action === 'fleet'
          ? '仅信息技术管理员可查看终端运维'
          : '仅信息技术管理员可导出终端记录',
    offline: () => '需要联网登录信用平台后才能查看平台上的记录',
    nothing_to_export: () => '本机没有需要导出的记录',
    export_not_saved: (p: ErrorParams) => `导出文件未能保存：${p.detail}`,
    not_an_export: () => '所选文件不是本系统导出的终端记录文件（或文件已损坏），未导入任何记录',
    resubmit_forbidden: () => '仅督查人员或信息技术管理员可重新提交被拒记录',
    not_resubmittable: () => '该被拒记录已重新提交过或已不存在，请刷新后再看',
    // Check slips
    slip_unsigned: (p: ErrorParams) =>
      p.reason === 'bad_certificate'
        ? '终端证书格式错误，核查单不带可验证二维码'
        : p.reason === 'sign_failed'
          ? `核查单签名失败：${p.cause}；核查单不带可验证二维码`
          : '本终端没有平台认证的签名密钥（请由信息技术人员重新登记终端），核查单不带可验证二维码',
    slip_not_found: (p: ErrorParams) =>
      p.where === 'platform'
        ? `本终端没有核验码为 ${p.reference} 的核查单，平台也没有（尚未上传，或核验码有误），请扫描核查单上的二维码`
        : p.where === 'offline'
          ? `本终端没有核验码为 ${p.reference} 的核查单；联网登录后可向平台查询，或扫描核查单上的二维码`
          : `本终端没有核验码为 ${p.reference} 的核查单，请扫描核查单上的二维码`,
    slip_ambiguous: (p: ErrorParams) => `平台有 ${p.count} 张核验码为 ${p.reference} 的核查单，请扫描二维码以确定是哪一张`,
    /** `cause` arrives already worded. */
    slip_lookup_failed: (p: ErrorParams) => `本终端没有核验码为 ${p.reference} 的核查单；向平台查询失败：${p.cause}`,
    no_platform_key: () => '本机没有平台签名公钥，无法核验（请先登记终端）',
  } as Record<string, (params: ErrorParams) => string>,
  /** Notes the core attaches to a lookup result, by code (with params); instants (`…At`) arrive formatted. */
  notices: {
    offline_answer: (p: ErrorParams) =>
      `${zhOfflineReason[String(p.reason)] ?? zhOfflineReason.unreachable}，以下结果来自本机缓存（数据版本 ${p.dataVersion}，更新于${
        p.ageSeconds === undefined ? '未知' : zhAge(Number(p.ageSeconds))
      }）`,
    list_not_synced: () => '本机尚未完成名单数据同步，离线结果可能不完整',
    cached_profile: (p: ErrorParams) => `评分、分级、承诺等信息来自 ${p.fetchedAt} 的在线查询结果`,
    stale_list: (p: ErrorParams) => `本机名单数据已超过 ${p.hours} 小时未更新，结果可能不是最新，请尽快联网同步`,
    matched_by_org_code: () => '部分记录是通过统一社会信用代码中的组织机构代码匹配到的（该来源只登记了组织机构代码）',
    matched_by_legacy_id: () => '部分记录是按15位旧身份证号登记的，已自动对应',
    matter_not_for_kind: (p: ErrorParams) => `办理事项“${p.matterName}”通常不适用于此类主体，请核对事项`,
    clock_skew: (p: ErrorParams) => {
      const seconds = Number(p.skewSeconds);
      return `本机时钟与信用平台相差约 ${Math.round(Math.abs(seconds) / 60)} 分钟（${seconds > 0 ? '偏快' : '偏慢'}），有效期判断可能不准确，请联系管理员校准时间`;
    },
  } as Record<string, (params: ErrorParams) => string>,
  domain: {
    kind: {
      PERSON: '自然人',
      ENTERPRISE: '企业',
      INDIVIDUAL_BUSINESS: '个体工商户',
      INSTITUTION: '事业单位及其他组织',
    } as Record<'PERSON' | 'ENTERPRISE' | 'INDIVIDUAL_BUSINESS' | 'INSTITUTION', string>,
    polarity: { RED: '红名单（守信）', BLACK: '黑名单（失信）' } as Record<'RED' | 'BLACK', string>,
    status: {
      ACTIVE: '有效',
      EXPIRED: '已过期',
      REMOVED: '已移出',
      REPAIRED: '已修复',
      OBJECTION_PENDING: '异议处理中',
      REVOKED: '已撤销',
    } as Record<'ACTIVE' | 'EXPIRED' | 'REMOVED' | 'REPAIRED' | 'OBJECTION_PENDING' | 'REVOKED', string>,
    result: {
      CLEAN: '未发现记录',
      BLACK: '失信',
      RED: '守信',
      BOTH: '守信与失信并存',
      WARNING: '需关注',
    } as Record<'CLEAN' | 'BLACK' | 'RED' | 'BOTH' | 'WARNING', string>,
    source: { online: '在线', offline: '离线缓存' } as Record<'online' | 'offline', string>,
    commitmentStatus: { IN_FORCE: '履约中', FULFILLED: '已履约', BREACHED: '已违约' } as Record<
      'IN_FORCE' | 'FULFILLED' | 'BREACHED',
      string
    >,
    decision: { APPLIED: '已实施', NOT_APPLIED: '未实施', OTHER_MEASURE: '采取其他措施', DEFERRED: '暂缓决定' } as Record<
      'APPLIED' | 'NOT_APPLIED' | 'OTHER_MEASURE' | 'DEFERRED',
      string
    >,
    role: { clerk: '窗口工作人员', supervisor: '督查人员', it: '信息技术管理员' } as Record<'clerk' | 'supervisor' | 'it', string>,
  },
  time: {
    justNow: '刚刚更新',
    minutesAgo: (n: number) => `${n} 分钟前`,
    hoursAgo: (n: number) => `${n} 小时前`,
    daysAgo: (n: number) => `${n} 天前`,
    dateTimeFormat: 'YYYY年M月D日 HH:mm',
    dateTimeSecondsFormat: 'YYYY年M月D日 HH:mm:ss',
    dateFormat: 'YYYY年M月D日',
    clockFormat: 'M月D日 HH:mm',
    amount: (yuan: string) => `${yuan} 元`,
  },
  /** Names that assistive technology reads for controls whose visible form is an icon or a symbol. */
  a11y: {
    clear: '清除',
    showPassword: '显示明文',
    hidePassword: '隐藏明文',
    previousPage: '上一页',
    nextPage: '下一页',
    previousPages: '向前 5 页',
    nextPages: '向后 5 页',
    statusRegion: '终端状态',
    syncDetails: '同步详情（F9）',
  },
};
