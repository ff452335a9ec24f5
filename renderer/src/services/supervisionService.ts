/**
 * The city's supervision dashboard (supervisors) and the terminal fleet (IT), online only: every
 * figure comes from the platform, which scopes, masks and audits it; this side refuses the wrong role
 * too, so no other caller can bypass the menu.
 */
import type { ExportFormat, FleetQuery, SupervisionFilter, SupervisionRecordsQuery } from '../../../shared/contract';
import type { AppServices } from './contracts';
import type { PlatformAccess } from './deps';
import type { SessionHolder } from './sessionHolder';
import { failWith, ok, refuse, RefusedCallError } from './outcome';

export interface SupervisionDeps {
  session: Pick<SessionHolder, 'current'>;
  platform: Pick<PlatformAccess, 'online'>;
}

export function createSupervisionService({ session, platform }: SupervisionDeps): AppServices['supervision'] {
  const client = async (role: 'supervisor' | 'it') => {
    if (!session.current()?.operator.roles.includes(role)) {
      throw role === 'it' ? new RefusedCallError('it_only', { action: 'fleet' }) : new RefusedCallError('supervisor_only');
    }
    return platform.online();
  };
  const run = async <T>(role: 'supervisor' | 'it', work: (c: NonNullable<Awaited<ReturnType<typeof client>>>) => Promise<T>) => {
    const c = await client(role);
    if (!c) return refuse<T>('login_required', { action: 'supervision' });
    try {
      return ok(await work(c));
    } catch (error) {
      return failWith<T>(error);
    }
  };
  return {
    dashboard: (filter: SupervisionFilter) => run('supervisor', (c) => c.supervisionDashboard(filter)),
    records: (filter: SupervisionFilter, query: Partial<SupervisionRecordsQuery>) =>
      run('supervisor', (c) => c.supervisionRecords(filter, query)),
    recordedCheck: (checkId: string) => run('supervisor', (c) => c.recordedCheck(checkId)),
    exportView: (filter: SupervisionFilter, format: ExportFormat, drill?: Partial<SupervisionRecordsQuery>) =>
      run('supervisor', (c) => c.supervisionExport(filter, format, drill)),
    fleet: (query: FleetQuery) => run('it', (c) => c.fleet(query)),
  };
}
