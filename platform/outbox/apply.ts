/**
 * POST /outbox semantics: one SQLite transaction per batch, mutations in seq order against the
 * terminal's expected seq. Known ids answer duplicate (or their stored rejection) or id_conflict;
 * a new id below the expected seq is a seq_conflict; a new id above it is a gap, which rolls the
 * whole batch back (a journal import instead notes the missing seqs and goes on). Bad bodies and
 * business-rule violations are rejected but consume their seq. A record must name an operator who signed
 * in on the terminal's PC (outbox/operators.ts).
 * Accepted audit records are checked against their terminal's hash chain and flagged when broken.
 */
import {
  MutationBodies,
  problem,
  type AuditBody,
  type Mutation,
  type MutationResult,
  type OutboxRequest,
  type OutboxResponse,
  type Problem,
  type SeqRange,
} from '../../shared/contract';
import type { PlatformContext } from '../context';
import type { StoredMutation } from '../db/mutations';
import { describeIssues } from '../http/validate';
import { checkAuditChain, type ChainCheck } from './chain';
import { mutationFingerprint } from './fingerprint';
import { checkRecordOperators } from './operators';
import { auditResubmission, resubmissionRules } from './resubmission';
import { businessRules } from './rules';
import { recordPrintedSlip } from '../slips/printedSlips';
import { redactIdentifiers } from '../../shared/ids';

export type OutboxOutcome =
  { ok: true; response: OutboxResponse; skipped: SeqRange[] } | { ok: false; expectedSeq: number; detail: string };

export interface ApplyOptions {
  /** The operator of the session that sent the batch, or IT's who imported it (recorded with every new record). */
  deliveredBy: string;
  /**
   * Journal import: seqs neither the platform nor the file holds are lost for good — note them
   * and go on, instead of refusing the batch (a terminal's push refuses it and refills instead);
   * and IT's import vouches for the sign-ins the platform may have lost (outbox/operators.ts).
   */
  journalImport?: boolean;
}

class SeqGap extends Error {
  constructor(readonly detail: string) {
    super(detail);
  }
}

/** The check a check, feedback or commitment belongs to (indexed, for the rules that look it up). */
function checkIdOf(m: Mutation, body: unknown): string | null {
  if (m.kind === 'audit' || typeof body !== 'object' || body === null) return null;
  const id = (body as { checkId?: unknown }).checkId;
  return typeof id === 'string' ? id : null;
}

