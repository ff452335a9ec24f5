/**
 * POST /subjects/lookup {identifier | ref, matter, caseNo} and POST /subjects/search {name, matter,
 * caseNo}: identifiers and names travel in the body, never in a URL a proxy would log. No purpose,
 * no lookup; every attempt, refused ones included, goes to the access log. Name-search candidates
 * carry masked identifiers and an opaque ref (never the clear identifier), resolved on lookup for
 * the terminal it was issued to.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  LookupRequest,
  NAME_SEARCH_MAX_CANDIDATES,
  NameSearchQuery,
  PurposeQuery,
  type LookupResponse,
  type Matter,
  type NameSearchResponse,
} from '../../shared/contract';
import { maskId, parseId } from '../../shared/ids';
import { isNameQueryTooShort, NAME_QUERY_TOO_SHORT } from '../../shared/names';
import { checkCaseNo } from '../../shared/purpose';
import type { PlatformContext } from '../context';
import { BUDGET_EXHAUSTED, type AccessAction } from '../db/accessLog';
import { DEFAULT_NAME_SEARCHES_PER_HOUR } from '../options';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { CandidateRefs } from '../lookup/candidateRefs';
import { lookupProfile, visibleEntryCount } from '../lookup/profile';

const HOUR_MS = 3_600_000;

type BudgetCheck = { ok: true } | { ok: false; perHour: number; retryAfterSeconds: number };

/**
 * Whether the operator may search by name now: answered searches in the last rolling hour (from the
 * access log, so a restart forgets nothing) stay under the budget. The search itself is counted when logged.
 */
