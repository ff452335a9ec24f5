import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from './migrations';
import { LAST_AUDIT_SQL, MutationRepository } from './mutations';

describe('MutationRepository', () => {
  it('migration 3 indexes earlier feedback by its check and leaves earlier audit records unflagged', () => {
    const db = new Database(':memory:');
    migrate(db, 2);
    const insert = db.prepare(
      `INSERT INTO mutations (id, terminal_id, seq, kind, operator_id, occurred_at, occurred_at_ms, received_at, body, fingerprint, status, problem, check_id)
       VALUES (?, 'T1', ?, ?, 'c001', '2026-11-01T09:00:00+08:00', 0, '2026-11-01T01:00:00Z', ?, 'f', 'accepted', NULL, NULL)`,
    );
    insert.run('m1', 1, 'feedback', JSON.stringify({ checkId: 'chk-1', measureCode: 'P-COURT-HONOUR' }));
    insert.run('m2', 2, 'audit', JSON.stringify({ chainSeq: 0, hash: 'h0' }));
    migrate(db);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);

    const mutations = new MutationRepository(db);
    expect(mutations.acceptedFeedback('chk-1', 'P-COURT-HONOUR')).toBe('m1');
    expect(mutations.acceptedFeedback('chk-1', 'P-TAX-HONOUR')).toBeUndefined();
    expect(mutations.get('m2')).toMatchObject({ chainOk: null, chainProblem: null });
    expect(mutations.lastAcceptedAudit('T1')).toEqual({ chainSeq: 0, hash: 'h0' });
  });

  it("finds a terminal's latest accepted audit record by one index probe, without sorting the audit rows", () => {
    const db = new Database(':memory:');
    migrate(db);
    const insert = db.prepare(
      `INSERT INTO mutations (id, terminal_id, seq, kind, operator_id, occurred_at, occurred_at_ms, received_at, body, fingerprint, status)
       VALUES (?, ?, ?, ?, 'c001', '2026-11-01T09:00:00+08:00', ?, '2026-11-01T01:00:00Z', ?, 'f', ?)`,
    );
    db.transaction(() => {
      for (let t = 1; t <= 20; t++) {
        for (let seq = 1; seq <= 50; seq++) {
          insert.run(
            `T${t}-${seq}`,
            `T${t}`,
            seq,
            'audit',
            1000 - seq,
            JSON.stringify({ chainSeq: seq - 1, hash: `T${t}h${seq}` }),
            'accepted',
          );
        }
      }
      insert.run('T7-51', 'T7', 51, 'check', 0, '{}', 'accepted');
      insert.run('T7-52', 'T7', 52, 'audit', 0, JSON.stringify({ chainSeq: 99, hash: 'rejected' }), 'rejected');
    })();
    db.exec('ANALYZE');
    const mutations = new MutationRepository(db);
    expect(mutations.lastAcceptedAudit('T7')).toEqual({ chainSeq: 49, hash: 'T7h50' });
    expect(mutations.lastAcceptedAudit('T99')).toBeUndefined();
    const plan = db
      .prepare<[string], { detail: string }>(`EXPLAIN QUERY PLAN ${LAST_AUDIT_SQL}`)
      .all('T7')
      .map((row) => row.detail);
    expect(plan.join('\n')).toMatch(/SEARCH mutations USING INDEX mutations_audit_chain \(terminal_id=\?\)/);
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
