/**
 * /__test routes (only with --test-controls): change data while running so that sync sees the
 * changes, withdraw a matter from the catalogue, reset state, adjust settings, inspect stored
 * mutations and the access log, lose a stored record, inject faults.
 * No auth — never mount these on a real platform.
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { EntryStatus, ListEntry } from '../../shared/contract';
import { parseId, residentIdCheckChar } from '../../shared/ids';
import { haibeiGrade } from '../../shared/score';
import { loadCatalogue, serveCatalogue, snapshotOf, type PlatformContext } from '../context';
import type { FaultInjector } from '../faults/faults';
import { FaultSpec } from '../faults/faults';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { LT } from '../seed/catalogue';
import { catalogueEtag, newEpoch } from '../seed/writeDatabase';

const WithdrawMatter = z.object({ matterCode: z.string().min(1) });
const EditMatter = z.object({ matterCode: z.string().min(1), measures: z.array(z.string().min(1)) });
const StatusChange = z.object({ status: EntryStatus });
const ScoreChange = z.object({
  identifier: z.string().min(1),
  points: z.number().int(),
  category: z.string().min(1).default('扣分'),
  description: z.string().default('测试调整'),
});
const Settings = z.object({
  rateLimitPerMinute: z.number().int().nonnegative().optional(),
  minClientVersion: z.string().min(1).optional(),
  tokenTtlSeconds: z.number().int().positive().optional(),
  offlineUnlockHours: z.number().positive().optional(),
  enrolmentCode: z.string().min(1).optional(),
  nameSearchesPerHour: z.number().int().nonnegative().optional(),
});

/** A valid resident ID that is not a seeded subject, for entries posted without an identifier. */
const DEFAULT_TEST_PERSON = '37100219880101001' + residentIdCheckChar('37100219880101001');

/** Calendar date in China (UTC+8) for a platform instant. */
function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function snapshotSummary(ctx: PlatformContext) {
  const latest = ctx.snapshots.latest();
  return {
    blockRequests: ctx.snapshots.blockRequests,
    builds: ctx.snapshots.builds,
    lastError: ctx.snapshots.lastError,
    latest: latest
      ? { epoch: latest.epoch, lastSeq: latest.lastSeq, entryCount: latest.entryCount, createdAt: latest.createdAt, stats: latest.stats }
      : null,
  };
}

