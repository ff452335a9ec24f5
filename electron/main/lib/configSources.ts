import { posix, win32 } from 'node:path';
import {
  CONFIG_DEFAULTS,
  ConfigValues,
  MANAGED_ONLY_KEYS,
  PartialConfig,
  SECURITY_KEYS,
  type ConfigKey,
  type ConfigSource,
  type EffectiveConfig,
} from '../../../shared/config/schema';
import { judgeSecurityDescriptor } from './windowsAcl';

export type HostPlatform = 'win32' | 'linux';

/** One configuration source after parsing: the keys it sets and what was wrong with it. */
export interface ConfigLayer {
  source: ConfigSource;
  values: PartialConfig;
  problems: string[];
}

const SOURCE_LABELS: Record<ConfigSource, string> = {
  default: '默认值',
  'beside-executable': '程序目录配置文件',
  machine: '本机配置文件',
  policy: '组策略（注册表）',
  'command-line': '命令行参数',
  web: '网页配置',
};

const CONFIG_KEYS = Object.keys(ConfigValues.shape) as ConfigKey[];

function isConfigKey(key: string): key is ConfigKey {
  return (CONFIG_KEYS as string[]).includes(key);
}

/**
 * Validates a source's raw key/value pairs key by key: an unknown key or an invalid value is dropped
 * with a Chinese problem message, the rest of the source still applies.
 */
export function validateLayer(source: ConfigSource, raw: Record<string, unknown>, where: string): ConfigLayer {
  const problems: string[] = [];
  const accepted: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!isConfigKey(key)) {
      problems.push(`${where}：未知配置项“${key}”，已忽略。`);
      continue;
    }
    const result = ConfigValues.shape[key].safeParse(value);
    if (!result.success) {
      problems.push(`${where}：配置项“${key}”的值无效（${describe(value)}），已忽略。`);
      continue;
    }
    accepted[key] = result.data;
  }
  // The per-key pass above already guarantees this; parsing again keeps PartialConfig the single authority.
  const values = PartialConfig.parse(accepted);
  return { source, values, problems };
}

function describe(value: unknown): string {
  const text = typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** A JSON configuration file (beside the executable or the machine file). */
export function parseConfigFile(source: ConfigSource, text: string, where: string): ConfigLayer {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')); // Notepad on Windows writes a BOM
  } catch {
    return { source, values: {}, problems: [`${where}：不是有效的 JSON，整个文件已忽略。`] };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { source, values: {}, problems: [`${where}：内容必须是一个 JSON 对象，整个文件已忽略。`] };
  }
  return validateLayer(source, data as Record<string, unknown>, where);
}

const NUMBER_KEYS = new Set<ConfigKey>([
  'lockTimeoutMinutes',
  'stalenessLimitHours',
  'offlineUnlockHours',
  'slipRetentionDays',
  'deliveredRetentionDays',
]);
const BOOLEAN_KEYS = new Set<ConfigKey>(['kiosk', 'allowPlaintextSecretStorage', 'allowDevTools']);

function kebabToCamel(name: string): string {
  return name.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());
}

function coerceText(key: ConfigKey, text: string): unknown {
  if (NUMBER_KEYS.has(key)) return /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
  if (BOOLEAN_KEYS.has(key)) {
    const lowered = text.trim().toLowerCase();
    if (['1', 'true', 'yes', 'on'].includes(lowered)) return true;
    if (['0', 'false', 'no', 'off'].includes(lowered)) return false;
    return text;
  }
  return text;
}

/**
 * `--platform-url=https://…`, `--lock-timeout-minutes=15`, `--kiosk` (= true) or `--kiosk=false`.
 * Arguments that are not configuration keys (Chromium switches, the app path) are left alone.
 */
export function parseCommandLine(argv: readonly string[]): ConfigLayer {
  const raw: Record<string, unknown> = {};
  for (const arg of argv) {
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
    if (!match?.[1]) continue;
    const key = kebabToCamel(match[1]);
    if (!isConfigKey(key)) continue;
    const text = match[2];
    raw[key] = text === undefined ? (BOOLEAN_KEYS.has(key) ? true : '') : coerceText(key, text);
  }
  return validateLayer('command-line', raw, SOURCE_LABELS['command-line']);
}

/**
 * Parses `reg query HKLM\SOFTWARE\Policies\CreditCounter` output. Value names are the configuration
 * keys (see build/policy/CreditCounter.admx); numbers and switches are REG_DWORD, text is REG_SZ.
 */
