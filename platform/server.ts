/**
 * startPlatform: opens (and on first use seeds) the database, sets up accounts and serves platform
 * API v1 over HTTP. Used by the CLI, integration tests and benchmarks.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { API_BASE, CLIENT_VERSION_HEADER, type PlatformPublicKey } from '../shared/contract';
import { registerGuard } from './auth/guard';
import { hashPassword } from './auth/passwords';
import { createContext, type PlatformContext } from './context';
import { MetaStore } from './db/meta';
import { deleteDatabaseFiles, openDatabase, type Db } from './db/open';
import { FaultInjector } from './faults/faults';
import { requestSerializers } from './http/logging';
import { fail } from './http/problems';
import {
  DEFAULT_DB_FILE,
  DEFAULT_ENROLMENT_CODE,
  DEFAULT_MIN_CLIENT_VERSION,
  DEFAULT_OFFLINE_UNLOCK_HOURS,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SEED,
  DEFAULT_SUBJECTS,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEMO_OPERATORS,
  type OperatorAccount,
  type PlatformOptions,
} from './options';
import { registerApiRoutes } from './routes';
import { defaultEntryCount, isSeeded, seedDatabase, type SeedInfo } from './seed/writeDatabase';
import { DEFAULT_SNAPSHOT_OPTIONS } from './snapshots/publisher';
import { registerTestControls } from './testControls/routes';
import { PLATFORM_VERSION } from './version';

export type { PlatformOptions, OperatorAccount } from './options';

export interface RunningPlatform {
  /** http://HOST:PORT (no trailing slash); the API is under `${url}/api/v1`. */
  url: string;
  port: number;
  host: string;
  dbPath: string;
  enrolmentCode: string;
  operators: OperatorAccount[];
  /** What the database holds and whether this start seeded it. */
  seeding: { reused: boolean; info: SeedInfo | undefined };
  /** The key that signs snapshot statements (terminals get it at enrolment; IT may pin it). */
  publicKey: PlatformPublicKey;
  /** Settles when the first snapshot is published. */
  snapshotReady: Promise<void>;
  close(): Promise<void>;
}

function countLiveEntries(db: Db): number {
  return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM entries WHERE deleted = 0').get()?.n ?? 0;
}

function prepareDatabase(options: PlatformOptions, dbPath: string): { db: Db; reused: boolean; info: SeedInfo | undefined } {
  if (options.reseed) deleteDatabaseFiles(dbPath);
  const db = openDatabase(dbPath);
  if (isSeeded(db)) return { db, reused: true, info: new MetaStore(db).getJson<SeedInfo>('seeded') };
  const subjects = options.subjects ?? DEFAULT_SUBJECTS;
  const info = seedDatabase(db, { subjects, entries: options.entries ?? defaultEntryCount(subjects), seed: options.seed ?? DEFAULT_SEED });
  return { db, reused: false, info };
}

async function storeOperators(ctx: PlatformContext, operators: OperatorAccount[]): Promise<void> {
  const hashed = await Promise.all(operators.map(async (op) => ({ op, hash: await hashPassword(op.password) })));
  for (const { op, hash } of hashed) {
    ctx.operators.upsert({ id: op.id, name: op.name, department: op.department, roles: op.roles, passwordHash: hash });
  }
}

function buildApp(options: PlatformOptions): FastifyInstance {
  const logger = options.logger ?? false;
  const app = Fastify({
    logger: logger === false ? false : { level: logger === true ? 'info' : logger.level, serializers: requestSerializers },
    bodyLimit: 8 * 1024 * 1024,
    // 'idle': on close, idle keep-alive sockets go at once while requests in flight may finish.
    forceCloseConnections: 'idle',
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return fail(reply, 500, 'internal', '平台内部错误');
    }
    return fail(reply, status, 'bad_request', '请求无效', { detail: error.message });
  });
  app.setNotFoundHandler((request, reply) =>
    fail(reply, 404, 'not_found', '接口不存在', { detail: `${request.method} ${request.url.split('?')[0] ?? ''}` }),
  );
  return app;
}

export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const dbPath = options.db ?? DEFAULT_DB_FILE;
  const { db, reused, info } = prepareDatabase(options, dbPath);
  const enrolmentCode = options.enrolmentCode ?? DEFAULT_ENROLMENT_CODE;
  const operators = options.operators ?? DEMO_OPERATORS;
  const ctx = createContext(
    db,
    {
      enrolmentCode,
      minClientVersion: options.minClientVersion ?? DEFAULT_MIN_CLIENT_VERSION,
      tokenTtlSeconds: options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS,
      offlineUnlockHours: options.offlineUnlockHours ?? DEFAULT_OFFLINE_UNLOCK_HOURS,
    },
    options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    options.now ?? (() => new Date()),
    { ...DEFAULT_SNAPSHOT_OPTIONS, ...options.snapshots },
  );
  await storeOperators(ctx, operators);
  // A small list is published before the first request; a large one builds in the background
  // (the manifest route answers 503 with Retry-After until it is ready).
  const snapshotReady = ctx.snapshots.ensure().then(() => undefined);
  snapshotReady.catch(() => undefined);
  if (options.awaitSnapshot ?? countLiveEntries(db) <= 200_000) {
    try {
      await snapshotReady;
    } catch (error) {
      await ctx.snapshots.close();
      db.close();
      throw error;
    }
  }

  const faults = options.testControls ? new FaultInjector() : null;
  const app = buildApp(options);
  try {
    // Order matters: CORS headers first (so even injected faults and 4xx answers are readable by
    // the web build), then faults, then the version/rate/auth guard.
    await app.register(cors, {
      origin: true,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', CLIENT_VERSION_HEADER, 'If-None-Match'],
      exposedHeaders: ['ETag', 'Date', 'Retry-After'],
      maxAge: 600,
    });
    faults?.register(app);
    registerGuard(app, ctx);
    app.get('/', async () => ({
      name: 'Credit Counter reference platform',
      platformVersion: PLATFORM_VERSION,
      api: API_BASE,
      testControls: faults !== null,
    }));
    await app.register(async (api) => registerApiRoutes(api, ctx), { prefix: API_BASE });
    if (faults) await app.register(async (test) => registerTestControls(test, ctx, faults), { prefix: '/__test' });

    const host = options.host ?? '127.0.0.1';
    await app.listen({ port: options.port ?? 0, host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
    const urlHost = host.includes(':') ? `[${host}]` : host;

    let closed: Promise<void> | undefined;
    return {
      url: `http://${urlHost}:${port}`,
      port,
      host,
      dbPath,
      enrolmentCode,
      operators,
      seeding: { reused, info },
      publicKey: ctx.signing.publicKey,
      snapshotReady,
      close: () =>
        (closed ??= (async () => {
          faults?.reset(); // hung requests would otherwise keep close() waiting forever
          await ctx.snapshots.close();
          await app.close();
          db.close();
        })()),
    };
  } catch (error) {
    await ctx.snapshots.close();
    await app.close().catch(() => undefined);
    db.close();
    throw error;
  }
}
