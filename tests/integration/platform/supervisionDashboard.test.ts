/**
 * The city's supervision dashboard and the terminal fleet, over real HTTP against the reference
 * platform: the numbers follow the records pushed, a department supervisor sees only their department,
 * drill-downs reach the records and the check as recorded, exports read back, everything is masked and
 * on the access log; terminals' heartbeats flag those that need a visit.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { FleetResponse, RecordedCheck, SupervisionDashboard, SupervisionRecordsResponse } from '../../../shared/contract';
import { chinaDate } from '../../../shared/dates';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, checkBody, enrolAndLogin, feedbackBody, mutation, type Login, platformForFile, pushAccepted } from '../../helpers/platform';

const t = platformForFile();
let huancui: Login; // c001, 环翠区政务服务中心
let gaoqu: Login; // c002, 高区政务服务中心
let city: string;
let department: string;
let itOp: Login;

const PERSON = SHOWCASE.courtDishonestPerson.identifier;
const today = chinaDate(new Date());
const range = `from=${today}&to=${today}`;

const push = (who: Login, mutations: unknown[]) => pushAccepted(t, who, mutations);

async function view(token: string, query = range) {
  const res = await call(`${t.api}/supervisor/dashboard?${query}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return SupervisionDashboard.parse(res.body);
}

beforeAll(async () => {
  huancui = await enrolAndLogin(t, 'c001');
  gaoqu = await enrolAndLogin(t, 'c002');
  const offlineAt = new Date(Date.now() - 2 * 86_400_000 - 60_000).toISOString();
  await push(huancui, [
    mutation(
      1,
      'check',
      checkBody({ checkId: 'hc-1', subjectIdentifier: PERSON, triggeredMeasures: ['P-COURT-HONOUR', 'P-COURT-PERMIT'] }),
    ),
    mutation(2, 'feedback', feedbackBody('hc-1', { decision: 'APPLIED' })),
    mutation(
      3,
      'feedback',
      feedbackBody('hc-1', {
        measureCode: 'P-COURT-PERMIT',
        decision: 'NOT_APPLIED',
        reasonCode: 'NOT_SAME_SUBJECT',
        reason: '核实非本人',
      }),
    ),
    mutation(4, 'check', checkBody({ checkId: 'hc-2', source: 'offline', result: 'CLEAN', triggeredMeasures: [] })),
    mutation(5, 'check', checkBody({ checkId: 'hc-3', caseNo: `案卷 ${PERSON}` })), // MUST left open
    mutation(6, 'feedback', feedbackBody('no-such-check', { decision: 'APPLIED' })), // rejected: a dead letter
  ]);
  await push(gaoqu, [
    mutation(1, 'check', checkBody({ checkId: 'gq-1', result: 'RED', triggeredMeasures: [] }), { operatorId: 'c002' }),
    // Made offline two days ago, delivered now: counted on the day it was made.
    mutation(2, 'check', checkBody({ checkId: 'gq-old', result: 'BLACK', source: 'offline', triggeredMeasures: [] }), {
      operatorId: 'c002',
      occurredAt: offlineAt,
    }),
  ]);
  city = (await enrolAndLogin(t, 's001')).token;
  department = (await enrolAndLogin(t, 's002')).token;
  itOp = await enrolAndLogin(t, 'i001');
});

describe('supervision dashboard', () => {
  it('counts the city’s checks, results, measures, declines with their reason codes, open MUST measures and dead letters', async () => {
    const d = await view(city);
    expect(d.checks).toBe(4);
    expect(d.results).toMatchObject({ BLACK: 2, CLEAN: 1, RED: 1 });
    expect(d.checksByDay).toEqual([{ day: today, CLEAN: 1, BLACK: 2, RED: 1, BOTH: 0, WARNING: 0, total: 4 }]);
    expect(d.offlineChecks).toBe(1);
    expect(d.must).toMatchObject({ APPLIED: 1, OPEN: 1, NOT_APPLIED: 0 });
    expect(d.may).toMatchObject({ NOT_APPLIED: 1, OPEN: 0 });
    expect(d.declinedByReason).toEqual([{ reasonCode: 'NOT_SAME_SUBJECT', reasonLabel: '经核实非同一主体', n: 1 }]);
    expect(d.declined[0]).toMatchObject({ measureCode: 'P-COURT-PERMIT', reasonCode: 'NOT_SAME_SUBJECT', n: 1 });
    expect(d.openMust).toEqual([
      expect.objectContaining({ day: today, operatorId: 'c001', department: '环翠区政务服务中心', open: 1, deferred: 0 }),
    ]);
    expect(d.deadLetters).toEqual([{ kind: 'feedback', code: 'business_rule', n: 1 }]);
    expect(d.latency.reduce((s, l) => s + l.n, 0)).toBe(2);
    // The check made two days ago counts on its own day.
    const twoDaysAgo = chinaDate(new Date(Date.now() - 2 * 86_400_000 - 60_000));
    expect((await view(city, `from=${twoDaysAgo}&to=${today}`)).checks).toBe(5);
  });

  it('filters by department, matter and terminal', async () => {
    expect((await view(city, `${range}&department=${encodeURIComponent('高区政务服务中心')}`)).checks).toBe(1);
    expect((await view(city, `${range}&terminal=${huancui.terminalId}`)).results).toMatchObject({ BLACK: 2, CLEAN: 1, RED: 0 });
    expect((await view(city, `${range}&matter=XK-SPJY`)).checks).toBe(0);
  });

  it('keeps a department supervisor to their department and refuses another department', async () => {
    const d = await view(department);
    expect(d.scopeDepartment).toBe('环翠区政务服务中心');
    expect(d.checks).toBe(3);
    const other = await call(`${t.api}/supervisor/dashboard?${range}&department=${encodeURIComponent('高区政务服务中心')}`, {
      token: department,
    });
    expect(other.status).toBe(403);
  });

  it('refuses clerks and IT, and bad periods with a Chinese message', async () => {
    expect((await call(`${t.api}/supervisor/dashboard?${range}`, { token: huancui.token })).status).toBe(403);
    expect((await call(`${t.api}/supervisor/dashboard?${range}`, { token: itOp.token })).status).toBe(403);
    const bad = await call(`${t.api}/supervisor/dashboard?from=2026-02-30&to=2026-03-01`, { token: city });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/日期不存在/);
  });

  it('drills down from a number to its records and to the check as recorded, masked', async () => {
    const res = await call(`${t.api}/supervisor/dashboard/records?${range}&metric=declined&key=P-COURT-PERMIT%7CNOT_SAME_SUBJECT`, {
      token: city,
    });
    expect(res.status).toBe(200);
    const { rows } = SupervisionRecordsResponse.parse(res.body);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ checkId: 'hc-1', operatorId: 'c001', operatorName: '王晓燕', terminalId: huancui.terminalId });
    const open = await call(`${t.api}/supervisor/dashboard/records?${range}&metric=measure&key=MUST%7COPEN&operatorId=c001`, {
      token: city,
    });
    const checkId = SupervisionRecordsResponse.parse(open.body).rows[0]?.checkId;
    expect(checkId).toBe('hc-3');
    const recorded = await call(`${t.api}/supervisor/checks/${checkId}`, { token: city });
    expect(recorded.status).toBe(200);
    const check = RecordedCheck.parse(recorded.body);
    expect(check.check.result).toBe('BLACK');
    expect(JSON.stringify(recorded.body)).not.toContain(PERSON);
    const withFeedback = RecordedCheck.parse((await call(`${t.api}/supervisor/checks/hc-1`, { token: city })).body);
    expect(withFeedback.feedback.map((f) => f.body.decision).sort()).toEqual(['APPLIED', 'NOT_APPLIED']);
    // 高区's check is not 环翠区's supervisor's business: answered like a check that does not exist.
    expect((await call(`${t.api}/supervisor/checks/gq-1`, { token: department })).status).toBe(404);
  });

  it('exports the view as .xlsx and CSV that read back to the same numbers, without identifiers', async () => {
    const res = await fetch(`${t.api}/supervisor/dashboard/export?${range}&format=xlsx`, {
      headers: { Authorization: `Bearer ${city}`, 'X-Client-Version': '0.1.0' },
    });
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const summary = workbook.getWorksheet('概况')!;
    const values = new Map<string, unknown>();
    summary.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('核查总数')).toBe(4);
    expect(values.get('结果：黑名单')).toBe(2);
    expect(workbook.getWorksheet('未实施措施')!.getRow(2).getCell(4).value).toBe('经核实非同一主体');

    const detail = await fetch(`${t.api}/supervisor/dashboard/export?${range}&format=csv&metric=check`, {
      headers: { Authorization: `Bearer ${city}`, 'X-Client-Version': '0.1.0' },
    });
    const bytes = Buffer.from(await detail.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM: Excel reads it as UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('【明细】')).toBe(true);
    expect(csv.split('\r\n').filter((l) => l.includes('hc-'))).toHaveLength(3);
    expect(csv).not.toContain(PERSON);
  });

  it('puts every view on the access log', async () => {
    const log = await call(`${t.controls}/access-log?limit=200`);
    const actions = (log.body.entries as { action: string; operatorId: string }[])
      .filter((e) => e.operatorId === 's001')
      .map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['SUPERVISION_VIEW', 'SUPERVISION_RECORDS', 'SUPERVISION_CHECK', 'SUPERVISION_EXPORT']));
    expect(JSON.stringify(log.body)).not.toContain(PERSON);
  });
});

describe('terminal fleet', () => {
  const beat = (overrides: Record<string, unknown> = {}) =>
    JSON.stringify({
      appVersion: '0.2.0',
      dataVersion: 'E1.5',
      dataAgeSeconds: 600,
      outboxDepth: 0,
      deadLetters: 0,
      clockSkewSeconds: 3,
      storageUsedBytes: 1_000_000,
      storageQuotaBytes: 1_000_000_000,
      lastErrorClass: 'none',
      ...overrides,
    });

  it('keeps heartbeats from sync calls and flags the terminals that need a visit (IT only)', async () => {
    await call(`${t.api}/sync/entries?limit=1`, { token: huancui.token, headers: { 'X-Terminal-Heartbeat': beat() } });
    // A version counts as released once more than one terminal runs it.
    const peer = await enrolAndLogin(t, 'c001');
    await call(`${t.api}/sync/entries?limit=1`, { token: peer.token, headers: { 'X-Terminal-Heartbeat': beat() } });
    await call(`${t.api}/sync/entries?limit=1`, {
      token: gaoqu.token,
      headers: {
        'X-Terminal-Heartbeat': beat({ appVersion: '0.1.0', clockSkewSeconds: -900, deadLetters: 2, dataAgeSeconds: 3 * 86_400 }),
      },
    });
    // A malformed heartbeat is ignored, and the call still answers.
    const junk = await call(`${t.api}/sync/entries?limit=1`, { token: itOp.token, headers: { 'X-Terminal-Heartbeat': '{"appVersion":1' } });
    expect(junk.status).toBe(200);
    const res = await call(`${t.api}/fleet/terminals`, { token: itOp.token });
    expect(res.status).toBe(200);
    const fleet = FleetResponse.parse(res.body);
    expect(fleet.latestAppVersion).toBe('0.2.0');
    const byId = new Map(fleet.terminals.map((x) => [x.terminalId, x]));
    expect(byId.get(huancui.terminalId)?.flags).toEqual([]);
    expect(byId.get(huancui.terminalId)?.department).toBe('环翠区政务服务中心');
    expect(byId.get(gaoqu.terminalId)?.flags).toEqual(['stale_data', 'dead_letters', 'clock_skew', 'outdated_version']);
    expect(byId.get(itOp.terminalId)?.flags).toEqual(['no_contact']);
    const troubled = FleetResponse.parse(
      (await call(`${t.api}/fleet/terminals?troubled=true&flag=clock_skew`, { token: itOp.token })).body,
    );
    expect(troubled.terminals.map((x) => x.terminalId)).toEqual([gaoqu.terminalId]);
    expect((await call(`${t.api}/fleet/terminals`, { token: city })).status).toBe(403);
    expect((await call(`${t.api}/fleet/terminals`, { token: huancui.token })).status).toBe(403);
  });
});

describe('a terminal’s heartbeat speaks for that terminal only', () => {
  it('one terminal claiming a version nobody runs does not flag the whole fleet as outdated', async () => {
    const liar = await enrolAndLogin(t, 'c001');
    const beat = JSON.stringify({
      appVersion: '99.0.0',
      dataVersion: 'E1.5',
      dataAgeSeconds: 600,
      outboxDepth: 0,
      deadLetters: 0,
      clockSkewSeconds: 0,
      storageUsedBytes: null,
      storageQuotaBytes: null,
      lastErrorClass: 'none',
    });
    await call(`${t.api}/sync/entries?limit=1`, { token: liar.token, headers: { 'X-Terminal-Heartbeat': beat } });
    const fleet = FleetResponse.parse((await call(`${t.api}/fleet/terminals`, { token: itOp.token })).body);
    expect(fleet.latestAppVersion).not.toBe('99.0.0');
    const outdated = fleet.terminals.filter((x) => x.flags.includes('outdated_version')).map((x) => x.terminalId);
    expect(outdated).not.toContain(huancui.terminalId);
  });
});

describe('a heartbeat carries nothing personal', () => {
  it('a heartbeat whose text names an ID number is ignored, and IT never sees the number', async () => {
    const typist = await enrolAndLogin(t, 'c001');
    const beat = JSON.stringify({
      appVersion: `0.1.0-${PERSON}`,
      dataVersion: PERSON,
      dataAgeSeconds: 600,
      outboxDepth: 0,
      deadLetters: 0,
      clockSkewSeconds: 0,
      storageUsedBytes: null,
      storageQuotaBytes: null,
      lastErrorClass: 'none',
    });
    expect((await call(`${t.api}/sync/entries?limit=1`, { token: typist.token, headers: { 'X-Terminal-Heartbeat': beat } })).status).toBe(
      200,
    );
    const res = await call(`${t.api}/fleet/terminals`, { token: itOp.token });
    expect(JSON.stringify(res.body)).not.toContain(PERSON);
  });
});

describe('what terminals typed into records never reaches a supervisor clear or as a formula', () => {
  it('a rejected record whose ids carry an ID number or a formula is masked and defused in drill-downs and exports', async () => {
    const typist = await enrolAndLogin(t, 'c001');
    await push(typist, [
      mutation(1, 'feedback', feedbackBody(PERSON, { matterCode: `=${PERSON}`, decision: 'APPLIED' })), // rejected: no such check
      mutation(2, 'feedback', feedbackBody('=HYPERLINK("http://evil/")', { decision: 'APPLIED' })),
    ]);
    const res = await call(`${t.api}/supervisor/dashboard/records?${range}&metric=dead&terminal=${typist.terminalId}`, { token: city });
    expect(res.status).toBe(200);
    expect(SupervisionRecordsResponse.parse(res.body).rows).toHaveLength(2);
    expect(JSON.stringify(res.body)).not.toContain(PERSON);

    const headers = { Authorization: `Bearer ${city}`, 'X-Client-Version': '0.1.0' };
    const query = `${range}&metric=dead&terminal=${typist.terminalId}`;
    const csv = await (await fetch(`${t.api}/supervisor/dashboard/export?${query}&format=csv`, { headers })).text();
    expect(csv).not.toContain(PERSON);
    expect(csv.split(/[\r\n,]/).filter((cell) => /^"?[=+\-@]/.test(cell))).toEqual([]);

    const xlsx = await fetch(`${t.api}/supervisor/dashboard/export?${query}&format=xlsx`, { headers });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const cells: unknown[] = [];
    workbook.getWorksheet('明细')!.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    expect(JSON.stringify(cells)).not.toContain(PERSON);
    expect(cells.filter((v) => typeof v !== 'string' && typeof v !== 'number')).toEqual([]); // no formula cells
  });
});

describe('reason codes come from the catalogue', () => {
  it('a decline with a reason code the catalogue does not define is refused in Chinese and leaves the measure open', async () => {
    const clerk = await enrolAndLogin(t, 'c001');
    const checkId = `rc-${Date.now()}`;
    await push(clerk, [mutation(1, 'check', checkBody({ checkId, triggeredMeasures: ['P-COURT-HONOUR', 'P-COURT-PERMIT'] }))]);
    const refused = await push(clerk, [
      mutation(
        2,
        'feedback',
        feedbackBody(checkId, { measureCode: 'P-COURT-PERMIT', decision: 'NOT_APPLIED', reasonCode: 'MADE_UP', reason: '随便' }),
      ),
    ]);
    const result = refused.results[0] as { status: string; problem?: { status: number; detail?: string } };
    expect(result.status).toBe('rejected');
    expect(result.problem?.status).toBe(422);
    expect(result.problem?.detail).toMatch(/原因代码.*MADE_UP/);
    // Nothing was decided: the declined figures do not move and the measure can still be decided.
    const declined = (await view(city)).declinedByReason;
    expect(declined.map((d) => d.reasonCode)).not.toContain('MADE_UP');
    const own = await push(clerk, [
      mutation(
        3,
        'feedback',
        feedbackBody(checkId, { measureCode: 'P-COURT-PERMIT', decision: 'NOT_APPLIED', reasonCode: 'OBJECTION', reason: '异议' }),
      ),
    ]);
    expect(own.results[0]?.status).toBe('accepted');
  });
});

describe('feedback belongs to the department that made the check', () => {
  it('a clerk of another department cannot decide (and so lock) the measures of a check whose id they read off a slip', async () => {
    const res = await push(gaoqu, [mutation(3, 'feedback', feedbackBody('hc-3', { decision: 'APPLIED' }), { operatorId: 'c002' })]);
    expect(res.results[0]?.status).toBe('rejected');
    // 环翠区's own clerk still records the decision.
    const own = await push(huancui, [mutation(7, 'feedback', feedbackBody('hc-3', { decision: 'APPLIED' }))]);
    expect(own.results[0]?.status).toBe('accepted');
  });
});
