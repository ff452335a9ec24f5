/**
 * "Is this the record this terminal signed?": the platform verifies a slip with its own key and
 * revocations, then compares it field by field with the check record the terminal delivered (the
 * subject and case number through the slip's salted hashes, so nothing clear is echoed back).
 */
import { CheckBody, FeedbackBody, type SlipCheckResponse } from '../../shared/contract';
import { parseId } from '../../shared/ids';
import { keyIdOfRaw } from '../../shared/slip/primitives';
import { caseNoHash, subjectHash } from '../../shared/slip/subject';
import { verifySlipText } from '../../shared/slip/verify';
import type { PlatformContext } from '../context';

const same = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

export function checkSlip(ctx: PlatformContext, slipText: string): SlipCheckResponse {
  const verification = verifySlipText(slipText, {
    platformKeys: [ctx.signing.publicKey.key],
    revokedTerminalKeys: ctx.terminalKeys.revokedKeys(),
    now: Math.floor(ctx.now().getTime() / 1000),
  });
  const problems = verification.problems.map((p) => p.code);
  const s = verification.statement;
  if (!s) return { problems, recordFound: false, sameRecord: false, differences: [] };
  const differences: string[] = [];
  const issued = ctx.terminalKeys.get(keyIdOfRaw(s.certificate.publicKey));
  if (!issued || issued.terminalId !== s.certificate.terminalId) differences.push('平台没有为该终端登记过这把签名密钥');
  // Only a statement the named terminal really signed is compared with its record: otherwise anyone could
  // forge slips naming any terminal's check and learn its result, or confirm a guessed ID number by its hash.
  if (differences.length > 0 || !verification.terminalSignatureValid) {
    return { problems, recordFound: false, sameRecord: false, differences };
  }

  const row = ctx.db
    .prepare<[string, string], { body: string; occurred_at: string }>(
      "SELECT body, occurred_at FROM mutations WHERE check_id = ? AND terminal_id = ? AND kind = 'check' AND status = 'accepted' LIMIT 1",
    )
    .get(s.checkId, s.certificate.terminalId);
  const parsed = row ? CheckBody.safeParse(JSON.parse(row.body)) : null;
  if (!parsed?.success) return { problems, recordFound: false, sameRecord: false, differences };
  const check = parsed.data;
  // The slip signs the moment the check was recorded (the record's own time, to the second). A key
  // retired at a hand-over can still sign with its clock set back: the record's time, not the slip's,
  // says whether the check was made before the key was retired.
  const recordedAt = Math.floor(Date.parse(row!.occurred_at) / 1000);
  if (recordedAt !== s.checkedAt) differences.push('核查时间与平台记录不一致');
  if (verification.retiredAt !== null && recordedAt >= verification.retiredAt)
    differences.push('平台记录的核查时间晚于该终端密钥停用的时间');
  const id = parseId(check.subjectIdentifier, { today: new Date('9999-12-31T00:00:00Z') });
  if (!id.ok || !same(subjectHash(s.salt, id.value), s.subjectHash)) differences.push('核查对象与平台记录不一致');
  if (!same(caseNoHash(s.salt, check.caseNo), s.caseNoHash)) differences.push('办件编号与平台记录不一致');
  if (check.matterCode !== s.matterCode) differences.push(`办理事项不一致（平台记录：${check.matterCode}）`);
  if (check.subjectKind !== s.subjectKind) differences.push('主体类型与平台记录不一致');
  if (check.result !== s.result) differences.push(`核查结果不一致（平台记录：${check.result}）`);
  if (check.dataVersion !== s.dataVersion) differences.push(`数据版本不一致（平台记录：${check.dataVersion}）`);
  if (check.source !== s.source) differences.push('数据来源（在线/离线）与平台记录不一致');
  const fired = new Set(check.triggeredMeasures);
  const signedMeasures = s.measures.filter((m) => m.decision !== 'SUPPRESSED').map((m) => m.code);
  if (signedMeasures.length !== fired.size || signedMeasures.some((code) => !fired.has(code)))
    differences.push('触发的措施与平台记录不一致');
  // The latest delivered decision per measure; a decision not delivered yet is no difference.
  const decided = new Map<string, string>();
  for (const f of ctx.mutations.acceptedFeedbackBodies(s.checkId)) {
    const body = FeedbackBody.safeParse(f.body);
    if (body.success) decided.set(body.data.measureCode, body.data.decision);
  }
  for (const m of s.measures) {
    const platformDecision = decided.get(m.code);
    if (m.decision && m.decision !== 'SUPPRESSED' && platformDecision && platformDecision !== m.decision) {
      differences.push(`措施 ${m.code} 的处理结果与平台记录不一致（平台记录：${platformDecision}）`);
    }
  }
  return { problems, recordFound: true, sameRecord: differences.length === 0, differences };
}
