/**
 * startPlatform: opens (and on first use seeds) the database, sets up accounts and serves platform
 * API v1 over HTTP. Used by the CLI, integration tests and benchmarks.
 */
import cors from '@fastify/cors';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from 'fastify';
import type { Socket } from 'node:net';
import {
  API_BASE,
  CLIENT_VERSION_HEADER,
  HEARTBEAT_HEADER,
  problem,
  PROBLEM_CONTENT_TYPE,
  type PlatformPublicKey,
} from '../shared/contract';
import { registerGuard, type RegisteredRoute } from './auth/guard';
import { hashPassword } from './auth/passwords';
import { createContext, type PlatformContext } from './context';
import { MetaStore } from './db/meta';
import { deleteDatabaseFiles, openDatabase, type Db } from './db/open';
import { FaultInjector } from './faults/faults';
import { logFormatters, requestSerializers } from './http/logging';
import { fail } from './http/problems';
import {
  DEFAULT_DB_FILE,
  DEFAULT_ENROLMENT_CODE,
  DEFAULT_MIN_CLIENT_VERSION,
  DEFAULT_NAME_SEARCHES_PER_HOUR,
  DEFAULT_OFFLINE_UNLOCK_HOURS,
  DEFAULT_RATE_LIMIT_PER_MINUTE,
  DEFAULT_SEED,
  DEFAULT_SUBJECTS,
  DEFAULT_TOKEN_TTL_SECONDS,
  DEMO_OPERATORS,
  normaliseOrigin,
  type OperatorAccount,
  type PlatformOptions,
} from './options';
import { registerApiRoutes } from './routes';
import { DEMO_MONTH, seedSupervisionMonth, writeDemoHeartbeats, type SeededTerminal } from './seed/supervisionMonth';
import { defaultEntryCount, isSeeded, seedDatabase, type SeedInfo } from './seed/writeDatabase';
import { DEFAULT_SNAPSHOT_OPTIONS } from './snapshots/publisher';
import { registerTestControls } from './testControls/routes';
import { PLATFORM_VERSION } from './version';

export type { PlatformOptions, OperatorAccount } from './options';
export type { RegisteredRoute } from './auth/guard';

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
  /** Every route of the guarded API scope with its access rule. */
  routes: RegisteredRoute[];
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

const DEMO_MONTH_KEY = 'demo_month';

/**
 * The demo month, written once per database; its terminals' heartbeats written again at every start,
 * the same values dated from now: the fleet view judges "no contact for a day" against the real clock,
 * so heartbeats dated at the first start (or in the demo month) would flag every demo terminal a day later.
 */
function seedDemoMonth(ctx: PlatformContext): void {
  const stored = ctx.meta.get(DEMO_MONTH_KEY);
  let terminals: SeededTerminal[] | undefined;
  if (stored === undefined) {
    const summary = seedSupervisionMonth(ctx, { ...DEMO_MONTH, heartbeatsAt: null });
    terminals = summary.terminals;
    ctx.meta.set(
      DEMO_MONTH_KEY,
      JSON.stringify({ checks: summary.checks, records: summary.records, at: ctx.now().toISOString(), terminals }),
    );
  } else {
    // A database seeded before the terminals were kept here keeps the heartbeats of its first start.
    terminals = (JSON.parse(stored) as { terminals?: SeededTerminal[] }).terminals;
  }
  if (terminals) writeDemoHeartbeats(ctx, terminals, ctx.now(), DEMO_MONTH.seed);
}

async function storeOperators(ctx: PlatformContext, operators: OperatorAccount[]): Promise<void> {
  const hashed = await Promise.all(operators.map(async (op) => ({ op, hash: await hashPassword(op.password) })));
  for (const { op, hash } of hashed) {
    ctx.operators.upsert({
      id: op.id,
      name: op.name,
      department: op.department,
      roles: op.roles,
      ...(op.supervisorScope ? { supervisorScope: op.supervisorScope } : {}),
      passwordHash: hash,
    });
  }
  // An account dropped from the configuration (someone who left) signs in no more, and its sessions end.
  ctx.operators.retireAllExcept(
    operators.map((op) => op.id),
    ctx.now().toISOString(),
  );
}

