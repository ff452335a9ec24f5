/**
 * Supervision dashboard views (a command, not a test): npm run bench:supervision [-- --sizes 100000,1000000] [--runs 5]
 *
 * For each size, writes a month of a city — 1,000 terminals in 40 service centres, N checks with
 * their feedback, commitments and dead letters, through the same facts as pushed records — into a
 * scratch database under .bench/ (kept, keyed by size), then times every view of the dashboard for
 * the month city-wide, for one department, for one terminal, and the first page of a drill-down
 * (median of --runs). The baseline, measured in the same run on the same database, is the one
 * question the records alone can answer without the facts: checks by day and result over the month,
 * grouped from the records themselves. Figures from a machine shared with other work are indicative.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createContext } from '../../platform/context';
import { openDatabase } from '../../platform/db/open';
import { DEFAULT_MIN_CLIENT_VERSION } from '../../platform/options';
import { seedDatabase } from '../../platform/seed/writeDatabase';
import { seedSupervisionMonth } from '../../platform/seed/supervisionMonth';
import { dashboard, SupervisionQueries, type ScopedFilter } from '../../platform/supervision/dashboard';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const SIZES = (option('--sizes') ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(option('--runs') ?? 5);
const BENCH_DIR = fileURLToPath(new URL('../../.bench', import.meta.url));
const DEPARTMENTS = Array.from({ length: 40 }, (_, i) => `第${i + 1}政务服务中心`);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function time(run: () => unknown): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function open(size: number) {
  mkdirSync(BENCH_DIR, { recursive: true });
  const path = `${BENCH_DIR}/supervision-${size}.db`;
  const fresh = !existsSync(path);
  const db = openDatabase(path);
  if (fresh) seedDatabase(db, { subjects: 1_000, entries: 60, seed: 1 });
  const ctx = createContext(
    db,
    { enrolmentCode: 'bench', minClientVersion: DEFAULT_MIN_CLIENT_VERSION, tokenTtlSeconds: 3600, offlineUnlockHours: 1 },
    1_000,
    () => new Date('2026-12-01T02:00:00Z'),
  );
  if (fresh) {
    const started = performance.now();
    db.pragma('synchronous = OFF');
    const summary = seedSupervisionMonth(ctx, {
      seed: 7,
      firstDay: '2026-11-01',
      days: 30,
      departments: DEPARTMENTS,
      terminalsPerDepartment: 25,
      checks: size,
      heartbeatsAt: null,
    });
    db.pragma('synchronous = NORMAL');
    db.exec('ANALYZE');
    console.log(`  wrote ${summary.checks} checks (${summary.records} records) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return { db, ctx };
}

for (const size of SIZES) {
  console.log(`\n${size.toLocaleString('en')} checks, a month of 1,000 terminals in ${DEPARTMENTS.length} service centres`);
  const { db, ctx } = open(size);
  const queries = new SupervisionQueries(db);
  const terminal = db.prepare<[], { id: string }>('SELECT id FROM terminals ORDER BY id LIMIT 1 OFFSET 17').get()?.id ?? '';
  const month = { from: '2026-11-01', to: '2026-11-30' };
  const filters: Array<[string, ScopedFilter]> = [
    ['city, month', month],
    ['department, month', { ...month, scopeDepartment: DEPARTMENTS[3]! }],
    ['terminal, month', { ...month, terminal }],
  ];
  const catalogue = ctx.catalogue.catalogue;
  const nameOf = (id: string) => ctx.operators.get(id)?.name;

  const baseline = time(() =>
    db
      .prepare(
        `SELECT substr(datetime(occurred_at_ms / 1000 + 8 * 3600, 'unixepoch'), 1, 10) AS day, json_extract(body, '$.result') AS result, count(*)
         FROM mutations WHERE kind = 'check' AND status = 'accepted' AND occurred_at_ms BETWEEN ? AND ? GROUP BY day, result`,
      )
      .all(Date.parse('2026-10-31T16:00:00Z'), Date.parse('2026-11-30T16:00:00Z')),
  );
  console.log(`  baseline: checks by day and result from the records themselves: ${baseline.toFixed(1)} ms`);

  for (const [label, filter] of filters) {
    const views: Array<[string, () => unknown]> = [
      ['checks by day / results', () => queries.checksByDay(filter)],
      ['MUST / MAY decisions', () => queries.measures(filter)],
      ['declined by reason', () => queries.declined(filter, catalogue)],
      ['open MUST per clerk/day', () => queries.openMust(filter, nameOf)],
      ['dead letters + resubmitted', () => queries.deadLetters(filter)],
      ['feedback latency', () => queries.latency(filter)],
      [
        'commitments, old catalogue, offline, chain',
        () => [queries.commitments(filter), queries.oldCatalogue(filter), queries.offlineChecks(filter), queries.chainBreaks(filter)],
      ],
      ['drill-down: first 100 declines', () => queries.records(filter, { metric: 'declined', limit: 100, offset: 0 })],
      ['whole dashboard', () => dashboard(queries, filter, catalogue, nameOf)],
    ];
    console.log(`  ${label}:`);
    for (const [name, run] of views) {
      const ms = time(run);
      console.log(
        `    ${name.padEnd(44)} ${ms.toFixed(1).padStart(8)} ms   ${(baseline / ms).toFixed(1).padStart(7)}× faster than the baseline`,
      );
    }
  }
  db.close();
}
