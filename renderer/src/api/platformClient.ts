/**
 * The platform API v1 client. Every response body is validated against the
 * shared zod contract before anyone sees it; every failure becomes a PlatformError.
 */
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosInstance, type AxiosRequestConfig, type AxiosResponse } from 'axios';
import { z } from 'zod';
import {
  API_BASE,
  CLIENT_VERSION_HEADER,
  CatalogueResponse,
  CreateSessionResponse,
  EnrolTerminalResponse,
  HealthResponse,
  JournalImportResponse,
  LookupResponse,
  NameSearchAlertsResponse,
  NameSearchResponse,
  OutboxResponse,
  PlatformEventsResponse,
  Problem,
  SupervisorResponse,
  SnapshotManifestResponse,
  SyncPage,
  UnmaskResponse,
  type Catalogue,
  type MutationKind,
  type CreateSessionRequest,
  type EnrolTerminalRequest,
  type JournalExport,
  type OutboxRequest,
  SlipCheckResponse,
  SlipLookupResponse,
  RevokedTerminalKeysResponse,
  FleetResponse,
  HEARTBEAT_HEADER,
  RecordedCheck,
  type Heartbeat,
  SupervisionDashboard,
  SupervisionRecordsResponse,
  type ExportFormat,
  type FleetQuery,
  type SupervisionFilter,
  type SupervisionRecordsQuery,
} from '../../../shared/contract';
import type { TerminalCallAnswer } from '../../../shared/ipc/channels';
import { codedError, type UserFacingError } from '../model';
import { PlatformError, parseRetryAfter } from './platformError';

export interface PlatformClientOptions {
  platformUrl: string;
  appVersion: string;
  getToken: () => string | null;
  now?: () => Date;
  /** Called with the server's Date header (or body time) of every answer, for the clock-skew check. */
  onServerTime?: (serverTime: string) => void;
  timeouts?: Partial<PlatformTimeouts>;
  /** For tests: an axios adapter ('fetch', 'http', 'xhr' or a function). */
  adapter?: AxiosRequestConfig['adapter'];
  /** The terminal's heartbeat, sent with its sync calls (pull, push, snapshot manifest) for IT's fleet view. */
  heartbeat?: () => Heartbeat;
}

/** The calls a heartbeat rides on: the ones every terminal makes regularly. */
const HEARTBEAT_PATHS = ['/sync/entries', '/outbox', '/snapshots/manifest'];

export interface PlatformTimeouts {
  /** Lookups are interactive: a clerk waits, so fall back to the cache quickly. */
  lookupMs: number;
  defaultMs: number;
  syncMs: number;
}

export const DEFAULT_TIMEOUTS: PlatformTimeouts = { lookupMs: 4_000, defaultMs: 15_000, syncMs: 60_000 };

export type LookupAnswer = { found: true; response: LookupResponse } | { found: false; dataVersion: string };

export type CatalogueAnswer = { notModified: true } | { notModified: false; catalogue: Catalogue; etag: string | null };

interface CallOptions<S extends z.ZodType> {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  schema: S;
  params?: Record<string, string | number | undefined>;
  data?: unknown;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  headers?: Record<string, string>;
  /** Statuses (besides 2xx) that come back to the caller instead of throwing. */
  passStatuses?: number[];
  /** Where the answer comes from instead of the network (a call the host made). */
  adapter?: AxiosAdapter;
}

/** What a plain GET or POST may set; everything else is the default. */
interface BodyCallOptions {
  params?: CallOptions<z.ZodType>['params'];
  timeoutMs?: number;
  signal?: AbortSignal | undefined;
}

/** A platform that publishes no snapshots (404 on the manifest route): the list comes through /sync/entries. */
export type ManifestAnswer = { published: true; manifest: SnapshotManifestResponse } | { published: false };

export class PlatformClient {
  private readonly http: AxiosInstance;
  /** Snapshot blocks: anonymous simple GETs (no custom header, so no CORS preflight per block), bytes. */
  private readonly blocks: AxiosInstance;
  private readonly now: () => Date;
  private readonly timeouts: PlatformTimeouts;

  constructor(private readonly options: PlatformClientOptions) {
    this.now = options.now ?? (() => new Date());
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    this.http = axios.create({
      baseURL: `${options.platformUrl.replace(/\/+$/, '')}${API_BASE}`,
      headers: { [CLIENT_VERSION_HEADER]: options.appVersion, Accept: 'application/json' },
      // Bodies are parsed and validated here, never by axios (which would hide a malformed body).
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      ...(options.adapter ? { adapter: options.adapter } : {}),
    });
    this.blocks = axios.create({
      baseURL: `${options.platformUrl.replace(/\/+$/, '')}${API_BASE}/snapshots/blocks/`,
      responseType: 'arraybuffer',
      validateStatus: () => true,
      ...(options.adapter ? { adapter: options.adapter } : {}),
    });
  }

