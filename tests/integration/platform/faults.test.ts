import { afterEach, describe, expect, it } from 'vitest';
import { HealthResponse } from '../../../shared/contract';
import { call, startTestPlatform, platformForFile } from '../../helpers/platform';

const t = platformForFile();

afterEach(async () => {
  await call(`${t.controls}/faults`, { method: 'DELETE' });
});

async function inject(spec: Record<string, unknown>): Promise<string> {
  const res = await call(`${t.controls}/faults`, { body: spec });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const health = () => fetch(`${t.api}/health`);

describe('fault injection', () => {
  it('latency delays matching requests, only as many times as asked', async () => {
    await inject({ path: '/api/v1/health', kind: 'latency', ms: 1500, times: 1 });
    let started = performance.now();
    expect((await health()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1490);
    started = performance.now();
    await health();
    expect(performance.now() - started).toBeLessThan(1400);
  });

  it('status answers the given status as a problem, with Retry-After for 503', async () => {
    await inject({ path: '/api/v1/health', kind: 'status', status: 503, times: 2 });
    for (let i = 0; i < 2; i++) {
      const res = await call(`${t.api}/health`);
      expect(res.status).toBe(503);
      expect(res.body.code).toBe('unavailable');
      expect(res.headers.get('retry-after')).toBe('1');
    }
    expect((await health()).status).toBe(200);
  });

  it('drop closes the connection before any answer', async () => {
    await inject({ path: '/api/v1/health', kind: 'drop', times: 1 });
    await expect(health()).rejects.toThrow();
    expect((await health()).status).toBe(200);
  });

  it('truncate sends half of the body and cuts the connection', async () => {
    await inject({ path: '/api/v1/health', kind: 'truncate', times: 1 });
    const res = await health();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('malformed answers 200 with a body that violates the schema', async () => {
    await inject({ path: '/api/v1/health', kind: 'malformed', times: 1 });
    const res = await health();
    expect(res.status).toBe(200);
    expect(HealthResponse.safeParse(await res.json()).success).toBe(false);

    await inject({ path: '/api/v1/health', kind: 'malformed', body: '<html>proxy error</html>', times: 1 });
    await expect((await health()).json()).rejects.toThrow();
  });

  it('hang never answers until the faults are reset', async () => {
    await inject({ path: '/api/v1/health', kind: 'hang' });
    await expect(fetch(`${t.api}/health`, { signal: AbortSignal.timeout(300) })).rejects.toThrow();
    const pending = fetch(`${t.api}/health`).then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 100));
    const reset = await call(`${t.controls}/faults`, { method: 'DELETE' });
    expect(reset.body.released).toBeGreaterThanOrEqual(1);
    expect(await pending).toBe('failed');
    expect((await health()).status).toBe(200);
  });

  it('matches by method and path prefix', async () => {
    await inject({ method: 'POST', path: '/api/v1/outbox', kind: 'status', status: 500 });
    expect((await health()).status).toBe(200);
    const res = await call(`${t.api}/outbox`, { body: {} });
    expect(res.status).toBe(500);
    expect(res.body.code).toBe('internal');
  });

  it('closing the platform releases hung requests', async () => {
    const other = await startTestPlatform();
    await call(`${other.controls}/faults`, { body: { path: '/api', kind: 'hang' } });
    const pending = fetch(`${other.api}/health`).catch(() => 'failed');
    await new Promise((r) => setTimeout(r, 100));
    await other.platform.close();
    expect(await pending).toBe('failed');
  });
});

describe('stopping the platform', () => {
  it('does not wait for a client that keeps a request open: the connection is cut and close() returns', async () => {
    const own = await startTestPlatform();
    await call(`${own.controls}/faults`, { body: { path: '/api/v1/health', kind: 'latency', ms: 120_000, times: 1 } });
    const held = fetch(`${own.api}/health`).then(
      () => 'answered',
      () => 'cut',
    );
    await new Promise((resolve) => setTimeout(resolve, 200)); // the request is in the platform's hands
    await own.platform.close();
    expect(await held).toBe('cut');
  }, 30_000);
});
