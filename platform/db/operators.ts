/**
 * Operator accounts (from the command line / options), with scrypt password hashes. An account no
 * longer configured is retired: kept for the records that name it, never again signed in.
 */
import type { Operator, Role, SupervisorScope } from '../../shared/contract';
import type { Db } from './open';

export interface OperatorRecord extends Operator {
  passwordHash: string;
  /** When the account left the platform's configuration; a retired operator has no session. */
  retiredAt?: string;
}

export class OperatorRepository {
  private readonly upsertStmt;
  private readonly getStmt;
  private readonly retireStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare<[string, string, string, string, string, string | null]>(
      `INSERT INTO operators (id, name, department, roles, password_hash, supervisor_scope) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, department = excluded.department, roles = excluded.roles,
         password_hash = excluded.password_hash, supervisor_scope = excluded.supervisor_scope, retired_at = NULL`,
    );
    this.retireStmt = db.prepare<[string, string]>(
      'UPDATE operators SET retired_at = ? WHERE retired_at IS NULL AND id NOT IN (SELECT value FROM json_each(?))',
    );
    this.getStmt = db.prepare<
      [string],
      {
        id: string;
        name: string;
        department: string;
        roles: string;
        password_hash: string;
        supervisor_scope: string | null;
        retired_at: string | null;
      }
    >('SELECT id, name, department, roles, password_hash, supervisor_scope, retired_at FROM operators WHERE id = ?');
  }

  upsert(op: OperatorRecord): void {
    // A supervisor without a stated scope sees their own department only (deny by default).
    const scope = op.roles.includes('supervisor') ? (op.supervisorScope ?? 'department') : null;
    this.upsertStmt.run(op.id, op.name, op.department, JSON.stringify(op.roles), op.passwordHash, scope);
  }

  get(id: string): OperatorRecord | undefined {
    const r = this.getStmt.get(id);
    if (!r) return undefined;
    const roles = JSON.parse(r.roles) as Role[];
    return {
      id: r.id,
      name: r.name,
      department: r.department,
      roles,
      ...(roles.includes('supervisor')
        ? { supervisorScope: r.supervisor_scope === 'city' ? 'city' : ('department' as SupervisorScope) }
        : {}),
      passwordHash: r.password_hash,
      ...(r.retired_at !== null ? { retiredAt: r.retired_at } : {}),
    };
  }

  /** Retires every account not in `activeIds` (the accounts the platform was started with). */
  retireAllExcept(activeIds: readonly string[], at: string): number {
    return this.retireStmt.run(at, JSON.stringify(activeIds)).changes;
  }
}