  get platformUrl(): string {
    return this.options.platformUrl;
  }

  health(signal?: AbortSignal): Promise<HealthResponse> {
    return this.get('/health', HealthResponse, { timeoutMs: this.timeouts.lookupMs, signal });
  }

  enrol(request: EnrolTerminalRequest): Promise<z.infer<typeof EnrolTerminalResponse>> {
    return this.post('/terminals', EnrolTerminalResponse, request);
  }

  createSession(request: CreateSessionRequest): Promise<z.infer<typeof CreateSessionResponse>> {
    return this.post('/sessions', CreateSessionResponse, request);
  }

  /**
   * The answer to a call the host made with the terminal secret (Electron's main process keeps it), checked
   * exactly like an answer this client received itself: statuses, problems, clock skew and the contract.
   */
  async answerFromHost<S extends z.ZodType>(
    path: '/terminals' | '/sessions',
    answer: Exclude<TerminalCallAnswer, { kind: 'refused' }>,
    schema: S,
  ): Promise<z.infer<S>> {
    const r = await this.call({ method: 'POST', path, schema, timeoutMs: this.timeouts.defaultMs, adapter: hostAnswerAdapter(answer) });
    return r.body;
  }

  /**
   * Logout: the platform revokes the session of `token` at once (the session holder has already let
   * go of it). Short timeout: a clerk is waiting.
   */
  async endSession(token: string): Promise<void> {
    await this.call({
      method: 'DELETE',
      path: '/sessions/current',
      schema: z.unknown(),
      timeoutMs: this.timeouts.lookupMs,
      headers: { Authorization: `Bearer ${token}` },
    });
  }

  async catalogue(etag: string | null, signal?: AbortSignal): Promise<CatalogueAnswer> {
    const r = await this.call({
      method: 'GET',
      path: '/catalog',
      schema: CatalogueResponse,
      timeoutMs: this.timeouts.defaultMs,
      signal,
      headers: etag ? { 'If-None-Match': etag } : {},
      passStatuses: [304],
    });
    if (r.status === 304) return { notModified: true };
    return { notModified: false, catalogue: r.body, etag: headerValue(r.headers, 'etag') };
  }

  /** The identifier (or a name-search candidate's ref) goes in the body: never in a URL a proxy logs. */
  async lookup(
    subject: { identifier: string } | { ref: string },
    purpose: { matterCode: string; caseNo: string },
    signal?: AbortSignal,
  ): Promise<LookupAnswer> {
    const r = await this.call({
      method: 'POST',
      path: '/subjects/lookup',
      data: { ...subject, matter: purpose.matterCode, caseNo: purpose.caseNo },
      schema: LookupResponse,
      timeoutMs: this.timeouts.lookupMs,
      signal,
      passStatuses: [404],
    });
    if (r.status === 404) {
      const problem = r.problem;
      if (problem?.code === 'no_records' && problem.dataVersion) return { found: false, dataVersion: problem.dataVersion };
      throw this.errorFor(r.raw, problem);
    }
    return { found: true, response: r.body };
  }

  searchByName(
    name: string,
    purpose: { matterCode: string; caseNo: string },
    signal?: AbortSignal,
  ): Promise<z.infer<typeof NameSearchResponse>> {
    const data = { name, matter: purpose.matterCode, caseNo: purpose.caseNo };
    return this.post('/subjects/search', NameSearchResponse, data, { timeoutMs: this.timeouts.lookupMs, signal });
  }

  syncEntries(after: string | null, limit: number, signal?: AbortSignal): Promise<z.infer<typeof SyncPage>> {
    return this.get('/sync/entries', SyncPage, { params: { after: after ?? undefined, limit }, timeoutMs: this.timeouts.syncMs, signal });
  }

  /** Supervisors: hand-overs, journal imports and resubmissions, newest first. */
  platformEvents(limit: number): Promise<z.infer<typeof PlatformEventsResponse>> {
    return this.get('/supervisor/events', PlatformEventsResponse, { params: { limit } });
  }

