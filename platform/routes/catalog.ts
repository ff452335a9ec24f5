/** GET /catalog — the catalogue with a strong ETag; If-None-Match answers 304. */
import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../context';

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

export function registerCatalogRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/catalog', { config: { access: 'operator' } }, async (request, reply) => {
    const { json, etag } = ctx.catalogue;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(json);
  });
}
