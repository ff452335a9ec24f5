/** Operator accounts (from the command line / options), with scrypt password hashes. */
import type { Operator, Role, SupervisorScope } from '../../shared/contract';
import type { Db } from './open';

export interface OperatorRecord extends Operator {
  passwordHash: string;
}

export class OperatorRepository {
  private readonly upsertStmt;
  private readonly getStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare<[string, string, string, string, string, string | null]>(
      `INSERT INTO operators (id, name, department, roles, password_hash, supervisor_scope) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, department = excluded.department, roles = excluded.roles,
         password_hash = excluded.password_hash, supervisor_scope = excluded.supervisor_scope`,
    );
    this.getStmt = db.prepare<
      [string],
      { id: string; name: string; department: string; roles: string; password_hash: string; supervisor_scope: string | null }
    >('SELECT id, name, department, roles, password_hash, supervisor_scope FROM operators WHERE id = ?');
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
    };
  }
}