  /** IT: a terminal's exported journal into the platform (POST /admin/journal-imports). */
  importJournal(file: JournalExport): Promise<z.infer<typeof JournalImportResponse>> {
    return this.post('/admin/journal-imports', JournalImportResponse, file, { timeoutMs: this.timeouts.syncMs });
  }

  async snapshotManifest(signal?: AbortSignal): Promise<ManifestAnswer> {
    const r = await this.call({
      method: 'GET',
      path: '/snapshots/manifest',
      schema: SnapshotManifestResponse,
      timeoutMs: this.timeouts.syncMs,
      signal,
      passStatuses: [404],
    });
    return r.status === 404 ? { published: false } : { published: true, manifest: r.body };
  }

  /** A sealed block by its SHA-256 (the caller checks the hash and decrypts). */
  snapshotBlock(hash: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('invalid block hash');
    return this.sealedBytes(hash, signal);
  }

  /**
   * Pack `index` of a snapshot (shared/snapshot/packs.ts): its blocks' sealed bytes one after the
   * other; the caller splits them by the manifest's sizes and checks every hash.
   */
  snapshotPack(manifestSha256: string, index: number, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    if (!/^[0-9a-f]{64}$/.test(manifestSha256) || !Number.isSafeInteger(index) || index < 0) throw new Error('invalid pack name');
    return this.sealedBytes(`packs/${manifestSha256}/${index}`, signal);
  }

  private async sealedBytes(path: string, signal?: AbortSignal): Promise<Uint8Array<ArrayBuffer>> {
    let response: AxiosResponse<ArrayBuffer>;
    try {
      response = await this.blocks.get<ArrayBuffer>(path, { timeout: this.timeouts.syncMs, signal });
    } catch (error) {
      throw transportError(error);
    }
    if (response.status !== 200) throw this.binaryFailure(response);
    return new Uint8Array(response.data);
  }

  pushOutbox(request: OutboxRequest, signal?: AbortSignal): Promise<z.infer<typeof OutboxResponse>> {
    return this.post('/outbox', OutboxResponse, request, { timeoutMs: this.timeouts.syncMs, signal });
  }

  /** Supervisors: the platform's records within their scope, identifiers masked. */
  supervisorRecords(kind: MutationKind, limit = 200): Promise<SupervisorResponse> {
    return this.get('/supervisor/records', SupervisorResponse, { params: { kind, limit } });
  }

  /** Supervisors: the clear identifier of one record, given a reason (on the platform's access log). */
  unmaskRecord(recordId: string, reason: string): Promise<UnmaskResponse> {
    return this.post(`/supervisor/records/${encodeURIComponent(recordId)}/unmask`, UnmaskResponse, { reason });
  }

  /** Supervisors: every view of the city's dashboard for a period, department, matter and terminal. */
  supervisionDashboard(filter: SupervisionFilter): Promise<SupervisionDashboard> {
    return this.get('/supervisor/dashboard', SupervisionDashboard, { params: filter, timeoutMs: this.timeouts.syncMs });
  }

  /** Supervisors: the records behind one number of the dashboard. */
  supervisionRecords(filter: SupervisionFilter, query: Partial<SupervisionRecordsQuery>): Promise<SupervisionRecordsResponse> {
    const params = { ...filter, ...query };
    return this.get('/supervisor/dashboard/records', SupervisionRecordsResponse, { params, timeoutMs: this.timeouts.syncMs });
  }

  /** Supervisors: a check as it was recorded, with its feedback and commitments (masked). */
  recordedCheck(checkId: string): Promise<RecordedCheck> {
    return this.get(`/supervisor/checks/${encodeURIComponent(checkId)}`, RecordedCheck);
  }

  /** Supervisors: the current view as a file (.xlsx or CSV), streamed by the platform. */
  async supervisionExport(filter: SupervisionFilter, format: ExportFormat, drill?: Partial<SupervisionRecordsQuery>): Promise<Blob> {
    const token = this.options.getToken();
    let response: AxiosResponse<ArrayBuffer>;
    try {
      response = await this.http.request<ArrayBuffer>({
        method: 'GET',
        url: '/supervisor/dashboard/export',
        params: { ...filter, ...drill, format },
        responseType: 'arraybuffer',
        timeout: this.timeouts.syncMs * 4,
        headers: token ? { Authorization: `Bearer ${token}` } : {},
      });
    } catch (error) {
      throw transportError(error);
    }
    if (response.status !== 200) throw this.binaryFailure(response);
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return new Blob([response.data], { type });
  }

