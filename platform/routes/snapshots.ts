/**
 * GET /snapshots/manifest — the signed manifest of the newest servable snapshot (operators only:
 * it carries the key that decrypts the blocks). GET /snapshots/blocks/{sha256} — a sealed block,
 * the one anonymous data route: it is ciphertext, immutable and content-addressed, so any HTTP
 * cache in front of the platform may keep it forever and serve it to every terminal.
 * GET /snapshots/blocks/packs/{manifest sha256}/{index} — several of them in one answer, as cacheable.
 */
import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../context';
import { noteHeartbeat } from '../supervision/fleet';
import { fail } from '../http/problems';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export function registerSnapshotRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/snapshots/manifest', { config: { access: 'operator' } }, async (request, reply) => {
    noteHeartbeat(ctx.fleet, request, ctx.now());
    const snapshot = ctx.snapshots.servable();
    if (!snapshot) {
      ctx.snapshots.startBuild();
      reply.header('Retry-After', '5').header('Cache-Control', 'no-store');
      return fail(reply, 503, 'snapshot_building', '平台正在生成名单快照，请稍后自动重试');
    }
    ctx.snapshots.refreshIfDue();
    return reply.header('Cache-Control', 'private, no-store').type('application/json; charset=utf-8').send(snapshot.response);
  });

  app.get<{ Params: { hash: string } }>(
    '/snapshots/blocks/:hash',
    // No version check and no per-terminal rate limit: a terminal fetches thousands, and a cache in front answers most.
    { config: { access: 'public', open: true } },
    async (request, reply) => {
      const { hash } = request.params;
      const bytes = /^[0-9a-f]{64}$/.test(hash) ? ctx.snapshots.block(hash) : undefined;
      // Ciphertext for anyone: no credentials, so any origin may read it and caches need no Vary.
      reply.header('Access-Control-Allow-Origin', '*').removeHeader('vary');
      if (!bytes) {
        reply.header('Cache-Control', 'no-store');
        return fail(reply, 404, 'not_found', '快照数据块不存在');
      }
      const etag = `"${hash}"`;
      reply.header('Cache-Control', IMMUTABLE).header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/octet-stream').send(bytes);
    },
  );

  app.get<{ Params: { manifest: string; index: string } }>(
    '/snapshots/blocks/packs/:manifest/:index',
    // Several blocks in one answer (shared/snapshot/packs.ts), named by the manifest body's hash and
    // an index: as immutable as a block, and only as many names as the kept snapshots have packs.
    { config: { access: 'public', open: true } },
    async (request, reply) => {
      const { manifest, index } = request.params;
      const bytes = /^[0-9a-f]{64}$/.test(manifest) && /^\d{1,6}$/.test(index) ? ctx.snapshots.pack(manifest, Number(index)) : undefined;
      reply.header('Access-Control-Allow-Origin', '*').removeHeader('vary');
      if (!bytes) {
        reply.header('Cache-Control', 'no-store');
        return fail(reply, 404, 'not_found', '快照数据包不存在');
      }
      const etag = `"${manifest}-${index}"`;
      reply.header('Cache-Control', IMMUTABLE).header('ETag', etag);
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('application/octet-stream').send(bytes);
    },
  );
}
