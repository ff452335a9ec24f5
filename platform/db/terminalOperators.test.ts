import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from './migrations';
import { MutationRepository } from './mutations';
import { TerminalOperatorRepository } from './terminalOperators';

describe('migration 5', () => {
  it('knows who signed in on which terminal from the sessions still kept; earlier records have no deliverer', () => {
    const db = new Database(':memory:');
    migrate(db, 4);
    db.prepare('INSERT INTO sessions (token_hash, terminal_id, operator_id, created_at_ms, expires_at_ms) VALUES (?, ?, ?, ?, ?)').run(
      'h1',
      'T1',
      'c001',
      Date.parse('2026-11-01T01:00:00Z'),
      Date.parse('2026-11-01T09:00:00Z'),
    );
    db.prepare(
      `INSERT INTO mutations (id, terminal_id, seq, kind, operator_id, occurred_at, occurred_at_ms, received_at, body, fingerprint, status, problem, check_id)
       VALUES ('m1', 'T1', 1, 'check', 'c009', '2026-11-01T09:00:00+08:00', 0, '2026-11-01T01:00:00Z', '{}', 'f', 'accepted', NULL, NULL)`,
    ).run();
    migrate(db);
    const signedIn = new TerminalOperatorRepository(db);
    expect(signedIn.signedInOn('T1', 'c001')).toBe(true);
    expect(signedIn.signedInOn('T2', 'c001')).toBe(false);
    // A record alone proves no sign-in: the operator it names may have been made up.
    expect(signedIn.signedInOn('T1', 'c009')).toBe(false);
    expect(new MutationRepository(db).get('m1')).toMatchObject({ deliveredBy: null });
  });
});
