/** Push under hostile conditions: lost replies, duplicates, restarts, gaps, rejections, 401, 429. */
import { expect, expectConsistent, test } from './fixtures';

test('lost replies (the platform applied the batch, the answer never came): resent, applied once', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { pushBatchSize: 8 });
  await cc.call('recordMany', 20);
  await env.fault({ path: '/api/v1/outbox', kind: 'drop_after', times: 12 });
  // Chromium itself resends a POST whose reused keep-alive connection was reset before any reply
  // byte arrived, on each idle connection it holds (the snapshot download left several), so only
  // some of the twelve lost replies reach the app as failures; either way everything is resent.
  let failures = 0;
  for (let attempt = 0; attempt < 10; attempt++) {
    const status = await cc.call('syncNow');
    if (status.lastError === null) break;
    expect(status.lastError.code).toBe('network');
    failures += 1;
  }
  expect(failures).toBeGreaterThanOrEqual(1);
  expect(await cc.call('status')).toMatchObject({ lastError: null, outboxDepth: 0 });
  await expectConsistent(cc, env, terminalId);
});

test('duplicate delivery: mutations sent again after being applied are answered "duplicate" and not applied twice', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  await cc.call('recordMany', 10);
  await cc.call('syncNow');
  const before = (await env.mutations(terminalId)).length;
  expect(await cc.call('requeueDelivered', 6)).toBe(6);
  expect((await cc.call('syncNow')).outboxDepth).toBe(0);
  expect((await env.mutations(terminalId)).length).toBe(before);
  await expectConsistent(cc, env, terminalId);
});

test('platform restart in the middle of a push', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { pushBatchSize: 5 });
  await cc.call('recordMany', 40);
  await env.fault({ path: '/api/v1/outbox', kind: 'latency', ms: 150 });
  await cc.call('startSync');
  await cc.waitFor((s) => s.outboxDepth > 0 && s.outboxDepth < 40);
  await env.restart(); // same port, same database file; faults are gone
  await cc.waitFor((s) => !s.syncing);
  // The session token survives a restart (sessions are in the database); just sync again.
  const done = await cc.call('syncNow');
  expect(done).toMatchObject({ lastError: null, outboxDepth: 0 });
  await expectConsistent(cc, env, terminalId);
});

test('a seq gap: the platform restored from a backup asks for seqs already delivered; they are sent again', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  await cc.call('recordMany', 5);
  await cc.call('syncNow');
  await env.stop();
  env.snapshot('backup');
  await env.start();
  await cc.call('recordMany', 5);
  await cc.call('syncNow');
  const beforeLoss = await env.mutations(terminalId);
  // The platform loses everything after the backup.
  await env.stop();
  env.restore('backup');
  await env.start();
  expect((await env.mutations(terminalId)).length).toBeLessThan(beforeLoss.length);
  await cc.call('recordMany', 3);
  const done = await cc.call('syncNow');
  expect(done).toMatchObject({ lastError: null, outboxDepth: 0 });
  const after = await env.mutations(terminalId);
  expect(after.map((m) => m.id)).toEqual(expect.arrayContaining(beforeLoss.map((m) => m.id)));
  await expectConsistent(cc, env, terminalId);
});

test('a rejected mutation goes to the dead letters with its reason and does not block the queue', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  await cc.call('recordMany', 3);
  const bad = await cc.call('enqueueRaw', 'feedback', {
    feedbackId: 'fb-x',
    checkId: 'no-such-check',
    matterCode: 'NO-SUCH-MATTER',
    measureCode: 'P-COURT-PROC',
    decision: 'APPLIED',
    department: '测试',
    dataVersion: 'v',
  });
  await cc.call('recordMany', 3);
  const done = await cc.call('syncNow');
  expect(done).toMatchObject({ outboxDepth: 0, deadLetterCount: 1 });
  const journal = await cc.call('journal');
  expect(journal.dead).toEqual([expect.objectContaining({ id: bad.id, seq: bad.seq, reason: expect.stringContaining('NO-SUCH-MATTER') })]);
  await expectConsistent(cc, env, terminalId);
});

test('401 in the middle of sync: the queue waits for the next login, then drains', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  await cc.call('recordMany', 12);
  await env.control('/expire-sessions');
  const stopped = await cc.call('syncNow');
  expect(stopped.lastError).toMatchObject({ code: 'session_expired', message: expect.stringContaining('重新登录') });
  expect(stopped.outboxDepth).toBe(12);
  await cc.login(env);
  await cc.call('syncNow');
  await cc.waitFor((s) => !s.syncing && s.outboxDepth === 0);
  await expectConsistent(cc, env, terminalId);
});

test('401 in the middle of a pull: the rebuild keeps its place and resumes after the next login', async ({ cc, env }) => {
  const terminalId = await cc.enrolAndLogin(env, { pageSize: 20 });
  // Blocks are anonymous, so the expired login stops the rebuild at the deltas after its snapshot.
  await env.fault({ path: '/api/v1/snapshots/blocks', kind: 'latency', ms: 150 });
  await cc.call('startSync');
  await cc.waitFor((s) => (s.progress?.rows ?? 0) >= 60);
  await env.control('/expire-sessions');
  await cc.waitFor((s) => !s.syncing);
  expect((await cc.call('status')).lastError).toMatchObject({ code: 'session_expired' });
  const interrupted = await cc.call('listState');
  expect(interrupted.rebuild?.cursor).toBeTruthy();
  await env.clearFaults();
  await cc.login(env);
  expect(await cc.call('syncNow')).toMatchObject({ lastError: null });
  await expectConsistent(cc, env, terminalId);
});

test('429 with Retry-After: the engine waits at least that long, then retries by itself', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { autoStart: true, intervalMs: 600_000 });
  await cc.waitFor((s) => !s.syncing);
  await cc.call('recordMany', 6);
  await env.fault({ path: '/api/v1/outbox', kind: 'status', status: 429, ms: 2_000, times: 1 });
  const limited = await cc.call('syncNow');
  const failedAt = Date.now();
  expect(limited.lastError).toMatchObject({ code: 'rate_limited', message: expect.stringContaining('2 秒') });
  await cc.waitFor((s) => s.outboxDepth === 0 && s.lastError === null, 15_000);
  expect(Date.now() - failedAt).toBeGreaterThanOrEqual(1_500);
  await expectConsistent(cc, env, terminalId);
});
