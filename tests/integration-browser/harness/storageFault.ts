/**
 * Simulated full disk. A Dexie DBCore middleware sits under every table of a database and, while
 * armed, fails each write with the DOMException a browser throws when the origin's quota is
 * exhausted (name "QuotaExceededError"). Because it is below Dexie's transaction layer, the
 * failure aborts the enclosing transaction exactly like a real quota error: nothing half-written.
 */
import type Dexie from 'dexie';
import type { DBCore, DBCoreMutateRequest, DBCoreTable } from 'dexie';

export type DbRole = 'cache' | 'journal';

export const storageFaults: Record<DbRole, boolean> = { cache: false, journal: false };

export function installStorageFault(db: Dexie, role: DbRole): void {
  db.use({
    stack: 'dbcore',
    name: 'simulated-quota',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) =>
            storageFaults[role] ? Promise.reject(new DOMException('模拟：存储空间已满', 'QuotaExceededError')) : table.mutate(request),
        };
      },
    }),
  });
}