/** Chinese problems for what fastify itself refuses before a route runs (body parsing, bad URLs). */
const FRAMEWORK_PROBLEMS: Record<string, { status: number; title: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, title: '不支持的请求内容类型，请以 application/json 发送' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, title: '请求内容过大' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, title: '请求长度与内容不符' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, title: '请求内容为空' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, title: '请求内容不是有效的 JSON' },
  FST_ERR_BAD_URL: { status: 400, title: '请求地址无效' },
  FST_ERR_MAX_PARAM_LENGTH: { status: 414, title: '请求地址过长' },
  FST_ERR_ASYNC_CONSTRAINT: { status: 400, title: '请求无效' },
};

function frameworkProblem(error: FastifyError, reply: FastifyReply): FastifyReply {
  const known = FRAMEWORK_PROBLEMS[error.code];
  if (known) return fail(reply, known.status, 'bad_request', known.title);
  // JSON.parse errors of the body parser carry no fastify code.
  if (error instanceof SyntaxError) return fail(reply, 400, 'bad_request', FRAMEWORK_PROBLEMS.FST_ERR_CTP_INVALID_JSON_BODY!.title);
  const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  return fail(reply, status, 'bad_request', '请求无效');
}

/**
 * A request Node's HTTP parser refuses (a malformed request line or header) never becomes a request:
 * it still gets a problem in Chinese, then the connection closes.
 */
