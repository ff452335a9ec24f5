/**
 * The desktop app's login path end to end, without the Electron binary: the renderer's services on the
 * real preload bridge, whose IPC calls reach the real main-process handlers (guards, reply schemas and the
 * terminal calls that hold the secret), which talk to the real reference platform over loopback HTTP.
 */
import 'fake-indexeddb/auto';
import type { IpcMain } from 'electron';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, type EffectiveConfig } from '../../../shared/config/schema';
import type { ElectronHostBridge } from '../../../shared/ipc/bridge';
import { registerIpc } from '../../../electron/main/ipc';
import { createSecretVault, type CiphertextStore } from '../../../electron/main/lib/secretVault';
import { createSlipKeyHolder } from '../../../electron/main/lib/slipKey';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { verifySlipText } from '../../../shared/slip/verify';
import { createTerminalCalls } from '../../../electron/main/lib/terminalCalls';
import { createServices, type CreditCounterServices } from '../../../renderer/src/services/createServices';
import { contextBridge, ipcEventFrom, ipcMain, ipcRenderer, resetElectronDouble } from '../../doubles/electron';
import { purpose, startTestPlatform, type TestPlatform } from '../../helpers/platform';

let test: TestPlatform;
let services: CreditCounterServices;
let bridge: ElectronHostBridge;
let heldCiphertext: Uint8Array | null;
/** What the main process keeps of the slip key (as the OS store encrypted it). */
let heldSlipKey: Uint8Array | null;
/** Everything the main process sent back to the page. */
let replies: unknown[];
/** Every request the main process sent to a platform. */
let sent: { url: string; body: string }[];
let n = 0;

function config(platformUrl: string, managed: boolean): EffectiveConfig {
  const sources = Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((key) => [key, 'default'])) as EffectiveConfig['sources'];
  return {
    values: { ...CONFIG_DEFAULTS, platformUrl },
    sources: { ...sources, platformUrl: managed ? 'policy' : 'default' },
    problems: [],
  };
}

/** A reversible stand-in for DPAPI, so the test can look for the secret in what the vault holds. */
const dpapi = {
  isAsyncEncryptionAvailable: async () => true,
  storageBackend: () => undefined,
  encryptStringAsync: async (text: string) => new TextEncoder().encode(`dpapi:${text}`),
  decryptStringAsync: async (data: Uint8Array) => ({
    result: new TextDecoder().decode(data).slice('dpapi:'.length),
    shouldReEncrypt: false,
  }),
};

const slipKeyStore: CiphertextStore = {
  read: async () => heldSlipKey,
  write: async (data) => {
    heldSlipKey = data;
  },
  remove: async () => {
    heldSlipKey = null;
  },
};

async function desktop(managedPlatformUrl?: string): Promise<void> {
  resetElectronDouble();
  const vault = createSecretVault({
    cipher: dpapi,
    store: {
      read: async () => heldCiphertext,
      write: async (data) => {
        heldCiphertext = data;
      },
      remove: async () => {
        heldCiphertext = null;
      },
    },
    allowPlaintext: false,
  });
  const effective = config(managedPlatformUrl ?? test.platform.url, managedPlatformUrl !== undefined);
  registerIpc(ipcMain as unknown as IpcMain, {
    getConfig: () => effective,
    terminal: createTerminalCalls({
      fetch: (url, init) => {
        sent.push({ url, body: String(init.body) });
        return fetch(url, init);
      },
      vault,
      appVersion: '0.1.0',
      platformUrl: { value: effective.values.platformUrl, managed: managedPlatformUrl !== undefined },
    }),
    clearTerminalSecret: () => vault.clear(),
    slipKey: createSlipKeyHolder(createSecretVault({ cipher: dpapi, store: slipKeyStore, allowPlaintext: false }), () =>
      crypto.getRandomValues(new Uint8Array(32)),
    ),
    printSlip: async () => ({ ok: true }),
    saveJournalExport: async () => ({ ok: false, message: '测试中不保存文件' }),
    log: () => undefined,
    rejected: (channel, reason) => {
      throw new Error(`unexpected IPC rejection ${channel}: ${reason}`);
    },
  });
  // The page's invoke reaches the main process's handler, as Electron's IPC would carry it.
  ipcRenderer.invoke = async (channel: string, ...args: unknown[]) => {
    const reply = await ipcMain.simulateInvoke(channel, ipcEventFrom('app://credit-counter/'), ...args);
    replies.push(reply);
    return structuredClone(reply);
  };
  n += 1;
  services = await createServices({
    host: bridge,
    dbNames: { cache: `desktop-cache-${n}-${Date.now()}`, journal: `desktop-journal-${n}-${Date.now()}` },
    sync: { autoStart: false, spreadMaxMs: 0 },
    platform: { adapter: 'http' },
  });
}