export function parseRegistryPolicy(stdout: string): ConfigLayer {
  const where = SOURCE_LABELS.policy;
  const raw: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const match = /^\s+(\S+)\s+(REG_SZ|REG_EXPAND_SZ|REG_DWORD|REG_QWORD|REG_MULTI_SZ|REG_BINARY|REG_NONE)\s*(.*)$/.exec(line);
    if (!match) continue;
    const [, name = '', type = '', data = ''] = match;
    if (!isConfigKey(name)) {
      problems.push(`${where}：未知策略值“${name}”，已忽略。`);
      continue;
    }
    if (type === 'REG_DWORD' || type === 'REG_QWORD') {
      const number = Number.parseInt(data.trim(), data.trim().toLowerCase().startsWith('0x') ? 16 : 10);
      if (Number.isNaN(number)) {
        problems.push(`${where}：策略值“${name}”无法解析，已忽略。`);
        continue;
      }
      raw[name] = BOOLEAN_KEYS.has(name) ? number !== 0 : number;
    } else if (type === 'REG_SZ' || type === 'REG_EXPAND_SZ') {
      raw[name] = NUMBER_KEYS.has(name) || BOOLEAN_KEYS.has(name) ? coerceText(name, data) : data.trim();
    } else {
      problems.push(`${where}：策略值“${name}”的类型 ${type} 不受支持，已忽略。`);
    }
  }
  const layer = validateLayer('policy', raw, where);
  return { ...layer, problems: [...problems, ...layer.problems] };
}

/** The part of fs.Stats the machine-file rule needs. */
export interface FileOwnership {
  uid: number;
  mode: number;
}

/**
 * On Linux the machine file (and its folder) is trusted only when root owns it and neither group nor
 * others may write it — otherwise any local user could point the terminal at another platform. (Windows
 * decides by the file's and folder's ACL: see windowsAcl.ts.)
 */
export function machineFileTrusted(platform: HostPlatform, stat: FileOwnership): boolean {
  if (platform !== 'linux') return true;
  return stat.uid === 0 && (stat.mode & 0o022) === 0;
}

/**
 * The ACL the installer gives %ProgramData%\CreditCounter, as icacls grants with language-neutral SIDs:
 * SYSTEM and Administrators full control, Users read and execute, for the folder and everything in it.
 */
export const SECURE_FOLDER_GRANTS = ['*S-1-5-18:(OI)(CI)F', '*S-1-5-32-544:(OI)(CI)F', '*S-1-5-32-545:(OI)(CI)RX'] as const;

/**
 * The commands that repair the folder (elevated), as the settings screen and the log tell IT. Only the
 * folder changes owner: a file in it that belongs to someone else may be a clerk's, so it stays refused
 * until IT has read it (takeOverFileCommand).
 */
export function secureFolderCommands(folder: string): string[] {
  return [
    `icacls "${folder}" /setowner *S-1-5-32-544 /C`,
    `icacls "${folder}" /reset /T /C`,
    `icacls "${folder}" /inheritance:r /grant:r ${SECURE_FOLDER_GRANTS.join(' ')}`,
  ];
}

/** Makes Administrators the owner of one file IT has checked (e.g. saved from an admin's own account). */
export function takeOverFileCommand(path: string): string {
  return `icacls "${path}" /setowner *S-1-5-32-544`;
}

/**
 * Drops keys a source may not set: the command line of a packaged app never sets a security key, and
 * only a managed source may loosen a protection. Each dropped key is a problem IT can read.
 */
export function restrictLayer(layer: ConfigLayer, options: { packaged: boolean }): ConfigLayer {
  const values: Record<string, unknown> = {};
  const problems = [...layer.problems];
  const where = SOURCE_LABELS[layer.source];
  for (const [key, value] of Object.entries(layer.values) as [ConfigKey, unknown][]) {
    if (MANAGED_ONLY_KEYS.has(key) && !['machine', 'policy'].includes(layer.source)) {
      problems.push(`${where}：配置项“${key}”会放宽安全保护，只能由 IT 在本机配置文件或组策略中设置，已忽略。`);
      continue;
    }
    if (layer.source === 'command-line' && options.packaged && SECURITY_KEYS.has(key)) {
      problems.push(`${where}：配置项“${key}”涉及安全，只能由 IT 在本机配置文件或组策略中设置，已忽略。`);
      continue;
    }
    values[key] = value;
  }
  return { source: layer.source, values: values as PartialConfig, problems };
}

export interface ConfigPaths {
  besideExecutable: string;
  machine: string;
}