  /** IT: the terminal fleet with the reasons each terminal needs a visit. */
  fleet(query: FleetQuery): Promise<FleetResponse> {
    return this.get('/fleet/terminals', FleetResponse, { params: query });
  }

  /** Supervisors: who ran out of their hourly name searches. */
  nameSearchAlerts(): Promise<NameSearchAlertsResponse> {
    return this.get('/supervisor/name-search-alerts', NameSearchAlertsResponse);
  }

  /** Clerks and supervisors: is this slip the record its terminal delivered? */
  checkSlip(slip: string): Promise<SlipCheckResponse> {
    return this.post('/slips/check', SlipCheckResponse, { slip });
  }

  /** A GET answered by its validated body (default timeout unless told). */
  private async get<S extends z.ZodType>(path: string, schema: S, options: BodyCallOptions = {}): Promise<z.infer<S>> {
    const r = await this.call({ method: 'GET', path, schema, ...this.bodyCallOptions(options) });
    return r.body;
  }

  /** The printed slip(s) and the platform's record for a 核验码; null when the platform holds none. */
  async lookupSlip(reference: string): Promise<SlipLookupResponse | null> {
    const r = await this.call({
      method: 'POST',
      path: '/slips/lookup',
      data: { reference },
      schema: SlipLookupResponse,
      timeoutMs: this.timeouts.defaultMs,
      passStatuses: [404],
    });
    return r.status === 404 ? null : r.body;
  }

  /** The platform-signed list of revoked terminal keys (the caller verifies it with the trusted key). */
  revokedTerminalKeys(): Promise<RevokedTerminalKeysResponse> {
    return this.get('/terminal-keys/revoked', RevokedTerminalKeysResponse);
  }

  /** A POST of `data` answered by its validated body (default timeout unless told). */
  private async post<S extends z.ZodType>(path: string, schema: S, data: unknown, options: BodyCallOptions = {}): Promise<z.infer<S>> {
    const r = await this.call({ method: 'POST', path, schema, data, ...this.bodyCallOptions(options) });
    return r.body;
  }

  private bodyCallOptions(options: BodyCallOptions): Pick<CallOptions<z.ZodType>, 'params' | 'timeoutMs' | 'signal'> {
    return { params: options.params, timeoutMs: options.timeoutMs ?? this.timeouts.defaultMs, signal: options.signal };
  }

  /** A binary call (a snapshot block, an export) that did not answer 200: its problem, classified like any other. */
  private binaryFailure(response: AxiosResponse<ArrayBuffer>): PlatformError {
    const text = response.data ? new TextDecoder().decode(new Uint8Array(response.data)) : '';
    return this.errorFor({ ...response, data: text } as AxiosResponse<string>, parseProblem(text));
  }

  private async call<S extends z.ZodType>(
    options: CallOptions<S>,
  ): Promise<{ status: number; body: z.infer<S>; headers: AxiosResponse['headers']; problem: Problem | null; raw: AxiosResponse<string> }> {
    const token = this.options.getToken();
    let response: AxiosResponse<string>;
    try {
      response = await this.http.request<string>({
        method: options.method,
        url: options.path,
        params: options.params,
        data: options.data,
        timeout: options.timeoutMs,
        signal: options.signal,
        ...(options.adapter ? { adapter: options.adapter } : {}),
        headers: {
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...(options.data !== undefined ? { 'Content-Type': 'application/json' } : {}),
          ...(this.options.heartbeat && HEARTBEAT_PATHS.includes(options.path)
            ? { [HEARTBEAT_HEADER]: JSON.stringify(this.options.heartbeat()) }
            : {}),
          ...options.headers,
        },
      });
    } catch (error) {
      throw transportError(error);
    }
    const serverDate = headerValue(response.headers, 'date');
    if (serverDate) this.options.onServerTime?.(serverDate);

    const { status } = response;
    if (status >= 200 && status < 300) {
      const parsed = options.schema.safeParse(parseJson(response.data));
      if (!parsed.success) {
        throw new PlatformError({
          kind: 'malformed',
          status,
          userError: codedError('malformed_response'),
          cause: parsed.error,
        });
      }
      return { status, body: parsed.data, headers: response.headers, problem: null, raw: response };
    }
    const problem = parseProblem(response.data);
    if (options.passStatuses?.includes(status)) {
      return { status, body: undefined as z.infer<S>, headers: response.headers, problem, raw: response };
    }
    throw this.errorFor(response, problem);
  }

