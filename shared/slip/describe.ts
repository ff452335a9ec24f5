/** A verification in Chinese: labelled fields a screen lays out as a table, and the lines the command line prints. */
import type { SlipVerification } from './verify';

const DECISION: Record<string, string> = {
  APPLIED: '已执行',
  NOT_APPLIED: '未执行',
  OTHER_MEASURE: '采取其他措施',
  DEFERRED: '暂缓决定',
  SUPPRESSED: '不适用（严重失信）',
};
const RESULT: Record<string, string> = {
  CLEAN: '无记录',
  BLACK: '失信（黑名单）',
  RED: '守信（红名单）',
  BOTH: '红黑名单均有',
  WARNING: '需注意',
};

/** Beijing time, to the second. */
export const chinaTime = (seconds: number) => new Date((seconds + 8 * 3600) * 1000).toISOString().replace('T', ' ').slice(0, 19);

/** The clock skew the terminal signed, in words. */
export function describeSkew(skewSeconds: number | null): string {
  if (skewSeconds === null) return '未测量（终端签署时尚未与平台对时）';
  if (skewSeconds === 0) return '与平台一致';
  return `终端时钟比平台${skewSeconds > 0 ? '快' : '慢'} ${Math.abs(skewSeconds)} 秒（已按此校正核查时间）`;
}

export interface SlipField {
  label: string;
  value: string;
}

/** The slip's contents as recorded, one labelled field each (empty when the slip could not be read). */
export function slipFields(v: SlipVerification): SlipField[] {
  const s = v.statement;
  if (!s) return [];
  const fields: SlipField[] = [
    { label: '核验码', value: v.reference ?? '' },
    { label: '终端', value: s.certificate.terminalId },
    { label: '核查编号', value: s.checkId },
    { label: '核查时间（终端时钟，北京时间）', value: chinaTime(s.checkedAt) },
    { label: '终端时钟偏差', value: describeSkew(s.clockSkewSeconds) },
    { label: '办理事项', value: s.matterCode },
    { label: '核查对象', value: s.subjectMasked },
    { label: '核查结果', value: RESULT[s.result] ?? s.result },
    {
      label: '数据',
      value: `${s.source === 'online' ? '在线' : '离线'}，版本 ${s.dataVersion}${s.signedData ? `（平台签名快照 ${s.signedData.statement.dataVersion}）` : ''}`,
    },
  ];
  for (const m of s.measures)
    fields.push({
      label: `措施 ${m.code}（${m.obligation === 'MUST' ? '应当' : '可以'}）`,
      value: m.decision ? DECISION[m.decision]! : '未决定',
    });
  return fields;
}

/** The terminal key was retired after the slip was signed: what the verifier is told. */
export function describeRetired(retiredAt: number): string {
  return `该终端密钥已于 ${chinaTime(retiredAt)} 退役（终端交接或停用）；本核查单签于退役之前，仍然有效——如能联网，请再核对平台记录`;
}

export function describeSlip(v: SlipVerification): string[] {
  const lines = [v.valid ? '核验结果：通过' : '核验结果：未通过'];
  lines.push(`终端签名：${v.terminalSignatureValid ? '有效' : '无效'}`);
  lines.push(`平台为数据版本担保：${v.platformVouchesData ? '是' : '否'}`);
  if (v.retiredAt !== null) lines.push(`注意：${describeRetired(v.retiredAt)}`);
  for (const p of v.problems) lines.push(`问题：${p.message}`);
  for (const f of slipFields(v)) lines.push(`${f.label}：${f.value}`);
  return lines;
}
