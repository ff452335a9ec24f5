/** A verification as lines of Chinese text: what the command line prints and a screen can show. */
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

const chinaTime = (seconds: number) => new Date((seconds + 8 * 3600) * 1000).toISOString().replace('T', ' ').slice(0, 19);

export function describeSlip(v: SlipVerification): string[] {
  const lines = [v.valid ? '核验结果：通过' : '核验结果：未通过'];
  lines.push(`终端签名：${v.terminalSignatureValid ? '有效' : '无效'}`);
  lines.push(`平台为数据版本担保：${v.platformVouchesData ? '是' : '否'}`);
  for (const p of v.problems) lines.push(`问题：${p.message}`);
  const s = v.statement;
  if (!s) return lines;
  lines.push(
    `核验码：${v.reference ?? ''}`,
    `终端：${s.certificate.terminalId}`,
    `核查编号：${s.checkId}`,
    `核查时间（终端时钟，北京时间）：${chinaTime(s.checkedAt)}${s.clockSkewSeconds ? `（与平台相差 ${s.clockSkewSeconds} 秒）` : ''}`,
    `办理事项：${s.matterCode}`,
    `核查对象：${s.subjectMasked}`,
    `核查结果：${RESULT[s.result] ?? s.result}`,
    `数据：${s.source === 'online' ? '在线' : '离线'}，版本 ${s.dataVersion}${s.signedData ? `（平台签名快照 ${s.signedData.statement.dataVersion}）` : ''}`,
  );
  for (const m of s.measures)
    lines.push(`措施 ${m.code}（${m.obligation === 'MUST' ? '应当' : '可以'}）：${m.decision ? DECISION[m.decision] : '未决定'}`);
  return lines;
}
