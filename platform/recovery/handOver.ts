/**
 * Hand-over: a new enrolment of a PC names the identity it replaces (IT performs it with the
 * enrolment code, which is the proof that it is the same PC). In one transaction the new terminal
 * is created, the predecessor is linked to it and retired (its sessions end, its secret no longer
 * logs in), and the event is audited. A predecessor the platform no longer knows (restored from a
 * backup older than its enrolment) is recreated, expecting the lowest seq the PC still holds.
 */
import type { EnrolTerminalResponse, Predecessor } from '../../shared/contract';
import { randomToken, sha256 } from '../auth/tokens';
import type { PlatformContext } from '../context';

export interface NewTerminal {
  terminalId: string;
  name: string;
  secretHash: string;
}

export function enrolWithHandOver(
  ctx: PlatformContext,
  terminal: NewTerminal,
  predecessor: Predecessor | undefined,
): EnrolTerminalResponse['handOver'] | undefined {
  const at = ctx.now().toISOString();
  return ctx.db.transaction(() => {
    ctx.terminals.insert(terminal.terminalId, terminal.name, terminal.secretHash, at);
    if (!predecessor) return undefined;
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
    ctx.events.record({
      at,
      action: 'terminal_handover',
      operatorId: null,
      terminalId: terminal.terminalId,
      summary: known
        ? `终端 ${terminal.name} 接替原终端 ${known.name}，原终端的未上传记录将以原终端身份和序号上传`
        : `终端 ${terminal.name} 接替平台已无记录的原终端 ${predecessor.terminalId}，平台按第 ${nextSeq} 号起接收其记录`,
      detail: {
        predecessorId: predecessor.terminalId,
        successorId: terminal.terminalId,
        predecessorKnown: known !== undefined,
        previousSuccessorId: known?.successorId ?? null,
        nextSeq,
        resumeSeq: predecessor.resumeSeq,
        sessionsEnded,
      },
    });
    return { predecessorId: predecessor.terminalId, predecessorKnown: known !== undefined, nextSeq };
  })();
}