export function applyOutbox(ctx: PlatformContext, request: OutboxRequest, options: ApplyOptions): OutboxOutcome {
  const receivedAt = ctx.now().toISOString();
  const { terminalId } = request;
  const ordered = request.mutations.map((m, index) => ({ m, index })).sort((a, b) => a.m.seq - b.m.seq || a.index - b.index);

  const skipped: SeqRange[] = [];
  const run = ctx.db.transaction((): OutboxResponse => {
    const terminal = ctx.terminals.get(terminalId);
    if (!terminal) throw new Error(`terminal ${terminalId} vanished`);
    let expected = terminal.nextSeq;
    const results: MutationResult[] = new Array<MutationResult>(request.mutations.length);
    const answer = (index: number, r: MutationResult) => (results[index] = r);

    for (const { m, index } of ordered) {
      const fingerprint = mutationFingerprint(terminalId, m);
      const stored = ctx.mutations.get(m.id);
      if (stored) {
        if (stored.fingerprint === fingerprint) {
          answer(
            index,
            stored.status === 'accepted'
              ? {
                  id: m.id,
                  seq: m.seq,
                  status: 'duplicate',
                  receivedAt: stored.receivedAt,
                  ...(stored.catalogueNote ? { note: stored.catalogueNote } : {}),
                }
              : {
                  id: m.id,
                  seq: m.seq,
                  status: 'rejected',
                  receivedAt: stored.receivedAt,
                  ...(stored.problem ? { problem: stored.problem } : {}),
                },
          );
        } else {
          answer(index, {
            id: m.id,
            seq: m.seq,
            status: 'rejected',
            receivedAt,
            problem: problem(422, 'id_conflict', '同一编号的记录内容不一致', { detail: `记录 ${m.id} 已以不同内容提交过` }),
          });
          // The client dead-letters it; if it took the expected seq, move on so the queue is not stuck.
          if (m.seq === expected) expected++;
        }
        continue;
      }
      if (m.seq < expected) {
        answer(index, {
          id: m.id,
          seq: m.seq,
          status: 'rejected',
          receivedAt,
          problem: problem(409, 'seq_conflict', '序号已被其他记录占用', { detail: `序号 ${m.seq} 已使用，平台期望 ${expected}` }),
        });
        continue;
      }
      if (m.seq > expected) {
        if (!options.journalImport) throw new SeqGap(`序号不连续：期望 ${expected}，收到 ${m.seq}`);
        skipped.push({ from: expected, to: m.seq - 1 });
        expected = m.seq;
      }

      let rejection: Problem | null;
      let chain: ChainCheck | null = null;
      let note: string | null = null;
      const body = MutationBodies[m.kind].safeParse(m.body);
      if (!body.success) {
        rejection = problem(422, 'bad_request', '记录内容格式错误', { detail: describeIssues(body.error) });
      } else {
        rejection = checkRecordOperators(ctx, terminalId, m, body.data, { imported: options.journalImport === true });
        if (!rejection) {
          const resubmission = resubmissionRules(ctx, terminalId, m);
          const rules = resubmission.ok ? businessRules(ctx, m.kind, body.data, m.operatorId) : resubmission;
          // A rule may quote what the terminal sent (a check id, a measure code): masked like any text from outside.
          if (!rules.ok) rejection = problem(422, 'business_rule', '记录不符合业务规则', { detail: redactIdentifiers(rules.detail) });
          else if (m.kind === 'audit') chain = checkAuditChain(ctx, terminalId, body.data as AuditBody);
          else note = rules.note ?? null;
        }
      }
      const record: StoredMutation & { checkId: string | null } = {
        id: m.id,
        terminalId,
        seq: m.seq,
        kind: m.kind,
        operatorId: m.operatorId,
        occurredAt: m.occurredAt,
        receivedAt,
        body: m.body,
        fingerprint,
        status: rejection ? 'rejected' : 'accepted',
        problem: rejection,
        chainOk: chain ? chain.ok : null,
        chainProblem: chain && !chain.ok ? chain.detail : null,
        deliveredBy: options.deliveredBy,
        catalogueNote: note,
        resubmits: m.resubmits?.id ?? null,
        checkId: rejection ? null : checkIdOf(m, m.body),
      };
      ctx.mutations.insert(record);
      ctx.supervision.record(record);
      if (!rejection) auditResubmission(ctx, terminalId, m, receivedAt);
      // A printed slip is kept (when its terminal signed it) for lookups by 核验码; a slip that is not
      // kept leaves the print's record as it is: the audit trail does not depend on it.
      if (!rejection && m.kind === 'audit' && body.success) {
        const audit = body.data as AuditBody;
        if (audit.action === 'PRINT' && audit.slip !== undefined) recordPrintedSlip(ctx, terminalId, audit.slip, receivedAt);
      }
      answer(
        index,
        rejection
          ? { id: m.id, seq: m.seq, status: 'rejected', receivedAt, problem: rejection }
          : { id: m.id, seq: m.seq, status: 'accepted', receivedAt, ...(note ? { note } : {}) },
      );
      expected++;
    }
    ctx.terminals.setNextSeq(terminalId, expected);
    return { results, nextSeq: expected };
  });

  try {
    return { ok: true, response: run(), skipped };
  } catch (error) {
    if (error instanceof SeqGap) {
      return { ok: false, expectedSeq: ctx.terminals.get(terminalId)?.nextSeq ?? 1, detail: `${error.detail}；本批次未写入任何记录` };
    }
    throw error;
  }
}
