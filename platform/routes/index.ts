/** All /api/v1 routes, one module per endpoint group. */
import type { FastifyInstance } from 'fastify';
import type { PlatformContext } from '../context';
import { registerAdminRoutes } from './admin';
import { registerCatalogRoutes } from './catalog';
import { registerHealthRoute } from './health';
import { registerOutboxRoutes } from './outbox';
import { registerSessionRoutes } from './sessions';
import { registerSlipRoutes } from './slips';
import { registerSnapshotRoutes } from './snapshots';
import { registerSubjectRoutes } from './subjects';
import { registerSupervisionRoutes } from './supervision';
import { registerSupervisorRoutes } from './supervisor';
import { registerSyncRoutes } from './sync';
import { registerTerminalRoutes } from './terminals';

export function registerApiRoutes(app: FastifyInstance, ctx: PlatformContext): void {
  registerHealthRoute(app, ctx);
  registerTerminalRoutes(app, ctx);
  registerSessionRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  registerSubjectRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerSnapshotRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerSupervisorRoutes(app, ctx);
  registerSupervisionRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerSlipRoutes(app, ctx);
}
