/** The main process's enrolment and login against the real reference platform over loopback HTTP. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { API_BASE, CLIENT_VERSION_HEADER, CreateSessionResponse } from '../../../shared/contract';
import { HostEnrolledTerminal, TerminalCallAnswer } from '../../../shared/ipc/channels';
import { startPlatform, type RunningPlatform } from '../../../platform/server';
import { createSecretVault, type CiphertextStore, type SecretVault } from './secretVault';
import { createTerminalCalls, type FetchFunction, type TerminalCalls } from './terminalCalls';

let platform: RunningPlatform;
let store: CiphertextStore & { data: Uint8Array | null };
let vault: SecretVault;
let requests: { url: string; init: RequestInit }[];

/** Node's fetch, recording what was sent (the platform is real). */
const recordingFetch: FetchFunction = (url, init) => {
  requests.push({ url, init });
  return fetch(url, init);
};

function calls(overrides: Partial<Parameters<typeof createTerminalCalls>[0]> = {}): TerminalCalls {
  return createTerminalCalls({
    fetch: recordingFetch,
    vault,
    appVersion: '0.2.0',
    platformUrl: { value: platform.url, managed: false },
    ...overrides,
  });
}

async function control(path: string, method: string, body?: unknown): Promise<void> {
  await fetch(`${platform.url}/__test${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

function body<T>(answer: TerminalCallAnswer, schema: { parse(data: unknown): T }): T {
  expect(answer.kind).toBe('answered');
  if (answer.kind !== 'answered') throw new Error('no answer');
  return schema.parse(JSON.parse(answer.body));
}

beforeAll(async () => {
  platform = await startPlatform({ port: 0, db: ':memory:', subjects: 50, testControls: true, logger: false });
});
afterAll(async () => platform?.close());

beforeEach(async () => {
  requests = [];
  store = {
    data: null,
    read: async () => store.data,
    write: async (data) => {
      store.data = data;
    },
    remove: async () => {
      store.data = null;
    },
  };
  // A reversible stand-in for DPAPI / the keyring, so the test can see what the vault holds.
  vault = createSecretVault({
    cipher: {
      isAsyncEncryptionAvailable: async () => true,
      storageBackend: () => undefined,
      encryptStringAsync: async (text) => new TextEncoder().encode(`enc:${text}`),
      decryptStringAsync: async (data) => ({ result: new TextDecoder().decode(data).slice(4), shouldReEncrypt: false }),
    },
    store,
    allowPlaintext: false,
  });
  await control('/faults', 'DELETE');
});

async function enrol(terminal = calls()): Promise<{ terminalId: string; secret: string }> {
  const answer = await terminal.enrolTerminal(platform.url, { enrolmentCode: platform.enrolmentCode, name: '环翠区 3 号窗口' });
  const { terminalId } = body(answer, HostEnrolledTerminal);
  const held = await vault.read();
  if (held.kind !== 'present') throw new Error('no secret kept');
  const secret = (JSON.parse(held.secret) as { secret: string }).secret;
  return { terminalId, secret };
}

describe('enrolment made by the main process', () => {
  it('keeps the secret and hands the page the terminal id only', async () => {
    const answer = await calls().enrolTerminal(platform.url, { enrolmentCode: platform.enrolmentCode, name: '环翠区 3 号窗口' });
    expect(answer).toMatchObject({ kind: 'answered', status: 201 });
    const { terminalId, secret } = await enrol();
    expect(terminalId).toMatch(/^[0-9a-f-]{36}$/);
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(answer)).not.toMatch(/terminalSecret/);
    if (answer.kind === 'answered') {
      expect(JSON.parse(answer.body)).toEqual({
        terminalId: expect.any(String),
        platformPublicKey: expect.objectContaining({ algorithm: 'Ed25519' }),
      });
    }
    // The platform's own answer carried a version header from the app.
    expect(new Headers(requests[0]!.init.headers).get('x-client-version')).toBe('0.2.0');
  });

  it('passes the platform’s refusal on as a problem document, and stores nothing', async () => {
    const answer = await calls().enrolTerminal(platform.url, { enrolmentCode: 'WRONG', name: '窗口' });
    expect(answer).toMatchObject({ kind: 'answered', status: 403 });
    if (answer.kind === 'answered') expect(JSON.parse(answer.body)).toMatchObject({ code: 'enrolment_refused' });
    expect(store.data).toBeNull();
  });

  it('enrols only with the platform IT configured when the address is managed', async () => {
    const managed = calls({ platformUrl: { value: 'https://credit.weihai.gov.cn', managed: true } });
    const answer = await managed.enrolTerminal(platform.url, { enrolmentCode: platform.enrolmentCode, name: '窗口' });
    expect(answer).toMatchObject({ kind: 'refused', code: 'platform_not_allowed' });
    expect(requests).toHaveLength(0);
    expect(await managed.enrolTerminal('javascript:alert(1)', { enrolmentCode: 'x', name: 'y' })).toMatchObject({ kind: 'refused' });
  });

  it('reports a secret the OS store cannot keep, without pretending the enrolment worked', async () => {
    const refusing = createSecretVault({
      cipher: {
        isAsyncEncryptionAvailable: async () => true,
        storageBackend: () => 'basic_text',
        encryptStringAsync: async () => new Uint8Array(),
        decryptStringAsync: async () => ({ result: '', shouldReEncrypt: false }),
      },
      store,
      allowPlaintext: false,
    });
    const answer = await calls({ vault: refusing }).enrolTerminal(platform.url, { enrolmentCode: platform.enrolmentCode, name: '窗口' });
    expect(answer).toMatchObject({ kind: 'refused', code: 'secret_not_stored', message: expect.stringMatching(/密钥环/) });
  });

  it('hides a malformed success body (it might hold the secret in another shape)', async () => {
    await control('/faults', 'POST', {
      path: '/api/v1/terminals',
      kind: 'malformed',
      times: 1,
      body: '{"terminalSecret":"tsec_leaked_0123456789"}',
    });
    const answer = await calls().enrolTerminal(platform.url, { enrolmentCode: platform.enrolmentCode, name: '窗口' });
    expect(answer).toMatchObject({ kind: 'answered', body: '' });
    expect(JSON.stringify(answer)).not.toContain('tsec_leaked');
  });
});

describe('operator login made by the main process', () => {
  it('adds the secret itself and returns the session the platform created', async () => {
    const { terminalId, secret } = await enrol();
    requests = [];
    const clerk = platform.operators[0]!;
    const answer = await calls().createSession({ platformUrl: platform.url, terminalId, operatorId: clerk.id, password: clerk.password });
    const session = body(answer, CreateSessionResponse);
    expect(session.operator.id).toBe(clerk.id);
    expect(session.token.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(answer)).not.toContain(secret);
    expect(requests[0]!.url).toBe(`${platform.url}/api/v1/sessions`);
    expect(JSON.parse(String(requests[0]!.init.body))).toMatchObject({ terminalId, terminalSecret: secret });
    expect(requests[0]!.init.redirect).toBe('error');
    if (answer.kind === 'answered') expect(answer.date).toMatch(/GMT$/);
  });

  it('passes a wrong password on as the platform’s 401', async () => {
    const { terminalId } = await enrol();
    const answer = await calls().createSession({ platformUrl: platform.url, terminalId, operatorId: 'c001', password: 'wrong' });
    expect(answer).toMatchObject({ kind: 'answered', status: 401 });
  });

  it('revokes the sessions signed out while the platform could not hear it, and hands the new session id on', async () => {
    const { terminalId } = await enrol();
    const clerk = platform.operators[0]!;
    const login = { platformUrl: platform.url, terminalId, operatorId: clerk.id, password: clerk.password };
    const first = body(await calls().createSession(login), CreateSessionResponse);
    requests = [];
    const second = body(await calls().createSession({ ...login, revokeSessions: [first.sessionId] }), CreateSessionResponse);
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(JSON.parse(String(requests[0]!.init.body))).toMatchObject({ revokeSessions: [first.sessionId] });
    const catalogueWith = (token: string) =>
      fetch(`${platform.url}${API_BASE}/catalog`, { headers: { authorization: `Bearer ${token}`, [CLIENT_VERSION_HEADER]: '0.2.0' } });
    expect((await catalogueWith(first.token)).status).toBe(401);
    expect((await catalogueWith(second.token)).status).toBe(200);
  });

  it('sends the secret only to the platform and terminal it was issued for', async () => {
    const { terminalId } = await enrol();
    requests = [];
    for (const request of [
      { platformUrl: 'https://rogue.example.net', terminalId },
      { platformUrl: platform.url, terminalId: 'another-terminal' },
    ]) {
      const answer = await calls().createSession({ ...request, operatorId: 'c001', password: 'x' });
      expect(answer).toMatchObject({ kind: 'refused', code: 'terminal_mismatch' });
    }
    expect(requests).toHaveLength(0);
  });

  it('binds a secret stored by an earlier version to the enrolment the journal names, once', async () => {
    const { terminalId, secret } = await enrol();
    await vault.write(secret); // the bare secret, as versions before 0.2 stored it
    const clerk = platform.operators[0]!;
    const first = await calls().createSession({ platformUrl: platform.url, terminalId, operatorId: clerk.id, password: clerk.password });
    expect(first).toMatchObject({ kind: 'answered', status: 201 });
    const rebound = await calls().createSession({
      platformUrl: 'https://rogue.example.net',
      terminalId,
      operatorId: clerk.id,
      password: 'x',
    });
    expect(rebound).toMatchObject({ kind: 'refused', code: 'terminal_mismatch' });
  });

  it('sends the secret and the operator’s password only to the platform IT manages, whatever was enrolled or claimed', async () => {
    // Here the reference platform plays the server someone else runs: the terminal was enrolled with it while
    // the address was not managed (or the page claims it for a secret an earlier version stored), and IT now
    // manages https://credit.weihai.gov.cn.
    const { terminalId, secret } = await enrol();
    const managedElsewhere = calls({ platformUrl: { value: 'https://credit.weihai.gov.cn', managed: true } });
    const clerk = platform.operators[0]!;
    const login = { platformUrl: platform.url, terminalId, operatorId: clerk.id, password: clerk.password };
    requests = [];
    expect(await managedElsewhere.createSession(login)).toMatchObject({ kind: 'refused', code: 'platform_not_allowed' });

    await vault.write(secret); // the bare secret, as versions before 0.2 stored it
    expect(await managedElsewhere.createSession(login)).toMatchObject({ kind: 'refused', code: 'platform_not_allowed' });
    expect(requests).toHaveLength(0);

    // The managed platform itself is of course used.
    const managedHere = calls({ platformUrl: { value: `${platform.url}/`, managed: true } });
    expect(await managedHere.createSession(login)).toMatchObject({ kind: 'answered', status: 201 });
  });

  it('says what is missing when there is no secret or it cannot be decrypted', async () => {
    expect(await calls().createSession({ platformUrl: platform.url, terminalId: 't', operatorId: 'c', password: 'p' })).toMatchObject({
      kind: 'refused',
      code: 'secret_missing',
    });
    store.data = new TextEncoder().encode('garbage');
    const broken = createSecretVault({
      cipher: {
        isAsyncEncryptionAvailable: async () => true,
        storageBackend: () => undefined,
        encryptStringAsync: async () => new Uint8Array(),
        decryptStringAsync: async () => Promise.reject(new Error('DPAPI: key not valid')),
      },
      store,
      allowPlaintext: false,
    });
    expect(
      await calls({ vault: broken }).createSession({ platformUrl: platform.url, terminalId: 't', operatorId: 'c', password: 'p' }),
    ).toMatchObject({
      kind: 'refused',
      code: 'secret_undecryptable',
    });
  });

  it('reports an unreachable platform and a timeout without an answer', async () => {
    const { terminalId } = await enrol();
    await control('/faults', 'POST', { path: '/api/v1/sessions', kind: 'hang', times: 1 });
    const slow = await calls({ timeoutMs: 300 }).createSession({
      platformUrl: platform.url,
      terminalId,
      operatorId: 'c001',
      password: 'x',
    });
    expect(slow).toMatchObject({ kind: 'unreachable', reason: 'timeout' });
    await control('/faults', 'DELETE');

    const refused: FetchFunction = () => Promise.reject(new TypeError('fetch failed'));
    const down = await calls({ fetch: refused }).createSession({
      platformUrl: platform.url,
      terminalId,
      operatorId: 'c001',
      password: 'x',
    });
    expect(down).toEqual({ kind: 'unreachable', reason: 'network', message: 'fetch failed' });
  });

  it('every answer fits the IPC reply schema', async () => {
    const { terminalId } = await enrol();
    const clerk = platform.operators[0]!;
    const answer = await calls().createSession({ platformUrl: platform.url, terminalId, operatorId: clerk.id, password: clerk.password });
    expect(TerminalCallAnswer.safeParse(answer).success).toBe(true);
  });
});

describe('hand-over proof added by the main process', () => {
  const IT = { operatorId: 'i001', password: 'demo1234' };
  const reenrolment = (terminalId: string) => ({
    enrolmentCode: platform.enrolmentCode,
    name: '环翠区 3 号窗口',
    predecessor: { terminalId, resumeSeq: 1 },
  });
  const sentBody = (i: number) => JSON.parse(String(requests[i]!.init.body)) as { predecessor?: Record<string, unknown> };

  it('adds the predecessor’s secret for the platform that issued it; the platform accepts the hand-over on that proof', async () => {
    const { terminalId, secret } = await enrol();
    requests = [];
    // Another spelling of the same platform is the same platform.
    const answer = await calls().enrolTerminal(`${platform.url}/`, reenrolment(terminalId));
    const successor = body(answer, HostEnrolledTerminal);
    expect(successor.handOver).toMatchObject({ predecessorId: terminalId, predecessorKnown: true });
    expect(sentBody(0).predecessor).toEqual({ terminalId, resumeSeq: 1, terminalSecret: secret });
    expect(JSON.stringify(answer)).not.toContain(secret);
    // The vault now holds the successor's secret.
    expect(await calls().enrolledTerminal()).toMatchObject({ kind: 'present', terminalId: successor.terminalId });
  });

  it('never sends it to another platform, nor for a terminal other than the one it was issued to', async () => {
    const { terminalId, secret } = await enrol();
    requests = [];
    // An address typed at the counter (here: another path on the same host) gets the terminal id only.
    const elsewhere = await calls().enrolTerminal(`${platform.url}/elsewhere`, reenrolment(terminalId));
    expect(elsewhere).toMatchObject({ kind: 'answered', status: 404 });
    expect(requests[0]!.url).toBe(`${platform.url}/elsewhere${API_BASE}/terminals`);
    expect(sentBody(0).predecessor).toEqual({ terminalId, resumeSeq: 1 });
    // Naming another terminal: no secret either, and the platform wants IT's confirmation.
    const other = await calls().enrolTerminal(platform.url, reenrolment('0190aaaa-0000-7000-8000-0000000000ff'));
    expect(sentBody(1).predecessor).toEqual({ terminalId: '0190aaaa-0000-7000-8000-0000000000ff', resumeSeq: 1 });
    if (other.kind === 'answered') expect(JSON.parse(other.body)).toMatchObject({ code: 'handover_refused' });
    expect(other).toMatchObject({ kind: 'answered', status: 403 });
    expect(requests.map((r) => String(r.init.body)).join()).not.toContain(secret);
    // Nothing replaced the kept secret.
    expect(await calls().enrolledTerminal()).toEqual({ kind: 'present', terminalId, platformUrl: platform.url });
  });

  it('a secret an earlier version stored names no platform: it is not sent, and IT confirms the hand-over instead', async () => {
    const { terminalId, secret } = await enrol();
    await vault.write(secret); // the bare secret, as versions before 0.2 stored it
    requests = [];
    const refused = await calls().enrolTerminal(platform.url, reenrolment(terminalId));
    expect(refused).toMatchObject({ kind: 'answered', status: 403 });
    const confirmed = await calls().enrolTerminal(platform.url, { ...reenrolment(terminalId), itOperator: IT });
    expect(body(confirmed, HostEnrolledTerminal).handOver).toMatchObject({ predecessorId: terminalId });
    expect(requests.map((r) => String(r.init.body)).join()).not.toContain(secret);
  });
});
