/**
 * Bad input, generated: well over 10,000 requests across every API route (and spellings of them),
 * with malformed paths, queries, cursors, bodies, tokens and headers, through the real guard and
 * routes (fastify's inject: no sockets, same hooks). Every answer is below 500; an answer with data
 * goes only to a session that the route's access (as written down here) admits; a refusal is a
 * problem in Chinese with a stable type and writes nothing (the access log's record of a refused
 * lookup, search or unmask attempt is the one intended exception); the platform still answers
 * afterwards. Fixed seed; the run takes some seconds.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../auth/guard';
import { createPlatformApp, type PlatformApp } from '../server';
import { SHOWCASE } from '../seed/showcase';
import { MATTERS } from '../seed/catalogue';
import { checkBody } from '../../tests/helpers/platform';

const SEED = 20_261_202;
const RUNS = 10_500;
const VERSION = { 'x-client-version': '0.1.0' };

let platform: PlatformApp;
let app: FastifyInstance;
const tokens: Record<'clerk' | 'supervisor' | 'it', string> = { clerk: '', supervisor: '', it: '' };
let terminalId = '';
let recordId = '';

const OPERATORS = { clerk: 'c001', supervisor: 's001', it: 'i001' } as const;
let terminal: { terminalId: string; terminalSecret: string };

async function signIn(role: keyof typeof OPERATORS): Promise<void> {
  const session = await inject('POST', '/api/v1/sessions', { ...terminal, operatorId: OPERATORS[role], password: 'demo1234' });
  tokens[role] = session.json().token;
}

async function inject(method: string, url: string, body?: unknown, headers: Record<string, string> = {}) {
  return app.inject({
    method: method as 'GET',
    url,
    headers: { ...VERSION, ...headers },
    ...(body !== undefined ? { payload: body as object } : {}),
  });
}

beforeAll(async () => {
  platform = await createPlatformApp({
    db: ':memory:',
    subjects: 40,
    logger: false,
    rateLimitPerMinute: 0,
    // Load shedding is a 503 by design; this run is about what each route makes of its input.
    admission: { lagLimitMs: 0 },
  });
  app = platform.app;
  const enrolled = (await inject('POST', '/api/v1/terminals', { enrolmentCode: platform.enrolmentCode, name: '模糊测试' })).json();
  terminalId = enrolled.terminalId;
  terminal = enrolled;
  for (const role of ['clerk', 'supervisor', 'it'] as const) await signIn(role);
  // One accepted record, so record routes have something real to find.
  recordId = '01936f2e-0000-7000-8000-00000000f001';
  const pushed = await inject(
    'POST',
    '/api/v1/outbox',
    {
      terminalId,
      mutations: [
        {
          id: recordId,
          seq: 1,
          kind: 'check',
          occurredAt: new Date().toISOString(),
          operatorId: 'c001',
          body: checkBody({ checkId: 'chk-fuzz', caseNo: 'BJ-2026-0001', subjectIdentifier: SHOWCASE.courtDishonestPerson.identifier }),
        },
      ],
    },
    { authorization: `Bearer ${tokens.clerk}` },
  );
  expect(pushed.statusCode).toBe(200);
});
afterAll(async () => {
  await app.close();
  platform.ctx.db.close();
});

// ---- what a request is made of ----------------------------------------------------------------

const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', ' ', '%', '%zz', '%00', '..', '../..', '\u0000', '😀', '　', 'null', '-1', '1e309', 'NaN', '[]', '{}'),
);
const identifier = fc.oneof(
  fc.constantFrom(
    SHOWCASE.courtDishonestPerson.identifier,
    SHOWCASE.redCompany.identifier,
    '371082620403031',
    '267412899',
    '371002198805121235',
    'ref_AAAAAAAAAAAAAAAAAAAAAA',
  ),
  junk,
);
const matterCode = fc.oneof(fc.constantFrom(...MATTERS.map((m) => m.code)), junk);
const caseNo = fc.oneof(fc.constantFrom('BJ-2026-0001', 'XK-2026-000123', 'CG-2026-0001', 'SP-1'), junk);
const anyJson = fc.jsonValue({ maxDepth: 3 });
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });

const mutation = fc.record(
  {
    id: fc.oneof(fc.uuid({ version: 7 }), junk),
    seq: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constant(2 ** 53), junk),
    kind: fc.oneof(fc.constantFrom('check', 'feedback', 'commitment', 'audit'), junk),
    occurredAt: fc.oneof(
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      junk,
    ),
    operatorId: fc.oneof(fc.constantFrom('c001', 's001', 'ghost', 'system'), junk),
    body: fc.oneof(anyJson, fc.record({ checkId: junk, matterCode, caseNo, subjectIdentifier: identifier })),
  },
  { requiredKeys: [] },
);

/** A body in roughly the shape the route expects (so the fuzz gets past the first check), or anything at all. */
function bodyFor(url: string): fc.Arbitrary<unknown> {
  const shaped: Record<string, fc.Arbitrary<unknown>> = {
    '/api/v1/subjects/lookup': fc.record({ identifier, ref: identifier, matter: matterCode, caseNo, extra: anyJson }, { requiredKeys: [] }),
    '/api/v1/subjects/search': fc.record(
      { name: fc.oneof(fc.constantFrom('李建军', 'LJJ', '王', '王振', 'W'), junk), matter: matterCode, caseNo },
      { requiredKeys: [] },
    ),
    '/api/v1/outbox': fc.record(
      { terminalId: fc.oneof(fc.constant(terminalId), junk), mutations: fc.oneof(fc.array(mutation, { maxLength: 4 }), anyJson) },
      { requiredKeys: [] },
    ),
    '/api/v1/terminals': fc.record({ enrolmentCode: fc.oneof(fc.constant('WRONG'), junk), name: junk }, { requiredKeys: [] }),
    // Mostly malformed: a well-formed login costs a slow password hash, so only a few are generated.
    '/api/v1/sessions': fc.oneof(
      { weight: 30, arbitrary: fc.record({ terminalId: anyJson, operatorId: anyJson }, { requiredKeys: [] }) },
      {
        weight: 1,
        arbitrary: fc.record({
          terminalId: fc.constant(terminalId),
          terminalSecret: junk,
          operatorId: junk,
          password: junk,
          revokeSessions: anyJson,
        }),
      },
    ),
    '/api/v1/supervisor/records/:id/unmask': fc.record({ reason: fc.oneof(junk, anyJson) }, { requiredKeys: [] }),
  };
  return fc.oneof(
    { weight: 4, arbitrary: shaped[url] ?? anyJson },
    { weight: 1, arbitrary: anyJson },
    { weight: 1, arbitrary: fc.string({ maxLength: 60 }).map((text) => ({ raw: text })) },
  );
}

