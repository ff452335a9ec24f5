/**
 * The two platform calls that need the terminal secret, made by the main process so that the secret
 * never reaches the page (docs/architecture.md): enrolment (POST /terminals), which yields the secret, and operator
 * login (POST /sessions), which uses it. The page gets the platform's answer minus the secret and checks it
 * against the contract itself. Pure: the caller passes Electron's net.fetch, so requests follow the system
 * proxy and certificate store.
 */
import { API_BASE, CLIENT_VERSION_HEADER, EnrolTerminalResponse, Problem, type EnrolTerminalRequest } from '../../../shared/contract';
import { ConfigValues } from '../../../shared/config/schema';
import {
  HostEnrolledTerminal,
  REENROL_ADVICE,
  type HostSessionRequest,
  type HostStoredTerminal,
  type TerminalCallAnswer,
} from '../../../shared/ipc/channels';
import type { SecretVault } from './secretVault';

export type FetchFunction = (url: string, init: RequestInit) => Promise<Response>;

export interface TerminalCallOptions {
  fetch: FetchFunction;
  vault: SecretVault;
  appVersion: string;
  /** The configured platform address and whether IT manages it (then enrolment may go nowhere else). */
  platformUrl: { value: string; managed: boolean };
  timeoutMs?: number;
}

export interface TerminalCalls {
  enrolTerminal(platformUrl: string, request: EnrolTerminalRequest): Promise<TerminalCallAnswer>;
  createSession(request: HostSessionRequest): Promise<TerminalCallAnswer>;
  /** Which terminal and platform the kept secret belongs to (the page completes an enrolment cut short). */
  enrolledTerminal(): Promise<HostStoredTerminal>;
}

/** What the vault holds: the secret bound to the platform and terminal it was issued for. */
interface StoredCredential {
  v: 1;
  terminalId: string;
  platformUrl: string;
  secret: string;
}

const MAX_BODY_CHARS = 1_000_000;
export const DEFAULT_TERMINAL_CALL_TIMEOUT_MS = 15_000;

/** Scheme, host, port and path without trailing slashes: two spellings of one platform compare equal. */
export function samePlatform(a: string, b: string): boolean {
  const normalise = (url: string) => {
    try {
      const parsed = new URL(url);
      return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
    } catch {
      return null;
    }
  };
  const left = normalise(a);
  return left !== null && left === normalise(b);
}

function decodeCredential(text: string): StoredCredential | { legacySecret: string } {
  try {
    const data = JSON.parse(text) as Partial<StoredCredential>;
    if (
      data &&
      data.v === 1 &&
      typeof data.secret === 'string' &&
      typeof data.terminalId === 'string' &&
      typeof data.platformUrl === 'string'
    ) {
      return data as StoredCredential;
    }
  } catch {
    // Versions before 0.2 stored the bare secret.
  }
  return { legacySecret: text };
}

