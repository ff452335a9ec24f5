/**
 * A terminal's queued records always have a way out. Each of the three ways they used to be
 * stranded — an undecryptable secret, a platform that forgot the terminal, a stop between storing
 * the new secret and the new identity — ends with IT re-enrolling the PC, the new identity naming
 * its predecessor, and every record on the platform under its original terminal id and seq.
 */
import { Cc, expect, expectConsistent, test, type PlatformEnv } from './fixtures';

/** Records that reach the platform (delivered) and records still queued when the trouble starts. */
async function workDone(cc: Cc): Promise<void> {
  await cc.call('recordMany', 4);
  expect((await cc.call('syncNow')).outboxDepth).toBe(0);
  await cc.call('recordMany', 3);
}

const IT = { operatorId: 'i001', password: 'demo1234' };

/**
 * The PC cannot prove with its old secret that it is the same PC (unreadable, or the platform no
 * longer knows the predecessor): the enrolment code alone is refused, IT's account confirms it.
 */
async function reenrolAndDeliver(cc: Cc, env: PlatformEnv, predecessor: string): Promise<string> {
  const unconfirmed = await cc.call('enrol', env.url, env.enrolmentCode);
  expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'handover_refused', message: expect.stringContaining('信息技术管理员') } });
  expect(await cc.call('terminalId')).toBe(predecessor);
  const enrolled = await cc.call('enrol', env.url, env.enrolmentCode, undefined, IT);
  expect(enrolled).toMatchObject({ ok: true, value: { predecessors: [predecessor] } });
  await cc.login(env);
  const done = await cc.call('syncNow');
  expect(done).toMatchObject({ lastError: null, outboxDepth: 0 });
  return (await cc.call('terminalId'))!;
}

test('an undecryptable secret: IT re-enrols, the successor delivers the predecessor’s queued records', async ({ cc, env }) => {
  const first = await cc.setUp(env);
  await workDone(cc);
  const queued = (await cc.call('journal')).outbox.map((r) => r.id);
  expect(queued.length).toBeGreaterThanOrEqual(3);

  await cc.call('setSecretFault', 'undecryptable');
  const refused = await cc.call('login', env.clerk.id, env.clerk.password);
  expect(refused).toMatchObject({ ok: false, error: { code: 'secret_undecryptable', message: expect.stringContaining('重新注册终端') } });

  const second = await reenrolAndDeliver(cc, env, first);
  expect(second).not.toBe(first);
  const onPlatform = await env.mutations(first);
  expect(onPlatform.map((m) => m.id)).toEqual(expect.arrayContaining(queued));
  await expectConsistent(cc, env, [first, second], { lists: false });
});

test('a platform restored from a backup older than the enrolment: "unknown terminal", then everything delivered after re-enrolment', async ({
  cc,
  env,
}) => {
  await env.stop();
  env.snapshot('before-enrolment');
  await env.start();
  const first = await cc.setUp(env);
  await workDone(cc);

  await env.stop();
  env.restore('before-enrolment');
  await env.start();
  expect(await env.mutations(first)).toEqual([]);

  // The old session is gone with the restore: the queue waits for a login, which says what is wrong.
  expect((await cc.call('syncNow')).lastError).toMatchObject({ code: 'session_expired' });
  const refused = await cc.call('login', env.clerk.id, env.clerk.password);
  expect(refused).toMatchObject({
    ok: false,
    error: { code: 'unknown_terminal', message: expect.stringContaining('请 IT 在本机重新注册终端') },
  });
  expect(JSON.stringify(refused)).not.toContain('工号或密码错误');

  // Delivered records are kept for the retention window: the platform gets all of them back.
  const second = await reenrolAndDeliver(cc, env, first);
  const journal = await cc.call('journal');
  const firstRecords = [...journal.delivered, ...journal.dead].filter((r) => r.terminalId === first);
  expect((await env.mutations(first)).map((m) => m.seq)).toEqual(firstRecords.map((_, i) => i + 1));
  await expectConsistent(cc, env, [first, second], { lists: false });
});

test('a stop between storing the new secret and recording the new identity: completed at the next start', async ({ cc, env }) => {
  const first = await cc.setUp(env);
  await workDone(cc);

  await cc.call('enrolUntilSecretStored', env.url, env.enrolmentCode);
  await cc.reload();
  const identity = await cc.call('identity');
  expect(identity).toMatchObject({ predecessors: [first] });
  const second = identity!.terminalId;
  expect(second).not.toBe(first);

  await cc.login(env);
  expect(await cc.call('syncNow')).toMatchObject({ lastError: null, outboxDepth: 0 });
  await expectConsistent(cc, env, [first, second], { lists: false });
});

test('when not even a hand-over can deliver (the PC no longer reaches the platform): IT exports the journal, the platform imports it, duplicates stay duplicates', async ({
  cc,
  env,
}) => {
  const first = await cc.setUp(env);
  // IT signed in on this PC once (online), so it may unlock it offline later.
  expect(await cc.call('login', 'i001', 'demo1234')).toMatchObject({ ok: true, value: { mode: 'online' } });
  await workDone(cc);
  const queued = (await cc.call('journal')).outbox.map((r) => r.id);

  // The PC is cut off for good: IT unlocks offline and exports everything the journal holds.
  await env.stop();
  expect(await cc.call('login', 'i001', 'demo1234')).toMatchObject({ ok: true, value: { mode: 'offline' } });
  const { outcome, file } = await cc.call('exportJournal');
  expect(outcome).toMatchObject({ ok: true });
  expect(file).not.toBeNull();
  const exported = JSON.parse(file!) as { records: Array<{ id: string; terminalId: string; seq: number }> };
  expect(exported.records.map((r) => r.id)).toEqual(expect.arrayContaining(queued));

  // At another terminal IT imports the file: what the platform had is answered as duplicate.
  await env.start();
  const before = await env.mutations(first);
  const other = await cc.page.context().newPage();
  const it = new Cc(other, cc.harnessUrl);
  await it.open();
  await it.enrolAndLogin(env, { prefix: 'other-terminal' });
  expect(await it.call('login', 'i001', 'demo1234')).toMatchObject({ ok: true, value: { mode: 'online' } });
  const imported = await it.call('importJournal', file!);
  expect(imported).toMatchObject({ ok: true, value: { duplicate: before.length, rejected: 0, missing: [] } });
  if (imported.ok) expect(imported.value.accepted).toBe(exported.records.length - before.length);
  await it.call('close');

  // Should the PC come back after all, its own push finds everything there already.
  await cc.login(env);
  expect(await cc.call('syncNow')).toMatchObject({ lastError: null, outboxDepth: 0 });
  await expectConsistent(cc, env, first, { lists: false });
});
