/** Options of the reference platform, shared by the CLI, tests and benchmarks. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role, SupervisorScope } from '../shared/contract';
import type { AdmissionOptions } from './http/admission';
import type { SnapshotOptions } from './snapshots/publisher';

export interface OperatorAccount {
  id: string;
  password: string;
  roles: Role[];
  name: string;
  department: string;
  /** Supervisors: city-wide, or only their own department's records (the default). */
  supervisorScope?: SupervisorScope;
}

export interface PlatformOptions {
  /** 0 = a random free port. */
  port?: number;
  host?: string;
  /** SQLite file, or ':memory:'. */
  db?: string;
  /** Random subjects to seed (on top of the showcase subjects) when the database is new. */
  subjects?: number;
  /** Random list entries to seed; default a realistic share of the subjects. */
  entries?: number;
  seed?: number;
  /** Rebuild the database even if it was seeded before. */
  reseed?: boolean;
  enrolmentCode?: string;
  operators?: OperatorAccount[];
  /** Mount /__test routes (data changes, fault injection). Never in production. */
  testControls?: boolean;
  /**
   * Seed a month of a city's counters (30 terminals, a few thousand checks with feedback, a few
   * terminals in trouble) for the supervision dashboard and the fleet view, once per database.
   */
  demoMonth?: boolean;
  minClientVersion?: string;
  tokenTtlSeconds?: number;
  offlineUnlockHours?: number;
  /**
   * Origins (scheme://host[:port]) whose pages may call the API from a browser: the web build's
   * origin, and `app://credit-counter` for the desktop app. None by default: no cross-origin page
   * may read an answer.
   */
  corsOrigins?: string[];
  /** Requests per minute per terminal (per IP before login). */
  rateLimitPerMinute?: number;
  /** Name searches per operator per rolling hour (supervisors see who runs out). */
  nameSearchesPerHour?: number;
  /** fastify/pino logger: true = info-level request log to stdout, false = silent; or a level and a stream (tests). */
  logger?: boolean | { level: string; stream?: { write(line: string): void } };
  /** Clock, for tests. */
  now?: () => Date;
  /** Snapshot publication (block size, rebuild policy); see snapshots/publisher.ts. */
  snapshots?: Partial<SnapshotOptions>;
  /** Admission control: how much bulk work (outbox batches, sync pages) runs at once; see http/admission.ts. */
  admission?: Partial<AdmissionOptions>;
  /** Memory for prepared sync pages shared between terminals (bytes; 0 = build every page afresh). */
  syncPageCacheBytes?: number;
  /** Build big sync pages in a worker thread (default true; needs a database file). false: on the event loop, as before. */
  syncPageWorker?: boolean;
  /** Wait for the first snapshot before serving (default: when the list holds ≤ 200,000 entries). */
  awaitSnapshot?: boolean;
}

export const DEFAULT_DB_FILE = join(tmpdir(), 'credit-counter-platform.db');
export const DEFAULT_ENROLMENT_CODE = 'WEIHAI-DEMO-2026';
export const DEFAULT_SUBJECTS = 20_000;
export const DEFAULT_SEED = 20_260_101;
export const DEFAULT_MIN_CLIENT_VERSION = '0.1.0';
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;
export const DEFAULT_OFFLINE_UNLOCK_HOURS = 72;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 1200;
export const DEFAULT_NAME_SEARCHES_PER_HOUR = 60;
export const DEFAULT_DEPARTMENT = '环翠区政务服务中心';

/** The origin as browsers send it (scheme://host[:port], no path); throws on anything else. */
export function normaliseOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(`not an origin: "${origin}" (expected e.g. http://intranet.example:8080)`);
  }
  const bare = `${url.protocol}//${url.host}`;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '') || url.host === '') {
    throw new Error(`not an origin: "${origin}" (scheme://host[:port] only)`);
  }
  return bare;
}

export const DEMO_OPERATORS: OperatorAccount[] = [
  { id: 'c001', password: 'demo1234', roles: ['clerk'], name: '王晓燕', department: DEFAULT_DEPARTMENT },
  { id: 'c002', password: 'demo1234', roles: ['clerk'], name: '李娜', department: '高区政务服务中心' },
  {
    id: 's001',
    password: 'demo1234',
    roles: ['supervisor'],
    name: '刘建国',
    department: '威海市社会信用体系建设办公室',
    supervisorScope: 'city',
  },
  { id: 's002', password: 'demo1234', roles: ['supervisor'], name: '陈静', department: DEFAULT_DEPARTMENT, supervisorScope: 'department' },
  { id: 'i001', password: 'demo1234', roles: ['it'], name: '赵立新', department: '威海市大数据中心' },
];

const DEFAULT_NAMES: Record<Role, string> = { clerk: '窗口工作人员', supervisor: '信用监管员', it: '信息技术管理员' };
const ROLES: readonly Role[] = ['clerk', 'supervisor', 'it'];

/**
 * Parses "ID:PASSWORD:ROLES[:DEPARTMENT]" (the --operator option). ROLES is a comma list of clerk,
 * supervisor (sees their own department's records) or supervisor=city (sees every department's), it.
 * The name defaults by role, the department to the demo's.
 */
export function parseOperatorSpec(spec: string): OperatorAccount {
  const parts = spec.split(':');
  const [id, password, rolesText, department] = parts;
  if (parts.length < 3 || parts.length > 4 || !id || !password || !rolesText || department === '') {
    throw new Error(`--operator expects ID:PASSWORD:ROLES[:DEPARTMENT], got "${spec}"`);
  }
  let supervisorScope: SupervisorScope | undefined;
  const roles = rolesText.split(',').map((text): Role => {
    const role = text.trim();
    if (role === 'supervisor=city') {
      supervisorScope = 'city';
      return 'supervisor';
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`--operator role must be clerk, supervisor, supervisor=city or it, got "${role}"`);
    }
    return role as Role;
  });
  if (roles.includes('supervisor')) supervisorScope ??= 'department';
  const first = roles[0] ?? 'clerk';
  return {
    id,
    password,
    roles: [...new Set(roles)],
    name: `${DEFAULT_NAMES[first]}${id}`,
    department: department ?? DEFAULT_DEPARTMENT,
    ...(supervisorScope ? { supervisorScope } : {}),
  };
}
