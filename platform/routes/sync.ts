/** GET /sync/entries?after=&limit= — list sync (pull); an unservable cursor answers 409 resync. */
import type { FastifyInstance } from 'fastify';
import { SyncQuery } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { noteHeartbeat } from '../supervision/fleet';
import { fail } from '../http/problems';
import { parseWith } from '../http/validate';
import { renderPage, syncPage } from '../sync/page';

export function registerSyncRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/sync/entries', { config: { access: 'operator', admission: 'bulk' } }, async (request, reply) => {
    noteHeartbeat(ctx.fleet, request, ctx.now());
    const parsed = parseWith(SyncQuery, request.query);
    if (!parsed.ok) return fail(reply, 400, 'bad_request', '同步参数错误', { detail: parsed.detail });
    const outcome = await syncPage(ctx, parsed.value.after, parsed.value.limit);
    if (!outcome.ok) {
      return fail(reply, 409, 'resync', '需要重新全量同步', { detail: outcome.reason, dataVersion: ctx.meta.dataVersion() });
    }
    return reply.type('application/json; charset=utf-8').send(renderPage(outcome.page));
  });
}
