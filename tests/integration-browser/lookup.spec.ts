import { expect, test } from './fixtures';

test('lookups answer from the cache whatever goes wrong online: 500, a proxy 408, a malformed body, no answer at all', async ({
  cc,
  env,
}) => {
  await cc.setUp(env, { lookupTimeoutMs: 1_500 });
  const id = await cc.call('anyListedIdentifier');
  expect(id).not.toBeNull();
  const matter = await cc.call('firstMatter');
  const online = await cc.call('lookup', id!, { matterCode: matter, caseNo: 'INT-L0' });
  expect(online).toMatchObject({ ok: true, value: { source: 'online' } });
  const expected = online.ok ? online.value : null;

  const failures = [{ kind: 'status', status: 500 }, { kind: 'status', status: 408 }, { kind: 'malformed' }, { kind: 'hang' }];
  for (const [i, failure] of failures.entries()) {
    // No `times`: Chromium itself resends a request answered 408 on a reused connection.
    await env.fault({ path: '/api/v1/subjects', ...failure });
    const answer = await cc.call('lookup', id!, { matterCode: matter, caseNo: `INT-L${i + 1}` });
    expect(answer, JSON.stringify(failure)).toMatchObject({
      ok: true,
      value: { source: 'offline', result: expected?.result, measures: expected?.measures, entryIds: expected?.entryIds },
    });
    await env.clearFaults();
  }
});
