import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_OPERATORS } from '../../../platform/options';
import { CreateSessionResponse, EnrolTerminalResponse, HealthResponse, Problem } from '../../../shared/contract';
import { call, enrol, enrolAndLogin, login, mutation, startTestPlatform, platformForFile } from '../../helpers/platform';

const t = platformForFile();

describe('health', () => {
  it('answers without auth and without a client version, with a Date header', async () => {
    const res = await call(`${t.api}/health`, { version: null });
    expect(res.status).toBe(200);
    expect(HealthResponse.parse(res.body).dataVersion).toMatch(/^E[0-9a-f]+\.\d+$/);
    expect(res.headers.get('date')).toBeTruthy();
  });
});

describe('terminal enrolment', () => {
  it('enrols with the right code (201) and refuses a wrong one (403 enrolment_refused)', async () => {
    const ok = await call(`${t.api}/terminals`, { body: { enrolmentCode: t.platform.enrolmentCode, name: '环翠区政务服务中心 3号窗口' } });
    expect(ok.status).toBe(201);
    expect(EnrolTerminalResponse.parse(ok.body).terminalSecret.length).toBeGreaterThanOrEqual(32);

    const bad = await call(`${t.api}/terminals`, { body: { enrolmentCode: 'WRONG', name: 'x' } });
    expect(bad.status).toBe(403);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(Problem.parse(bad.body).code).toBe('enrolment_refused');
  });

  it('rejects a malformed request with 400', async () => {
    const res = await call(`${t.api}/terminals`, { body: { enrolmentCode: t.platform.enrolmentCode } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });
});

describe('sessions', () => {
  it('logs in and returns token, operator and offline-unlock parameters (never the password)', async () => {
    const terminal = await enrol(t);
    const res = await call(`${t.api}/sessions`, { body: { ...terminal, operatorId: 'c001', password: 'demo1234' } });
    expect(res.status).toBe(201);
    const session = CreateSessionResponse.parse(res.body);
    expect(Buffer.from(session.token, 'base64url').length).toBeGreaterThanOrEqual(32);
    expect(session.operator).toEqual({ id: 'c001', name: '王晓燕', department: '环翠区政务服务中心', roles: ['clerk'] });
    expect(session.offlineUnlock.iterations).toBe(100_000);
    expect(Date.parse(session.offlineUnlock.validUntil) - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(7.9 * 3_600_000);
    expect(JSON.stringify(res.body)).not.toContain('demo1234');

    // The verifier is PBKDF2-SHA256(password, salt, 100000, 32) — the client recomputes it offline.
    const { pbkdf2Sync } = await import('node:crypto');
    const derived = pbkdf2Sync('demo1234', Buffer.from(session.offlineUnlock.salt, 'base64'), 100_000, 32, 'sha256').toString('base64');
    expect(derived).toBe(session.offlineUnlock.verifier);
  });

  it('answers 401 for a wrong password, an unknown operator or a wrong terminal secret (an unknown terminal: see handover.test.ts)', async () => {
    const terminal = await enrol(t);
    for (const body of [
      { ...terminal, operatorId: 'c001', password: 'wrong' },
      { ...terminal, operatorId: 'nobody', password: 'demo1234' },
      { ...terminal, terminalSecret: 'x'.repeat(43), operatorId: 'c001', password: 'demo1234' },
      { terminalId: 'unknown', terminalSecret: terminal.terminalSecret, operatorId: 'c001', password: 'wrong' },
    ]) {
      const res = await call(`${t.api}/sessions`, { body });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('unauthorized');
    }
  });
});

describe('bearer tokens', () => {
  it('401 without a token, with an unknown token and after the session expired', async () => {
    expect((await call(`${t.api}/catalog`)).status).toBe(401);
    const unknown = await call(`${t.api}/catalog`, { token: 'not-a-real-token' });
    expect(unknown.status).toBe(401);
    expect(unknown.body.code).toBe('unauthorized');

    const { token } = await enrolAndLogin(t);
    expect((await call(`${t.api}/catalog`, { token })).status).toBe(200);
    await call(`${t.controls}/expire-sessions`, { method: 'POST', body: {} });
    expect((await call(`${t.api}/catalog`, { token })).status).toBe(401);
  });

  it('expires tokens after the configured lifetime', async () => {
    let now = Date.now();
    const short = await startTestPlatform({ tokenTtlSeconds: 60, now: () => new Date(now) });
    try {
      const { token } = await enrolAndLogin(short);
      expect((await call(`${short.api}/catalog`, { token })).status).toBe(200);
      now += 61_000;
      expect((await call(`${short.api}/catalog`, { token })).status).toBe(401);
    } finally {
      await short.platform.close();
    }
  });

  it('supervisor endpoints answer 403 to clerks and 200 to supervisors', async () => {
    const clerk = await enrolAndLogin(t, 'c001');
    const denied = await call(`${t.api}/supervisor/records?kind=check`, { token: clerk.token });
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
    const supervisor = await enrolAndLogin(t, 's001');
    const ok = await call(`${t.api}/supervisor/records?kind=check`, { token: supervisor.token });
    expect(ok.status).toBe(200);
    expect(ok.body.records).toBeInstanceOf(Array);
  });

  it('the demo IT administrator signs in with the it role and is refused the supervisor records', async () => {
    const terminal = await enrol(t);
    const session = await call(`${t.api}/sessions`, { body: { ...terminal, operatorId: 'i001', password: 'demo1234' } });
    expect(session.status).toBe(201);
    expect(session.body.operator.roles).toEqual(['it']);
    const records = await call(`${t.api}/supervisor/records?kind=check`, { token: session.body.token });
    expect(records.status).toBe(403);
  });

  it('refuses an outbox batch for another terminal (403)', async () => {
    const a = await enrolAndLogin(t);
    const b = await enrol(t);
    const res = await call(`${t.api}/outbox`, {
      token: a.token,
      body: { terminalId: b.terminalId, mutations: [mutation(1, 'audit', {})] },
    });
    expect(res.status).toBe(403);
  });
});

describe('logout', () => {
  it('DELETE /sessions/current revokes the token at once: it answers 401 from then on', async () => {
    const { token } = await enrolAndLogin(t);
    expect((await call(`${t.api}/catalog`, { token })).status).toBe(200);
    const out = await call(`${t.api}/sessions/current`, { method: 'DELETE', token });
    expect(out.status).toBe(204);
    const after = await call(`${t.api}/catalog`, { token });
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthorized');
    expect((await call(`${t.api}/sessions/current`, { method: 'DELETE', token })).status).toBe(401);
  });

  it('a login revokes the sessions its terminal signed out offline (by the sessionId the login gave), never another terminal’s', async () => {
    const terminal = await enrol(t);
    const first = await call(`${t.api}/sessions`, { body: { ...terminal, operatorId: 'c001', password: 'demo1234' } });
    const { token, sessionId } = CreateSessionResponse.parse(first.body);
    expect(sessionId).toBeTruthy();
    expect(sessionId).not.toBe(token);

    // Another terminal cannot end this session by naming it.
    const other = await enrol(t, '另一终端');
    const foreign = await call(`${t.api}/sessions`, {
      body: { ...other, operatorId: 'c001', password: 'demo1234', revokeSessions: [sessionId] },
    });
    expect(foreign.status).toBe(201);
    expect((await call(`${t.api}/catalog`, { token })).status).toBe(200);

    // The same terminal's next login (the next contact after an offline logout) ends it.
    const next = await call(`${t.api}/sessions`, {
      body: { ...terminal, operatorId: 's001', password: 'demo1234', revokeSessions: [sessionId] },
    });
    expect(next.status).toBe(201);
    expect((await call(`${t.api}/catalog`, { token })).status).toBe(401);
    expect((await call(`${t.api}/catalog`, { token: next.body.token })).status).toBe(200);
  });
});

describe('retired operators', () => {
  it('an operator no longer among the platform’s accounts can neither sign in nor use a token issued before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-retired-'));
    const db = join(dir, 'platform.db');
    try {
      const before = await startTestPlatform({ db, subjects: 50 });
      const terminal = await enrol(before);
      const token = await login(before, terminal, 'c002');
      await before.platform.close();

      // IT restarts the platform without c002 (who left); the database is kept.
      const after = await startTestPlatform({ db, subjects: 50, operators: DEMO_OPERATORS.filter((o) => o.id !== 'c002') });
      try {
        const old = await call(`${after.api}/catalog`, { token });
        expect(old.status).toBe(401);
        expect(old.body.code).toBe('unauthorized');
        const again = await call(`${after.api}/sessions`, { body: { ...terminal, operatorId: 'c002', password: 'demo1234' } });
        expect(again.status).toBe(401);
        expect(again.body.title).toBe('终端凭据、工号或密码错误');
        // The others carry on.
        expect((await call(`${after.api}/catalog`, { token: await login(after, terminal, 'c001') })).status).toBe(200);
      } finally {
        await after.platform.close();
      }

      // Back on the accounts (rehired), c002 signs in again.
      const rehired = await startTestPlatform({ db, subjects: 50 });
      try {
        expect((await call(`${rehired.api}/sessions`, { body: { ...terminal, operatorId: 'c002', password: 'demo1234' } })).status).toBe(
          201,
        );
      } finally {
        await rehired.platform.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('client version', () => {
  it('426 client_outdated with minimumVersion when missing or too old; accepts equal and newer', async () => {
    const { token } = await enrolAndLogin(t);
    for (const version of [null, '0.0.9', 'garbage']) {
      const res = await call(`${t.api}/catalog`, { token, version });
      expect(res.status).toBe(426);
      expect(res.body).toMatchObject({ code: 'client_outdated', minimumVersion: '0.1.0' });
    }
    expect((await call(`${t.api}/catalog`, { token, version: '0.1.0' })).status).toBe(200);
    expect((await call(`${t.api}/catalog`, { token, version: '0.10.0' })).status).toBe(200);

    await call(`${t.controls}/settings`, { body: { minClientVersion: '2.0.0' } });
    try {
      const res = await call(`${t.api}/catalog`, { token, version: '1.9.9' });
      expect(res.status).toBe(426);
      expect(res.body.minimumVersion).toBe('2.0.0');
    } finally {
      await call(`${t.controls}/settings`, { body: { minClientVersion: '0.1.0' } });
    }
  });
});

describe('rate limit', () => {
  it('429 with Retry-After once a terminal exceeds its per-minute budget; other terminals unaffected', async () => {
    const limited = await startTestPlatform({ rateLimitPerMinute: 5 });
    try {
      const terminal = await enrol(limited);
      const token = await login(limited, terminal);
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i < 7; i++) {
        const res = await call(`${limited.api}/catalog`, { token });
        statuses.push(res.status);
        if (res.status === 429) {
          retryAfter = res.headers.get('retry-after');
          expect(res.body.code).toBe('rate_limited');
        }
      }
      expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
      expect(statuses.slice(5)).toEqual([429, 429]);
      expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);

      const other = await login(limited, await enrol(limited, '另一终端'));
      expect((await call(`${limited.api}/catalog`, { token: other })).status).toBe(200);
    } finally {
      await limited.platform.close();
    }
  });
});

describe('CORS', () => {
  const WEB = 'http://localhost:5173';

  function preflight(api: string, origin: string): Promise<Response> {
    return fetch(`${api}/catalog`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization,x-client-version,if-none-match',
      },
    });
  }

  it('answers preflights of a configured origin and exposes ETag, Date and Retry-After to it', async () => {
    const configured = await startTestPlatform({ corsOrigins: [WEB] });
    try {
      const answer = await preflight(configured.api, WEB);
      expect(answer.status).toBeLessThan(300);
      expect(answer.headers.get('access-control-allow-origin')).toBe(WEB);
      const allowed = (answer.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      for (const h of ['authorization', 'content-type', 'x-client-version', 'if-none-match']) expect(allowed).toContain(h);

      const res = await fetch(`${configured.api}/health`, { headers: { Origin: WEB } });
      expect(res.headers.get('access-control-allow-origin')).toBe(WEB);
      expect((res.headers.get('access-control-expose-headers') ?? '').toLowerCase()).toContain('retry-after');
    } finally {
      await configured.platform.close();
    }
  });

  it('gives no other origin leave to read its answers (a page elsewhere cannot use a clerk’s browser)', async () => {
    const configured = await startTestPlatform({ corsOrigins: [WEB] });
    try {
      for (const origin of ['http://evil.example', 'http://localhost:5174', 'https://localhost:5173', 'null', `${WEB}.evil.example`]) {
        const answer = await preflight(configured.api, origin);
        expect(answer.headers.get('access-control-allow-origin'), origin).toBeNull();
        const res = await fetch(`${configured.api}/health`, { headers: { Origin: origin } });
        expect(res.headers.get('access-control-allow-origin'), origin).toBeNull();
      }
      // Without configured origins (the default), no cross-origin page may read anything.
      const answer = await preflight(t.api, WEB);
      expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await configured.platform.close();
    }
  });
});

describe('unknown routes', () => {
  it('answer 404 not_found as a problem', async () => {
    const { token } = await enrolAndLogin(t);
    const res = await call(`${t.api}/nope`, { token });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
