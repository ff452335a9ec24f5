/** The packed store in Chromium against the real platform: signed snapshots, the overlay, the next snapshot. */
import { createPublicKey, verify } from 'node:crypto';
import { parseStatement } from '../../shared/snapshot';
import { expect, expectConsistent, test } from './fixtures';

/** Checks an Ed25519 signature with Node's own implementation (not the terminal's code). */
function signedByPlatform(signed: { statement: string; signature: string }, rawKeyBase64: string): boolean {
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
  const key = createPublicKey({ key: Buffer.concat([spkiPrefix, Buffer.from(rawKeyBase64, 'base64')]), format: 'der', type: 'spki' });
  return verify(null, Buffer.from(signed.statement), key, Buffer.from(signed.signature, 'base64'));
}

test('a check keeps the signed statement of the snapshot its data came from', async ({ cc, env }) => {
  await cc.setUp(env);
  const id = (await cc.call('anyListedIdentifier'))!;
  const matter = await cc.call('firstMatter');
  await env.fault({ path: '/api/v1/subjects', kind: 'drop' });
  const offline = await cc.call('lookup', id, { matterCode: matter, caseNo: 'SIG-1' });
  expect(offline).toMatchObject({ ok: true, value: { source: 'offline' } });
  const signed = (await cc.call('lastCheckSignedData'))!;
  expect(signed).not.toBeNull();
  expect(signedByPlatform(signed, env.publicKey)).toBe(true);
  const statement = parseStatement(signed.statement)!;
  expect(statement.dataVersion).toBe((await cc.call('listState')).dataVersion);
  // Tampering with one character breaks it.
  expect(signedByPlatform({ ...signed, statement: signed.statement.replace(/entryCount=(\d)/, 'entryCount=9$1') }, env.publicKey)).toBe(
    false,
  );
});

test('deltas go to the overlay; past its threshold the next snapshot replaces it, fetching only the blocks that changed', async ({
  cc,
  env,
}) => {
  const terminalId = await cc.setUp(env, { overlayThreshold: { min: 3, share: 0 } });
  const entries = await cc.call('entries');
  const first = await cc.call('listState');

  // Two changes: below the threshold, they stay in the overlay and every read merges them.
  await env.control(`/entries/${encodeURIComponent(entries[3]![0])}/status`, 'POST', { status: 'REPAIRED' });
  await env.control(`/entries/${encodeURIComponent(entries[7]![0])}`, 'DELETE');
  expect((await cc.call('syncNow')).lastError).toBeNull();
  await expectConsistent(cc, env, terminalId);
  const id = (await cc.call('anyListedIdentifier'))!;
  const matter = await cc.call('firstMatter');
  await env.fault({ path: '/api/v1/subjects', kind: 'drop' });
  await cc.call('lookup', id, { matterCode: matter, caseNo: 'OV-1' });
  await env.clearFaults();
  const stillFirst = parseStatement((await cc.call('lastCheckSignedData'))!.statement)!;
  expect(stillFirst.dataVersion).toBe(first.dataVersion);

  // Two more (past the threshold of 3), and a newer snapshot on the platform: the terminal takes it.
  await env.control(`/entries/${encodeURIComponent(entries[11]![0])}/status`, 'POST', { status: 'EXPIRED' });
  await env.control('/entries', 'POST', { subjectName: '新快照测试' });
  const published = (await env.control('/snapshot')) as { latest: { stats: { blocks: number } } };
  const before = await env.snapshotState();
  expect((await cc.call('syncNow')).lastError).toBeNull();
  const fetched = (await env.snapshotState()).blockRequests - before.blockRequests;
  test
    .info()
    .annotations.push({ type: 'blocks fetched for the next snapshot', description: `${fetched} of ${published.latest.stats.blocks}` });
  expect(fetched).toBeGreaterThan(0);
  // Four scattered changes in a list of a thousand: their data blocks, the new entry's index and fingerprint blocks.
  expect(fetched).toBeLessThan(published.latest.stats.blocks);
  await env.fault({ path: '/api/v1/subjects', kind: 'drop' });
  await cc.call('lookup', id, { matterCode: matter, caseNo: 'OV-2' });
  await env.clearFaults();
  const next = parseStatement((await cc.call('lastCheckSignedData'))!.statement)!;
  expect(next.dataVersion).not.toBe(first.dataVersion);
  // The offline check just made is delivered before the terminal is compared with the platform.
  expect((await cc.call('syncNow')).lastError).toBeNull();
  await expectConsistent(cc, env, terminalId);
});

test('a platform whose manifest is tampered with in transit: refused, nothing of it stored, lookups keep working', async ({ cc, env }) => {
  const terminalId = await cc.enrolAndLogin(env);
  await env.fault({ path: '/api/v1/snapshots/manifest', kind: 'malformed', body: '{"statement":"x","signature":"y","body":"{}"}' });
  const refused = await cc.call('syncNow');
  expect(refused.lastError?.code).toBe('malformed_response');
  expect((await cc.call('listState')).dataVersion).toBeNull();
  await env.clearFaults();
  expect((await cc.call('syncNow')).lastError).toBeNull();
  await expectConsistent(cc, env, terminalId);
});
