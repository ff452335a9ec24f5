/** The services against the real reference platform, in-process over loopback HTTP (fake IndexedDB). */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform/server';
import { memoryHost } from '../testing/memoryHost';
import { createServices, type CreditCounterServices } from './createServices';

let platform: RunningPlatform;
let services: CreditCounterServices;

async function test(path: string, init?: { method?: string; body?: unknown }): Promise<unknown> {
  const response = await fetch(`${platform.url}/__test${path}`, {
    method: init?.method ?? 'GET',
    ...(init?.body !== undefined ? { body: JSON.stringify(init.body), headers: { 'content-type': 'application/json' } } : {}),
  });
  return response.json();
}

beforeAll(async () => {
  platform = await startPlatform({ port: 0, db: ':memory:', subjects: 1_000, testControls: true, logger: false });
  services = await createServices({
    host: memoryHost(),
    dbNames: { cache: `real-cache-${Date.now()}`, journal: `real-journal-${Date.now()}` },
    sync: { autoStart: false, spreadMaxMs: 0, immediatePushWaitMs: 3_000 },
    platform: { adapter: 'http' },
  });
  expect(
    (await services.enrolment.enrol({ platformUrl: platform.url, enrolmentCode: platform.enrolmentCode, terminalName: '环翠窗口1' })).ok,
  ).toBe(true);
  const clerk = platform.operators[0]!;
  expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({ ok: true, value: { mode: 'online' } });
  await services.sync.syncNow();
});
afterAll(async () => {
  await services?.close();
  await platform?.close();
});

async function someListedSubject(): Promise<string> {
  const entries = await services.internals.listStore.exportEntries();
  return entries.find((e) => e.status === 'ACTIVE' && e.identifierType !== 'ORG_CODE')!.identifier;
}

describe('services against the reference platform', () => {
  it('pulls the lists, looks up online, and delivers the check and its audit exactly once', async () => {
    const status = services.sync.status.getState();
    expect(status).toMatchObject({ lastError: null, outboxDepth: 0 });
    expect(status.entryCount).toBeGreaterThan(0);
    const catalogue = await services.catalogue.get();
    const matter = catalogue!.matters[0]!;
    const result = await services.lookup.byIdentifier(await someListedSubject(), { matterCode: matter.code, caseNo: 'WH-2026-001' });
    expect(result).toMatchObject({ ok: true, value: { source: 'online' } });
    await services.sync.syncNow();
    const identity = await services.enrolment.current();
    const { mutations } = (await test(`/mutations?terminalId=${identity!.terminalId}`)) as {
      mutations: Array<{ id: string; seq: number; kind: string }>;
    };
    expect(mutations.map((m) => m.seq)).toEqual(mutations.map((_, i) => i + 1));
    expect(new Set(mutations.map((m) => m.id)).size).toBe(mutations.length);
    expect(mutations.filter((m) => m.kind === 'check')).toHaveLength(1);
  });

  it('answers from the cache on a malformed platform answer, and from the cache when the platform is gone', async () => {
    const matter = (await services.catalogue.get())!.matters[0]!;
    const id = await someListedSubject();
    await test('/faults', { method: 'POST', body: { path: '/api/v1/subjects', kind: 'malformed', times: 1 } });
    const malformed = await services.lookup.byIdentifier(id, { matterCode: matter.code, caseNo: 'WH-2026-002' });
    expect(malformed).toMatchObject({ ok: true, value: { source: 'offline' } });
    await test('/faults', { method: 'POST', body: { path: '/api/v1/subjects', kind: 'hang', times: 1 } });
    const started = Date.now();
    const hung = await services.lookup.byIdentifier(id, { matterCode: matter.code, caseNo: 'WH-2026-003' });
    expect(hung).toMatchObject({ ok: true, value: { source: 'offline' } });
    expect(Date.now() - started).toBeLessThan(8_000); // the short lookup timeout, not the platform's mercy
    await test('/faults', { method: 'DELETE' });
  });

  it('unlocks offline with the real PBKDF2 verifier after the platform goes away', async () => {
    const clerk = platform.operators[0]!;
    await services.auth.logout();
    const down = await startPlatform({ port: 0, db: ':memory:', subjects: 10, logger: false });
    await down.close();
    // Point at a closed port: the platform is unreachable.
    const identity = (await services.enrolment.current())!;
    await services.internals.journal.meta.put({ key: 'terminal', identity: { ...identity, platformUrl: down.url } });
    expect(await services.auth.login(clerk.id, 'wrong-password')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({ ok: true, value: { mode: 'offline' } });
    const matter = (await services.catalogue.get())!.matters[0]!;
    const offline = await services.lookup.byIdentifier(await someListedSubject(), { matterCode: matter.code, caseNo: 'WH-2026-004' });
    expect(offline).toMatchObject({ ok: true, value: { source: 'offline' } });
    await services.internals.journal.meta.put({ key: 'terminal', identity });
  });
});
