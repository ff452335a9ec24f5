import type { IpcMain, WebContents } from 'electron';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, type EffectiveConfig } from '../../shared/config/schema';
import { IpcChannels } from '../../shared/ipc/channels';
import { ipcEventFrom, ipcMain, resetElectronDouble } from '../../tests/doubles/electron';
import { registerIpc, type HostServices } from './ipc';
import { isTrustedSender } from './lib/ipcGuard';
import { createSecretVault, type CiphertextStore } from './lib/secretVault';
import { createSlipKeyHolder } from './lib/slipKey';
import { createTerminalCalls } from './lib/terminalCalls';

const config: EffectiveConfig = {
  values: CONFIG_DEFAULTS,
  sources: Object.fromEntries(Object.keys(CONFIG_DEFAULTS).map((key) => [key, 'default'])) as EffectiveConfig['sources'],
  problems: [],
};

const SECRET = 'tsec_the_terminal_secret_0123456789';
const PLATFORM = 'https://credit.weihai.gov.cn';

let calls: string[];
let rejected: string[];
/** The bodies of the enrolment requests that reached the platform. */
let enrolments: Record<string, unknown>[];
let services: HostServices;

/** A platform that answers enrolment with a secret and login with a session (what the real one does). */
const platformFetch = async (url: string, init: RequestInit): Promise<Response> => {
  calls.push(`fetch:${url}`);
  if (url.endsWith('/terminals')) {
    enrolments.push(JSON.parse(String(init.body)) as Record<string, unknown>);
    return Response.json({ terminalId: `T-${enrolments.length}`, terminalSecret: SECRET }, { status: 201 });
  }
  const body = JSON.parse(String(init.body)) as { terminalSecret: string };
  if (body.terminalSecret !== SECRET) return Response.json({ type: 'x', title: 'x', status: 401, code: 'unauthorized' }, { status: 401 });
  return Response.json({ token: 'token-0123456789abcdef', sessionId: 'session-1', expiresAt: '2099-01-01T00:00:00Z' }, { status: 201 });
};

function memoryCiphertext(): CiphertextStore {
  let held: Uint8Array | null = null;
  return {
    read: async () => held,
    write: async (data) => {
      held = data;
    },
    remove: async () => {
      held = null;
    },
  };
}

function register(): void {
  let held: Uint8Array | null = null;
  const vault = createSecretVault({
    cipher: {
      isAsyncEncryptionAvailable: async () => true,
      storageBackend: () => undefined,
      encryptStringAsync: async (text) => new TextEncoder().encode(text),
      decryptStringAsync: async (data) => ({ result: new TextDecoder().decode(data), shouldReEncrypt: false }),
    },
    store: {
      read: async () => held,
      write: async (data) => {
        held = data;
      },
      remove: async () => {
        held = null;
      },
    },
    allowPlaintext: false,
  });
  services = {
    getConfig: () => config,
    terminal: createTerminalCalls({ fetch: platformFetch, vault, appVersion: '0.2.0', platformUrl: { value: PLATFORM, managed: true } }),
    clearTerminalSecret: async () => {
      calls.push('clear');
      await vault.clear();
    },
    slipKey: createSlipKeyHolder(
      createSecretVault({
        cipher: {
          isAsyncEncryptionAvailable: async () => true,
          storageBackend: () => undefined,
          encryptStringAsync: async (text) => new TextEncoder().encode(text),
          decryptStringAsync: async (data) => ({ result: new TextDecoder().decode(data), shouldReEncrypt: false }),
        },
        store: memoryCiphertext(),
        allowPlaintext: false,
      }),
      () => new Uint8Array(32).fill(7),
    ),
    printSlip: async (contents: WebContents, target) => {
      calls.push(`print:${target}:${contents.getURL()}`);
      return { ok: true, path: '/tmp/x.pdf' };
    },
    saveJournalExport: async (contents) => {
      calls.push(`export:${contents.length}`);
      return { ok: true, fileName: 'x.json', path: '/tmp/x.json' };
    },
    log: (level, message) => calls.push(`log:${level}:${message}`),
    rejected: (channel, reason) => rejected.push(`${channel}:${reason}`),
  };
  registerIpc(ipcMain as unknown as IpcMain, services);
}

const app = () => ipcEventFrom('app://credit-counter/lookup');
const enrolArgs = [PLATFORM, { enrolmentCode: 'CODE-1', name: '环翠区 3 号窗口' }];
const sessionArgs = [{ platformUrl: PLATFORM, terminalId: 'T-1', operatorId: 'c001', password: 'pw-123456' }];

