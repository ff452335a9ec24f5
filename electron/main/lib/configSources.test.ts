import { describe, expect, it } from 'vitest';
import { CONFIG_DEFAULTS, MANAGED_SOURCES } from '../../../shared/config/schema';
import {
  configPaths,
  executableDirectory,
  loadEffectiveConfig,
  machineFileTrusted,
  parseCommandLine,
  parseConfigFile,
  parseRegistryPolicy,
  type ConfigEnvironment,
  type FileOwnership,
} from './configSources';
import { decodeConsoleOutput } from './consoleText';
import { SDDL } from './__fixtures__/windowsAcl';

function machine(
  overrides: Partial<ConfigEnvironment> & {
    files?: Record<string, string>;
    stats?: Record<string, FileOwnership>;
    registry?: string | null;
    /** SDDL by path (Windows). */
    acls?: Record<string, string>;
  },
): ConfigEnvironment {
  const files = overrides.files ?? {};
  const stats = overrides.stats ?? {};
  const acls = overrides.acls ?? {};
  return {
    platform: 'linux',
    packaged: true,
    execPath: '/opt/credit-counter/credit-counter',
    env: {},
    argv: ['/opt/credit-counter/credit-counter'],
    readFile: async (path) => files[path] ?? null,
    isLink: async () => false,
    stat: async (path) =>
      stats[path] ?? (path in files ? { uid: 0, mode: 0o100644 } : path === '/etc/credit-counter' ? { uid: 0, mode: 0o40755 } : null),
    queryPolicyRegistry: async () => overrides.registry ?? null,
    readSecurityDescriptors: async (paths) =>
      paths.map((path) => {
        const sddl = acls[path];
        if (sddl === undefined) throw new Error(`Get-Acl: 找不到路径“${path}”`);
        return sddl;
      }),
    ...overrides,
  };
}

const WIN_EXE = 'C:\\Program Files\\CreditCounter\\CreditCounter.exe';
const WIN_DIR = 'C:\\ProgramData\\CreditCounter';
const WIN_FILE = `${WIN_DIR}\\config.json`;

const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CreditCounter',
  '    platformUrl    REG_SZ    https://policy.weihai.gov.cn',
  '    kiosk    REG_DWORD    0x1',
  '    lockTimeoutMinutes    REG_DWORD    0xf',
  '    terminalName    REG_SZ    环翠区政务服务中心 3 号窗口',
  '    allowPlaintextSecretStorage    REG_DWORD    0x0',
  '',
].join('\r\n');

describe('Windows policy registry parsing', () => {
  it('reads REG_SZ and REG_DWORD values as configuration keys', () => {
    const layer = parseRegistryPolicy(REG_OUTPUT);
    expect(layer.source).toBe('policy');
    expect(layer.values).toEqual({
      platformUrl: 'https://policy.weihai.gov.cn',
      kiosk: true,
      lockTimeoutMinutes: 15,
      terminalName: '环翠区政务服务中心 3 号窗口',
      allowPlaintextSecretStorage: false,
    });
    expect(layer.problems).toEqual([]);
  });

  it('ignores unknown names, unsupported types and invalid values with Chinese problems', () => {
    const layer = parseRegistryPolicy(
      [
        'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\CreditCounter',
        '    somethingElse    REG_SZ    x',
        '    proxy    REG_MULTI_SZ    a\\0b',
        '    lockTimeoutMinutes    REG_DWORD    0x3e8',
        '    platformUrl    REG_SZ    ftp://x',
        '    autoUpdateUrl    REG_SZ    off',
      ].join('\r\n'),
    );
    expect(layer.values).toEqual({ autoUpdateUrl: 'off' });
    expect(layer.problems).toHaveLength(4);
    expect(layer.problems.join('')).toMatch(/未知策略值“somethingElse”/);
    expect(layer.problems.join('')).toMatch(/REG_MULTI_SZ 不受支持/);
    expect(layer.problems.join('')).toMatch(/“lockTimeoutMinutes”的值无效/);
  });

  it('accepts numbers written as REG_SZ and empty output', () => {
    expect(parseRegistryPolicy('    offlineUnlockHours    REG_SZ    48').values).toEqual({ offlineUnlockHours: 48 });
    expect(parseRegistryPolicy('').values).toEqual({});
  });

  it('decodes reg.exe output in UTF-8 or GBK (Chinese Windows console)', () => {
    const gbk = new Uint8Array([0xbb, 0xb7, 0xb4, 0xe4]); // 环翠
    expect(decodeConsoleOutput(gbk)).toBe('环翠');
    expect(decodeConsoleOutput(new TextEncoder().encode('环翠'))).toBe('环翠');
  });
});

