/**
 * Deny by default: every protected route, under every spelling of its path an attacker might try
 * (percent-encoded letters and slashes, double slashes, dot segments, trailing slashes, upper case,
 * `;` parameters, the absolute form, HEAD), answers no data without a valid token and the right role.
 * Requests go over a raw socket so that no client library normalises the path first.
 */
import { request as httpRequest } from 'node:http';
import { beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, checkBody, CLIENT_VERSION, enrolAndLogin, platformForFile, type TestPlatform } from '../../helpers/platform';

interface RawAnswer {
  status: number;
  contentType: string;
  body: string;
}

function raw(t: TestPlatform, method: string, path: string, headers: Record<string, string>, body?: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(t.platform.url);
  return new Promise((resolve) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        method,
        path,
        headers: { 'X-Client-Version': CLIENT_VERSION, ...headers, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    // A connection the server closes answers nothing: no data either.
    req.on('error', () => resolve({ status: 0, contentType: '', body: '' }));
    req.end(body);
  });
}

/** Every way of writing `path` (which starts with /api/v1/) that a router or proxy might read as the same route. */
export function spellings(path: string, origin: string): string[] {
  const [p, query] = path.split('?', 2);
  const q = query === undefined ? '' : `?${query}`;
  const rest = p!.slice('/api/v1/'.length); // e.g. sync/entries
  const [first, ...others] = rest.split('/');
  const encodeAll = (s: string) => [...s].map((ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
  const variants = [
    `/%61pi/v1/${rest}`,
    `/%41PI/v1/${rest}`,
    `/api/%76%31/${rest}`,
    `/api/v1/${encodeAll(first!)}${others.length ? '/' + others.join('/') : ''}`,
    `/API/V1/${rest.toUpperCase()}`,
    `/Api/v1/${rest}`,
    `/api%2Fv1/${rest}`,
    `/api/v1%2F${rest}`,
    `/api/v1/${rest.replaceAll('/', '%2F')}`,
    `/api/v1/${rest.replaceAll('/', '%2f')}`,
    `//api/v1/${rest}`,
    `/api//v1/${rest}`,
    `/api/v1//${rest}`,
    `/api/v1/${rest.replaceAll('/', '//')}`,
    `/api/v1/x/../${rest}`,
    `/api/v1/./${rest}`,
    `/x/../api/v1/${rest}`,
    `/api/v1/x/%2e%2e/${rest}`,
    `/api/v1/x/%2E%2E%2F${rest}`,
    `/api/v1/${rest}/`,
    `/api/v1/${rest}//`,
    `/api/v1/${rest};x=1`,
    `/api;x=1/v1/${rest}`,
    `/api/v1;x=1/${rest}`,
    `/api/v1/${first};x=1${others.length ? '/' + others.join('/') : ''}`,
    `\\api\\v1\\${rest.replaceAll('/', '\\')}`,
    `/api/v1/${rest}%00`,
    `/api/v1/${rest}%20`,
    `/api/v1/${rest}.json`,
    `${origin}/api/v1/${rest}`,
  ];
  return [`/api/v1/${rest}`, ...variants].map((v) => v + q);
}

/** A protected route with a request that returns data to a caller with the right role. */
interface ProtectedRoute {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** The registered pattern when the path fills in a parameter. */
  pattern?: string;
  body?: unknown;
  /** clerk: any operator's session; counter: clerks and supervisors (not IT); supervisor: supervisors only; it: IT only. */
  role: 'clerk' | 'counter' | 'supervisor' | 'it';
  /** The right caller's answer when the sample must not write (a refusal that only an authorised caller reaches). */
  refusal?: string;
  /** Text only a successful answer contains. */
  dataMarker: string;
}

const PERSON = SHOWCASE.courtDishonestPerson.identifier;

const t = platformForFile();
let clerk: string;
let supervisor: string;
let it001: string;
let expired: string;

beforeAll(async () => {
  expired = (await enrolAndLogin(t, 's001')).token;
  await call(`${t.controls}/expire-sessions`, { method: 'POST', body: {} });
  clerk = (await enrolAndLogin(t, 'c001')).token;
  supervisor = (await enrolAndLogin(t, 's001')).token;
  it001 = (await enrolAndLogin(t, 'i001')).token;
  // Something for the supervisor records to return.
  const terminal = await enrolAndLogin(t, 'c001');
  await call(`${t.api}/outbox`, {
    token: terminal.token,
    body: {
      terminalId: terminal.terminalId,
      mutations: [
        {
          id: '01936f2e-0000-7000-8000-000000000001',
          seq: 1,
          kind: 'check',
          occurredAt: new Date().toISOString(),
          operatorId: 'c001',
          body: checkBody({ checkId: 'chk-access-1', caseNo: 'BJ-2026-0001', subjectIdentifier: PERSON }),
        },
      ],
    },
  });
});

const ROUTES: ProtectedRoute[] = [
  { method: 'GET', path: '/api/v1/catalog', role: 'clerk', dataMarker: '"matters"' },
  { method: 'GET', path: '/api/v1/sync/entries', role: 'clerk', dataMarker: '"changes"' },
  // The manifest carries the key that opens the blocks.
  { method: 'GET', path: '/api/v1/snapshots/manifest', role: 'clerk', dataMarker: '"statement"' },
  {
    method: 'POST',
    path: '/api/v1/subjects/lookup',
    body: { identifier: PERSON, matter: 'PX-MF', caseNo: 'BJ-2026-0001' },
    role: 'counter',
    dataMarker: '"profile"',
  },
  {
    method: 'POST',
    path: '/api/v1/subjects/search',
    body: { name: '李建军', matter: 'PX-MF', caseNo: 'BJ-2026-0001' },
    role: 'counter',
    dataMarker: '"candidates"',
  },
  {
    method: 'POST',
    path: '/api/v1/outbox',
    // Another terminal's id: the right caller gets 403, so nothing is written by this table.
    body: {
      terminalId: 'x',
      mutations: [
        {
          id: '01936f2e-0000-7000-8000-0000000000ff',
          seq: 1,
          kind: 'audit',
          occurredAt: new Date().toISOString(),
          operatorId: 'c001',
          body: {},
        },
      ],
    },
    role: 'clerk',
    dataMarker: '"results"',
    refusal: 'unknown_terminal',
  },
  { method: 'GET', path: '/api/v1/supervisor/records?kind=check', role: 'supervisor', dataMarker: '"records"' },
  { method: 'GET', path: '/api/v1/supervisor/name-search-alerts', role: 'supervisor', dataMarker: '"budgetPerHour"' },
  { method: 'GET', path: '/api/v1/supervisor/events', role: 'supervisor', dataMarker: '"events"' },
  {
    method: 'GET',
    path: '/api/v1/supervisor/open-measures?day=2026-12-01',
    pattern: '/api/v1/supervisor/open-measures',
    role: 'supervisor',
    dataMarker: '"operators"',
  },
  {
    method: 'GET',
    path: '/api/v1/supervisor/terminals/T-unknown/records?after=0',
    pattern: '/api/v1/supervisor/terminals/:terminalId/records',
    role: 'supervisor',
    dataMarker: '"records"',
  },
  { method: 'GET', path: '/api/v1/admin/load', role: 'it', dataMarker: '"rssMb"' },
  {
    method: 'GET',
    path: '/api/v1/supervisor/dashboard?from=2026-01-01&to=2026-12-31',
    pattern: '/api/v1/supervisor/dashboard',
    role: 'supervisor',
    dataMarker: '"checksByDay"',
  },
  {
    method: 'GET',
    path: '/api/v1/supervisor/dashboard/records?from=2026-01-01&to=2026-12-31&metric=check',
    pattern: '/api/v1/supervisor/dashboard/records',
    role: 'supervisor',
    dataMarker: '"rows"',
  },
  {
    method: 'GET',
    path: '/api/v1/supervisor/dashboard/export?from=2026-01-01&to=2026-12-31&format=csv',
    pattern: '/api/v1/supervisor/dashboard/export',
    role: 'supervisor',
    dataMarker: '核查总数',
  },
  {
    method: 'GET',
    path: '/api/v1/supervisor/checks/chk-access-1',
    pattern: '/api/v1/supervisor/checks/:checkId',
    role: 'supervisor',
    dataMarker: '"chk-access-1"',
  },
  { method: 'GET', path: '/api/v1/fleet/terminals', role: 'it', dataMarker: '"latestAppVersion"' },
  // An export that is not one: only IT reaches the validation, so nothing is imported by this table.
  {
    method: 'POST',
    path: '/api/v1/admin/journal-imports',
    body: { format: 'not-an-export' },
    role: 'it',
    dataMarker: '"eventId"',
    refusal: '记录导出文件格式错误',
  },
  {
    method: 'POST',
    path: '/api/v1/supervisor/records/01936f2e-0000-7000-8000-000000000001/unmask',
    pattern: '/api/v1/supervisor/records/:id/unmask',
    body: { reason: '核对' },
    role: 'supervisor',
    dataMarker: PERSON,
  },
  // Terminals keep the signed list of revoked slip keys; the slip check is a counter's question.
  { method: 'GET', path: '/api/v1/terminal-keys/revoked', role: 'clerk', dataMarker: 'credit-counter revoked terminal keys' },
  { method: 'POST', path: '/api/v1/slips/check', body: { slip: 'NOT A SLIP' }, role: 'counter', dataMarker: '"recordFound"' },
  // No slip under this 核验码: the refusal only a counter's session reaches.
  {
    method: 'POST',
    path: '/api/v1/slips/lookup',
    body: { reference: '00000-00000' },
    role: 'counter',
    dataMarker: '"slips"',
    refusal: 'slip_not_found',
  },
  // Logout answers no data, but must not act (204) for anyone but the session's holder.
  { method: 'DELETE', path: '/api/v1/sessions/current', role: 'clerk', dataMarker: '"never"' },
];

function tokenFor(role: ProtectedRoute['role']): string {
  if (role === 'it') return it001;
  return role === 'supervisor' ? supervisor : clerk;
}

/** Credentials that must never get data: none, garbage, an expired session, and (where a role is needed) the wrong role. */
function deniedCredentials(route: ProtectedRoute): Array<[string, Record<string, string>]> {
  const denied: Array<[string, Record<string, string>]> = [
    ['no token', {}],
    ['garbage token', { Authorization: 'Bearer not-a-token' }],
    ['empty bearer', { Authorization: 'Bearer ' }],
    ['expired session', { Authorization: `Bearer ${expired}` }],
    ['basic auth', { Authorization: `Basic ${Buffer.from('s001:demo1234').toString('base64')}` }],
  ];
  if (route.role === 'supervisor' || route.role === 'it') denied.push(['clerk token', { Authorization: `Bearer ${clerk}` }]);
  if (route.role === 'it') denied.push(['supervisor token', { Authorization: `Bearer ${supervisor}` }]);
  // IT administrators run the fleet; they look no applicant up.
  else if (route.role !== 'clerk') denied.push(['IT token', { Authorization: `Bearer ${it001}` }]);
  return denied;
}

/** The route pattern a sample path belongs to, as the platform registered it (`:param` for a sample's value). */
function patternOf(route: ProtectedRoute): string {
  return route.pattern ?? route.path.split('?')[0]!;
}

describe('the route table', () => {
  it('is all here: every protected route of the platform has a row in this test, and only these routes are open', () => {
    const registered = t.platform.routes.filter((r) => r.method !== 'HEAD');
    const open = registered.filter((r) => r.access === 'public').map((r) => `${r.method} ${r.url}`);
    // Snapshot blocks are sealed ciphertext, addressed by hash: what a shared HTTP cache serves to every terminal.
    expect(open.sort()).toEqual([
      'GET /api/v1/health',
      'GET /api/v1/snapshots/blocks/:hash',
      'GET /api/v1/snapshots/blocks/packs/:manifest/:index',
      'POST /api/v1/sessions',
      'POST /api/v1/terminals',
    ]);
    const covered = new Set(ROUTES.map((r) => `${r.method} ${patternOf(r)}`));
    const missing = registered.filter((r) => r.access !== 'public' && !covered.has(`${r.method} ${r.url}`));
    expect(missing).toEqual([]);
    // Every GET answers HEAD too, behind the same rule.
    for (const get of registered.filter((r) => r.method === 'GET')) {
      expect(t.platform.routes).toContainEqual({ method: 'HEAD', url: get.url, access: get.access });
    }
  });
});

describe('deny by default, whatever the spelling of the path', () => {
  it('the canonical spelling answers data to the right role (so the table below tests real routes)', async () => {
    for (const route of ROUTES) {
      // Logout is tried with a session of its own (it ends the session it is called with).
      const token = route.method === 'DELETE' ? (await enrolAndLogin(t, 'c001')).token : tokenFor(route.role);
      const answer = await raw(t, route.method, route.path, { Authorization: `Bearer ${token}` }, jsonBody(route));
      if (route.method === 'DELETE') expect(answer.status, route.path).toBe(204);
      else if (route.refusal !== undefined) expect(answer.body, route.path).toContain(route.refusal);
      else {
        expect(answer.status, route.path).toBe(200);
        expect(answer.body, route.path).toContain(route.dataMarker);
      }
    }
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path.split('?')[0]}: no data without a valid token and the right role`, async () => {
      const leaks: string[] = [];
      const notProblems: string[] = [];
      for (const spelling of spellings(route.path, t.platform.url)) {
        for (const method of route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]) {
          for (const [who, headers] of deniedCredentials(route)) {
            const answer = await raw(t, method, spelling, headers, method === 'POST' ? jsonBody(route) : undefined);
            const what = `${method} ${spelling} (${who}) → ${answer.status}`;
            if ((answer.status >= 200 && answer.status < 400) || answer.body.includes(route.dataMarker)) leaks.push(what);
            else if (answer.body !== '' && !answer.contentType.includes('application/problem+json')) notProblems.push(what);
          }
        }
      }
      expect(leaks).toEqual([]);
      expect(notProblems).toEqual([]);
    });
  }
});

function jsonBody(route: ProtectedRoute): string | undefined {
  return route.body === undefined ? undefined : JSON.stringify(route.body);
}
