/** Pull under hostile conditions: malformed pages, resync after a new epoch or compaction, storage quota. */
import { expect, expectConsistent, test } from './fixtures';

test('a malformed page is an error, never cached; the cursor stays and the next pull is consistent', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  const before = await cc.call('listState');
  await env.control('/entries', 'POST', { subjectName: '畸形测试' });
  await env.fault({ path: '/api/v1/sync/entries', kind: 'malformed', times: 1 });
  const failed = await cc.call('syncNow');
  expect(failed.lastError).toMatchObject({ code: 'malformed_response' });
  expect((await cc.call('listState')).cursor).toBe(before.cursor);
  await env.fault({ path: '/api/v1/sync/entries', kind: 'truncate', times: 1 });
  expect((await cc.call('syncNow')).lastError).not.toBeNull();
  expect((await cc.call('listState')).cursor).toBe(before.cursor);
  expect((await cc.call('syncNow')).lastError).toBeNull();
  await expectConsistent(cc, env, terminalId);
});

test('409 resync after a new epoch: rebuilt beside the live data, switched atomically', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env, { pageSize: 50 });
  const oldEntries = await cc.call('entries');
  const first = oldEntries[0]![0];
  await env.control('/epoch');
  await env.control(`/entries/${encodeURIComponent(first)}`, 'DELETE');
  await env.control('/entries', 'POST', { subjectName: '新纪元测试' });
  // The new epoch has a new snapshot (a new block key: every block is new); slow its blocks down.
  await env.fault({ path: '/api/v1/snapshots/blocks', kind: 'latency', ms: 120 });
  await cc.call('startSync');
  await cc.waitFor((s) => s.phase === 'rebuild' && (s.progress?.rows ?? 0) > 0);
  // Mid-rebuild, lookups still read the complete previous generation.
  expect(await cc.call('entries')).toEqual(oldEntries);
  await env.clearFaults();
  await cc.waitFor((s) => !s.syncing);
  expect((await cc.call('status')).lastError).toBeNull();
  const rebuilt = await cc.call('entries');
  expect(rebuilt.find((e) => e[0] === first)).toBeUndefined();
  await expectConsistent(cc, env, terminalId);
});

test('deletions compacted past the cursor: 409 resync, rebuilt, deletions not missed', async ({ cc, env }) => {
  const terminalId = await cc.setUp(env);
  const entries = await cc.call('entries');
  for (const [id] of entries.slice(0, 3)) await env.control(`/entries/${encodeURIComponent(id)}`, 'DELETE');
  await env.control(`/entries/${encodeURIComponent(entries[5]![0])}/status`, 'POST', { status: 'REPAIRED' });
  await env.control('/compact');
  expect((await cc.call('syncNow')).lastError).toBeNull();
  const after = await cc.call('entries');
  expect(after.map((e) => e[0])).not.toContain(entries[0]![0]);
  expect(after.find((e) => e[0] === entries[5]![0])?.[1]).toBe('REPAIRED');
  await expectConsistent(cc, env, terminalId);
});

test('quota exceeded: reported as a typed storage state, the journal keeps everything, recovery when space returns', async ({
  cc,
  env,
}) => {
  const terminalId = await cc.setUp(env);
  const matter = await cc.call('firstMatter');
  const id = (await cc.call('anyListedIdentifier'))!;
  await cc.call('recordMany', 4);
  const queued = (await cc.call('journal')).outbox.length;

  // The cache disk is full: the pull fails and says so; nothing of the journal is touched.
  await env.control('/entries', 'POST', { subjectName: '配额测试' });
  await cc.call('setStorageFault', 'cache', true);
  const full = await cc.call('syncNow');
  expect(full.storage).toMatchObject({ kind: 'quota-exceeded' });
  expect(full.lastError).toMatchObject({ code: 'quota-exceeded', message: expect.stringContaining('存储空间不足') });
  // Lookups still answer (online; the write-through to the cache is best effort).
  expect(await cc.call('lookup', id, { matterCode: matter, caseNo: 'Q-1' })).toMatchObject({ ok: true });

  // The journal disk is full: the lookup cannot be recorded, so it is refused with the reason.
  await cc.call('setStorageFault', 'cache', false);
  await cc.call('setStorageFault', 'journal', true);
  const refused = await cc.call('lookup', id, { matterCode: matter, caseNo: 'Q-2' });
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'check_not_recorded', params: { cause: 'quota-exceeded' }, message: expect.stringContaining('未能记入本机日志') },
  });
  expect(refused.ok || refused.error.message).toContain('存储空间不足');
  await cc.call('setStorageFault', 'journal', false);

  const journal = await cc.call('journal');
  expect(journal.outbox.length + journal.delivered.length).toBeGreaterThanOrEqual(queued);
  const recovered = await cc.call('syncNow');
  expect(recovered).toMatchObject({ lastError: null, storage: { kind: 'ok' }, outboxDepth: 0 });
  await expectConsistent(cc, env, terminalId);
});

test('a platform restored from a backup: the terminal past the restore point is told to resync and ends equal, row for row', async ({
  cc,
  env,
}) => {
  const terminalId = await cc.setUp(env);
  await env.stop();
  env.snapshot('backup');
  await env.start();
  // After the backup: the terminal sees three changes the restore will take away.
  const before = await cc.call('entries');
  await env.control('/entries', 'POST', { subjectName: '备份后新增' });
  await env.control(`/entries/${encodeURIComponent(before[0]![0])}`, 'DELETE');
  await env.control(`/entries/${encodeURIComponent(before[1]![0])}/status`, 'POST', { status: 'REPAIRED' });
  expect((await cc.call('syncNow')).lastError).toBeNull();
  const seenCursor = (await cc.call('listState')).cursor;

  await env.stop();
  env.restore('backup');
  await env.start();
  // The restored platform hands the same seqs out again, for other changes.
  for (let i = 0; i < 5; i++) await env.control('/entries', 'POST', { subjectName: `恢复后新增${i}` });

  expect((await cc.call('syncNow')).lastError).toBeNull();
  const state = await cc.call('listState');
  expect(state.cursor).not.toBe(seenCursor);
  const rebuilt = await cc.call('entries');
  expect(rebuilt.find((e) => e[0] === before[0]![0])).toBeDefined(); // the restored platform still has it
  expect(rebuilt.find((e) => e[0] === before[1]![0])?.[1]).toBe(before[1]![1]);
  await expectConsistent(cc, env, terminalId);
});
