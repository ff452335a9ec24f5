/**
 * IT's routes: POST /admin/journal-imports — a terminal's exported journal, when no hand-over can
 * deliver it; GET /admin/load — event-loop lag (the last 10 s, whoever else reads it), memory and
 * admission figures for monitoring, on the access log.
 */
import type { FastifyInstance } from 'fastify';
import { JournalExport, type PlatformLoad } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { importJournal } from '../recovery/journalImport';

/** A full export (JOURNAL_IMPORT_MAX records of a few KiB) is larger than an outbox batch. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function registerAdminRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.post('/admin/journal-imports', { config: { access: 'it' }, bodyLimit: IMPORT_BODY_LIMIT }, async (request, reply) => {
    const parsed = parseWith(JournalExport, request.body);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '记录导出文件格式错误', { detail: parsed.detail });
    const operatorId = request.auth?.operatorId ?? '';
    const answer = importJournal(ctx, parsed.value, operatorId);
    request.log.info({ operatorId, eventId: answer.eventId, ...answer.counts }, 'journal imported');
    return reply.code(201).send(answer);
  });

  app.get('/admin/load', { config: { access: 'it', admission: 'exempt' } }, async (request): Promise<PlatformLoad> => {
    const lag = ctx.admission.lag.read();
    ctx.accessLog.record({
      at: ctx.now().toISOString(),
      terminalId: request.auth?.terminalId ?? null,
      operatorId: request.auth?.operatorId ?? null,
      action: 'LOAD_VIEW',
      matter: null,
      caseNo: null,
      identifier: null,
      nameQuery: null,
      outcome: 'shown',
    });
    return {
      eventLoopLagP50Ms: lag.p50,
      eventLoopLagP99Ms: lag.p99,
      eventLoopLagMaxMs: lag.max,
      rssMb: Math.round(process.memoryUsage.rss() / 1048576),
      bulkInFlight: ctx.admission.bulkInFlight,
      otherInFlight: ctx.admission.otherInFlight,
      shed: ctx.admission.shed,
      syncPageBuilds: ctx.syncPages.builds,
      syncPageHits: ctx.syncPages.hits,
    };
  });
}
