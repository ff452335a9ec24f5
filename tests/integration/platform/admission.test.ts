/**
 * Admission control: while the platform holds as much bulk work as it may (here one outbox batch
 * whose body is still arriving), further batches and sync pages are refused at once with 503 and
 * Retry-After — before their bodies are read — while /health and lookups are still answered.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, CLIENT_VERSION, enrolAndLogin, startTestPlatform, type Login, type TestPlatform } from '../../helpers/platform';

let t: TestPlatform;
let clerk: Login;

beforeAll(async () => {
  t = await startTestPlatform({ admission: { maxBulkInFlight: 1, lagLimitMs: 0, retryAfterSeconds: 7 } });
  clerk = await enrolAndLogin(t);
});
afterAll(async () => {
  await t.platform.close();
});

/** An outbox batch whose headers arrive but whose body never finishes: it stays in flight. */
function holdOutboxBatch(): Promise<Socket> {
  const { hostname, port } = new URL(t.platform.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/v1/outbox HTTP/1.1\r\nHost: ${hostname}\r\nX-Client-Version: ${CLIENT_VERSION}\r\n` +
          `Authorization: Bearer ${clerk.token}\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"terminalId":`,
      );
      resolve(socket);
    });
    socket.on('error', reject);
  });
}

const batch = () => ({ terminalId: clerk.terminalId, mutations: [] });

async function untilStatus(probe: () => Promise<number>, wanted: (status: number) => boolean): Promise<number> {
  let status = 0;
  for (let i = 0; i < 100; i++) {
    status = await probe();
    if (wanted(status)) return status;
    await new Promise((r) => setTimeout(r, 20));
  }
  return status;
}

describe('admission control', () => {
  it('sheds further bulk work with 503 and Retry-After while health and lookups still answer', async () => {
    const held = await holdOutboxBatch();
    try {
      const outboxStatus = () => call(`${t.api}/outbox`, { token: clerk.token, body: batch() }).then((r) => r.status);
      expect(await untilStatus(outboxStatus, (s) => s === 503)).toBe(503);

      const refused = await call(`${t.api}/outbox`, { token: clerk.token, body: batch() });
      expect(refused.status).toBe(503);
      expect(refused.headers.get('retry-after')).toBe('7');
      expect(refused.body).toMatchObject({ code: 'unavailable', title: '信用平台繁忙，请稍后自动重试' });

      const page = await call(`${t.api}/sync/entries?limit=10`, { token: clerk.token });
      expect(page.status).toBe(503);
      expect(page.headers.get('retry-after')).toBe('7');

      const health = await call(`${t.api}/health`, { version: null });
      expect(health.status).toBe(200);
      expect(health.body.status).toBe('ok');

      const lookup = await call(`${t.api}/subjects/lookup`, {
        token: clerk.token,
        body: { identifier: SHOWCASE.cleanPerson.identifier, matter: 'PX-MF', caseNo: 'BJ-2026-0001' },
      });
      expect(lookup.status).toBe(200);
    } finally {
      held.destroy();
    }
    // The held batch is gone: bulk work is admitted again.
    const outboxStatus = () => call(`${t.api}/outbox`, { token: clerk.token, body: batch() }).then((r) => r.status);
    expect(await untilStatus(outboxStatus, (s) => s !== 503)).not.toBe(503);
  });
});
