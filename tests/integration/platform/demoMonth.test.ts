/**
 * The demo month: deterministic, counted by the dashboard as seeded, and its troubled terminals
 * flagged in the fleet view — also days after the database was first seeded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FleetResponse, SupervisionDashboard } from '../../../shared/contract';
import { DEMO_MONTH, TROUBLED_DEMO_TERMINALS } from '../../../platform/seed/supervisionMonth';
import { call, enrolAndLogin, startTestPlatform, type TestPlatform } from '../../helpers/platform';

let t: TestPlatform;
let city: string;
let it001: string;

beforeAll(async () => {
  t = await startTestPlatform({ demoMonth: true });
  city = (await enrolAndLogin(t, 's001')).token;
  it001 = (await enrolAndLogin(t, 'i001')).token;
});
afterAll(async () => {
  await t.platform.close();
});

describe('demo month', () => {
  it('holds the month’s checks across its departments, with declines by reason and open MUST measures', async () => {
    const res = await call(`${t.api}/supervisor/dashboard?from=2026-11-01&to=2026-11-30`, { token: city });
    const d = SupervisionDashboard.parse(res.body);
    expect(d.checks).toBe(DEMO_MONTH.checks);
    expect(d.checksByDay).toHaveLength(30);
    expect(d.offlineChecks).toBeGreaterThan(100);
    expect(d.must.APPLIED).toBeGreaterThan(d.must.NOT_APPLIED);
    expect(d.declinedByReason.length).toBeGreaterThanOrEqual(5);
    expect(d.openMust.length).toBeGreaterThan(0);
    expect(d.deadLetters.length).toBeGreaterThan(0);
    expect(d.oldCatalogue).toBeGreaterThan(0);
    expect(d.chainBreaks).toBe(1);
    let departments = 0;
    for (const department of DEMO_MONTH.departments) {
      const one = SupervisionDashboard.parse(
        (
          await call(`${t.api}/supervisor/dashboard?from=2026-11-01&to=2026-11-30&department=${encodeURIComponent(department)}`, {
            token: city,
          })
        ).body,
      );
      expect(one.checks, department).toBeGreaterThan(0);
      departments += one.checks;
    }
    expect(departments).toBe(d.checks);
  });

  it('flags exactly the troubled terminals, each for its own reason', async () => {
    const fleet = FleetResponse.parse((await call(`${t.api}/fleet/terminals?troubled=true`, { token: it001 })).body);
    const seeded = fleet.terminals.filter((x) => x.name.includes('号窗口') && x.department !== null);
    expect(seeded.map((x) => x.flags).sort()).toEqual(
      Object.values(TROUBLED_DEMO_TERMINALS)
        .map((f) => [f])
        .sort(),
    );
  });
});

describe('the demo fleet days after the first start', () => {
  it('shows the same six terminals in trouble, with the same heartbeats dated from the latest start', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cc-demo-fleet-'));
    const db = join(dir, 'platform.db');
    const fleetAt = async (now: Date) => {
      const p = await startTestPlatform({ demoMonth: true, db, now: () => now });
      try {
        const token = (await enrolAndLogin(p, 'i001')).token;
        const fleet = FleetResponse.parse((await call(`${p.api}/fleet/terminals`, { token })).body);
        return fleet.terminals.filter((x) => x.name.includes('号窗口') && x.department !== null);
      } finally {
        await p.platform.close();
      }
    };
    try {
      const firstStart = new Date('2026-12-01T01:00:00Z');
      const threeDaysOn = new Date(firstStart.getTime() + 3 * 86_400_000);
      const first = await fleetAt(firstStart);
      const later = await fleetAt(threeDaysOn);
      const troubled = (list: typeof first) => list.filter((x) => x.flags.length > 0).map((x) => `${x.terminalId} ${x.flags.join()}`);
      expect(troubled(first)).toHaveLength(Object.keys(TROUBLED_DEMO_TERMINALS).length);
      expect(troubled(later)).toEqual(troubled(first));
      // The same heartbeats, each received the same time before its start.
      expect(later.map((x) => x.heartbeat)).toEqual(first.map((x) => x.heartbeat));
      expect(later.map((x) => x.outboxTrend)).toEqual(first.map((x) => x.outboxTrend));
      expect(later.map((x) => Date.parse(x.lastContactAt!) - threeDaysOn.getTime())).toEqual(
        first.map((x) => Date.parse(x.lastContactAt!) - firstStart.getTime()),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});
