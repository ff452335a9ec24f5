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
import { MESSAGES, PlatformError, TERMINAL_PROBLEM_MESSAGES, parseRetryAfter } from './platformError';

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
    return this.call({ method: 'GET', path: '/health', schema: HealthResponse, timeoutMs: this.timeouts.lookupMs, signal }).then(
      (r) => r.body,
    );
  }

  async enrol(request: EnrolTerminalRequest): Promise<z.infer<typeof EnrolTerminalResponse>> {
    const r = await this.call({
      method: 'POST',
      path: '/terminals',
      schema: EnrolTerminalResponse,
      data: request,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  async createSession(request: CreateSessionRequest): Promise<z.infer<typeof CreateSessionResponse>> {
    const r = await this.call({
      method: 'POST',
      path: '/sessions',
      schema: CreateSessionResponse,
      data: request,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
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

  async searchByName(
    name: string,
    purpose: { matterCode: string; caseNo: string },
    signal?: AbortSignal,
  ): Promise<z.infer<typeof NameSearchResponse>> {
    const r = await this.call({
      method: 'POST',
      path: '/subjects/search',
      data: { name, matter: purpose.matterCode, caseNo: purpose.caseNo },
      schema: NameSearchResponse,
      timeoutMs: this.timeouts.lookupMs,
      signal,
    });
    return r.body;
  }

  async syncEntries(after: string | null, limit: number, signal?: AbortSignal): Promise<z.infer<typeof SyncPage>> {
    const r = await this.call({
      method: 'GET',
      path: '/sync/entries',
      params: { after: after ?? undefined, limit },
      schema: SyncPage,
      timeoutMs: this.timeouts.syncMs,
      signal,
    });
    return r.body;
  }

  /** Supervisors: hand-overs, journal imports and resubmissions, newest first. */
  async platformEvents(limit: number): Promise<z.infer<typeof PlatformEventsResponse>> {
    const r = await this.call({
      method: 'GET',
      path: '/supervisor/events',
      params: { limit },
      schema: PlatformEventsResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  /** IT: a terminal's exported journal into the platform (POST /admin/journal-imports). */
  async importJournal(file: JournalExport): Promise<z.infer<typeof JournalImportResponse>> {
    const r = await this.call({
      method: 'POST',
      path: '/admin/journal-imports',
      schema: JournalImportResponse,
      data: file,
      timeoutMs: this.timeouts.syncMs,
    });
    return r.body;
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
    if (response.status !== 200) {
      const text = response.data ? new TextDecoder().decode(new Uint8Array(response.data)) : '';
      throw this.errorFor({ ...response, data: text } as AxiosResponse<string>, parseProblem(text));
    }
    return new Uint8Array(response.data);
  }

  async pushOutbox(request: OutboxRequest, signal?: AbortSignal): Promise<z.infer<typeof OutboxResponse>> {
    const r = await this.call({
      method: 'POST',
      path: '/outbox',
      schema: OutboxResponse,
      data: request,
      timeoutMs: this.timeouts.syncMs,
      signal,
    });
    return r.body;
  }

  /** Supervisors: the platform's records within their scope, identifiers masked. */
  async supervisorRecords(kind: MutationKind, limit = 200): Promise<SupervisorResponse> {
    const r = await this.call({
      method: 'GET',
      path: '/supervisor/records',
      params: { kind, limit },
      schema: SupervisorResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  /** Supervisors: the clear identifier of one record, given a reason (on the platform's access log). */
  async unmaskRecord(recordId: string, reason: string): Promise<UnmaskResponse> {
    const r = await this.call({
      method: 'POST',
      path: `/supervisor/records/${encodeURIComponent(recordId)}/unmask`,
      data: { reason },
      schema: UnmaskResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  /** Supervisors: every view of the city's dashboard for a period, department, matter and terminal. */
  async supervisionDashboard(filter: SupervisionFilter): Promise<SupervisionDashboard> {
    const r = await this.call({
      method: 'GET',
      path: '/supervisor/dashboard',
      params: filter,
      schema: SupervisionDashboard,
      timeoutMs: this.timeouts.syncMs,
    });
    return r.body;
  }

  /** Supervisors: the records behind one number of the dashboard. */
  async supervisionRecords(filter: SupervisionFilter, query: Partial<SupervisionRecordsQuery>): Promise<SupervisionRecordsResponse> {
    const r = await this.call({
      method: 'GET',
      path: '/supervisor/dashboard/records',
      params: { ...filter, ...query },
      schema: SupervisionRecordsResponse,
      timeoutMs: this.timeouts.syncMs,
    });
    return r.body;
  }

  /** Supervisors: a check as it was recorded, with its feedback and commitments (masked). */
  async recordedCheck(checkId: string): Promise<RecordedCheck> {
    const r = await this.call({
      method: 'GET',
      path: `/supervisor/checks/${encodeURIComponent(checkId)}`,
      schema: RecordedCheck,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
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
    if (response.status !== 200) {
      const text = response.data ? new TextDecoder().decode(new Uint8Array(response.data)) : '';
      throw this.errorFor({ ...response, data: text } as AxiosResponse<string>, parseProblem(text));
    }
    const type = format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return new Blob([response.data], { type });
  }

  /** IT: the terminal fleet with the reasons each terminal needs a visit. */
  async fleet(query: FleetQuery): Promise<FleetResponse> {
    const r = await this.call({
      method: 'GET',
      path: '/fleet/terminals',
      params: query,
      schema: FleetResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  /** Supervisors: who ran out of their hourly name searches. */
  async nameSearchAlerts(): Promise<NameSearchAlertsResponse> {
    const r = await this.call({
      method: 'GET',
      path: '/supervisor/name-search-alerts',
      schema: NameSearchAlertsResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
  }

  /** Clerks and supervisors: is this slip the record its terminal delivered? */
  async checkSlip(slip: string): Promise<SlipCheckResponse> {
    const r = await this.call({
      method: 'POST',
      path: '/slips/check',
      data: { slip },
      schema: SlipCheckResponse,
      timeoutMs: this.timeouts.defaultMs,
    });
    return r.body;
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
          userError: { code: 'malformed_response', message: MESSAGES.malformed },
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
        userError: { code: 'session_expired', message: MESSAGES.unauthorized },
      });
    }
    if (status === 426) {
      const minimum = typeof problem?.minimumVersion === 'string' ? problem.minimumVersion : undefined;
      return new PlatformError({
        kind: 'outdated',
        status,
        problem,
        userError: { code: 'client_outdated', message: MESSAGES.outdated(minimum) },
      });
    }
    if (status === 429 && code === 'name_search_budget') {
      // Not a reason to wait and retry, nor to answer from the cache: the operator's budget is spent.
      return new PlatformError({
        kind: 'rejected',
        status,
        problem,
        userError: { code, message: [problem?.title, problem?.detail].filter(Boolean).join('。') },
      });
    }
    if (status === 429) {
      const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), this.now()) ?? 30_000;
      return new PlatformError({
        kind: 'rate-limited',
        status,
        problem,
        retryAfterMs,
        userError: { code: 'rate_limited', message: MESSAGES.rateLimited(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
      });
    }
    if (status === 408) {
      // A proxy (or the platform) gave up waiting: the same as our own timeout, so lookups use the cache.
      return new PlatformError({ kind: 'timeout', status, problem, userError: { code: 'timeout', message: MESSAGES.timeout } });
    }
    if (status >= 500) {
      const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), this.now());
      return new PlatformError({
        kind: 'server',
        status,
        problem,
        retryAfterMs,
        userError: { code: code ?? 'unavailable', message: MESSAGES.server(status) },
      });
    }
    if (status === 409 && (code === 'resync' || code === 'seq_gap')) {
      const expected = problem?.expectedSeq;
      return new PlatformError({
        kind: code === 'resync' ? 'resync' : 'seq-gap',
        status,
        problem,
        ...(typeof expected === 'number' && Number.isInteger(expected) && expected >= 1 ? { expectedSeq: expected } : {}),
        userError: { code, message: problem?.detail ?? problem?.title ?? MESSAGES.rejected(status) },
      });
    }
    const message = (code && TERMINAL_PROBLEM_MESSAGES[code]) ?? problem?.detail ?? problem?.title ?? MESSAGES.rejected(status);
    const parseError = problem?.parseError;
    return new PlatformError({
      kind: 'rejected',
      status,
      problem,
      userError: {
        code: code ?? `http_${status}`,
        message,
        ...(parseError?.position !== undefined ? { position: parseError.position } : {}),
        ...(parseError?.expected !== undefined ? { expected: parseError.expected } : {}),
      },
    });
  }
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
    return new PlatformError({ kind: 'aborted', userError: { code: 'aborted', message: MESSAGES.aborted }, cause: error });
  }
  if (error instanceof AxiosError && (error.code === 'ECONNABORTED' || error.code === 'ETIMEDOUT')) {
    return new PlatformError({ kind: 'timeout', userError: { code: 'timeout', message: MESSAGES.timeout }, cause: error });
  }
  return new PlatformError({ kind: 'network', userError: { code: 'network', message: MESSAGES.network }, cause: error });
}