describe('command line', () => {
  it('parses --key=value and bare switches, ignoring other arguments', () => {
    const layer = parseCommandLine([
      '/opt/x/credit-counter',
      '--no-sandbox',
      '--platform-url=https://cli.weihai.gov.cn',
      '--lock-timeout-minutes=5',
      '--kiosk',
      '--allow-plaintext-secret-storage=false',
      '--proxy=http=proxy.local:8080;https=proxy.local:8080',
    ]);
    expect(layer.values).toEqual({
      platformUrl: 'https://cli.weihai.gov.cn',
      lockTimeoutMinutes: 5,
      kiosk: true,
      allowPlaintextSecretStorage: false,
      proxy: 'http=proxy.local:8080;https=proxy.local:8080',
    });
  });

  it('drops invalid values with a problem', () => {
    const layer = parseCommandLine(['--lock-timeout-minutes=abc', '--platform-url=javascript:alert(1)']);
    expect(layer.values).toEqual({});
    expect(layer.problems).toHaveLength(2);
  });
});

describe('configuration files', () => {
  it('reads valid keys, tolerates a BOM and ignores the rest with problems', () => {
    const layer = parseConfigFile('machine', '\uFEFF{"platformUrl":"https://m.example.cn","kiosk":"yes","colour":"red"}', 'x');
    expect(layer.values).toEqual({ platformUrl: 'https://m.example.cn' });
    expect(layer.problems).toHaveLength(2);
  });

  it('ignores a file that is not a JSON object', () => {
    expect(parseConfigFile('machine', '{nope', 'x').problems[0]).toMatch(/不是有效的 JSON/);
    expect(parseConfigFile('machine', '[1]', 'x').problems[0]).toMatch(/JSON 对象/);
  });
});

describe('precedence', () => {
  it('defaults < beside the executable < command line < machine < policy, with each key’s source', async () => {
    const config = await loadEffectiveConfig(
      machine({
        platform: 'win32',
        execPath: WIN_EXE,
        env: { ProgramData: 'C:\\ProgramData' },
        argv: ['x.exe', '--terminal-name=命令行窗口'],
        files: {
          'C:\\Program Files\\CreditCounter\\credit-counter.json': JSON.stringify({
            platformUrl: 'https://beside.example.cn',
            proxy: 'beside:1',
            terminalName: 'beside',
            stalenessLimitHours: 12,
            lockTimeoutMinutes: 5,
          }),
          [WIN_FILE]: JSON.stringify({ platformUrl: 'https://machine.example.cn', proxy: 'machine:1', lockTimeoutMinutes: 7 }),
        },
        acls: { [WIN_DIR]: SDDL.folderSecured_enUS, [WIN_FILE]: SDDL.fileByIt },
        registry: '    platformUrl    REG_SZ    https://policy.example.cn\r\n    lockTimeoutMinutes    REG_DWORD    0x3',
      }),
    );
    expect(config.values).toEqual({
      ...CONFIG_DEFAULTS,
      platformUrl: 'https://policy.example.cn',
      proxy: 'machine:1',
      terminalName: '命令行窗口',
      stalenessLimitHours: 12,
      lockTimeoutMinutes: 3,
    });
    expect(config.sources).toMatchObject({
      platformUrl: 'policy',
      lockTimeoutMinutes: 'policy',
      proxy: 'machine',
      terminalName: 'command-line',
      stalenessLimitHours: 'beside-executable',
      kiosk: 'default',
    });
    expect(MANAGED_SOURCES).toContain(config.sources.platformUrl);
    expect(config.problems).toEqual([]);
  });

  it('defaults when no source exists', async () => {
    const config = await loadEffectiveConfig(machine({}));
    expect(config.values).toEqual(CONFIG_DEFAULTS);
    expect(Object.values(config.sources).every((source) => source === 'default')).toBe(true);
  });

  it('does not consult the registry on Linux', async () => {
    const config = await loadEffectiveConfig(machine({ registry: '    kiosk    REG_DWORD    0x1' }));
    expect(config.values.kiosk).toBe(false);
  });

  it('reports a registry failure as a problem and carries on', async () => {
    const config = await loadEffectiveConfig(
      machine({ platform: 'win32', execPath: 'C:\\x\\x.exe', queryPolicyRegistry: () => Promise.reject(new Error('timeout')) }),
    );
    expect(config.problems[0]).toMatch(/读取组策略失败/);
  });
});

