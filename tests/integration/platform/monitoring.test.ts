/**
 * The platform's monitoring routes, over real HTTP: the reconciliation of a terminal's records and
 * IT's load figures are on the access log like every other supervision view, and reading the load
 * figures leaves the event-loop lag window as it was for the next reader (the load harness, the
 * operators' monitoring) instead of blanking it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlatformLoad, TerminalRecordsPage } from '../../../shared/contract';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, checkBody, enrolAndLogin, mutation, startTestPlatform, type Login, type TestPlatform } from '../../helpers/platform';

let t: TestPlatform;
let clerk: Login;
let supervisor: Login;
let it1: Login;
let it2: Login;

beforeAll(async () => {
  t = await startTestPlatform();
  clerk = await enrolAndLogin(t, 'c001');
  supervisor = await enrolAndLogin(t, 's001');
  it1 = await enrolAndLogin(t, 'i001');
  it2 = await enrolAndLogin(t, 'i001');
});
afterAll(async () => {
  await t.platform.close();
});

async function accessLog(): Promise<{ action: string; operatorId: string; terminalId: string; outcome: string; reason: string | null }[]> {
  return (await call(`${t.controls}/access-log?limit=200`)).body.entries;
}

describe('the reconciliation route', () => {
  it('puts every page a supervisor reads on the access log, with no clear ID number', async () => {
    const pushed = await call(`${t.api}/outbox`, {
      token: clerk.token,
      body: { terminalId: clerk.terminalId, mutations: [mutation(1, 'check', checkBody())] },
    });
    expect(pushed.status).toBe(200);
    const page = await call(`${t.api}/supervisor/terminals/${clerk.terminalId}/records?after=0`, { token: supervisor.token });
    expect(page.status).toBe(200);
    expect(TerminalRecordsPage.parse(page.body).records).toHaveLength(1);
    // A terminal id that is someone's ID number, typed into the URL, does not reach the log clear.
    const person = SHOWCASE.courtDishonestPerson.identifier;
    expect((await call(`${t.api}/supervisor/terminals/${person}/records`, { token: supervisor.token })).status).toBe(200);

    const entries = (await accessLog()).filter((e) => e.action === 'RECONCILIATION');
    expect(entries.map((e) => e.outcome).sort()).toEqual(['rows:0', 'rows:1']);
    expect(entries.every((e) => e.operatorId === 's001' && e.terminalId === supervisor.terminalId)).toBe(true);
    expect(entries.some((e) => e.reason?.includes(clerk.terminalId))).toBe(true);
    expect(JSON.stringify(entries)).not.toContain(person);
  });
});

describe('IT’s load figures', () => {
  it('are on the access log, and one reader does not reset the lag window another relies on', async () => {
    // Hold the event loop (the platform runs in this process): the lag window now holds a stall.
    const until = performance.now() + 300;
    while (performance.now() < until) {
      // busy: nothing else runs
    }
    const first = PlatformLoad.parse((await call(`${t.api}/admin/load`, { token: it1.token })).body);
    expect(first.eventLoopLagMaxMs).toBeGreaterThanOrEqual(200); // the stall is in the window
    const second = PlatformLoad.parse((await call(`${t.api}/admin/load`, { token: it2.token })).body);
    // The second monitor still sees the stall the first one read.
    expect(second.eventLoopLagMaxMs).toBeGreaterThanOrEqual(first.eventLoopLagMaxMs);

    const reads = (await accessLog()).filter((e) => e.action === 'LOAD_VIEW');
    expect(reads.map((e) => e.terminalId).sort()).toEqual([it1.terminalId, it2.terminalId].sort());
    expect(reads.every((e) => e.operatorId === 'i001' && e.outcome === 'shown')).toBe(true);
  });
});
