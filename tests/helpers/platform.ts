/** Starts the reference platform in-process and talks to it over real loopback HTTP. */
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, expect } from 'vitest';
import { OutboxResponse, type AuditBody, type CheckBody, type FeedbackBody, type Mutation, type MutationKind } from '../../shared/contract';
import { MATTERS } from '../../platform/seed/catalogue';
import { startPlatform, type PlatformOptions, type RunningPlatform } from '../../platform/server';

export const CLIENT_VERSION = '0.1.0';

export interface TestPlatform {
  platform: RunningPlatform;
  /** http://127.0.0.1:PORT/api/v1 */
  api: string;
  /** http://127.0.0.1:PORT/__test */
  controls: string;
}

export async function startTestPlatform(overrides: Partial<PlatformOptions> = {}): Promise<TestPlatform> {
  const platform = await startPlatform({ port: 0, db: ':memory:', subjects: 300, testControls: true, logger: false, ...overrides });
  return { platform, api: `${platform.url}/api/v1`, controls: `${platform.url}/__test` };
}

/**
 * One platform for a test file: started before its tests (and before the file's own beforeAll, which
 * may use it), closed after them. The object is filled in by then: read it in tests and hooks.
 */
export function platformForFile(overrides: Partial<PlatformOptions> = {}): TestPlatform {
  const t = {} as TestPlatform;
  beforeAll(async () => {
    Object.assign(t, await startTestPlatform(overrides));
  }, 60_000);
  afterAll(async () => {
    await t.platform?.close();
  });
  return t;
}

export interface CallOptions {
  method?: string;
  body?: unknown;
  token?: string;
  /** null = send no X-Client-Version header. */
  version?: string | null;
  headers?: Record<string, string>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON
export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON
export async function call<T = any>(url: string, options: CallOptions = {}): Promise<CallResult<T>> {
  const headers: Record<string, string> = { ...options.headers };
  const version = options.version === undefined ? CLIENT_VERSION : options.version;
  if (version !== null) headers['X-Client-Version'] = version;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(url, {
    method: options.method ?? (options.body !== undefined ? 'POST' : 'GET'),
    headers,
    body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    // not JSON; keep the text
  }
  return { status: res.status, headers: res.headers, body: body as T };
}

export interface Login {
  terminalId: string;
  terminalSecret: string;
  token: string;
}

export async function enrol(t: TestPlatform, name = '测试窗口'): Promise<{ terminalId: string; terminalSecret: string }> {
  const res = await call(`${t.api}/terminals`, { body: { enrolmentCode: t.platform.enrolmentCode, name } });
  if (res.status !== 201) throw new Error(`enrolment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function login(
  t: TestPlatform,
  terminal: { terminalId: string; terminalSecret: string },
  operatorId = 'c001',
  password = 'demo1234',
): Promise<string> {
  const res = await call(`${t.api}/sessions`, { body: { ...terminal, operatorId, password } });
  if (res.status !== 201) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export async function enrolAndLogin(t: TestPlatform, operatorId = 'c001'): Promise<Login> {
  const terminal = await enrol(t);
  return { ...terminal, token: await login(t, terminal, operatorId) };
}

/** Sends `mutations` to the outbox as `who`; the platform must answer the batch (each result says what became of its record). */
export async function pushAccepted(t: TestPlatform, who: Login, mutations: unknown[]): Promise<OutboxResponse> {
  const res = await call(`${t.api}/outbox`, { token: who.token, body: { terminalId: who.terminalId, mutations } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return OutboxResponse.parse(res.body);
}

export function mutation(seq: number, kind: MutationKind, body: unknown, overrides: Partial<Mutation> = {}): Mutation {
  return { id: uuidv7(), seq, kind, occurredAt: new Date().toISOString(), operatorId: 'c001', body, ...overrides };
}

export function checkBody(overrides: Partial<CheckBody> = {}): CheckBody {
  return {
    checkId: `chk-${uuidv7()}`,
    matterCode: 'PX-MF',
    caseNo: 'PX-2026-0001',
    subjectIdentifier: '371003197503080213',
    subjectKind: 'PERSON',
    subjectName: '李建军',
    result: 'BLACK',
    triggeredMeasures: ['P-COURT-HONOUR'],
    dataVersion: 'E0.1',
    source: 'online',
    dataAgeSeconds: 0,
    ...overrides,
  };
}

/** An audit record at `chainSeq` (a PRINT by c001 unless told), with stand-in hashes that link by seq. */
export function auditBody(chainSeq: number, overrides: Partial<AuditBody> = {}): AuditBody {
  return {
    chainSeq,
    action: 'PRINT',
    actor: 'c001',
    terminalId: 'T',
    at: new Date().toISOString(),
    purpose: null,
    subjectHash: null,
    subjectMasked: null,
    outcome: 'printed',
    detail: null,
    prevHash: chainSeq === 0 ? '0'.repeat(64) : `h${chainSeq - 1}`.padEnd(64, '0'),
    hash: `h${chainSeq}`.padEnd(64, '0'),
    ...overrides,
  };
}

export function feedbackBody(checkId: string, overrides: Partial<FeedbackBody> = {}): FeedbackBody {
  return {
    feedbackId: `fb-${uuidv7()}`,
    checkId,
    matterCode: 'PX-MF',
    measureCode: 'P-COURT-HONOUR',
    decision: 'APPLIED',
    department: '威海市总工会',
    dataVersion: 'E0.1',
    ...overrides,
  };
}

export interface Purpose {
  matter: string;
  caseNo: string;
}

/** A purpose for a lookup or name search body; by default a case number in the matter's format, where it has one. */
export function purpose(matter = 'PX-MF', caseNo = sampleCaseNo(matter)): Purpose {
  return { matter, caseNo };
}

/** The demo catalogue's example case number of the matter, or any case number where it defines no format. */
export function sampleCaseNo(matter: string): string {
  return MATTERS.find((m) => m.code === matter)?.caseNoFormat?.example ?? 'BJ-2026-0001';
}
