/** Operator accounts (from the command line / options), with scrypt password hashes. */
import type { Operator, Role } from '../../shared/contract';
import type { Db } from './open';

export interface OperatorRecord extends Operator {
  passwordHash: string;
}

export class OperatorRepository {
  private readonly upsertStmt;
  private readonly getStmt;

  constructor(db: Db) {
    this.upsertStmt = db.prepare<[string, string, string, string, string]>(
      `INSERT INTO operators (id, name, department, roles, password_hash) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET name = excluded.name, department = excluded.department, roles = excluded.roles, password_hash = excluded.password_hash`,
    );
    this.getStmt = db.prepare<[string], { id: string; name: string; department: string; roles: string; password_hash: string }>(
      'SELECT id, name, department, roles, password_hash FROM operators WHERE id = ?',
    );
  }

  upsert(op: OperatorRecord): void {
    this.upsertStmt.run(op.id, op.name, op.department, JSON.stringify(op.roles), op.passwordHash);
  }

  get(id: string): OperatorRecord | undefined {
    const r = this.getStmt.get(id);
    return r && { id: r.id, name: r.name, department: r.department, roles: JSON.parse(r.roles) as Role[], passwordHash: r.password_hash };
  }
}
