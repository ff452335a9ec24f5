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

test('reload in the middle of the first snapshot download: resumed after the restart, stored blocks not fetched again', async ({
  cc,
  env,
}) => {
  test.slow(); // every block answers 150 ms late on purpose, and the platform's close waits for the last ones
  const terminalId = await cc.enrolAndLogin(env, { prefix: 'reload-pull' });
  const before = await env.snapshotState();
  await env.fault({ path: '/api/v1/snapshots/blocks', kind: 'latency', ms: 150 });
  await cc.call('startSync');
  await cc.waitFor((s) => (s.progress?.rows ?? 0) >= 100);
  await cc.reload({ prefix: 'reload-pull' });
  const interrupted = await cc.call('listState');
  expect(interrupted.rebuild).not.toBeNull();
  expect(interrupted.dataVersion).toBeNull();
  const stored = await cc.call('snapshotBlocksStored');
  expect(stored).toBeGreaterThan(0);
  await env.clearFaults();
  await cc.login(env);
  const resumed = await cc.call('syncNow');
  expect(resumed.dataVersion).not.toBeNull();
  expect(resumed.entryCount).toBeGreaterThan(100);
  // Only what was not stored yet (and what was in flight at the reload) was fetched after it.
  const after = await env.snapshotState();
  expect(after.blockRequests - before.blockRequests).toBeLessThanOrEqual(before.blocks + 6);
  expect(after.blockRequests - before.blockRequests).toBeGreaterThanOrEqual(before.blocks);
  await expectConsistent(cc, env, terminalId);
});