function spendNameSearch(ctx: PlatformContext, operatorId: string): BudgetCheck {
  const perHour = ctx.settings.nameSearchesPerHour ?? DEFAULT_NAME_SEARCHES_PER_HOUR;
  const now = ctx.now().getTime();
  const { count, oldestAt } = ctx.accessLog.answeredSearchesSince(operatorId, new Date(now - HOUR_MS).toISOString());
  if (count < perHour) return { ok: true };
  const freeAt = oldestAt === null ? now + HOUR_MS : Date.parse(oldestAt) + HOUR_MS;
  return { ok: false, perHour, retryAfterSeconds: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** The request body as an object to read fields from (anything else reads as empty). */
function bodyObject(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

type PurposeCheck = { ok: true; matter: Matter; caseNo: string } | { ok: false; outcome: string; reply: FastifyReply };

/** Purpose first (400 purpose_required), then a known matter (400 bad_request), then the matter's case-number format (400 invalid_case_no). */
function checkPurpose(ctx: PlatformContext, query: Record<string, unknown>, reply: FastifyReply): PurposeCheck {
  const matterCode = text(query.matter)?.trim() ?? '';
  const caseNo = text(query.caseNo)?.trim() ?? '';
  if (matterCode === '' || caseNo === '') {
    return {
      ok: false,
      outcome: 'purpose_required',
      reply: fail(reply, 400, 'purpose_required', '请先填写查询事由（办理事项和业务编号）'),
    };
  }
  const parsed = parseWith(PurposeQuery, { matter: matterCode, caseNo });
  if (!parsed.ok)
    return { ok: false, outcome: 'bad_request', reply: fail(reply, 400, 'bad_request', '查询事由格式错误', { detail: parsed.detail }) };
  const matter = ctx.catalogue.matters.get(parsed.value.matter);
  if (!matter) {
    return {
      ok: false,
      outcome: 'unknown_matter',
      reply: fail(reply, 400, 'bad_request', '未知的办理事项', { detail: `事项编码 ${parsed.value.matter} 不在目录中` }),
    };
  }
  const caseNoCheck = checkCaseNo(matter, parsed.value.caseNo);
  if (!caseNoCheck.ok) {
    return { ok: false, outcome: 'invalid_case_no', reply: fail(reply, 400, 'invalid_case_no', caseNoCheck.message) };
  }
  return { ok: true, matter, caseNo: parsed.value.caseNo };
}

function logAccess(
  ctx: PlatformContext,
  request: FastifyRequest,
  action: AccessAction,
  fields: {
    matter?: string | undefined;
    caseNo?: string | undefined;
    identifier?: string | null;
    nameQuery?: string | null;
    outcome: string;
  },
): void {
  ctx.accessLog.record({
    at: ctx.now().toISOString(),
    terminalId: request.auth?.terminalId ?? null,
    operatorId: request.auth?.operatorId ?? null,
    action,
    matter: fields.matter?.slice(0, 64) || null,
    caseNo: fields.caseNo?.slice(0, 64) || null,
    identifier: fields.identifier ?? null,
    nameQuery: fields.nameQuery ?? null,
    outcome: fields.outcome,
  });
}

export function registerSubjectRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  const refs = new CandidateRefs(() => ctx.now());

  app.post('/subjects/lookup', { config: { access: 'counter' } }, async (request, reply) => {
    const body = bodyObject(request.body);
    const base = { matter: text(body.matter), caseNo: text(body.caseNo) };
    const given = text(body.identifier) ?? '';
    const purpose = checkPurpose(ctx, body, reply);
    if (!purpose.ok) {
      const id = parseId(given, { today: ctx.now() });
      logAccess(ctx, request, 'LOOKUP', { ...base, identifier: id.ok ? id.value : given.slice(0, 32) || null, outcome: purpose.outcome });
      return purpose.reply;
    }
    const parsedRequest = parseWith(LookupRequest, body);
    if (!parsedRequest.ok) {
      logAccess(ctx, request, 'LOOKUP', { ...base, identifier: null, outcome: 'bad_request' });
      return fail(reply, 400, 'bad_request', '查询请求格式错误', { detail: parsedRequest.detail });
    }
    const { ref } = parsedRequest.value;
    const resolved = ref === undefined ? null : refs.resolve(ref, request.auth?.terminalId ?? null);
    if (ref !== undefined && resolved === null) {
      logAccess(ctx, request, 'LOOKUP', { ...base, identifier: null, outcome: 'unknown_ref' });
      return fail(reply, 404, 'not_found', '候选结果已过期，请重新按名称查询');
    }
    const input = resolved ?? parsedRequest.value.identifier ?? '';

    const parsed = parseId(input, { today: ctx.now() });
    if (!parsed.ok) {
      logAccess(ctx, request, 'LOOKUP', { ...base, identifier: input.slice(0, 32), outcome: 'invalid_identifier' });
      const { code, message, position, expected } = parsed.error;
      return fail(reply, 400, 'invalid_identifier', '证件号码或统一社会信用代码无效', {
        detail: message,
        parseError: { code, message, ...(position !== undefined ? { position } : {}), ...(expected !== undefined ? { expected } : {}) },
      });
    }

    const dataVersion = ctx.meta.dataVersion();
    const found = lookupProfile(ctx, parsed, purpose.matter);
    logAccess(ctx, request, 'LOOKUP', { ...base, identifier: parsed.value, outcome: found ? 'ok' : 'no_records' });
    if (!found) return fail(reply, 404, 'no_records', '未查询到该主体的信用记录', { dataVersion });
    const answer: LookupResponse = { ...found, dataVersion };
    return answer;
  });

  app.post('/subjects/search', { config: { access: 'counter' } }, async (request, reply) => {
    const body = bodyObject(request.body);
    const base = { matter: text(body.matter), caseNo: text(body.caseNo), nameQuery: text(body.name)?.slice(0, 64) ?? null };
    const purpose = checkPurpose(ctx, body, reply);
    if (!purpose.ok) {
      logAccess(ctx, request, 'NAME_SEARCH', { ...base, outcome: purpose.outcome });
      return purpose.reply;
    }
    const parsed = parseWith(NameSearchQuery, { matter: purpose.matter.code, caseNo: purpose.caseNo, name: text(body.name) ?? '' });
    if (!parsed.ok) {
      logAccess(ctx, request, 'NAME_SEARCH', { ...base, outcome: 'bad_request' });
      return fail(reply, 400, 'bad_request', '请输入要查询的名称', { detail: parsed.detail });
    }
    if (isNameQueryTooShort(parsed.value.name)) {
      logAccess(ctx, request, 'NAME_SEARCH', { ...base, outcome: 'name_query_too_short' });
      return fail(reply, 400, 'name_query_too_short', NAME_QUERY_TOO_SHORT);
    }
    const budget = spendNameSearch(ctx, request.auth?.operatorId ?? '');
    if (!budget.ok) {
      logAccess(ctx, request, 'NAME_SEARCH', { ...base, outcome: BUDGET_EXHAUSTED });
      reply.header('Retry-After', String(budget.retryAfterSeconds));
      return fail(reply, 429, 'name_search_budget', `本小时的名称查询次数已用完（每小时最多 ${budget.perHour} 次）`, {
        detail: `约 ${Math.ceil(budget.retryAfterSeconds / 60)} 分钟后可再按名称查询；按证件号码查询不受影响。督查人员可看到额度用尽的记录`,
      });
    }
    const matter = purpose.matter;
    const terminalId = request.auth?.terminalId ?? '';
    // One more than is answered, only to learn whether the list was cut.
    const matches = ctx.subjects.byNamePrefix(parsed.value.name, NAME_SEARCH_MAX_CANDIDATES + 1);
    const more = matches.length > NAME_SEARCH_MAX_CANDIDATES;
    const candidates = matches.slice(0, NAME_SEARCH_MAX_CANDIDATES).map((s) => ({
      kind: s.kind,
      name: s.name,
      ref: refs.issue(s.identifier, terminalId),
      identifierType: s.identifierType,
      masked: maskId(s.identifier, s.identifierType),
      entryCount: visibleEntryCount(ctx, s, matter),
    }));
    logAccess(ctx, request, 'NAME_SEARCH', { ...base, outcome: `candidates:${candidates.length}` });
    const answer: NameSearchResponse = { candidates, more, dataVersion: ctx.meta.dataVersion() };
    return answer;
  });
}