const queryKey = fc.constantFrom(
  'kind',
  'limit',
  'after',
  'from',
  'to',
  'terminalId',
  'name',
  'matter',
  'caseNo',
  'department',
  'terminal',
  'metric',
  'key',
  'format',
  'offset',
  'troubled',
  'flag',
  'x',
  '__proto__',
  'constructor',
);
const queryValue = fc.oneof(
  junk,
  fc.constantFrom(
    'check',
    'audit',
    'feedback',
    'commitment',
    '0',
    '1',
    '10001',
    '-5',
    '2026-12-01T00:00:00Z',
    'F.0.0',
    'eyJ9',
    '2026-12-01',
    '2026-02-30',
    'xlsx',
    'csv',
    'declined',
    'MUST|OPEN',
  ),
  fc.base64String({ maxLength: 40 }),
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 4 });

const credential = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('clerk', 'supervisor', 'it') },
  { weight: 1, arbitrary: fc.constantFrom('none', 'garbage', 'basic', 'bearer-empty', 'bearer-junk') },
);
const version = fc.oneof(
  { weight: 8, arbitrary: fc.constant('0.1.0') },
  { weight: 1, arbitrary: fc.constantFrom('none', '0.0.1', 'garbage', '99.0.0', '0.1.0.0', '') },
);
const contentType = fc.oneof(
  { weight: 6, arbitrary: fc.constant('application/json') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'application/json; charset=utf-8',
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'none',
      'application/problem+json',
    ),
  },
);

/** How the path of a route is written: as registered, or in a way a router or proxy might mistake for it. */
const spelling = fc.oneof(
  { weight: 12, arbitrary: fc.constant('plain') },
  { weight: 1, arbitrary: fc.constantFrom('encoded', 'upper', 'double-slash', 'trailing', 'dots', 'semicolon', 'suffix') },
);

