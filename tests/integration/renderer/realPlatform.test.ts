/** The services against the real reference platform, in-process over loopback HTTP (fake IndexedDB). */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform/server';
import type { Matter } from '../../../shared/contract';
import { memoryHost } from '../../helpers/memoryHost';
import { createServices, type CreditCounterServices } from '../../../renderer/src/services/createServices';

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

/** A case number in the matter's format (the demo catalogue defines one for some matters). */
function caseNoFor(matter: Matter, n: number): string {
  return matter.caseNoFormat ? `${matter.caseNoFormat.example.slice(0, -6)}${String(n).padStart(6, '0')}` : `WH-2026-00${n}`;
}

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
    const result = await services.lookup.byIdentifier(await someListedSubject(), { matterCode: matter.code, caseNo: caseNoFor(matter, 1) });
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
    const malformed = await services.lookup.byIdentifier(id, { matterCode: matter.code, caseNo: caseNoFor(matter, 2) });
    expect(malformed).toMatchObject({ ok: true, value: { source: 'offline' } });
    await test('/faults', { method: 'POST', body: { path: '/api/v1/subjects', kind: 'hang', times: 1 } });
    const started = Date.now();
    const hung = await services.lookup.byIdentifier(id, { matterCode: matter.code, caseNo: caseNoFor(matter, 3) });
    expect(hung).toMatchObject({ ok: true, value: { source: 'offline' } });
    expect(Date.now() - started).toBeLessThan(8_000); // the short lookup timeout, not the platform's mercy
    await test('/faults', { method: 'DELETE' });
  });

  it('a case number without the matter’s format is refused on the terminal, in Chinese, audited, and never sent', async () => {
    const before = (await test('/access-log?limit=1')) as { entries: unknown[] };
    const refused = await services.lookup.byIdentifier(await someListedSubject(), { matterCode: 'XK-SPJY', caseNo: 'SP-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_case_no', message: expect.stringContaining('XK-2026-000123') } });
    const audits = await services.internals.journal.audit.toArray();
    expect(audits.at(-1)).toMatchObject({ action: 'LOOKUP_REFUSED', outcome: 'refused' });
    expect(((await test('/access-log?limit=1')) as { entries: unknown[] }).entries).toEqual(before.entries);
  });

  it('a record naming an operator who never signed in here is refused and dead-lettered with the reason in Chinese', async () => {
    await services.internals.writer.commit({
      audits: [{ action: 'LOCK', actor: 'c002', purpose: null, subject: null, outcome: 'success', detail: null }],
    });
    await services.sync.syncNow();
    const dead = await services.sync.deadLetters();
    expect(dead.find((d) => d.kind === 'audit')?.reason).toMatch(/c002 从未在本终端登录过信用平台/);
  });

  it('logout revokes the platform token; a logout the platform did not hear revokes it at the next login', async () => {
    const clerk = platform.operators[0]!;
    const catalogueWith = (token: string) =>
      fetch(`${platform.url}/api/v1/catalog`, { headers: { Authorization: `Bearer ${token}`, 'X-Client-Version': '0.1.0' } });
    const first = services.internals.session.platformToken()!;
    expect((await catalogueWith(first)).status).toBe(200);
    await services.auth.logout();
    expect((await catalogueWith(first)).status).toBe(401);

    expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({ ok: true, value: { mode: 'online' } });
    const second = services.internals.session.platformToken()!;
    await test('/faults', { method: 'POST', body: { path: '/api/v1/sessions/current', kind: 'drop' } });
    await services.auth.logout();
    await test('/faults', { method: 'DELETE' });
    expect((await catalogueWith(second)).status).toBe(200); // the platform never heard of that logout
    expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({ ok: true, value: { mode: 'online' } });
    expect((await catalogueWith(second)).status).toBe(401);
    // Revoked once: the next login does not name it again.
    expect(await services.internals.journal.meta.get('revokeSessions')).toBeUndefined();
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
    const offline = await services.lookup.byIdentifier(await someListedSubject(), {
      matterCode: matter.code,
      caseNo: caseNoFor(matter, 4),
    });
    expect(offline).toMatchObject({ ok: true, value: { source: 'offline' } });
    await services.internals.journal.meta.put({ key: 'terminal', identity });
  });
});
