/**
 * A large drill-down export over real HTTP: while it streams the platform keeps answering /health,
 * a download that stops reading holds the export where it is (nothing finished behind the client's
 * back), and the file holds every record behind the number exactly once — no record lost or repeated
 * where one page of the walk ends and the next begins. The access log says how many records left.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { request, type IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, CLIENT_VERSION, enrolAndLogin, startTestPlatform, type TestPlatform } from '../../helpers/platform';

const RECORDS = 60_000; // 120 pages of the export's walk
const DAYS = 30;
const RESULTS = ['CLEAN', 'BLACK', 'RED', 'BOTH', 'WARNING'];

let dir: string;
let t: TestPlatform;
let city: string;
const seeded = new Map<string, string>(); // record id → day

/** A deterministic shuffle, so fact ids and days run in different orders (as offline checks make them). */
function* scattered(): Generator<{ recordId: string; day: string; result: string }> {
  let state = 12345;
  for (let i = 0; i < RECORDS; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const day = `2026-11-${String(1 + (state % DAYS)).padStart(2, '0')}`;
    yield { recordId: `rec-${i}`, day, result: RESULTS[i % RESULTS.length]! };
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cc-export-'));
  const dbFile = join(dir, 'platform.db');
  t = await startTestPlatform({ db: dbFile });
  city = (await enrolAndLogin(t, 's001')).token;
  // A month of one counter's checks, written as the facts the platform keeps for accepted checks.
  const db = new Database(dbFile);
  db.pragma('busy_timeout = 5000');
  const insert = db.prepare(
    `INSERT INTO sv_events (metric, key, day, department, matter_code, terminal_id, operator_id, record_id, check_id, measure_code)
     VALUES ('check', ?, ?, '环翠区政务服务中心', 'PX-MF', 'T-EXPORT', 'c001', ?, ?, NULL)`,
  );
  db.transaction(() => {
    for (const r of scattered()) {
      insert.run(r.result, r.day, r.recordId, `chk-${r.recordId}`);
      seeded.set(r.recordId, r.day);
    }
  })();
  db.close();
}, 120_000);
afterAll(async () => {
  await t?.platform.close();
  rmSync(dir, { recursive: true, force: true });
});

function get(path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request(`${t.api}${path}`, { headers: { Authorization: `Bearer ${city}`, 'X-Client-Version': CLIENT_VERSION } }, resolve);
    req.on('error', reject);
    req.end();
  });
}

async function exportEnds(): Promise<string[]> {
  const log = await call(`${t.controls}/access-log?limit=100`);
  return (log.body.entries as { action: string; outcome: string }[])
    .filter((e) => e.action === 'SUPERVISION_EXPORT' && /^(done|cancelled):/.test(e.outcome))
    .map((e) => e.outcome);
}

describe('a large export', () => {
  it('streams while /health answers, waits for a paused download, and holds every record exactly once', async () => {
    const res = await get('/supervisor/dashboard/export?from=2026-11-01&to=2026-11-30&metric=check&format=csv');
    expect(res.statusCode).toBe(200);
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => res.once('data', resolve));
    res.pause(); // the supervisor's download stalls after its first bytes

    // The platform answers while the export is under way…
    const health = await call(`${t.api}/health`);
    expect(health.status).toBe(200);
    expect(health.body.status).toBe('ok');
    // …and the export is still under way: it has not run to its end behind the stalled download.
    expect(await exportEnds()).toEqual([]);

    res.resume();
    await new Promise((resolve, reject) => {
      res.once('end', resolve);
      res.once('error', reject);
    });
    const csv = Buffer.concat(chunks)
      .toString('utf8')
      .replace(/^\uFEFF/, '');
    const sections = csv.split('\r\n\r\n');
    const detail = sections[0]!.split('\r\n');
    expect(detail[0]).toBe('【明细】');
    expect(detail[1]!.startsWith('日期,记录编号,')).toBe(true);
    const rows = detail.slice(2).map((line) => line.split(','));
    const ids = rows.map((cells) => cells[1]!);
    // Every record behind the number, none twice, each under its own day, newest day first.
    expect(ids).toHaveLength(RECORDS);
    expect(new Set(ids).size).toBe(RECORDS);
    expect(rows.every(([day, id]) => seeded.get(id!) === day)).toBe(true);
    const days = rows.map(([day]) => day!);
    expect(days.every((day, i) => i === 0 || day <= days[i - 1]!)).toBe(true);
    // The access log says what left.
    expect(await exportEnds()).toEqual([`done:csv:rows:${RECORDS}`]);
  }, 120_000);
});