function spell(path: string, how: string, extra: string): string {
  switch (how) {
    case 'encoded':
      return path.replace(/[a-z]/, (ch) => `%${ch.charCodeAt(0).toString(16)}`);
    case 'upper':
      return path.toUpperCase();
    case 'double-slash':
      return path.replace('/v1/', '/v1//');
    case 'trailing':
      return `${path}/`;
    case 'dots':
      return path.replace('/v1/', '/v1/x/../');
    case 'semicolon':
      return `${path};${encodeURIComponent(extra)}`;
    case 'suffix':
      return `${path}/${encodeURIComponent(extra)}`;
    default:
      return path;
  }
}

interface Generated {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload: string | undefined;
  /** The route the request was made for, and whose session (if any) it carries. */
  route: PlatformApp['routes'][number];
  credential: string;
}

function request(routes: PlatformApp['routes']): fc.Arbitrary<Generated> {
  return fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'), { nil: undefined, freq: 12 }),
      param: fc.oneof({ weight: 3, arbitrary: fc.constant(recordId) }, { weight: 1, arbitrary: junk }),
      how: spelling,
      extra: junk,
      query,
      credential,
      version,
      contentType,
      ifNoneMatch: maybe(junk),
      origin: maybe(fc.constantFrom('http://evil.example', 'null', 'http://127.0.0.1:5173')),
      body: fc.constant(null),
    })
    .chain((r) =>
      fc.record({
        r: fc.constant(r),
        body: maybe(bodyFor(r.route.url)),
        rawBody: fc.option(fc.string({ maxLength: 80 }), { nil: undefined, freq: 8 }),
      }),
    )
    .map(({ r, body, rawBody }) => {
      const method = r.otherMethod ?? r.route.method;
      const path = spell(r.route.url.replace(/:[A-Za-z]+/g, encodeURIComponent(r.param)), r.how, r.extra);
      const search = new URLSearchParams(r.query).toString();
      const headers: Record<string, string> = {};
      const token =
        r.credential === 'clerk' || r.credential === 'supervisor' || r.credential === 'it'
          ? `Bearer ${tokens[r.credential]}`
          : r.credential === 'garbage'
            ? 'Bearer not-a-real-token-at-all'
            : r.credential === 'basic'
              ? 'Basic czAwMTpkZW1vMTIzNA=='
              : r.credential === 'bearer-empty'
                ? 'Bearer '
                : r.credential === 'bearer-junk'
                  ? `Bearer ${r.extra}`
                  : null;
      if (token !== null) headers.authorization = token.replace(/[^\t\x20-\x7e]/g, '?');
      if (r.version !== 'none') headers['x-client-version'] = r.version;
      if (r.ifNoneMatch !== undefined) headers['if-none-match'] = r.ifNoneMatch.replace(/[^\t\x20-\x7e]/g, '?');
      if (r.origin !== undefined) headers.origin = r.origin;
      let payload: string | undefined;
      if (method !== 'GET' && method !== 'HEAD') {
        payload = rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
        if (payload !== undefined && r.contentType !== 'none') headers['content-type'] = r.contentType;
      }
      return { method, url: search ? `${path}?${search}` : path, headers, payload, route: r.route, credential: r.credential };
    });
}

// ---- what must hold for every answer ------------------------------------------------------------

const CJK = /[\u4e00-\u9fff]/;

/**
 * Who may call each route, written down here rather than read from the platform: a route that
 * declared itself open by mistake (or a guard that let a spelling through) must still fail the run.
 */
const EXPECTED_ACCESS: Record<string, Access> = {
  'GET /api/v1/health': 'public',
  'POST /api/v1/terminals': 'public',
  'POST /api/v1/sessions': 'public',
  'DELETE /api/v1/sessions/current': 'operator',
  'GET /api/v1/catalog': 'operator',
  'GET /api/v1/sync/entries': 'operator',
  'GET /api/v1/snapshots/manifest': 'operator',
  // Sealed ciphertext addressed by its hash: what any HTTP cache may serve to anyone.
  'GET /api/v1/snapshots/blocks/:hash': 'public',
  'GET /api/v1/snapshots/blocks/packs/:manifest/:index': 'public',
  'POST /api/v1/outbox': 'operator',
  'POST /api/v1/subjects/lookup': 'counter',
  'POST /api/v1/subjects/search': 'counter',
  'GET /api/v1/supervisor/records': 'supervisor',
  'POST /api/v1/supervisor/records/:id/unmask': 'supervisor',
  'GET /api/v1/supervisor/name-search-alerts': 'supervisor',
  'GET /api/v1/supervisor/events': 'supervisor',
  'GET /api/v1/supervisor/open-measures': 'supervisor',
  'GET /api/v1/supervisor/dashboard': 'supervisor',
  'GET /api/v1/supervisor/dashboard/records': 'supervisor',
  'GET /api/v1/supervisor/dashboard/export': 'supervisor',
  'GET /api/v1/supervisor/checks/:checkId': 'supervisor',
  'GET /api/v1/fleet/terminals': 'it',
  'POST /api/v1/admin/journal-imports': 'it',
  'GET /api/v1/terminal-keys/revoked': 'operator',
  'POST /api/v1/slips/check': 'counter',
  'POST /api/v1/slips/lookup': 'counter',
  'GET /api/v1/admin/load': 'it',
  'GET /api/v1/supervisor/terminals/:terminalId/records': 'supervisor',
};