describe('the Linux machine file rule', () => {
  const path = '/etc/credit-counter/config.json';
  const file = { [path]: JSON.stringify({ platformUrl: 'https://etc.example.cn' }) };

  it('accepts a root-owned 0644 (and 0600, 0444) file', async () => {
    for (const mode of [0o100644, 0o100600, 0o100444]) {
      const config = await loadEffectiveConfig(machine({ files: file, stats: { [path]: { uid: 0, mode } } }));
      expect(config.values.platformUrl, mode.toString(8)).toBe('https://etc.example.cn');
      expect(config.sources.platformUrl).toBe('machine');
    }
  });

  it('ignores a world- or group-writable file, and one not owned by root, with a problem', async () => {
    for (const stat of [
      { uid: 0, mode: 0o100666 },
      { uid: 0, mode: 0o100664 },
      { uid: 0, mode: 0o100646 },
      { uid: 1000, mode: 0o100644 },
    ]) {
      const config = await loadEffectiveConfig(machine({ files: file, stats: { [path]: stat } }));
      expect(config.values.platformUrl).toBe(CONFIG_DEFAULTS.platformUrl);
      expect(config.sources.platformUrl).toBe('default');
      expect(config.problems).toHaveLength(1);
      expect(config.problems[0]).toMatch(/不安全/);
    }
  });

  it('ignores the file when its folder is writable by others', async () => {
    const config = await loadEffectiveConfig(
      machine({ files: file, stats: { [path]: { uid: 0, mode: 0o100644 }, '/etc/credit-counter': { uid: 0, mode: 0o40777 } } }),
    );
    expect(config.sources.platformUrl).toBe('default');
    expect(config.problems[0]).toMatch(/\/etc\/credit-counter\/ 必须属于 root/);
  });

  it('is a Linux-only rule', () => {
    expect(machineFileTrusted('win32', { uid: 1000, mode: 0o100666 })).toBe(true);
    expect(machineFileTrusted('linux', { uid: 0, mode: 0o100644 })).toBe(true);
    expect(machineFileTrusted('linux', { uid: 0, mode: 0o100666 })).toBe(false);
  });
});

describe('paths', () => {
  it('knows where IT puts files on each platform', () => {
    expect(configPaths('linux', '/opt/x')).toEqual({
      besideExecutable: '/opt/x/credit-counter.json',
      machine: '/etc/credit-counter/config.json',
    });
    expect(configPaths('win32', 'C:\\Program Files\\x')).toEqual({
      besideExecutable: 'C:\\Program Files\\x\\credit-counter.json',
      machine: 'C:\\ProgramData\\CreditCounter\\config.json',
    });
  });

  it('uses the AppImage file’s folder rather than its mount point', () => {
    expect(executableDirectory('linux', '/tmp/.mount_xyz/credit-counter', { APPIMAGE: '/home/clerk/Apps/CreditCounter.AppImage' })).toBe(
      '/home/clerk/Apps',
    );
    expect(executableDirectory('win32', 'C:\\P\\a.exe', {})).toBe('C:\\P');
  });
});

