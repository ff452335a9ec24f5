/** The page is reloaded (a crash, a closed window) in the middle of a push and of a pull. */
import { expect, expectConsistent, test } from './fixtures';

test('reload in the middle of a push: the rest is delivered after the restart, exactly once', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { prefix: 'reload-push', pushBatchSize: 5 });
  await cc.call('recordMany', 60);
  await env.fault({ path: '/api/v1/outbox', kind: 'latency', ms: 250 });
  await cc.call('startSync');
  await cc.waitFor((s) => s.outboxDepth > 0 && s.outboxDepth < 60);
  await cc.reload({ prefix: 'reload-push', pushBatchSize: 5 });
  await env.clearFaults();
  expect((await cc.call('journal')).outbox.length).toBeGreaterThan(0);
  await cc.login(env);
  await cc.call('syncNow');
  await expectConsistent(cc, env, terminalId);
});

test('reload in the middle of the first full pull: resumed from the stored cursor after the restart', async ({ cc, env }) => {
  const terminalId = await cc.enrolAndLogin(env, { prefix: 'reload-pull', pageSize: 25 });
  await env.fault({ path: '/api/v1/sync/entries', kind: 'latency', ms: 150 });
  await cc.call('startSync');
  await cc.waitFor((s) => (s.progress?.rows ?? 0) >= 100);
  await cc.reload({ prefix: 'reload-pull', pageSize: 25 });
  const interrupted = await cc.call('listState');
  expect(interrupted.rebuild?.cursor).toBeTruthy();
  expect(interrupted.dataVersion).toBeNull();
  await env.clearFaults();
  await cc.login(env);
  const resumed = await cc.call('syncNow');
  expect(resumed.dataVersion).not.toBeNull();
  expect(resumed.entryCount).toBeGreaterThan(100);
  await expectConsistent(cc, env, terminalId);
});
