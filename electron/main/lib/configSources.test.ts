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

function machine(
  overrides: Partial<ConfigEnvironment> & {
    files?: Record<string, string>;
    stats?: Record<string, FileOwnership>;
    registry?: string | null;
  },
): ConfigEnvironment {
  const files = overrides.files ?? {};
  const stats = overrides.stats ?? {};
  return {
    platform: 'linux',
    execPath: '/opt/信用核查窗口端/credit-counter',
    env: {},
    argv: ['/opt/信用核查窗口端/credit-counter'],
    readFile: async (path) => files[path] ?? null,
    stat: async (path) =>
      stats[path] ?? (path in files ? { uid: 0, mode: 0o100644 } : path === '/etc/credit-counter' ? { uid: 0, mode: 0o40755 } : null),
    queryPolicyRegistry: async () => overrides.registry ?? null,
    ...overrides,
  };
}

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

  it('never takes the platform public key (a trust anchor) from the command line', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const layer = parseCommandLine([`--platform-public-key=${key}`]);
    expect(layer.values).toEqual({});
    expect(layer.problems).toEqual([expect.stringContaining('只能由配置文件或组策略设置')]);
    expect(parseConfigFile('machine', JSON.stringify({ platformPublicKey: key }), 'x').values).toEqual({ platformPublicKey: key });
    expect(parseConfigFile('machine', JSON.stringify({ platformPublicKey: 'not a key' }), 'x').values).toEqual({});
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
  it('defaults < beside the executable < machine < policy < command line, with each key’s source', async () => {
    const config = await loadEffectiveConfig(
      machine({
        platform: 'win32',
        execPath: 'C:\\Program Files\\信用核查窗口端\\信用核查窗口端.exe',
        env: { ProgramData: 'D:\\ProgramData' },
        argv: ['x.exe', '--terminal-name=命令行窗口'],
        files: {
          'C:\\Program Files\\信用核查窗口端\\credit-counter.json': JSON.stringify({
            platformUrl: 'https://beside.example.cn',
            proxy: 'beside:1',
            terminalName: 'beside',
            stalenessLimitHours: 12,
          }),
          'D:\\ProgramData\\CreditCounter\\config.json': JSON.stringify({
            platformUrl: 'https://machine.example.cn',
            proxy: 'machine:1',
            terminalName: 'machine',
          }),
        },
        registry: '    platformUrl    REG_SZ    https://policy.example.cn\r\n    terminalName    REG_SZ    policy',
      }),
    );
    expect(config.values).toEqual({
      ...CONFIG_DEFAULTS,
      platformUrl: 'https://policy.example.cn',
      proxy: 'machine:1',
      terminalName: '命令行窗口',
      stalenessLimitHours: 12,
    });
    expect(config.sources).toMatchObject({
      platformUrl: 'policy',
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
    expect(configPaths('linux', '/opt/x', {})).toEqual({
      besideExecutable: '/opt/x/credit-counter.json',
      machine: '/etc/credit-counter/config.json',
    });
    expect(configPaths('win32', 'C:\\Program Files\\x', {})).toEqual({
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