export function registerTestControls(app: FastifyInstance, ctx: PlatformContext, faults: FaultInjector): void {
  let added = 0;

  app.get('/state', async () => ({
    ...ctx.meta.syncState(),
    snapshot: snapshotSummary(ctx),
    dataVersion: ctx.meta.dataVersion(),
    settings: ctx.settings,
    rateLimitPerMinute: ctx.rateLimiter.limit,
  }));

  app.post('/entries', async (request, reply) => {
    const partial = parseWith(ListEntry.partial(), request.body ?? {});
    if (!partial.ok) return fail(reply, 400, 'bad_request', 'invalid entry', { detail: partial.detail });
    const p = partial.value;
    const now = ctx.now();
    added++;
    const identifier = p.identifier ?? DEFAULT_TEST_PERSON;
    const parsed = parseId(identifier, { today: now });
    if (!parsed.ok) return fail(reply, 400, 'invalid_identifier', 'invalid identifier', { detail: parsed.error.message });
    const known = parsed.type === 'ORG_CODE' ? ctx.subjects.byOrgCode(parsed.value) : ctx.subjects.byIdentifier(parsed.value);
    const candidate = {
      id: p.id ?? `WH-T-${uuidv7()}`,
      listType: p.listType ?? LT.COURT,
      subjectKind: p.subjectKind ?? known?.kind ?? (parsed.type === 'RESIDENT_ID' ? 'PERSON' : 'ENTERPRISE'),
      subjectName: p.subjectName ?? known?.name ?? '测试主体',
      identifier,
      identifierType: p.identifierType ?? parsed.type,
      reason: p.reason ?? '测试：有履行能力而拒不履行生效法律文书确定义务',
      listedOn: p.listedOn ?? chinaDate(now),
      validUntil: p.validUntil ?? null,
      authority: p.authority ?? '威海市中级人民法院',
      documentNo: p.documentNo ?? `(${chinaDate(now).slice(0, 4)})鲁10执测${added}号`,
      amount: p.amount ?? null,
      status: p.status ?? 'ACTIVE',
      updatedAt: p.updatedAt ?? now.toISOString(),
    };
    const entry = parseWith(ListEntry, candidate);
    if (!entry.ok) return fail(reply, 400, 'bad_request', 'invalid entry', { detail: entry.detail });
    const seq = ctx.entries.put(entry.value, parsed.value);
    request.log.info({ entryId: entry.value.id, seq }, 'test control: entry published');
    return reply.code(201).send(entry.value);
  });

  app.post<{ Params: { id: string } }>('/entries/:id/status', async (request, reply) => {
    const parsed = parseWith(StatusChange, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid status', { detail: parsed.detail });
    const now = ctx.now();
    const seq = ctx.entries.setStatus(request.params.id, parsed.value.status, now.toISOString());
    if (seq === undefined) return fail(reply, 404, 'not_found', 'no such entry');
    const stored = ctx.entries.get(request.params.id);
    if (stored && parsed.value.status === 'REPAIRED') {
      ctx.subjects.insertRepair({
        id: `RP-${stored.entry.id}`,
        entryId: stored.entry.id,
        listType: stored.entry.listType,
        repairedOn: chinaDate(now),
        authority: '威海市发展和改革委员会',
        documentNo: `威信修〔${chinaDate(now).slice(0, 4)}〕测${seq}号`,
        method: '测试：完成信用修复',
      });
    }
    return stored?.entry;
  });

  app.delete<{ Params: { id: string } }>('/entries/:id', async (request, reply) => {
    const seq = ctx.entries.delete(request.params.id);
    if (seq === undefined) return fail(reply, 404, 'not_found', 'no such entry');
    return { id: request.params.id, seq };
  });

  app.post('/scores', async (request, reply) => {
    const parsed = parseWith(ScoreChange, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid score change', { detail: parsed.detail });
    const now = ctx.now();
    const id = parseId(parsed.value.identifier, { today: now });
    const subject = id.ok ? ctx.subjects.byIdentifier(id.value) : undefined;
    if (!subject || subject.kind !== 'PERSON') return fail(reply, 404, 'not_found', 'no such person');
    const { points, category, description } = parsed.value;
    const score = ctx.subjects.addScoreRecord(subject, { date: chinaDate(now), category, description, points }, now.toISOString());
    return { identifier: subject.identifier, score, grade: haibeiGrade(score) };
  });

  // Compaction and a new epoch make the published snapshot unservable: publish the next one before answering.
  app.post('/compact', async () => {
    const compacted = ctx.entries.compact();
    await ctx.snapshots.build();
    return compacted;
  });

  /** Publishes a snapshot of the list as it is now (waits for it). */
  app.post('/snapshot', async () => {
    await ctx.snapshots.build();
    return snapshotSummary(ctx);
  });

  app.post('/epoch', async () => {
    const epoch = newEpoch();
    ctx.meta.set('epoch', epoch);
    await ctx.snapshots.build();
    return { epoch, dataVersion: ctx.meta.dataVersion() };
  });

  /**
   * Takes a matter out of the catalogue (in memory: a restart or /catalogue/reset brings it back):
   * terminals get the new catalogue on their next sync. The version before stays in the history, so
   * records made under it are still accepted (with a note); with `purge` the matter is also erased
   * from every stored version — as if it had never been published — and records naming it are rejected.
   */
  app.post('/catalogue/withdraw', async (request, reply) => {
    const parsed = parseWith(WithdrawMatter.extend({ purge: z.boolean().default(false) }), request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid matter', { detail: parsed.detail });
    const { matterCode, purge } = parsed.value;
    const current = ctx.catalogue.catalogue;
    if (!ctx.catalogue.matters.has(matterCode)) return fail(reply, 404, 'not_found', 'no such matter');
    if (purge) ctx.catalogueHistory.eraseMatter(matterCode);
    const catalogue = {
      ...current,
      version: `${current.version}-${matterCode}`,
      matters: current.matters.filter((m) => m.code !== matterCode),
    };
    serveCatalogue(ctx, snapshotOf(catalogue, catalogueEtag));
    return { version: catalogue.version, etag: ctx.catalogue.etag };
  });

  /** Replaces a matter's measure list (a new catalogue version; the old one stays in the history). */
  app.post('/catalogue/matter-measures', async (request, reply) => {
    const parsed = parseWith(EditMatter, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid matter', { detail: parsed.detail });
    const { matterCode, measures } = parsed.value;
    const current = ctx.catalogue.catalogue;
    if (!ctx.catalogue.matters.has(matterCode)) return fail(reply, 404, 'not_found', 'no such matter');
    const catalogue = {
      ...current,
      version: `${current.version}-${matterCode}-${measures.length}`,
      matters: current.matters.map((m) => (m.code === matterCode ? { ...m, measures } : m)),
    };
    serveCatalogue(ctx, snapshotOf(catalogue, catalogueEtag));
    return { version: catalogue.version, etag: ctx.catalogue.etag };
  });

  /** The catalogue as stored in the database again (undoes /catalogue/withdraw and /catalogue/matter-measures). */
  app.post('/catalogue/reset', async () => {
    serveCatalogue(ctx, loadCatalogue(ctx.meta));
    return { version: ctx.catalogue.catalogue.version, etag: ctx.catalogue.etag };
  });

  /** The platform forgets a terminal, its sessions, sign-ins and records — as a restore from a backup older than its enrolment would. */
  app.post<{ Params: { id: string } }>('/terminals/:id/forget', async (request, reply) => {
    const { id } = request.params;
    const forgotten = ctx.db.transaction(() => {
      if (!ctx.terminals.delete(id)) return null;
      return {
        sessions: ctx.sessions.endForTerminal(id),
        signIns: ctx.terminalOperators.forgetTerminal(id),
        mutations: ctx.mutations.deleteForTerminal(id),
      };
    })();
    if (!forgotten) return fail(reply, 404, 'not_found', 'no such terminal');
    return { terminalId: id, ...forgotten };
  });

  /**
   * The platform loses one record it had accepted (a disk fault, a restore that missed it): the terminal
   * was told "accepted" and has let it go, so only a reconciliation against the terminal's own list finds it.
   */
  app.post<{ Params: { id: string } }>('/mutations/:id/lose', async (request, reply) => {
    if (!ctx.mutations.deleteOne(request.params.id)) return fail(reply, 404, 'not_found', 'no such record');
    return { lost: request.params.id };
  });

  app.post('/expire-sessions', async () => ({ expired: ctx.sessions.expireAll(ctx.now().getTime()) }));

  app.post('/settings', async (request, reply) => {
    const parsed = parseWith(Settings, request.body ?? {});
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid settings', { detail: parsed.detail });
    const s = parsed.value;
    if (s.rateLimitPerMinute !== undefined) ctx.rateLimiter.setLimit(s.rateLimitPerMinute);
    if (s.minClientVersion !== undefined) ctx.settings.minClientVersion = s.minClientVersion;
    if (s.tokenTtlSeconds !== undefined) ctx.settings.tokenTtlSeconds = s.tokenTtlSeconds;
    if (s.offlineUnlockHours !== undefined) ctx.settings.offlineUnlockHours = s.offlineUnlockHours;
    if (s.enrolmentCode !== undefined) ctx.settings.enrolmentCode = s.enrolmentCode;
    if (s.nameSearchesPerHour !== undefined) ctx.settings.nameSearchesPerHour = s.nameSearchesPerHour;
    return { ...ctx.settings, rateLimitPerMinute: ctx.rateLimiter.limit };
  });

  app.get<{ Querystring: { terminalId?: string } }>('/mutations', async (request) => ({
    mutations: ctx.mutations.forTerminal(request.query.terminalId),
  }));

  app.get<{ Querystring: { limit?: string } }>('/access-log', async (request) => ({
    entries: ctx.accessLog.latest(Math.min(10_000, Number(request.query.limit ?? 1000) || 1000)),
  }));

  app.post('/faults', async (request, reply) => {
    const parsed = parseWith(FaultSpec, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', 'invalid fault', { detail: parsed.detail });
    return reply.code(201).send({ id: faults.add(parsed.value) });
  });

  app.delete('/faults', async () => ({ released: faults.reset() }));
}
