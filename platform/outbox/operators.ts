/**
 * Every record is who it says: the operator a mutation names — and the actor of an audit record —
 * must be an operator the platform knows who has signed in on the delivering terminal (the session
 * that delivers it always has; offline work goes out later under whoever is signed in then).
 * Two kinds of audit record name nobody verified, and only these: the terminal's own enrolment
 * (SYSTEM_ACTOR) and a sign-in that did not happen (a refusal outcome), whose actor is the ID that
 * was typed. Such a record is filed under that same name and no other, so it can never pass as the
 * work of a real operator.
 */
import { problem, REFUSED_SIGN_IN_OUTCOMES, SYSTEM_ACTOR, type AuditBody, type Mutation, type Problem } from '../../shared/contract';
import { redactIdentifiers } from '../../shared/ids';
import type { PlatformContext } from '../context';

const SIGN_IN_ACTIONS: ReadonlySet<string> = new Set(['LOGIN', 'OFFLINE_UNLOCK']);
const REFUSALS: ReadonlySet<string> = new Set(REFUSED_SIGN_IN_OUTCOMES);

/** Audit records whose actor is not a verified operator by their nature (deny by default: exactly these). */
function namesNobodyVerified(m: Mutation, body: AuditBody): boolean {
  if (m.operatorId !== body.actor) return false;
  if (body.action === 'ENROL') return body.actor === SYSTEM_ACTOR;
  return SIGN_IN_ACTIONS.has(body.action) && REFUSALS.has(body.outcome);
}

function refuse(detail: string): Problem {
  return problem(422, 'unknown_operator', '记录人不是本终端登录过的操作员', { detail });
}

function checkOperator(ctx: PlatformContext, terminalId: string, operatorId: string, what: string): Problem | null {
  // The name is repeated as given, except an ID number someone typed for it.
  const named = redactIdentifiers(operatorId);
  if (!ctx.operators.get(operatorId)) return refuse(`${what} ${named} 在信用平台没有这个操作员账号`);
  if (!ctx.terminalOperators.signedInOn(terminalId, operatorId)) {
    return refuse(`${what} ${named} 从未在本终端登录过信用平台，记录不能以其名义上传`);
  }
  return null;
}

/** null when the record may be accepted as far as who it names is concerned. */
export function checkRecordOperators(ctx: PlatformContext, terminalId: string, m: Mutation, body: unknown): Problem | null {
  if (m.kind === 'audit') {
    const audit = body as AuditBody;
    if (namesNobodyVerified(m, audit)) return null;
    return checkOperator(ctx, terminalId, m.operatorId, '记录人') ?? checkOperator(ctx, terminalId, audit.actor, '审计记录的操作人');
  }
  return checkOperator(ctx, terminalId, m.operatorId, '记录人');
}
