/**
 * A terminal's queued records always have a way out. Each of the three ways they used to be
 * stranded — an undecryptable secret, a platform that forgot the terminal, a stop between storing
 * the new secret and the new identity — ends with IT re-enrolling the PC, the new identity naming
 * its predecessor, and every record on the platform under its original terminal id and seq.
 */
import { expect, expectConsistent, test, type Cc, type PlatformEnv } from './fixtures';

/** Records that reach the platform (delivered) and records still queued when the trouble starts. */
async function workDone(cc: Cc): Promise<void> {
  await cc.call('recordMany', 4);
  expect((await cc.call('syncNow')).outboxDepth).toBe(0);
  await cc.call('recordMany', 3);
}

async function reenrolAndDeliver(cc: Cc, env: PlatformEnv, predecessor: string): Promise<string> {
  const enrolled = await cc.call('enrol', env.url, env.enrolmentCode);
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