describe('who may set what', () => {
  const REBELLIOUS_ARGS = [
    'x.exe',
    '--platform-url=https://rogue.example.net',
    '--offline-unlock-hours=336',
    '--allow-plaintext-secret-storage',
    '--kiosk=false',
    '--terminal-name=改过的名字',
  ];

  it('the command line cannot override Group Policy or the machine file', async () => {
    const config = await loadEffectiveConfig(
      machine({
        platform: 'win32',
        execPath: WIN_EXE,
        argv: REBELLIOUS_ARGS,
        files: { [WIN_FILE]: JSON.stringify({ terminalName: '环翠区 3 号窗口' }) },
        acls: { [WIN_DIR]: SDDL.folderSecured_zhCN, [WIN_FILE]: SDDL.fileBySystem },
        registry: [
          '    platformUrl    REG_SZ    https://credit.weihai.gov.cn',
          '    offlineUnlockHours    REG_DWORD    0x18',
          '    kiosk    REG_DWORD    0x1',
          '    allowPlaintextSecretStorage    REG_DWORD    0x0',
        ].join('\r\n'),
      }),
    );
    expect(config.values).toMatchObject({
      platformUrl: 'https://credit.weihai.gov.cn',
      offlineUnlockHours: 24,
      kiosk: true,
      allowPlaintextSecretStorage: false,
      terminalName: '环翠区 3 号窗口',
    });
    expect(config.sources).toMatchObject({
      platformUrl: 'policy',
      offlineUnlockHours: 'policy',
      kiosk: 'policy',
      allowPlaintextSecretStorage: 'policy',
      terminalName: 'machine',
    });
  });

  it('a packaged app takes no security key from the command line, even one no managed source sets', async () => {
    const config = await loadEffectiveConfig(
      machine({
        argv: [...REBELLIOUS_ARGS, '--proxy=evil:3128', '--auto-update-url=https://evil.example.net/', '--lock-timeout-minutes=240'],
      }),
    );
    expect(config.values).toEqual({ ...CONFIG_DEFAULTS, terminalName: '改过的名字' });
    expect(config.sources.terminalName).toBe('command-line');
    const problems = config.problems.join('\n');
    for (const key of [
      'platformUrl',
      'offlineUnlockHours',
      'allowPlaintextSecretStorage',
      'kiosk',
      'proxy',
      'autoUpdateUrl',
      'lockTimeoutMinutes',
    ]) {
      expect(problems, key).toContain(`“${key}”`);
    }
    expect(config.problems[0]).toMatch(/命令行参数.*只能由 IT/);
  });

  it('a development run may point at a demo platform from the command line, but never loosens a protection', async () => {
    const config = await loadEffectiveConfig(machine({ packaged: false, argv: REBELLIOUS_ARGS }));
    expect(config.values.platformUrl).toBe('https://rogue.example.net');
    expect(config.values.offlineUnlockHours).toBe(336);
    expect(config.values.allowPlaintextSecretStorage).toBe(false);
    expect(config.problems.join('')).toContain('allowPlaintextSecretStorage');
  });

  it('the plaintext-secret and developer-tools switches come only from a managed source', async () => {
    const beside = await loadEffectiveConfig(
      machine({
        env: { APPIMAGE: '/home/clerk/Apps/CreditCounter.AppImage' },
        files: { '/home/clerk/Apps/credit-counter.json': JSON.stringify({ allowPlaintextSecretStorage: true, allowDevTools: true }) },
      }),
    );
    expect(beside.values.allowPlaintextSecretStorage).toBe(false);
    expect(beside.values.allowDevTools).toBe(false);
    expect(beside.problems).toHaveLength(2);

    const etc = await loadEffectiveConfig(
      machine({ files: { '/etc/credit-counter/config.json': JSON.stringify({ allowPlaintextSecretStorage: true, allowDevTools: true }) } }),
    );
    expect(etc.values).toMatchObject({ allowPlaintextSecretStorage: true, allowDevTools: true });
    expect(etc.sources.allowPlaintextSecretStorage).toBe('machine');
  });

  it('the platform public key (a trust anchor) comes only from a managed source, never from the command line or a file a user can write', async () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const rogueKey = Buffer.alloc(32, 2).toString('base64');
    const unmanaged = await loadEffectiveConfig(
      machine({
        packaged: false,
        argv: [`--platform-public-key=${rogueKey}`],
        env: { APPIMAGE: '/home/clerk/Apps/CreditCounter.AppImage' },
        files: { '/home/clerk/Apps/credit-counter.json': JSON.stringify({ platformPublicKey: rogueKey }) },
      }),
    );
    expect(unmanaged.values.platformPublicKey).toBe('');
    expect(unmanaged.problems.filter((p) => p.includes('platformPublicKey'))).toHaveLength(2);

    const managed = await loadEffectiveConfig(
      machine({ files: { '/etc/credit-counter/config.json': JSON.stringify({ platformPublicKey: key }) } }),
    );
    expect(managed.values.platformPublicKey).toBe(key);
    expect(managed.sources.platformPublicKey).toBe('machine');
    expect(parseConfigFile('machine', JSON.stringify({ platformPublicKey: 'not a key' }), 'x').values).toEqual({});
  });

  it('a file beside a per-user AppImage and environment variables are not managed sources', async () => {
    const config = await loadEffectiveConfig(
      machine({
        env: { APPIMAGE: '/home/clerk/Apps/CreditCounter.AppImage', platformUrl: 'https://env.example.net', CREDIT_COUNTER_KIOSK: '0' },
        files: { '/home/clerk/Apps/credit-counter.json': JSON.stringify({ platformUrl: 'https://beside.example.net' }) },
      }),
    );
    expect(config.values.platformUrl).toBe('https://beside.example.net');
    expect(config.sources.platformUrl).toBe('beside-executable');
    expect(MANAGED_SOURCES).not.toContain('beside-executable');
    expect(MANAGED_SOURCES).not.toContain('command-line');
    expect(Object.values(config.sources).filter((source) => source !== 'default')).toEqual(['beside-executable']);
  });
});

