import { expect, expectConsistent, test } from './fixtures';

test('a clean run: pull, lookup online, feedback, everything delivered exactly once', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  const id = await cc.call('anyListedIdentifier');
  expect(id).not.toBeNull();
  const matter = await cc.call('firstMatter');
  const lookup = await cc.call('lookup', id!, { matterCode: matter, caseNo: 'INT-001' });
  expect(lookup).toMatchObject({ ok: true, value: { source: 'online' } });
  if (lookup.ok && lookup.value.measures.length > 0) {
    const sent = await cc.call('feedback', lookup.value.checkId, [
      { measureCode: lookup.value.measures[0]!, decision: 'NOT_APPLIED', reason: '申请人已提交履行证明' },
    ]);
    expect(sent).toEqual({ ok: true, value: 'sent' });
  }
  const commitment = await cc.call('commitment', lookup.ok ? lookup.value.checkId : '', {
    kind: '告知承诺',
    text: '本人承诺所提交材料真实有效',
    dueOn: null,
  });
  expect(commitment).toEqual({ ok: true, value: 'sent' });
  await cc.call('syncNow');
  await expectConsistent(cc, env, terminalId);
});

test('outage during the snapshot download: the rebuild stops, resumes with the blocks it has, and ends consistent', async ({ cc, env }) => {
  const terminalId = await cc.enrolAndLogin(env);
  // The first batch of blocks (8) arrives; every block after it stalls, then its connection is cut —
  // the outage lands in the middle of the download whatever the machine's speed.
  await env.fault({ path: '/api/v1/snapshots/blocks', kind: 'latency', ms: 0, times: 8 });
  await env.fault({ path: '/api/v1/snapshots/blocks', kind: 'drop', ms: 3_000 });
  await cc.call('startSync');
  // Wait for the run to end in its error (`!syncing` alone also holds before the run has begun).
  await cc.waitFor((s) => !s.syncing && s.lastError !== null);
  const broken = await cc.call('status');
  expect(broken.lastError?.code).toBe('network');
  const midway = await cc.call('listState');
  expect(midway.rebuild).not.toBeNull();
  expect(await cc.call('snapshotBlocksStored')).toBeGreaterThan(0);
  expect(midway.dataVersion).toBeNull(); // nothing half-built is live

  await env.clearFaults();
  const done = await cc.call('syncNow');
  expect(done.lastError).toBeNull();
  await expectConsistent(cc, env, terminalId);
});

test('outage during the push: nothing lost, nothing sent twice', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { pushBatchSize: 10 });
  await env.fault({ path: '/api/v1/outbox', kind: 'drop' });
  await cc.call('recordMany', 35);
  const failed = await cc.call('syncNow');
  expect(failed.lastError?.code).toBe('network');
  expect(failed.outboxDepth).toBe(35);
  await env.clearFaults();
  // Half-way through the drain the platform goes away again.
  await env.fault({ path: '/api/v1/outbox', kind: 'latency', ms: 200 });
  await cc.call('startSync');
  await cc.waitFor((s) => s.outboxDepth < 35 && s.outboxDepth > 0);
  await env.clearFaults();
  await env.fault({ path: '/api/v1/outbox', kind: 'status', status: 503, ms: 0 });
  await cc.waitFor((s) => !s.syncing);
  expect((await cc.call('status')).lastError?.code).toBe('unavailable');
  await env.clearFaults();
  expect((await cc.call('syncNow')).outboxDepth).toBe(0);
  await expectConsistent(cc, env, terminalId);
});