function expectedAccess(route: { method: string; url: string }): Access | undefined {
  return EXPECTED_ACCESS[`${route.method === 'HEAD' ? 'GET' : route.method} ${route.url}`];
}

/** Whether a credential of the generator is a session whose roles the access rule admits. */
function admits(access: Access, credential: string): boolean {
  const roles = { clerk: ['clerk'], supervisor: ['supervisor'], it: ['it'] }[credential as 'clerk' | 'supervisor' | 'it'];
  if (roles === undefined) return access === 'public';
  if (access === 'counter') return roles.includes('clerk') || roles.includes('supervisor');
  if (access === 'supervisor' || access === 'it') return roles.includes(access);
  return true;
}

function writesSoFar(): { total: number; accessLog: number } {
  const db = platform.ctx.db;
  const total = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const accessLog = (db.prepare('SELECT count(*) AS n FROM access_log').get() as { n: number }).n;
  return { total, accessLog };
}

describe('fuzzed requests against every API route', () => {
  it(`${RUNS.toLocaleString()} generated requests: no 500, no data without a session the route admits, problems in Chinese with a stable type, nothing written when refused`, async () => {
    expect(platform.routes.length).toBeGreaterThanOrEqual(12);
    // Every route the platform serves has its expected access written down above.
    expect(platform.routes.filter((route) => expectedAccess(route) === undefined)).toEqual([]);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(request(platform.routes), async (r) => {
        const before = writesSoFar();
        const res = await app.inject({
          method: r.method as 'GET',
          url: r.url,
          headers: { ...r.headers },
          ...(r.payload !== undefined ? { payload: r.payload } : {}),
        });
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        // A generated logout ended a session the generator hands out: sign that operator in again.
        if (res.statusCode === 204) {
          const role = (Object.keys(tokens) as Array<keyof typeof tokens>).find((k) => r.headers.authorization === `Bearer ${tokens[k]}`);
          if (role) await signIn(role);
        }
        const where = `${r.method} ${r.url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, where).toBeLessThan(500);
        // Deny by default, whatever the spelling or the method: an answer that is no refusal (a CORS
        // preflight aside, which carries no data) goes only to a session the route's rule admits.
        if (res.statusCode < 400 && r.method !== 'OPTIONS') {
          expect(admits(expectedAccess(r.route) ?? 'it', r.credential), `${where} (${r.credential})`).toBe(true);
        }
        if (res.statusCode >= 400) {
          if (r.method !== 'HEAD') {
            expect(String(res.headers['content-type']), where).toContain('application/problem+json');
            const problem = JSON.parse(res.body) as { type: string; title: string; code: string; status: number };
            expect(problem.type, where).toBe(`urn:credit-counter:problem:${problem.code}`);
            expect(problem.status, where).toBe(res.statusCode);
            expect(problem.title, where).toMatch(CJK);
          }
          // A refused request writes nothing but, for lookups, searches and unmasks, the record of the attempt.
          const after = writesSoFar();
          expect(after.total - before.total, where).toBe(after.accessLog - before.accessLog);
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    // The generated mix reaches the routes' own checks, not only the guard in front of them.
    const reached = [...statuses.entries()].filter(([status]) => status !== 401 && status !== 404 && status !== 426);
    expect(reached.reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(RUNS / 4);
    expect(statuses.get(200)).toBeGreaterThan(100);

    // Still answering.
    const health = await inject('GET', '/api/v1/health');
    expect(health.statusCode).toBe(200);
    const catalogue = await inject('GET', '/api/v1/catalog', undefined, { authorization: `Bearer ${tokens.clerk}` });
    expect(catalogue.statusCode).toBe(200);
  }, 240_000);
});
