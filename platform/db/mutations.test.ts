import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from './migrations';
import { MutationRepository } from './mutations';

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
});
