/**
 * Benchmark: outbox ingestion with an empty mutations table and with a million stored mutations.
 * 50 terminals push 200-record batches of chained audit records (the terminal's own chain code)
 * concurrently through the platform's request pipeline (fastify inject: guard, validation, apply,
 * chain check, SQLite on a file with WAL), once per table size; prints records/s, CPU ms per
 * record and the ratio of the two runs. Per-record cost independent of the table size means a
 * ratio near 1.
 *
 *   npm run bench:outbox [-- --stored 1000000 --terminals 50 --batches 4 --batch 200]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createPlatformApp, type PlatformApp } from '../../platform/server';
import { SimulatedAuditJournal } from '../load/auditRecords';

const { values } = parseArgs({
  options: { stored: { type: 'string' }, terminals: { type: 'string' }, batches: { type: 'string' }, batch: { type: 'string' } },
});
const STORED = Number(values.stored ?? 1_000_000);
const TERMINALS = Number(values.terminals ?? 50);
const BATCHES = Number(values.batches ?? 4);
const BATCH = Number(values.batch ?? 200);
const HEADERS = { 'x-client-version': '0.1.0', 'content-type': 'application/json' };
const SUBJECT = { identifier: '371002198805121234', masked: '3710**********1234' };

/** Stored history: accepted audit records of 2,000 other terminals, as a busy platform holds them. */
function fill(p: PlatformApp, rows: number): void {
  const insert = p.ctx.db.prepare(
    `INSERT INTO mutations (id, terminal_id, seq, kind, operator_id, occurred_at, occurred_at_ms, received_at, body, fingerprint, status, chain_ok)
     VALUES (?, ?, ?, 'audit', 'c001', ?, ?, ?, ?, 'f', 'accepted', 1)`,
  );
  const start = Date.parse('2026-01-01T00:00:00Z');
  for (let done = 0; done < rows;) {
    const chunk = Math.min(100_000, rows - done);
    p.ctx.db.transaction(() => {
      for (let i = done; i < done + chunk; i++) {
        const terminal = `FILL-${i % 2000}`;
        const seq = Math.floor(i / 2000) + 1;
        const at = new Date(start + i * 1000).toISOString();
        const hash = (i * 2654435761).toString(16).padStart(64, '0').slice(-64);
        const body = `{"chainSeq":${seq - 1},"action":"LOOKUP","actor":"c001","terminalId":"${terminal}","at":"${at}","purpose":{"matterCode":"PX-MF","caseNo":"PX-2026-0001"},"subjectHash":"${hash}","subjectMasked":"3710**********1234","outcome":"FOUND","detail":null,"prevHash":"${hash}","hash":"${hash}"}`;
        insert.run(`fill-${i}`, terminal, seq, at, start + i * 1000, at, body);
      }
    })();
    done += chunk;
  }
  p.ctx.db.exec('ANALYZE');
}

async function run(stored: number): Promise<{ perSec: number; cpuMsPerRecord: number; seconds: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-bench-outbox-'));
  const p = await createPlatformApp({
    db: join(dir, 'platform.db'),
    subjects: 300,
    logger: false,
    rateLimitPerMinute: 0,
    admission: { lagLimitMs: 0, maxBulkInFlight: 10_000 },
  });
  try {
    const filling = performance.now();
    fill(p, stored);
    if (stored > 0) console.log(`  stored ${stored.toLocaleString()} mutations in ${((performance.now() - filling) / 1000).toFixed(1)} s`);
    const inject = async (url: string, body: unknown, token?: string) => {
      const res = await p.app.inject({
        method: 'POST',
        url: `/api/v1${url}`,
        headers: { ...HEADERS, ...(token ? { authorization: `Bearer ${token}` } : {}) },
        payload: JSON.stringify(body),
      });
      if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      return res.json<Record<string, string>>();
    };
    const terminals = await Promise.all(
      Array.from({ length: TERMINALS }, async (_, i) => {
        const enrolled = await inject('/terminals', { enrolmentCode: p.enrolmentCode, name: `基准窗口 ${i}` });
        const session = await inject('/sessions', {
          terminalId: enrolled.terminalId,
          terminalSecret: enrolled.terminalSecret,
          operatorId: 'c001',
          password: 'demo1234',
        });
        const journal = new SimulatedAuditJournal(enrolled.terminalId!, 'c001');
        const batches = [];
        for (let b = 0; b < BATCHES; b++) batches.push(await journal.lookups(BATCH, SUBJECT, new Date()));
        return { terminalId: enrolled.terminalId!, token: session.token!, batches };
      }),
    );
    const cpu = process.cpuUsage();
    const started = performance.now();
    await Promise.all(
      terminals.map(async (t) => {
        for (const mutations of t.batches) {
          const answer = (await inject('/outbox', { terminalId: t.terminalId, mutations }, t.token)) as unknown as {
            results: Array<{ status: string }>;
          };
          if (answer.results.some((r) => r.status !== 'accepted')) throw new Error('a record was not accepted');
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const records = TERMINALS * BATCHES * BATCH;
    const broken = p.ctx.db.prepare("SELECT count(*) AS n FROM mutations WHERE chain_ok = 0 AND terminal_id NOT LIKE 'FILL-%'").get() as {
      n: number;
    };
    if (broken.n > 0) throw new Error(`${broken.n} records broke their chain`);
    return { perSec: records / seconds, cpuMsPerRecord: (used.user + used.system) / 1000 / records, seconds };
  } finally {
    await p.ctx.snapshots.close();
    await p.app.close();
    p.ctx.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`outbox ingestion: ${TERMINALS} terminals × ${BATCHES} batches × ${BATCH} chained audit records`);
await run(0); // warm-up (JIT, page cache), not counted
const empty = await run(0);
console.log(
  `  0 stored:         ${Math.round(empty.perSec).toLocaleString()} records/s, ${empty.cpuMsPerRecord.toFixed(3)} CPU ms/record (${empty.seconds.toFixed(1)} s)`,
);
const full = await run(STORED);
console.log(
  `  ${STORED.toLocaleString()} stored: ${Math.round(full.perSec).toLocaleString()} records/s, ${full.cpuMsPerRecord.toFixed(3)} CPU ms/record (${full.seconds.toFixed(1)} s)`,
);
console.log(
  `  ratio (full/empty): throughput ${(full.perSec / empty.perSec).toFixed(2)}, CPU per record ${(full.cpuMsPerRecord / empty.cpuMsPerRecord).toFixed(2)}`,
);
console.log('  (both runs in this process on this machine; rerun alone for publishable figures)');