describe('the Windows machine file is used only when administrators alone can write it', () => {
  const rogue = { [WIN_FILE]: JSON.stringify({ platformUrl: 'https://rogue.example.net' }) };
  const windows = (acls: Record<string, string>, extra: Partial<ConfigEnvironment> = {}) =>
    loadEffectiveConfig(machine({ platform: 'win32', execPath: WIN_EXE, files: rogue, acls, ...extra }));

  it('refuses a config.json a standard user dropped into the inherited folder (English and Chinese Windows)', async () => {
    for (const [folder, file] of [
      [SDDL.folderInherited_enUS, SDDL.fileByClerk_enUS],
      [SDDL.folderInherited_zhCN, SDDL.fileByClerk_zhCN],
    ] as const) {
      const config = await windows({ [WIN_DIR]: folder, [WIN_FILE]: file });
      expect(config.values.platformUrl).toBe(CONFIG_DEFAULTS.platformUrl);
      expect(config.sources.platformUrl).toBe('default');
      expect(config.problems).toHaveLength(1);
      expect(config.problems[0]).toMatch(/本机配置文件 C:\\ProgramData\\CreditCounter\\config\.json 不安全/);
      expect(config.problems[0]).toContain('icacls');
    }
  });

  it('refuses a sound file in a folder where users may add or replace files', async () => {
    const config = await windows({ [WIN_DIR]: SDDL.folderInherited_enUS, [WIN_FILE]: SDDL.fileByIt });
    expect(config.sources.platformUrl).toBe('default');
    expect(config.problems[0]).toMatch(/不安全/);
  });

  it('refuses a file users may write in the secured folder', async () => {
    const config = await windows({ [WIN_DIR]: SDDL.folderSecured_enUS, [WIN_FILE]: SDDL.fileUsersModify });
    expect(config.sources.platformUrl).toBe('default');
  });

  it('uses the file IT or SYSTEM wrote into the secured folder', async () => {
    for (const file of [SDDL.fileByIt, SDDL.fileBySystem]) {
      const config = await windows({ [WIN_DIR]: SDDL.folderSecured_zhCN, [WIN_FILE]: file });
      expect(config.values.platformUrl).toBe('https://rogue.example.net');
      expect(config.sources.platformUrl).toBe('machine');
      expect(config.problems).toEqual([]);
    }
  });

  it('reads the machine file where Windows keeps it, whatever ProgramData says', async () => {
    // Any user can start the app with `set ProgramData=C:\Users\clerk\empty`: the managed file would vanish
    // and the keys IT set there would fall back to what the command line or the defaults say.
    const read: string[] = [];
    const config = await loadEffectiveConfig(
      machine({
        platform: 'win32',
        execPath: WIN_EXE,
        env: { ProgramData: 'C:\\Users\\clerk\\empty', PROGRAMDATA: 'D:\\empty', ALLUSERSPROFILE: 'C:\\Users\\clerk\\empty' },
        argv: ['x.exe', '--terminal-name=改过的名字'],
        files: { [WIN_FILE]: JSON.stringify({ platformUrl: 'https://credit.weihai.gov.cn', terminalName: '环翠区 3 号窗口' }) },
        acls: { [WIN_DIR]: SDDL.folderSecured_zhCN, [WIN_FILE]: SDDL.fileByIt },
        readFile: async (path) => {
          read.push(path);
          return path === WIN_FILE
            ? JSON.stringify({ platformUrl: 'https://credit.weihai.gov.cn', terminalName: '环翠区 3 号窗口' })
            : null;
        },
      }),
    );
    expect(config.values).toMatchObject({ platformUrl: 'https://credit.weihai.gov.cn', terminalName: '环翠区 3 号窗口' });
    expect(config.sources.terminalName).toBe('machine');
    expect(read.filter((path) => path.includes('empty'))).toEqual([]);
  });

  it('refuses a folder or file that is a link: it could be re-pointed between the permission check and the read', async () => {
    // A clerk who created C:\ProgramData\CreditCounter as a directory junction before the app was installed
    // owns the link: its target passes the check, then the link points at the clerk's own folder for the read.
    for (const link of [WIN_DIR, WIN_FILE]) {
      const config = await windows(
        { [WIN_DIR]: SDDL.folderSecured_zhCN, [WIN_FILE]: SDDL.fileByIt },
        { isLink: async (path) => path === link },
      );
      expect(config.sources.platformUrl, link).toBe('default');
      expect(config.problems[0]).toMatch(/链接/);
      expect(config.problems[0]).toContain(link);
    }
  });

  it('refuses the file when its permissions cannot be read', async () => {
    const config = await windows(
      {},
      {
        readSecurityDescriptors: () => Promise.reject(new Error('无法将“powershell.exe”项识别为 cmdlet')),
      },
    );
    expect(config.sources.platformUrl).toBe('default');
    expect(config.problems[0]).toMatch(/无法读取其权限/);
  });

  it('does not ask for permissions when there is no machine file', async () => {
    let asked = 0;
    const config = await loadEffectiveConfig(
      machine({
        platform: 'win32',
        execPath: WIN_EXE,
        readSecurityDescriptors: async () => {
          asked += 1;
          return [];
        },
      }),
    );
    expect(asked).toBe(0);
    expect(config.problems).toEqual([]);
  });
});
