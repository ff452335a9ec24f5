/**
 * An in-memory platform behind an axios adapter, for unit tests of the services: deterministic,
 * no sockets. The Chromium integration tests use the real reference platform instead.
 */
import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import type { ListEntry, Mutation, OfflineUnlock, Profile } from '../../../shared/contract';
import { problem } from '../../../shared/contract';
import { bytesToBase64, pbkdf2Sha256 } from '../data/webCrypto';
import { catalogue } from './fixtures';

export type FakeMode = 'up' | 'down' | 'timeout' | 'malformed' | 'error503' | 'unauthorized';

export class FakePlatform {
  mode: FakeMode = 'up';
  readonly profiles = new Map<string, Profile>();
  readonly entries: ListEntry[] = [];
  readonly mutations = new Map<string, Mutation>();
  nextSeq = 1;
  roles: Array<'clerk' | 'supervisor'> = ['clerk', 'supervisor'];
  dataVersion = 'v100';
  requests: string[] = [];
  /** Every enrolment request, with the address it was sent to. */
  readonly enrolments: Array<{ origin: string; body: Record<string, unknown> }> = [];
  /** Name-search candidate refs → identifiers (the real platform also ties them to a terminal and expires them). */
  readonly candidateRefs = new Map<string, string>();
  password = 'pw-123456';
  /** The operator's hourly name searches are used up (429 name_search_budget). */
  nameSearchBudgetSpent = false;
  private salt = new Uint8Array(16).fill(7);

  readonly adapter: AxiosAdapter = async (config) => {
    const method = (config.method ?? 'get').toUpperCase();
    const url = new URL(`${config.baseURL ?? ''}${config.url ?? ''}`);
    for (const [k, v] of Object.entries((config.params as Record<string, unknown> | undefined) ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const path = url.pathname.replace(/^\/api\/v1/, '');
    this.requests.push(`${method} ${path}`);
    if (this.mode === 'down') throw new AxiosError('connect ECONNREFUSED', 'ECONNREFUSED', config);
    if (this.mode === 'timeout') throw new AxiosError('timeout exceeded', 'ECONNABORTED', config);
    if (this.mode === 'error503') return this.reply(config, 503, problem(503, 'unavailable', '维护中'));
    if (this.mode === 'malformed' && path !== '/sessions') return this.reply(config, 200, '{"profile":{"subject":');
    if (this.mode === 'unauthorized' && path !== '/sessions') return this.reply(config, 401, problem(401, 'unauthorized', '登录已过期'));
    const body = typeof config.data === 'string' ? (JSON.parse(config.data) as Record<string, unknown>) : {};
    return this.route(config, method, path, url.searchParams, body);
  };

  private async route(
    config: InternalAxiosRequestConfig,
    method: string,
    path: string,
    query: URLSearchParams,
    body: Record<string, unknown>,
  ): Promise<AxiosResponse<string>> {
    if (method === 'POST' && path === '/terminals') {
      this.enrolments.push({ origin: new URL(config.baseURL ?? '').origin, body });
      return this.reply(config, 201, {
        terminalId: `T-${this.enrolments.length}`,
        terminalSecret: `secret-${this.enrolments.length}-0123456789abcdef`,
      });
    }
    if (method === 'POST' && path === '/sessions') {
      if (body.password !== this.password) return this.reply(config, 401, problem(401, 'unauthorized', '工号或密码错误'));
      const verifier = await pbkdf2Sha256(this.password, this.salt, 10_000);
      const unlock: OfflineUnlock = {
        algorithm: 'PBKDF2-SHA256',
        salt: bytesToBase64(this.salt),
        iterations: 10_000,
        verifier: bytesToBase64(verifier),
        validUntil: '2099-01-01T00:00:00Z',
      };
      return this.reply(config, 201, {
        token: 'token-0123456789abcdef',
        sessionId: 'session-1',
        expiresAt: '2099-01-01T00:00:00Z',
        operator: { id: String(body.operatorId), name: '王晓燕', department: '政务服务中心', roles: this.roles },
        offlineUnlock: unlock,
      });
    }
    if (method === 'DELETE' && path === '/sessions/current') return this.reply(config, 204, '');
    if (method === 'GET' && path === '/catalog') return this.reply(config, 200, catalogue(), { etag: '"cat-1"' });
    if (method === 'POST' && path === '/subjects/search') {
      if (this.nameSearchBudgetSpent) {
        return this.reply(
          config,
          429,
          problem(429, 'name_search_budget', '本小时的名称查询次数已用完（每小时最多 60 次）', { detail: '约 12 分钟后可再按名称查询' }),
          { 'retry-after': '700' },
        );
      }
      const name = String(body.name ?? '');
      const hits = [...this.profiles.values()].filter((p) => p.subject.name.startsWith(name));
      return this.reply(config, 200, {
        candidates: hits.map(({ subject: { identifier, ...subject }, entries }) => {
          const ref = `ref_${this.candidateRefs.size + 1}`;
          this.candidateRefs.set(ref, identifier);
          return { ...subject, ref, entryCount: entries.length };
        }),
        more: false,
        dataVersion: this.dataVersion,
      });
    }
    if (method === 'POST' && path === '/subjects/lookup') {
      const id = typeof body.ref === 'string' ? this.candidateRefs.get(body.ref) : String(body.identifier);
      if (id === undefined) return this.reply(config, 404, problem(404, 'not_found', '候选结果已过期，请重新按名称查询'));
      const profile = this.profiles.get(id);
      if (!profile) return this.reply(config, 404, problem(404, 'no_records', '无记录', { dataVersion: this.dataVersion }));
      return this.reply(config, 200, { profile, dataVersion: this.dataVersion, matchedBy: ['IDENTIFIER'] });
    }
    if (method === 'GET' && path === '/sync/entries') {
      return this.reply(config, 200, {
        epoch: 'ep1',
        full: !query.get('after'),
        changes: query.get('after') ? [] : this.entries.map((entry, i) => ({ seq: i + 1, op: 'put', entry })),
        cursor: `c${this.entries.length}`,
        hasMore: false,
        remaining: 0,
        dataVersion: this.dataVersion,
      });
    }
    if (method === 'POST' && path === '/outbox') {
      const results = [];
      for (const m of body.mutations as Mutation[]) {
        if (this.mutations.has(m.id)) {
          results.push({ id: m.id, seq: m.seq, status: 'duplicate', receivedAt: new Date().toISOString() });
          continue;
        }
        if (m.seq !== this.nextSeq) return this.reply(config, 409, problem(409, 'seq_gap', 'gap', { expectedSeq: this.nextSeq }));
        this.nextSeq += 1;
        this.mutations.set(m.id, m);
        results.push({ id: m.id, seq: m.seq, status: 'accepted', receivedAt: new Date().toISOString() });
      }
      return this.reply(config, 200, { results, nextSeq: this.nextSeq });
    }
    return this.reply(config, 404, problem(404, 'not_found', 'no route'));
  }

  private reply(
    config: InternalAxiosRequestConfig,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ): AxiosResponse<string> {
    return { status, statusText: String(status), data: typeof body === 'string' ? body : JSON.stringify(body), headers, config };
  }
}