export function createTerminalCalls(options: TerminalCallOptions): TerminalCalls {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TERMINAL_CALL_TIMEOUT_MS;

  async function post(platformUrl: string, path: string, body: unknown): Promise<Response | TerminalCallAnswer> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await options.fetch(`${platformUrl.replace(/\/+$/, '')}${API_BASE}${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', [CLIENT_VERSION_HEADER]: options.appVersion },
        body: JSON.stringify(body),
        // A redirect would carry the secret (in a 307/308 body) to wherever the redirect points.
        redirect: 'error',
        credentials: 'omit',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: 'unreachable', reason: signal.aborted ? 'timeout' : 'network', message: message.slice(0, 500) };
    }
  }

  async function answered(response: Response, body: string): Promise<TerminalCallAnswer> {
    return {
      kind: 'answered',
      status: response.status,
      body: body.length > MAX_BODY_CHARS ? '' : body,
      date: response.headers.get('date'),
      retryAfter: response.headers.get('retry-after'),
    };
  }

  async function readBody(response: Response): Promise<string | TerminalCallAnswer> {
    try {
      return await response.text();
    } catch (error) {
      return { kind: 'unreachable', reason: 'network', message: error instanceof Error ? error.message : String(error) };
    }
  }

  return {
    async enrolTerminal(platformUrl, request) {
      if (!ConfigValues.shape.platformUrl.safeParse(platformUrl).success) {
        return { kind: 'refused', code: 'platform_not_allowed', message: '信用平台地址无效，应以 http:// 或 https:// 开头' };
      }
      if (options.platformUrl.managed && !samePlatform(platformUrl, options.platformUrl.value)) {
        return {
          kind: 'refused',
          code: 'platform_not_allowed',
          message: `信用平台地址由 IT 统一配置（${options.platformUrl.value}），不能登记到其他地址`,
        };
      }
      const response = await post(platformUrl, '/terminals', request);
      if (!(response instanceof Response)) return response;
      const text = await readBody(response);
      if (typeof text !== 'string') return text;
      if (response.status < 200 || response.status >= 300) {
        // Only a problem document goes back to the page; any other body stays here.
        return answered(response, parseJson(text, Problem) ? text : '');
      }
      const enrolled = parseJson(text, EnrolTerminalResponse);
      if (!enrolled) return answered(response, '');
      // The terminal id is kept with the secret: if the app stops before the page records the new identity
      // (a hand-over included), the next start learns from enrolledTerminal() which one the secret is for.
      const credential: StoredCredential = { v: 1, terminalId: enrolled.terminalId, platformUrl, secret: enrolled.terminalSecret };
      const stored = await options.vault.write(JSON.stringify(credential));
      if (!stored.ok) return { kind: 'refused', code: 'secret_not_stored', message: `终端密钥无法安全保存：${stored.message}` };
      const { terminalSecret: _secret, ...forPage } = enrolled;
      return answered(response, JSON.stringify(HostEnrolledTerminal.parse(forPage)));
    },

    async createSession(request) {
      const read = await options.vault.read();
      if (read.kind === 'absent') return { kind: 'refused', code: 'secret_missing', message: `找不到本机的终端密钥。${REENROL_ADVICE}` };
      if (read.kind === 'undecryptable') {
        return { kind: 'refused', code: 'secret_undecryptable', message: `终端密钥无法读取（${read.message}）。${REENROL_ADVICE}` };
      }
      const stored = decodeCredential(read.secret);
      // Where the secret and the operator's password would go. When IT manages the address, nowhere else: not
      // to a platform the terminal was enrolled with before (or while the address was not managed), and not
      // to the one the page names for a secret an earlier version stored.
      const destination = 'legacySecret' in stored ? request.platformUrl : stored.platformUrl;
      if (options.platformUrl.managed && !samePlatform(destination, options.platformUrl.value)) {
        return {
          kind: 'refused',
          code: 'platform_not_allowed',
          message: `本机登记在另一个平台地址，而信用平台地址由 IT 统一配置（${options.platformUrl.value}），请重新登记终端`,
        };
      }
      let credential: StoredCredential;
      if ('legacySecret' in stored) {
        // A secret stored by an earlier version carries no binding: bind it to the enrolment the journal
        // names, once, so an unsent queue is never stranded behind a forced re-enrolment.
        credential = { v: 1, terminalId: request.terminalId, platformUrl: request.platformUrl, secret: stored.legacySecret };
        await options.vault.write(JSON.stringify(credential)).catch(() => undefined);
      } else {
        credential = stored;
      }
      if (credential.terminalId !== request.terminalId || !samePlatform(credential.platformUrl, request.platformUrl)) {
        return {
          kind: 'refused',
          code: 'terminal_mismatch',
          message: `本机保存的终端密钥属于另一次登记（终端或平台地址不同）。${REENROL_ADVICE}`,
        };
      }
      const response = await post(credential.platformUrl, '/sessions', {
        terminalId: credential.terminalId,
        terminalSecret: credential.secret,
        operatorId: request.operatorId,
        password: request.password,
        ...(request.revokeSessions ? { revokeSessions: request.revokeSessions } : {}),
      });
      if (!(response instanceof Response)) return response;
      const text = await readBody(response);
      if (typeof text !== 'string') return text;
      return answered(response, text);
    },

    async enrolledTerminal() {
      const read = await options.vault.read();
      if (read.kind !== 'present') return read;
      const stored = decodeCredential(read.secret);
      if ('legacySecret' in stored) return { kind: 'present', terminalId: null, platformUrl: null };
      return { kind: 'present', terminalId: stored.terminalId, platformUrl: stored.platformUrl };
    },
  };
}

function parseJson<T>(text: string, schema: { safeParse(data: unknown): { success: true; data: T } | { success: false } }): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
