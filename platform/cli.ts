/**
 * npm run platform -- [--port 8787] [--db FILE|:memory:] [--subjects N] [--entries N] [--seed N]
 *   [--reseed] [--enrolment-code CODE] [--operator ID:PASSWORD:ROLE]... [--test-controls]
 *   [--min-client-version V] [--token-ttl SECONDS] [--offline-unlock-hours H] [--rate-limit N]
 *   [--name-search-budget N] [--cors-origin ORIGIN]... [--host HOST] [--quiet] [--seed-only]
 *   [--max-bulk-in-flight N] [--max-in-flight N] [--lag-limit-ms MS] [--retry-after S] [--sync-page-cache-mb MB]
 *   [--no-sync-page-worker]
 */
import { parseArgs } from 'node:util';
import { deleteDatabaseFiles, openDatabase } from './db/open';
import {
  DEFAULT_DB_FILE,
  DEFAULT_SEED,
  DEFAULT_SUBJECTS,
  DEMO_OPERATORS,
  normaliseOrigin,
  parseOperatorSpec,
  type PlatformOptions,
} from './options';
import { SHOWCASE_SUBJECTS } from './seed/showcase';
import { defaultEntryCount, seedDatabase } from './seed/writeDatabase';
import { startPlatform } from './server';

const USAGE = `Credit Counter reference platform

  --port N                  listen port (default 8787; 0 = random)
  --host HOST               listen address (default 127.0.0.1)
  --db FILE                 SQLite file (default ${DEFAULT_DB_FILE}); ":memory:" for a throw-away database
  --subjects N              random subjects to seed on first start (default ${DEFAULT_SUBJECTS})
  --entries N               list entries to seed (default 6% of subjects)
  --no-demo-month           do not seed the demo month of counters (supervision dashboard, fleet)
  --seed N                  PRNG seed of the demo data (default ${DEFAULT_SEED})
  --reseed                  rebuild the database even if it exists
  --seed-only               seed (or reseed) the database and exit
  --enrolment-code CODE     terminal enrolment code (default WEIHAI-DEMO-2026)
  --operator ID:PWD:ROLE    operator account, repeatable; ROLE clerk or supervisor (default: demo accounts)
  --test-controls           mount /__test routes (data changes, fault injection) — tests only
  --min-client-version V    lowest accepted X-Client-Version (default 0.1.0)
  --token-ttl SECONDS       session lifetime (default 28800 = 8 h)
  --offline-unlock-hours H  offline unlock validity (default 72)
  --rate-limit N            requests per minute per terminal (default 1200)
  --name-search-budget N    name searches per operator per rolling hour (default 60)
  --cors-origin ORIGIN      origin whose pages may call the API from a browser, repeatable
                            (the web build's, e.g. http://127.0.0.1:5173; app://credit-counter for
                            the desktop app); default none
  --max-bulk-in-flight N    outbox batches and sync pages served at once; more get 503 + Retry-After (default 16)
  --max-in-flight N         other requests at once (lookups, logins…); /health is never refused (default 512)
  --lag-limit-ms MS         refuse bulk work while the event loop lags more than this (smoothed; default 75; 0 = off)
  --retry-after S           Retry-After of those refusals, seconds (default 3)
  --sync-page-cache-mb MB   memory for sync pages prepared once and shared by all terminals (default 256)
  --no-sync-page-worker     build big sync pages on the event loop instead of a worker thread (for comparison)
  --quiet                   no request log
  --help`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} expects a non-negative integer, got "${value}"`);
  return n;
}

function parseCommandLine(argv: string[]): { options: PlatformOptions; seedOnly: boolean } | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      db: { type: 'string' },
      subjects: { type: 'string' },
      entries: { type: 'string' },
      seed: { type: 'string' },
      reseed: { type: 'boolean' },
      'seed-only': { type: 'boolean' },
      'enrolment-code': { type: 'string' },
      operator: { type: 'string', multiple: true },
      'test-controls': { type: 'boolean' },
      'no-demo-month': { type: 'boolean' },
      'min-client-version': { type: 'string' },
      'token-ttl': { type: 'string' },
      'offline-unlock-hours': { type: 'string' },
      'rate-limit': { type: 'string' },
      'cors-origin': { type: 'string', multiple: true },
      'name-search-budget': { type: 'string' },
      'max-bulk-in-flight': { type: 'string' },
      'max-in-flight': { type: 'string' },
      'lag-limit-ms': { type: 'string' },
      'retry-after': { type: 'string' },
      'sync-page-cache-mb': { type: 'string' },
      'no-sync-page-worker': { type: 'boolean' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) return null;
  const operators = values.operator?.map(parseOperatorSpec);
  const options: PlatformOptions = {
    port: integer('port', values.port) ?? 8787,
    host: values.host ?? '127.0.0.1',
    db: values.db ?? DEFAULT_DB_FILE,
    reseed: values.reseed ?? false,
    testControls: values['test-controls'] ?? false,
    demoMonth: !(values['no-demo-month'] ?? false),
    logger: !values.quiet,
  };
  const set = <K extends keyof PlatformOptions>(key: K, value: PlatformOptions[K] | undefined) => {
    if (value !== undefined) options[key] = value;
  };
  set('subjects', integer('subjects', values.subjects));
  set('entries', integer('entries', values.entries));
  set('seed', integer('seed', values.seed));
  set('enrolmentCode', values['enrolment-code']);
  set('operators', operators && operators.length > 0 ? operators : undefined);
  set('minClientVersion', values['min-client-version']);
  set('tokenTtlSeconds', integer('token-ttl', values['token-ttl']));
  set('offlineUnlockHours', integer('offline-unlock-hours', values['offline-unlock-hours']));
  set('rateLimitPerMinute', integer('rate-limit', values['rate-limit']));
  set('corsOrigins', values['cors-origin']?.map(normaliseOrigin));
  set('nameSearchesPerHour', integer('name-search-budget', values['name-search-budget']));
  const admission = {
    maxBulkInFlight: integer('max-bulk-in-flight', values['max-bulk-in-flight']),
    maxInFlight: integer('max-in-flight', values['max-in-flight']),
    lagLimitMs: integer('lag-limit-ms', values['lag-limit-ms']),
    retryAfterSeconds: integer('retry-after', values['retry-after']),
  };
  const given = Object.fromEntries(Object.entries(admission).filter(([, v]) => v !== undefined));
  if (Object.keys(given).length > 0) options.admission = given;
  const cacheMb = integer('sync-page-cache-mb', values['sync-page-cache-mb']);
  set('syncPageCacheBytes', cacheMb === undefined ? undefined : cacheMb * 1024 * 1024);
  set('syncPageWorker', values['no-sync-page-worker'] ? false : undefined);
  return { options, seedOnly: values['seed-only'] ?? false };
}

function seedOnly(options: PlatformOptions): void {
  const path = options.db ?? DEFAULT_DB_FILE;
  deleteDatabaseFiles(path);
  const db = openDatabase(path);
  const subjects = options.subjects ?? DEFAULT_SUBJECTS;
  const info = seedDatabase(db, { subjects, entries: options.entries ?? defaultEntryCount(subjects), seed: options.seed ?? DEFAULT_SEED });
  db.close();
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  console.log(
    `seeded ${path}: ${subjects} subjects, ${info.summary.entries} entries (+ showcase) in ${(info.millis / 1000).toFixed(1)} s, peak RSS ${peakRssMb} MB`,
  );
  console.log(JSON.stringify({ ...info.summary, millis: info.millis, peakRssMb }));
}

async function main(): Promise<void> {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    console.error(USAGE);
    process.exit(2);
  }
  if (!parsed) {
    console.log(USAGE);
    return;
  }
  if (parsed.seedOnly) return seedOnly(parsed.options);

  const started = performance.now();
  const platform = await startPlatform(parsed.options);
  const info = platform.seeding.info;
  const seeded = platform.seeding.reused
    ? `reusing ${platform.dbPath} (seeded with ${info?.subjects ?? '?'} subjects, seed ${info?.seed ?? '?'}; --reseed to rebuild)`
    : `seeded ${platform.dbPath}: ${info?.subjects} subjects, ${info?.summary.entries} entries in ${((info?.millis ?? 0) / 1000).toFixed(1)} s`;
  const operators = platform.operators.map((op) => `    ${op.id} / ${op.password}  ${op.roles.join(',')}  ${op.name}（${op.department}）`);
  const showcase = SHOWCASE_SUBJECTS.map((s) => `    ${s.identifier.padEnd(18)}  ${s.name}（${s.key}）`);
  console.log(
    [
      '',
      `Credit Counter reference platform ready in ${Math.round(performance.now() - started)} ms`,
      `  URL:             ${platform.url}  (API ${platform.url}/api/v1, health ${platform.url}/api/v1/health)`,
      `  Database:        ${seeded}`,
      `  Enrolment code:  ${platform.enrolmentCode}`,
      `  Snapshot key:    ${platform.publicKey.key}  (Ed25519, id ${platform.publicKey.keyId}; IT may pin it as platformPublicKey)`,
      `  Operators:`,
      ...operators,
      `  Showcase subjects (all in platform/seed/showcase.ts):`,
      ...showcase,
      ...(parsed.options.testControls ? ['  Test controls:   /__test (DO NOT use in production)'] : []),
      '',
    ].join('\n'),
  );
  if (platform.operators === DEMO_OPERATORS) console.log('  (demo accounts — pass --operator to define your own)\n');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: shutting down…`);
    platform.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