function clientErrorProblem(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
  const status = tooLarge ? 431 : 400;
  const body = JSON.stringify(problem(status, 'bad_request', tooLarge ? '请求头过大' : '请求格式无效'));
  socket.end(
    `HTTP/1.1 ${status} ${tooLarge ? 'Request Header Fields Too Large' : 'Bad Request'}\r\n` +
      `Content-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function buildApp(options: PlatformOptions): FastifyInstance {
  const logger = options.logger ?? false;
  const app = Fastify({
    logger:
      logger === false
        ? false
        : {
            level: logger === true ? 'info' : logger.level,
            serializers: requestSerializers,
            formatters: logFormatters,
            ...(logger !== true && logger.stream ? { stream: logger.stream } : {}),
          },
    bodyLimit: 8 * 1024 * 1024,
    // 'idle': on close, idle keep-alive sockets go at once while requests in flight may finish.
    forceCloseConnections: 'idle',
    // A URL fastify cannot decode never reaches a route: it gets a problem like any other bad request.
    frameworkErrors: (error, _request, reply) => frameworkProblem(error, reply),
    clientErrorHandler: clientErrorProblem,
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return fail(reply, 500, 'internal', '平台内部错误');
    }
    return frameworkProblem(error, reply);
  });
  app.setNotFoundHandler((_request, reply) => fail(reply, 404, 'not_found', '接口不存在'));
  // JSON only: a text/plain body is what a page elsewhere can send without a CORS preflight.
  app.removeContentTypeParser('text/plain');
  return app;
}

export interface PlatformApp {
  app: FastifyInstance;
  ctx: PlatformContext;
  dbPath: string;
  enrolmentCode: string;
  operators: OperatorAccount[];
  seeding: { reused: boolean; info: SeedInfo | undefined };
  /** Every route of the guarded API scope with its access rule (the security model's route table). */
  routes: RegisteredRoute[];
  faults: FaultInjector | null;
  /** Settles when the first snapshot is published. */
  snapshotReady: Promise<void>;
}

/**
 * The platform without a listening socket: database prepared, accounts stored, every route
 * registered behind the guard, ready for `app.inject` (unit tests) or `listen` (startPlatform).
 */
export async function createPlatformApp(options: PlatformOptions = {}): Promise<PlatformApp> {
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
      nameSearchesPerHour: options.nameSearchesPerHour ?? DEFAULT_NAME_SEARCHES_PER_HOUR,
    },
    options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE,
    options.now ?? (() => new Date()),
    { ...DEFAULT_SNAPSHOT_OPTIONS, ...options.snapshots },
    {
      ...(options.syncPageCacheBytes !== undefined ? { syncPageCacheBytes: options.syncPageCacheBytes } : {}),
      ...(options.syncPageWorker !== undefined ? { syncPageWorker: options.syncPageWorker } : {}),
      ...(options.admission ? { admission: options.admission } : {}),
    },
  );
  if (options.demoMonth) seedDemoMonth(ctx);
  const app = buildApp(options);
  app.addHook('onClose', async () => ctx.syncPageBuilder.close());
  try {
    await storeOperators(ctx, operators);
    // A small list is published before the first request; a large one builds in the background
    // (the manifest route answers 503 with Retry-After until it is ready).
    const snapshotReady = ctx.snapshots.ensure().then(() => undefined);
    snapshotReady.catch(() => undefined);
    if (options.awaitSnapshot ?? countLiveEntries(db) <= 200_000) await snapshotReady;
    const faults = options.testControls ? new FaultInjector() : null;
    // Order matters: CORS headers first (so even injected faults and 4xx answers are readable by
    // the web build), then faults, then the API scope with its guard.
    // Only the configured origins get CORS headers (exact match); every other page's request is
    // still answered, but its browser keeps the answer from it.
    const allowedOrigins = new Set((options.corsOrigins ?? []).map(normaliseOrigin));
    await app.register(cors, {
      origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin)),
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['Authorization', 'Content-Type', CLIENT_VERSION_HEADER, 'If-None-Match', HEARTBEAT_HEADER],
      // The export's file name, for the browser's download.

      exposedHeaders: ['ETag', 'Date', 'Retry-After', 'Content-Disposition'],
      maxAge: 600,
    });
    // Before the faults and the guard: a saturated platform refuses bulk work before anything else runs.
    ctx.admission.register(app);
    faults?.register(app);
    app.get('/', async () => ({
      name: 'Credit Counter reference platform',
      platformVersion: PLATFORM_VERSION,
      api: API_BASE,
      testControls: faults !== null,
    }));
    let routes: RegisteredRoute[] = [];
    // The one guarded scope: every API route is registered here, behind the guard's hooks.
    await app.register(
      async (api) => {
        routes = registerGuard(api, ctx);
        registerApiRoutes(api, ctx);
      },
      { prefix: API_BASE },
    );
    if (faults) await app.register(async (test) => registerTestControls(test, ctx, faults), { prefix: '/__test' });
    await app.ready();
    return { app, ctx, dbPath, enrolmentCode, operators, seeding: { reused, info }, routes, faults, snapshotReady };
  } catch (error) {
    await ctx.snapshots.close();
    await app.close().catch(() => undefined);
    db.close();
    throw error;
  }
}

/** How long requests in flight get to finish when the platform stops. */
const CLOSE_GRACE_MS = 3_000;

export async function startPlatform(options: PlatformOptions = {}): Promise<RunningPlatform> {
  const built = await createPlatformApp(options);
  const { app, ctx, faults } = built;
  try {
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
      dbPath: built.dbPath,
      enrolmentCode: built.enrolmentCode,
      operators: built.operators,
      seeding: built.seeding,
      routes: built.routes,
      publicKey: ctx.signing.publicKey,
      snapshotReady: built.snapshotReady,
      close: () =>
        (closed ??= (async () => {
          faults?.reset(); // hung requests would otherwise keep close() waiting forever
          await ctx.snapshots.close();
          // Requests in flight may finish, but a client that keeps one open cannot hold the shutdown.
          const cutOff = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
          await app.close();
          clearTimeout(cutOff);
          ctx.db.close();
        })()),
    };
  } catch (error) {
    await ctx.snapshots.close();
    await app.close().catch(() => undefined);
    ctx.db.close();
    throw error;
  }
}