/** The directory IT means by "beside the program": the AppImage file's folder, not its read-only mount. */
export function executableDirectory(platform: HostPlatform, execPath: string, env: Readonly<Record<string, string | undefined>>): string {
  const pathApi = platform === 'win32' ? win32 : posix;
  if (platform === 'linux' && env.APPIMAGE) return pathApi.dirname(env.APPIMAGE);
  return pathApi.dirname(execPath);
}

/**
 * Where Windows keeps data for all users. Fixed, never taken from %ProgramData%: anyone can start the app
 * with that variable pointing at an empty folder, and the managed file would silently stop applying.
 */
export const WINDOWS_PROGRAM_DATA = 'C:\\ProgramData';

export function configPaths(platform: HostPlatform, exeDir: string): ConfigPaths {
  if (platform === 'win32') {
    return {
      besideExecutable: win32.join(exeDir, 'credit-counter.json'),
      machine: win32.join(WINDOWS_PROGRAM_DATA, 'CreditCounter', 'config.json'),
    };
  }
  return {
    besideExecutable: posix.join(exeDir, 'credit-counter.json'),
    machine: '/etc/credit-counter/config.json',
  };
}

/** Merges layers in the given order (increasing precedence) over the defaults, remembering each key's source. */
export function mergeLayers(layers: readonly ConfigLayer[]): EffectiveConfig {
  const values: ConfigValues = { ...CONFIG_DEFAULTS };
  const sources = Object.fromEntries(CONFIG_KEYS.map((key) => [key, 'default'])) as Record<ConfigKey, ConfigSource>;
  const problems: string[] = [];
  for (const layer of layers) {
    problems.push(...layer.problems);
    for (const key of CONFIG_KEYS) {
      const value = layer.values[key];
      if (value === undefined) continue;
      (values as Record<ConfigKey, unknown>)[key] = value;
      sources[key] = layer.source;
    }
  }
  return { values, sources, problems };
}

/** Everything the loader reads from the machine, injected so every platform can be tested anywhere. */
export interface ConfigEnvironment {
  platform: HostPlatform;
  /** A packaged build (false for development runs, which may take any non-protective key from the command line). */
  packaged: boolean;
  execPath: string;
  env: Readonly<Record<string, string | undefined>>;
  argv: readonly string[];
  /** File text, or null when absent. Other errors are reported as problems. */
  readFile(path: string): Promise<string | null>;
  stat(path: string): Promise<FileOwnership | null>;
  /** Whether the path itself is a symbolic link or (Windows) a directory junction, not following it. */
  isLink(path: string): Promise<boolean>;
  /** `reg query` output for the policy key, or null when the key does not exist (Windows only). */
  queryPolicyRegistry(): Promise<string | null>;
  /** The SDDL of each path, in order (Windows only; `(Get-Acl -LiteralPath …).Sddl`). */
  readSecurityDescriptors(paths: readonly string[]): Promise<string[]>;
}

/**
 * defaults < beside the executable < command line < machine file < Windows policy. The managed sources
 * come last so nothing overrides them; the command line sets only what they leave open (docs/architecture.md).
 * Environment variables are not a source.
 */
export async function loadEffectiveConfig(machine: ConfigEnvironment): Promise<EffectiveConfig> {
  const exeDir = executableDirectory(machine.platform, machine.execPath, machine.env);
  const paths = configPaths(machine.platform, exeDir);
  const [beside, machineLayer, policy] = await Promise.all([
    readLayer(machine, 'beside-executable', paths.besideExecutable),
    readMachineLayer(machine, paths.machine),
    readPolicyLayer(machine),
  ]);
  const layers = [beside, parseCommandLine(machine.argv), machineLayer, policy]
    .filter((layer): layer is ConfigLayer => layer !== undefined)
    .map((layer) => restrictLayer(layer, { packaged: machine.packaged }));
  return mergeLayers(layers);
}

async function readPolicyLayer(machine: ConfigEnvironment): Promise<ConfigLayer | undefined> {
  if (machine.platform !== 'win32') return undefined;
  try {
    const output = await machine.queryPolicyRegistry();
    return output === null ? undefined : parseRegistryPolicy(output);
  } catch (error) {
    return { source: 'policy', values: {}, problems: [`读取组策略失败：${errorText(error)}`] };
  }
}

async function readLayer(machine: ConfigEnvironment, source: ConfigSource, path: string): Promise<ConfigLayer | undefined> {
  const where = `${SOURCE_LABELS[source]} ${path}`;
  try {
    const text = await machine.readFile(path);
    return text === null ? undefined : parseConfigFile(source, text, where);
  } catch (error) {
    return { source, values: {}, problems: [`${where}：无法读取（${errorText(error)}），已忽略。`] };
  }
}

