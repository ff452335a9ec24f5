/**
 * Every record is who it says: the operator a mutation names — and the actor of an audit record —
 * must be an operator the platform knows who has signed in on the PC the record was made on (the
 * session that delivers it always has; offline work goes out later under whoever is signed in then).
 * A PC may have had several identities: a hand-over links them (IT re-enrols the same PC with the
 * enrolment code and a proof that it is the same PC), so a sign-in under any identity of the hand-over
 * lineage counts — for the records a successor delivers for its predecessor, and for offline work on
 * the successor by someone who last signed in online before the re-enrolment.
 * Two kinds of audit record name nobody verified, and only these: the terminal's own enrolment
 * (SYSTEM_ACTOR) and a sign-in that did not happen (a refusal outcome), whose actor is the ID that
 * was typed. Such a record is filed under that same name and no other, so it can never pass as the
 * work of a real operator.
 * Two ways in vouch for what the platform cannot check itself (only that the operators exist):
 *  - a journal import: IT imports a terminal's exported file; the sign-ins may be what the platform lost;
 *  - a resubmission: a supervisor or IT (who must have signed in there) repeats a rejected record
 *    unchanged, so the actor inside it is the original one.
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

/** What the operator must be: known to the platform, and (unless vouched for) signed in on this PC. */
type Requirement = 'known' | 'signed_in';

function checkOperator(ctx: PlatformContext, lineage: () => string[], operatorId: string, what: string, need: Requirement): Problem | null {
  // The name is repeated as given, except an ID number someone typed for it.
  const named = redactIdentifiers(operatorId);
  if (!ctx.operators.get(operatorId)) return refuse(`${what} ${named} 在信用平台没有这个操作员账号`);
  if (need === 'signed_in' && !ctx.terminalOperators.signedInOnAny(lineage(), operatorId)) {
    return refuse(`${what} ${named} 从未在本终端登录过信用平台，记录不能以其名义上传`);
  }
  return null;
}

export interface OperatorCheckOptions {
  /** IT's journal import: the file vouches for sign-ins the platform may have lost. */
  imported?: boolean;
}

/** null when the record may be accepted as far as who it names is concerned. */
export function checkRecordOperators(
  ctx: PlatformContext,
  terminalId: string,
  m: Mutation,
  body: unknown,
  options: OperatorCheckOptions = {},
): Problem | null {
  let identities: string[] | null = null;
  const lineage = () => (identities ??= ctx.terminals.lineage(terminalId));
  const recorder: Requirement = options.imported ? 'known' : 'signed_in';
  // The actor inside a resubmitted record is the original one; the resubmitter answers for it.
  const inside: Requirement = options.imported || m.resubmits ? 'known' : 'signed_in';
  if (m.kind === 'audit') {
    const audit = body as AuditBody;
    if (namesNobodyVerified(m, audit)) return null;
    return (
      checkOperator(ctx, lineage, m.operatorId, '记录人', recorder) ?? checkOperator(ctx, lineage, audit.actor, '审计记录的操作人', inside)
    );
  }
  return checkOperator(ctx, lineage, m.operatorId, '记录人', recorder);
}
