/** GET /health — no auth, no version check; its Date header serves the client's clock-skew check. */
import type { FastifyInstance } from 'fastify';
import type { HealthResponse } from '../../shared/contract';
import type { PlatformContext } from '../context';
import { PLATFORM_VERSION } from '../version';

export function registerHealthRoute(app: FastifyInstance, ctx: PlatformContext): void {
  app.get('/health', { config: { access: 'public', open: true, admission: 'exempt' } }, async (): Promise<HealthResponse> => ({
    status: 'ok',
    platformVersion: PLATFORM_VERSION,
    minimumClientVersion: ctx.settings.minClientVersion,
    dataVersion: ctx.meta.dataVersion(),
    time: ctx.now().toISOString(),
  }));
}