async function readMachineLayer(machine: ConfigEnvironment, path: string): Promise<ConfigLayer | undefined> {
  const refusal =
    machine.platform === 'linux' ? await linuxMachineFileRefusal(machine, path) : await windowsMachineFileRefusal(machine, path);
  if (refusal === null) return undefined;
  if (refusal) return { source: 'machine', values: {}, problems: [refusal] };
  return readLayer(machine, 'machine', path);
}

/** null: no file; '': trusted; otherwise why the file is refused (Chinese, with the command that fixes it). */
async function linuxMachineFileRefusal(machine: ConfigEnvironment, path: string): Promise<string | null> {
  const directory = posix.dirname(path);
  let fileStat: FileOwnership | null;
  let directoryStat: FileOwnership | null;
  try {
    fileStat = await machine.stat(path);
    directoryStat = fileStat === null ? null : await machine.stat(directory);
  } catch (error) {
    return `本机配置文件 ${path}：无法读取（${errorText(error)}），已忽略。`;
  }
  if (fileStat === null) return null;
  // The folder counts too: whoever may write to it can replace the file.
  const unsafe = [
    machineFileTrusted('linux', fileStat) ? undefined : { what: path, stat: fileStat },
    directoryStat === null || machineFileTrusted('linux', directoryStat) ? undefined : { what: `${directory}/`, stat: directoryStat },
  ].find((entry) => entry !== undefined);
  if (!unsafe) return '';
  return (
    `本机配置文件 ${path} 不安全（${unsafe.what} 必须属于 root，且组和其他用户不可写；当前属主 uid=${unsafe.stat.uid}，权限 ${(unsafe.stat.mode & 0o777).toString(8).padStart(3, '0')}），已忽略。` +
    `请执行：sudo chown root:root ${directory} ${path} && sudo chmod 755 ${directory} && sudo chmod 644 ${path}`
  );
}

/**
 * On Windows the file and its folder must be owned by administrators (or SYSTEM) and writable by
 * nobody else, as the installer sets up %ProgramData%\CreditCounter. Unreadable permissions refuse the file.
 */
async function windowsMachineFileRefusal(machine: ConfigEnvironment, path: string): Promise<string | null> {
  let text: string | null;
  try {
    text = await machine.readFile(path);
  } catch {
    text = ''; // exists but unreadable: the permission check below explains, or readLayer reports it
  }
  if (text === null) return null;
  const folder = win32.dirname(path);
  // A link owned by whoever made it can be re-pointed at any moment, e.g. between the check below and the
  // read. The real folder under C:\ProgramData cannot be swapped: users may not delete it (checked) nor
  // anything in C:\ProgramData.
  for (const what of [folder, path]) {
    let link: boolean;
    try {
      link = await machine.isLink(what);
    } catch (error) {
      return `本机配置文件 ${path} 无法检查 ${what}（${errorText(error)}），为安全起见已忽略。`;
    }
    if (link) {
      return (
        `本机配置文件 ${path} 不安全（${what} 是链接（符号链接或目录联接），检查之后可能被换成别的位置），已忽略。` +
        `请以管理员身份删除该链接（rmdir "${what}" 或 del "${what}"，只删除链接本身），建立真正的文件夹和文件后重新运行安装程序。`
      );
    }
  }
  const repair =
    `请以管理员身份执行：${secureFolderCommands(folder).join(' && ')}。` +
    `若该文件的所有者仍不是 Administrators，它可能是其他用户放入的：请先核对其内容，确认无误后再执行 ${takeOverFileCommand(path)}`;
  let descriptors: string[];
  try {
    descriptors = await machine.readSecurityDescriptors([folder, path]);
  } catch (error) {
    return `本机配置文件 ${path} 无法读取其权限（${errorText(error)}），为安全起见已忽略。${repair}`;
  }
  const verdicts = [
    { what: folder, verdict: judgeSecurityDescriptor(descriptors[0] ?? '') },
    { what: path, verdict: judgeSecurityDescriptor(descriptors[1] ?? '') },
  ];
  const unsafe = verdicts.find((entry) => !entry.verdict.trusted);
  if (!unsafe || unsafe.verdict.trusted) return '';
  return `本机配置文件 ${path} 不安全（${unsafe.what}：${unsafe.verdict.reason}；只允许 Administrators 和 SYSTEM 修改），已忽略。${repair}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
