/**
 * Bad input, one of each kind, over real HTTP: a malformed body, content type, URL, cursor, token
 * or header gets a problem in Chinese with a stable type — and writes nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_VERSION, enrolAndLogin, type Login, platformForFile } from '../../helpers/platform';

const t = platformForFile();
let session: Login;

beforeAll(async () => {
  session = await enrolAndLogin(t);
});

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  status: number;
}

const CJK = /[\u4e00-\u9fff]/;

async function storedCounts(): Promise<string> {
  const mutations = (await (await fetch(`${t.controls}/mutations`)).json()) as { mutations: unknown[] };
  return JSON.stringify({ mutations: mutations.mutations.length });
}

describe('bad input', () => {
  const cases = (): Case[] => [
    { name: 'body that is not JSON', method: 'POST', path: '/outbox', body: '{"terminalId":', status: 400 },
    { name: 'empty JSON body', method: 'POST', path: '/outbox', body: '', status: 400 },
    { name: 'JSON of the wrong shape', method: 'POST', path: '/outbox', body: '[1,2,3]', status: 400 },
    {
      name: 'content type that is not JSON',
      method: 'POST',
      path: '/outbox',
      headers: { 'Content-Type': 'text/plain' },
      body: 'x',
      status: 415,
    },
    {
      name: 'body over the size limit',
      method: 'POST',
      path: '/outbox',
      body: JSON.stringify({ terminalId: session.terminalId, pad: 'x'.repeat(9 * 1024 * 1024) }),
      status: 413,
    },
    { name: 'URL that does not decode', method: 'GET', path: '/sync/entries%E0%A4%A', status: 400 },
    { name: 'cursor nobody issued', method: 'GET', path: '/sync/entries?after=bm90LWEtY3Vyc29y', status: 409 },
    { name: 'limit out of range', method: 'GET', path: '/sync/entries?limit=99999999', status: 400 },
    { name: 'query of the wrong kind', method: 'GET', path: '/supervisor/records?kind=everything', status: 403 },
    { name: 'garbage token', method: 'GET', path: '/catalog', headers: { Authorization: 'Bearer ####' }, status: 401 },
    { name: 'token of the wrong scheme', method: 'GET', path: '/catalog', headers: { Authorization: 'Token abc' }, status: 401 },
    { name: 'client version that is no version', method: 'GET', path: '/catalog', headers: { 'X-Client-Version': '1.x' }, status: 426 },
    {
      name: 'lookup body of the wrong types',
      method: 'POST',
      path: '/subjects/lookup',
      body: '{"identifier":1,"matter":[],"caseNo":{}}',
      status: 400,
    },
    { name: 'method the route does not have', method: 'PUT', path: '/catalog', status: 404 },
  ];

  it('gets a problem in Chinese with a stable type, and writes nothing', async () => {
    const before = await storedCounts();
    for (const c of cases()) {
      const headers: Record<string, string> = {
        'X-Client-Version': CLIENT_VERSION,
        Authorization: `Bearer ${session.token}`,
        ...(c.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        ...c.headers,
      };
      const res = await fetch(`${t.api}${c.path}`, { method: c.method, headers, ...(c.body !== undefined ? { body: c.body } : {}) });
      const text = await res.text();
      expect(res.status, `${c.name}: ${text}`).toBe(c.status);
      expect(res.headers.get('content-type'), c.name).toContain('application/problem+json');
      const problem = JSON.parse(text) as { type: string; code: string; title: string; detail?: string; status: number };
      expect(problem.type, c.name).toBe(`urn:credit-counter:problem:${problem.code}`);
      expect(problem.status, c.name).toBe(c.status);
      expect(problem.title, c.name).toMatch(CJK);
      if (problem.detail !== undefined) expect(problem.detail, c.name).toMatch(CJK);
    }
    expect(await storedCounts()).toBe(before);
  });
});