async function controls(path: string, method: string, body?: unknown): Promise<void> {
  await fetch(`${test.controls}${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
  });
}

beforeAll(async () => {
  test = await startTestPlatform();
  // The real preload, loaded once: its methods call ipcRenderer.invoke, which reaches ipcMain below.
  process.argv.push('--credit-counter-version=0.1.0');
  await import('../../../electron/preload/index');
  process.argv.pop();
  bridge = contextBridge.exposed.get('creditCounterHost') as ElectronHostBridge;
});
afterAll(async () => test?.platform.close());

beforeEach(async () => {
  heldCiphertext = null;
  heldSlipKey = null;
  replies = [];
  sent = [];
  await controls('/faults', 'DELETE');
});

describe('the terminal secret stays in the main process', () => {
  it('enrolment and login work, and the secret appears in no reply, no journal row and no bridge method', async () => {
    await desktop();
    const enrolled = await services.enrolment.enrol({
      platformUrl: test.platform.url,
      enrolmentCode: test.platform.enrolmentCode,
      terminalName: '环翠窗口1',
    });
    expect(enrolled).toMatchObject({ ok: true, value: { terminalName: '环翠窗口1' } });
    const clerk = test.platform.operators[0]!;
    expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({
      ok: true,
      value: { mode: 'online', operator: { id: clerk.id } },
    });
    await services.sync.syncNow();
    expect(services.sync.status.getState().lastError).toBeNull();

    const secret = (JSON.parse(new TextDecoder().decode(heldCiphertext!).slice('dpapi:'.length)) as { secret: string }).secret;
    expect(secret.length).toBeGreaterThanOrEqual(16);
    expect(JSON.stringify(replies)).not.toContain(secret);
    const journalRows = await services.internals.journal.meta.toArray();
    expect(JSON.stringify(journalRows)).not.toContain(secret);
    expect(Object.keys(bridge).filter((key) => /secret/i.test(key))).toEqual(['clearTerminalSecret']);
    await services.close();
  });

  it('a wrong password is refused by the platform and reported as such', async () => {
    await desktop();
    await services.enrolment.enrol({ platformUrl: test.platform.url, enrolmentCode: test.platform.enrolmentCode, terminalName: '窗口2' });
    expect(await services.auth.login('c001', 'wrong-password')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    await services.close();
  });

  it('an unreachable platform falls back to the offline unlock, as in the browser', async () => {
    await desktop();
    await services.enrolment.enrol({ platformUrl: test.platform.url, enrolmentCode: test.platform.enrolmentCode, terminalName: '窗口3' });
    const clerk = test.platform.operators[0]!;
    expect((await services.auth.login(clerk.id, clerk.password)).ok).toBe(true);
    await services.auth.logout();
    await controls('/faults', 'POST', { path: '/api/v1/sessions', kind: 'drop' });
    expect(await services.auth.login(clerk.id, clerk.password)).toMatchObject({ ok: true, value: { mode: 'offline' } });
    await services.close();
  });

  it('a malformed platform answer is reported, not accepted', async () => {
    await desktop();
    await services.enrolment.enrol({ platformUrl: test.platform.url, enrolmentCode: test.platform.enrolmentCode, terminalName: '窗口4' });
    await controls('/faults', 'POST', { path: '/api/v1/sessions', kind: 'malformed', times: 1 });
    const clerk = test.platform.operators[0]!;
    const login = await services.auth.login(clerk.id, clerk.password);
    // Malformed counts as "platform not usable": the clerk has no offline credentials yet on this terminal.
    expect(login).toMatchObject({ ok: false, error: { code: 'offline_unavailable' } });
    await services.close();
  });

  it('enrolment to another address than the one IT manages is refused before anything is sent', async () => {
    await desktop('https://credit.weihai.gov.cn');
    const enrolled = await services.enrolment.enrol({
      platformUrl: test.platform.url,
      enrolmentCode: test.platform.enrolmentCode,
      terminalName: '窗口5',
    });
    expect(enrolled).toMatchObject({
      ok: false,
      error: { code: 'platform_not_allowed', message: expect.stringContaining('credit.weihai.gov.cn') },
    });
    expect(heldCiphertext).toBeNull();
    await services.close();
  });

  it('re-enrolment proves the hand-over with the kept secret, added by the main process for the platform that issued it only', async () => {
    await desktop();
    const enrol = (platformUrl: string) =>
      services.enrolment.enrol({ platformUrl, enrolmentCode: test.platform.enrolmentCode, terminalName: '窗口6' });
    const first = await enrol(test.platform.url);
    if (!first.ok) throw new Error(first.error.message);
    const secret = (JSON.parse(new TextDecoder().decode(heldCiphertext!).slice('dpapi:'.length)) as { secret: string }).secret;

    // IT types another address (here another path on the same host): the old terminal id goes, never its secret.
    const elsewhere = await enrol(`${test.platform.url}/elsewhere`);
    expect(elsewhere.ok).toBe(false);
    expect(sent.at(-1)!.url).toBe(`${test.platform.url}/elsewhere/api/v1/terminals`);
    expect(JSON.parse(sent.at(-1)!.body)).toMatchObject({ predecessor: { terminalId: first.value.terminalId } });
    expect(sent.at(-1)!.body).not.toContain(secret);

    // The platform that issued it gets the proof, and accepts the hand-over without IT's account.
    const again = await enrol(`${test.platform.url}/`);
    expect(again).toMatchObject({ ok: true, value: { predecessors: [first.value.terminalId] } });
    expect(JSON.parse(sent.at(-1)!.body)).toMatchObject({
      predecessor: { terminalId: first.value.terminalId, terminalSecret: secret },
    });
    // The page never had it.
    expect(JSON.stringify(replies)).not.toContain(secret);
    expect(JSON.stringify(await services.internals.journal.meta.toArray())).not.toContain(secret);
    await services.close();
  });
});

describe('the slip key lives and signs in the main process', () => {
  it('enrolment certifies a key the main process made; a slip signed over IPC verifies; the private key reaches no reply and no journal row', async () => {
    await desktop();
    expect(
      await services.enrolment.enrol({
        platformUrl: test.platform.url,
        enrolmentCode: test.platform.enrolmentCode,
        terminalName: '环翠窗口2',
      }),
    ).toMatchObject({ ok: true });
    const clerk = test.platform.operators[0]!;
    await services.auth.login(clerk.id, clerk.password);
    await services.sync.syncNow();
    const { matter, caseNo } = purpose();
    const view = await services.lookup.byIdentifier(SHOWCASE.courtDishonestPerson.identifier, { matterCode: matter, caseNo });
    if (!view.ok) throw new Error(view.error.message);
    const signed = await services.slips.sign(view.value, {});
    if (!signed.ok) throw new Error(signed.error.message);

    const verification = verifySlipText(signed.value.text, { platformKeys: [test.platform.publicKey.key], now: Date.now() / 1000 });
    expect(verification.terminalSignatureValid).toBe(true);
    expect(verification.statement?.clockSkewSeconds).not.toBeNull(); // measured against the platform when signed
    // The page's record of the key holds its public half and certificate only.
    const kept = await services.internals.journal.meta.get('slipKey');
    expect(kept).toMatchObject({ key: 'slipKey', publicKey: expect.any(String), certificate: expect.any(String) });
    expect(kept).not.toHaveProperty('privateKey');
    // The main process holds the seed, encrypted; it is in no reply and no journal row.
    const stored = JSON.parse(new TextDecoder().decode(heldSlipKey!).slice('dpapi:'.length)) as { current: { seed: string } };
    expect(stored.current.seed).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(JSON.stringify(replies)).not.toContain(stored.current.seed);
    expect(JSON.stringify(await services.internals.journal.meta.toArray())).not.toContain(stored.current.seed);
    await services.close();
  });
});