  private errorFor(response: AxiosResponse<string>, problem: Problem | null): PlatformError {
    const { status } = response;
    const code = problem?.code;
    if (status === 401) {
      return new PlatformError({
        kind: 'unauthorized',
        status,
        problem,
        userError: codedError('session_expired'),
      });
    }
    if (status === 426) {
      const minimum = typeof problem?.minimumVersion === 'string' ? problem.minimumVersion : undefined;
      return new PlatformError({
        kind: 'outdated',
        status,
        problem,
        userError: codedError('client_outdated', minimum ? { minimumVersion: minimum } : {}),
      });
    }
    if (status === 429 && code === 'name_search_budget') {
      // Not a reason to wait and retry, nor to answer from the cache: the operator's budget is spent.
      return new PlatformError({
        kind: 'rejected',
        status,
        problem,
        // The platform's two sentences (what is spent, when it is back): the catalogue puts them together.
        userError: { code, message: problem?.title ?? code, params: { title: problem?.title ?? '', detail: problem?.detail ?? '' } },
      });
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), this.now()) ?? 30_000;
      return new PlatformError({
        kind: 'rate-limited',
        status,
        problem,
        retryAfterMs,
        userError: codedError('rate_limited', { seconds: Math.max(1, Math.ceil(retryAfterMs / 1000)) }),
      });
    }
    if (status === 408) {
      // A proxy (or the platform) gave up waiting: the same as our own timeout, so lookups use the cache.
      return new PlatformError({ kind: 'timeout', status, problem, userError: codedError('timeout') });
    }
    if (status >= 500) {
      const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), this.now());
      return new PlatformError({
        kind: 'server',
        status,
        problem,
        retryAfterMs,
        // Whatever the platform calls it, the clerk is told the same: it cannot answer now, and it is tried again.
        userError: codedError('unavailable', { status }),
      });
    }
    if (status === 409 && (code === 'resync' || code === 'seq_gap')) {
      const expected = problem?.expectedSeq;
      return new PlatformError({
        kind: code === 'resync' ? 'resync' : 'seq-gap',
        status,
        problem,
        ...(typeof expected === 'number' && Number.isInteger(expected) && expected >= 1 ? { expectedSeq: expected } : {}),
        userError: platformRefusal(code, problem, status),
      });
    }
    const parseError = problem?.parseError;
    return new PlatformError({
      kind: 'rejected',
      status,
      problem,
      userError: {
        ...platformRefusal(code, problem, status),
        ...(parseError?.position !== undefined ? { position: parseError.position } : {}),
        ...(parseError?.expected !== undefined ? { expected: parseError.expected } : {}),
      },
    });
  }
}

/**
 * A request the platform refused: its code, worded by the catalogue when it has an entry (the terminal
 * problems tell IT what to do in our words), else by the platform's own text.
 */
function platformRefusal(code: string | undefined, problem: Problem | null, status: number): UserFacingError {
  if (!code) return codedError('platform_refused', { status });
  return { code, message: problem?.detail ?? problem?.title ?? code, params: { status } };
}

function parseJson(text: unknown): unknown {
  if (typeof text !== 'string') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function parseProblem(text: unknown): Problem | null {
  const parsed = Problem.safeParse(parseJson(text));
  return parsed.success ? parsed.data : null;
}

function headerValue(headers: AxiosResponse['headers'], name: string): string | null {
  const value: unknown = typeof headers.get === 'function' ? headers.get(name) : (headers as Record<string, unknown>)[name];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** Replays a host's answer through axios, so it meets the same checks as a network answer. */
function hostAnswerAdapter(answer: Exclude<TerminalCallAnswer, { kind: 'refused' }>): AxiosAdapter {
  return async (config) => {
    if (answer.kind === 'unreachable') {
      throw new AxiosError(answer.message, answer.reason === 'timeout' ? 'ECONNABORTED' : 'ERR_NETWORK', config);
    }
    const headers = new AxiosHeaders();
    if (answer.date) headers.set('date', answer.date);
    if (answer.retryAfter) headers.set('retry-after', answer.retryAfter);
    return { data: answer.body, status: answer.status, statusText: '', headers, config };
  };
}

function transportError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  if (axios.isCancel(error) || (error instanceof AxiosError && error.code === 'ERR_CANCELED')) {
    return new PlatformError({ kind: 'aborted', userError: codedError('aborted'), cause: error });
  }
  if (error instanceof AxiosError && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
    return new PlatformError({ kind: 'timeout', userError: codedError('timeout'), cause: error });
  }
  return new PlatformError({ kind: 'network', userError: codedError('network'), cause: error });
}
