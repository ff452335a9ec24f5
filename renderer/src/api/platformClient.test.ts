import { AxiosError, type AxiosAdapter, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../tests/helpers/fixtures';
import { describeError, describeNotice } from '../i18n';
import { clockSkewNotice, clockSkewSeconds } from './clockSkew';
import { PlatformClient } from './platformClient';
import { parseRetryAfter } from './platformError';

type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

function adapterOf(reply: (config: InternalAxiosRequestConfig) => Reply, seen: InternalAxiosRequestConfig[] = []): AxiosAdapter {
  return async (config) => {
    seen.push(config);
    const r = reply(config);
    if (r instanceof Error) throw r;
    const response: AxiosResponse<string> = {
      status: r.status,
      statusText: String(r.status),
      data: typeof r.body === 'string' ? r.body : JSON.stringify(r.body ?? ''),
      headers: r.headers ?? {},
      config,
    };
    return response;
  };
}

function client(
  reply: (config: InternalAxiosRequestConfig) => Reply,
  seen?: InternalAxiosRequestConfig[],
  onServerTime?: (t: string) => void,
) {
  return new PlatformClient({
    platformUrl: 'http://platform.test/',
    appVersion: '0.1.0',
    getToken: () => 'tok-123456789012345',
    now: () => new Date('2024-06-01T08:00:00Z'),
    adapter: adapterOf(reply, seen),
    ...(onServerTime ? { onServerTime } : {}),
  });
}

describe('PlatformClient', () => {
  it('sends the client version and bearer token to /api/v1 and validates the body', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    const c = client(() => ({ status: 200, body: catalogue(), headers: { etag: '"c1"' } }), seen);
    const answer = await c.catalogue(null);
    expect(answer).toMatchObject({ notModified: false, etag: '"c1"' });
    expect(seen[0]?.baseURL).toBe('http://platform.test/api/v1');
    expect(seen[0]?.headers.get('X-Client-Version')).toBe('0.1.0');
    expect(seen[0]?.headers.get('Authorization')).toBe('Bearer tok-123456789012345');
  });

  it('uses If-None-Match and understands 304', async () => {
    const seen: InternalAxiosRequestConfig[] = [];
    const c = client(() => ({ status: 304 }), seen);
    expect(await c.catalogue('"c1"')).toEqual({ notModified: true });
    expect(seen[0]?.headers.get('If-None-Match')).toBe('"c1"');
  });

  it('a platform that does not know the terminal: our own Chinese message telling IT what to do, at login and at push', async () => {
    const unknown = client(() => ({
      status: 403,
      body: { type: 'urn:x', title: 'unknown terminal', status: 403, code: 'unknown_terminal', detail: 'terminal not registered' },
    }));
    for (const attempt of [
      () => unknown.createSession({ terminalId: 'T1', terminalSecret: 's', operatorId: 'c001', password: 'p' }),
      () => unknown.pushOutbox({ terminalId: 'T1', mutations: [] }),
    ]) {
      const error: unknown = await attempt().catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'rejected', userError: { code: 'unknown_terminal' } });
      expect(describeError(error)).toContain('请 IT 在本机重新注册终端');
    }
  });

  it('turns a body that breaks the contract into a malformed error (never returned)', async () => {
    const broken = client(() => ({ status: 200, body: { version: 'x', listTypes: 'nope' } }));
    await expect(broken.catalogue(null)).rejects.toMatchObject({ kind: 'malformed', transient: true });
    const truncated = client(() => ({ status: 200, body: '{"version":"x","fie' }));
    await expect(truncated.catalogue(null)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('refuses a catalogue whose version no check record could carry, instead of dead-lettering every check made with it', async () => {
    const long = client(() => ({ status: 200, body: { ...catalogue(), version: 'V'.repeat(65) } }));
    await expect(long.catalogue(null)).rejects.toMatchObject({ kind: 'malformed' });
  });

  it('maps 426, 429 (with Retry-After), 401, 5xx and business problems to Chinese user errors', async () => {
    const outdated = client(() => ({
      status: 426,
      body: { type: 't', title: 'Upgrade', status: 426, code: 'client_outdated', minimumVersion: '0.3.0' },
    }));
    const tooOld: unknown = await outdated.health().catch((e: unknown) => e);
    expect(tooOld).toMatchObject({ kind: 'outdated', userError: { code: 'client_outdated' } });
    expect(describeError(tooOld)).toContain('0.3.0');

    const limited = client(() => ({
      status: 429,
      body: { type: 't', title: 'Slow', status: 429, code: 'rate_limited' },
      headers: { 'retry-after': '17' },
    }));
    const slow: unknown = await limited.health().catch((e: unknown) => e);
    expect(slow).toMatchObject({ kind: 'rate-limited', retryAfterMs: 17_000, userError: { code: 'rate_limited' } });
    expect(describeError(slow)).toContain('17 秒');

    const expired = client(() => ({ status: 401, body: { type: 't', title: 'x', status: 401, code: 'unauthorized' } }));
    await expect(expired.health()).rejects.toMatchObject({ kind: 'unauthorized', userError: { code: 'session_expired' } });

    const down = client(() => ({ status: 503, body: 'Service Unavailable' }));
    await expect(down.health()).rejects.toMatchObject({ kind: 'server', status: 503, transient: true });

    const refused = client(() => ({
      status: 400,
      body: {
        type: 't',
        title: 'bad',
        status: 400,
        code: 'invalid_identifier',
        detail: '第 18 位校验码应为 X',
        parseError: { code: 'BAD_CHECK', message: 'm', position: 18, expected: 'X' },
      },
    }));
    await expect(refused.lookup({ identifier: 'x' }, { matterCode: 'M', caseNo: 'C' })).rejects.toMatchObject({
      kind: 'rejected',
      userError: { code: 'invalid_identifier', message: '第 18 位校验码应为 X', position: 18, expected: 'X' },
    });
  });

  it('classifies the 409 answers the engines act on: resync (rebuild the lists) and seq_gap (with the expected seq)', async () => {
    const problem = (code: string, extra: object = {}) => ({
      status: 409,
      body: { type: 't', title: 'Conflict', status: 409, code, ...extra },
    });
    await expect(client(() => problem('resync')).syncEntries('c1', 100)).rejects.toMatchObject({ kind: 'resync', refused: true });
    await expect(
      client(() => problem('seq_gap', { expectedSeq: 7 })).pushOutbox({ terminalId: 'T1', mutations: [] }),
    ).rejects.toMatchObject({
      kind: 'seq-gap',
      expectedSeq: 7,
      refused: true,
    });
    // An expected seq the push engine could not act on is no seq at all.
    await expect(
      client(() => problem('seq_gap', { expectedSeq: 0 })).pushOutbox({ terminalId: 'T1', mutations: [] }),
    ).rejects.toMatchObject({
      kind: 'seq-gap',
      expectedSeq: null,
    });
    await expect(client(() => problem('other_conflict')).health()).rejects.toMatchObject({ kind: 'rejected', expectedSeq: null });
  });

  it('reads 404 no_records as "no records" with the data version', async () => {
    const c = client(() => ({ status: 404, body: { type: 't', title: 'none', status: 404, code: 'no_records', dataVersion: 'v9' } }));
    expect(await c.lookup({ identifier: '371002198001011234' }, { matterCode: 'M', caseNo: 'C' })).toEqual({
      found: false,
      dataVersion: 'v9',
    });
  });

  it('classifies transport failures', async () => {
    const timeout = client(() => new AxiosError('timeout of 4000ms exceeded', 'ECONNABORTED'));
    const late: unknown = await timeout.health().catch((e: unknown) => e);
    expect(late).toMatchObject({ kind: 'timeout', userError: { code: 'timeout' } });
    expect(describeError(late)).toBe('信用平台响应超时');
    const proxyTimeout = client(() => ({ status: 408, body: '<html>Request Timeout</html>' }));
    await expect(proxyTimeout.health()).rejects.toMatchObject({ kind: 'timeout', status: 408, transient: true });
    const reset = client(() => new AxiosError('socket hang up', 'ECONNRESET'));
    await expect(reset.health()).rejects.toMatchObject({ kind: 'network' });
  });

  it('reports the Date header for the clock-skew check', async () => {
    const times: string[] = [];
    const c = client(
      () => ({ status: 304, headers: { date: 'Sat, 01 Jun 2024 07:50:00 GMT' } }),
      undefined,
      (t) => times.push(t),
    );
    await c.catalogue('"x"');
    expect(times).toEqual(['Sat, 01 Jun 2024 07:50:00 GMT']);
    const skew = clockSkewSeconds(times[0], new Date('2024-06-01T08:00:00Z'));
    expect(skew).toBe(600);
    expect(describeNotice(clockSkewNotice(skew)!)).toContain('10 分钟');
    expect(clockSkewNotice(120)).toBeNull();
  });

  it('parses Retry-After as seconds or as an HTTP date', () => {
    const now = new Date('2024-06-01T08:00:00Z');
    expect(parseRetryAfter('5', now)).toBe(5_000);
    expect(parseRetryAfter('Sat, 01 Jun 2024 08:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon', now)).toBeNull();
  });
});
