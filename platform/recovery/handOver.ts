/**
 * Hand-over: a new enrolment of a PC names the identity it replaces. The enrolment code is shared
 * city-wide, so it proves nothing about which PC is asking: the successor must also prove it is
 * the same PC — with the predecessor's own secret (only that PC's vault holds it), or, where the PC
 * cannot (an unreadable secret, a platform that forgot the predecessor, a replaced identity linked
 * again after an enrolment cut short), by an IT administrator's account. In one transaction the
 * new terminal is created, the predecessor is linked to it and retired (its sessions end, its
 * secret no longer logs in), and the event is audited with its proof. A predecessor the platform
 * no longer knows (restored from a backup older than its enrolment) is recreated, expecting the
 * lowest seq the PC still holds.
 */
import type { EnrolTerminalResponse, Predecessor } from '../../shared/contract';
import { matchesHash, randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';

export interface NewTerminal {
  terminalId: string;
  name: string;
  secretHash: string;
}

/** How the successor proved it is the same PC (checked here, or, for IT, by the caller's password check). */
export type HandOverProof = { by: 'terminal_secret'; secret: string } | { by: 'it_operator'; operatorId: string };

export type EnrolOutcome = { ok: true; handOver?: EnrolTerminalResponse['handOver'] } | { ok: false; detail: string };

class Refused extends Error {}

/** Why the PC's own proof does not hold for `predecessor`, or null when it does. */
function secretRefusal(ctx: PlatformContext, predecessor: Predecessor, secret: string): string | null {
  const known = ctx.terminals.get(predecessor.terminalId);
  if (!known) return '信用平台没有原终端的注册记录，无法核对本机保存的原终端密钥：请由信息技术管理员输入工号和密码确认接替';
  if (known.successorId !== null) return '原终端已由另一次注册接替；如确为本机，请由信息技术管理员输入工号和密码确认接替';
  if (!matchesHash(secret, known.secretHash)) return '本机保存的密钥不是原终端的密钥，不能接替该终端';
  return null;
}

export function enrolWithHandOver(
  ctx: PlatformContext,
  terminal: NewTerminal,
  predecessor: Predecessor | undefined,
  proof: HandOverProof | null,
): EnrolOutcome {
  const at = ctx.now().toISOString();
  try {
    return ctx.db.transaction((): EnrolOutcome => {
      if (!predecessor) {
        ctx.terminals.insert(terminal.terminalId, terminal.name, terminal.secretHash, at);
        return { ok: true };
      }
      // Checked inside the transaction: of two enrolments racing with the same secret, one wins.
      if (!proof) throw new Refused('接替原终端须证明是同一台电脑：本机保存的原终端密钥，或由信息技术管理员输入工号和密码确认');
      if (proof.by === 'terminal_secret') {
        const refusal = secretRefusal(ctx, predecessor, proof.secret);
        if (refusal) throw new Refused(refusal);
      }
      ctx.terminals.insert(terminal.terminalId, terminal.name, terminal.secretHash, at);
      const known = ctx.terminals.get(predecessor.terminalId);
      if (!known) {
        // Nobody holds a secret for it: it can only be delivered for, never log in.
        ctx.terminals.insert(predecessor.terminalId, `${terminal.name}（原终端，已由平台重建）`, sha256(randomToken()), at, {
          nextSeq: predecessor.resumeSeq,
          adopted: true,
        });
      }
      ctx.terminals.replace(predecessor.terminalId, terminal.terminalId, at);
      const sessionsEnded = ctx.sessions.endForTerminal(predecessor.terminalId);
      const nextSeq = known?.nextSeq ?? predecessor.resumeSeq;
      const confirmedBy = proof.by === 'it_operator' ? `（信息技术管理员 ${proof.operatorId} 确认）` : '（本机以原终端密钥证明）';
      ctx.events.record({
        at,
        action: 'terminal_handover',
        operatorId: proof.by === 'it_operator' ? proof.operatorId : null,
        terminalId: terminal.terminalId,
        summary:
          (known
            ? `终端 ${terminal.name} 接替原终端 ${known.name}，原终端的未上传记录将以原终端身份和序号上传`
            : `终端 ${terminal.name} 接替平台已无记录的原终端 ${predecessor.terminalId}，平台按第 ${nextSeq} 号起接收其记录`) + confirmedBy,
        detail: {
          predecessorId: predecessor.terminalId,
          successorId: terminal.terminalId,
          predecessorKnown: known !== undefined,
          previousSuccessorId: known?.successorId ?? null,
          provedBy: proof.by,
          nextSeq,
          resumeSeq: predecessor.resumeSeq,
          sessionsEnded,
        },
      });
      return { ok: true, handOver: { predecessorId: predecessor.terminalId, predecessorKnown: known !== undefined, nextSeq } };
    })();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, detail: error.message };
    throw error;
  }
}
