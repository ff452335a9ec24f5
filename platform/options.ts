/** Options of the reference platform, shared by the CLI, tests and benchmarks. */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../shared/contract';
import type { SnapshotOptions } from './snapshots/publisher';

export interface OperatorAccount {
  id: string;
  password: string;
  roles: Role[];
  name: string;
  department: string;
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
  minClientVersion?: string;
  tokenTtlSeconds?: number;
  offlineUnlockHours?: number;
  /** Requests per minute per terminal (per IP before login). */
  rateLimitPerMinute?: number;
  /** fastify/pino logger: true = info-level request log, false = silent. */
  logger?: boolean | { level: string };
  /** Clock, for tests. */
  now?: () => Date;
  /** Snapshot publication (block size, rebuild policy); see snapshots/publisher.ts. */
  snapshots?: Partial<SnapshotOptions>;
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
export const DEFAULT_DEPARTMENT = '环翠区政务服务中心';

export const DEMO_OPERATORS: OperatorAccount[] = [
  { id: 'c001', password: 'demo1234', roles: ['clerk'], name: '王晓燕', department: DEFAULT_DEPARTMENT },
  { id: 's001', password: 'demo1234', roles: ['supervisor'], name: '刘建国', department: '威海市社会信用体系建设办公室' },
  { id: 'i001', password: 'demo1234', roles: ['it'], name: '赵立新', department: '威海市大数据中心' },
];

const DEFAULT_NAMES: Record<Role, string> = { clerk: '窗口工作人员', supervisor: '信用监管员', it: '信息技术管理员' };

/** Parses "ID:PASSWORD:ROLE[,ROLE]" (the --operator option); the name defaults by role. */
export function parseOperatorSpec(spec: string): OperatorAccount {
  const parts = spec.split(':');
  const [id, password, rolesText] = parts;
  if (parts.length !== 3 || !id || !password || !rolesText) {
    throw new Error(`--operator expects ID:PASSWORD:ROLE, got "${spec}"`);
  }
  const roles = rolesText.split(',').map((r) => r.trim());
  for (const role of roles) {
    if (role !== 'clerk' && role !== 'supervisor') throw new Error(`--operator role must be clerk or supervisor, got "${role}"`);
  }
  const typed = roles as Role[];
  const first = typed[0] ?? 'clerk';
  return { id, password, roles: typed, name: `${DEFAULT_NAMES[first]}${id}`, department: DEFAULT_DEPARTMENT };
}