beforeEach(() => {
  resetElectronDouble();
  calls = [];
  rejected = [];
  enrolments = [];
  register();
});

describe('IPC', () => {
  it('registers exactly the typed channels', () => {
    const invokeChannels = Object.values(IpcChannels)
      .map((entry) => entry.channel)
      .filter((channel) => channel !== IpcChannels.log.channel);
    expect([...ipcMain.handlers.keys()].sort()).toEqual(invokeChannels.sort());
    expect(ipcMain.listenerCount(IpcChannels.log.channel)).toBe(1);
  });

  it('has no channel that reads or writes the terminal secret or the slip key', () => {
    expect(Object.keys(IpcChannels).sort()).toEqual([
      'adoptSlipKey',
      'clearTerminalSecret',
      'createSession',
      'createSlipKey',
      'enrolTerminal',
      'enrolledTerminal',
      'getConfig',
      'log',
      'printSlip',
      'saveJournalExport',
      'signSlipStatement',
    ]);
  });

  it('serves the app origin; the page gets the terminal id and the session, never the secret', async () => {
    expect(await ipcMain.simulateInvoke(IpcChannels.getConfig.channel, app())).toEqual(config);
    const enrolled = await ipcMain.simulateInvoke(IpcChannels.enrolTerminal.channel, app(), ...enrolArgs);
    expect(enrolled).toMatchObject({ kind: 'answered', status: 201, body: '{"terminalId":"T-1"}' });
    const session = await ipcMain.simulateInvoke(IpcChannels.createSession.channel, app(), ...sessionArgs);
    expect(session).toMatchObject({ kind: 'answered', status: 201, body: expect.stringContaining('token-0123456789abcdef') });
    // Whose secret the vault keeps (an enrolment cut short is completed from it), never the secret.
    const kept = await ipcMain.simulateInvoke(IpcChannels.enrolledTerminal.channel, app());
    expect(kept).toEqual({ kind: 'present', terminalId: 'T-1', platformUrl: PLATFORM });
    expect(await ipcMain.simulateInvoke(IpcChannels.saveJournalExport.channel, app(), '{"records":[]}')).toEqual({
      ok: true,
      fileName: 'x.json',
      path: '/tmp/x.json',
    });
    expect(await ipcMain.simulateInvoke(IpcChannels.printSlip.channel, app(), 'pdf')).toEqual({ ok: true, path: '/tmp/x.pdf' });
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'warn', '同步失败');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(JSON.stringify([enrolled, session, kept])).not.toContain(SECRET);
    expect(calls).toEqual([
      `fetch:${PLATFORM}/api/v1/terminals`,
      `fetch:${PLATFORM}/api/v1/sessions`,
      'export:14',
      'print:pdf:app://credit-counter/lookup',
      'log:warn:同步失败',
    ]);
  });

  it('makes, adopts and uses the slip key in the main process: the page gets the public key and signatures only', async () => {
    const made = (await ipcMain.simulateInvoke(IpcChannels.createSlipKey.channel, app())) as { ok: true; publicKey: string };
    expect(made).toEqual({ ok: true, publicKey: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/) });
    expect(await ipcMain.simulateInvoke(IpcChannels.adoptSlipKey.channel, app(), made.publicKey)).toEqual(made);
    // Not a statement: refused in the main process, whatever the page sends.
    const refused = await ipcMain.simulateInvoke(IpcChannels.signSlipStatement.channel, app(), 'AAAA');
    expect(refused).toMatchObject({ ok: false });
    await expect(ipcMain.simulateInvoke(IpcChannels.signSlipStatement.channel, app(), 'not base64!')).rejects.toThrow();
    await expect(ipcMain.simulateInvoke(IpcChannels.createSlipKey.channel, ipcEventFrom('https://evil.example/'))).rejects.toThrow();
  });

  it('rejects callers from a foreign origin, and from a destroyed frame', async () => {
    for (const url of ['https://evil.example/', 'http://127.0.0.1:5173/', 'file:///tmp/x.html', 'app://other/', null]) {
      await expect(
        ipcMain.simulateInvoke(IpcChannels.createSession.channel, ipcEventFrom(url), ...sessionArgs),
        String(url),
      ).rejects.toThrow(/非本应用页面/);
      await expect(ipcMain.simulateInvoke(IpcChannels.enrolTerminal.channel, ipcEventFrom(url), ...enrolArgs)).rejects.toThrow();
      await expect(ipcMain.simulateInvoke(IpcChannels.enrolledTerminal.channel, ipcEventFrom(url))).rejects.toThrow();
      await expect(ipcMain.simulateInvoke(IpcChannels.saveJournalExport.channel, ipcEventFrom(url), '{}')).rejects.toThrow();
      ipcMain.simulateSend(IpcChannels.log.channel, ipcEventFrom(url), 'info', 'x');
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([]);
    expect(rejected.length).toBe(25);
  });

  it('rejects invalid input before the implementation runs', async () => {
    const invalid: [string, unknown[]][] = [
      [IpcChannels.enrolTerminal.channel, [PLATFORM]],
      [IpcChannels.enrolTerminal.channel, [PLATFORM, { enrolmentCode: 'x', name: 'y', terminalSecret: 'z' }]],
      // The hand-over's proof is the host's to add: a page that names the predecessor's secret is refused.
      [
        IpcChannels.enrolTerminal.channel,
        [PLATFORM, { enrolmentCode: 'x', name: 'y', predecessor: { terminalId: 'T-1', resumeSeq: 1, terminalSecret: 'z' } }],
      ],
      [IpcChannels.createSession.channel, [{ ...sessionArgs[0], terminalSecret: SECRET }]],
      [IpcChannels.createSession.channel, [{ ...sessionArgs[0], password: '' }]],
      [IpcChannels.createSession.channel, [{ ...sessionArgs[0], revokeSessions: Array.from({ length: 101 }, (_, i) => `s${i}`) }]],
      [IpcChannels.createSession.channel, []],
      [IpcChannels.enrolledTerminal.channel, ['T-1']],
      [IpcChannels.saveJournalExport.channel, ['']],
      [IpcChannels.saveJournalExport.channel, [{ records: [] }]],
      [IpcChannels.printSlip.channel, ['fax']],
      [IpcChannels.getConfig.channel, ['unexpected']],
      [IpcChannels.clearTerminalSecret.channel, [{}]],
    ];
    for (const [channel, args] of invalid) {
      await expect(ipcMain.simulateInvoke(channel, app(), ...args), `${channel} ${JSON.stringify(args)}`).rejects.toThrow(/参数无效/);
    }
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'debug', 'x');
    ipcMain.simulateSend(IpcChannels.log.channel, app(), 'info', 'x'.repeat(2_001));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toEqual([]);
    expect(rejected).toHaveLength(15);
  });

  it('a re-enrolment from the page names its predecessor; the host adds that terminal’s secret as the proof, never the page', async () => {
    await ipcMain.simulateInvoke(IpcChannels.enrolTerminal.channel, app(), ...enrolArgs);
    const reenrol = { enrolmentCode: 'CODE-1', name: '环翠区 3 号窗口', predecessor: { terminalId: 'T-1', resumeSeq: 4 } };
    const answer = await ipcMain.simulateInvoke(IpcChannels.enrolTerminal.channel, app(), PLATFORM, reenrol);
    expect(answer).toMatchObject({ kind: 'answered', status: 201, body: '{"terminalId":"T-2"}' });
    expect(enrolments[1]).toEqual({ ...reenrol, predecessor: { terminalId: 'T-1', resumeSeq: 4, terminalSecret: SECRET } });
    expect(JSON.stringify(answer)).not.toContain(SECRET);
  });

  it('checks replies on the way out: a malformed one is stopped, fields outside the contract are dropped', async () => {
    services.printSlip = async () => ({ ok: true, path: 42 }) as never;
    await expect(ipcMain.simulateInvoke(IpcChannels.printSlip.channel, app(), 'pdf')).rejects.toThrow(/回复不符合约定/);
    expect(rejected.at(-1)).toMatch(/cc:print/);

    services.getConfig = () => ({ ...config, terminalSecret: SECRET }) as EffectiveConfig;
    const reply = await ipcMain.simulateInvoke(IpcChannels.getConfig.channel, app());
    expect(JSON.stringify(reply)).not.toContain(SECRET);

    services.getConfig = () => ({ ...config, values: { ...config.values, lockTimeoutMinutes: -1 } });
    await expect(ipcMain.simulateInvoke(IpcChannels.getConfig.channel, app())).rejects.toThrow(/回复不符合约定/);
  });

  it('trusts only app://credit-counter frames', () => {
    expect(isTrustedSender({ senderFrame: { url: 'app://credit-counter/' } })).toBe(true);
    expect(isTrustedSender({ senderFrame: { url: 'app://credit-counter.evil/' } })).toBe(false);
    expect(isTrustedSender({ senderFrame: undefined })).toBe(false);
  });
});
