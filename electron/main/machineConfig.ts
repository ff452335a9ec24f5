import { execFile } from 'node:child_process';
import { lstat, readFile, stat } from 'node:fs/promises';
import { win32 } from 'node:path';
import type { EffectiveConfig } from '../../shared/config/schema';
import { loadEffectiveConfig, type HostPlatform } from './lib/configSources';
import { decodeConsoleOutput } from './lib/consoleText';

export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\CreditCounter';

type Environment = Readonly<Record<string, string | undefined>>;

/** Reads the real machine's configuration sources (files, Windows policy, command line). */
export function loadMachineConfig(platform: HostPlatform, argv: readonly string[], packaged: boolean): Promise<EffectiveConfig> {
  return loadEffectiveConfig({
    platform,
    packaged,
    execPath: process.execPath,
    env: process.env,
    argv,
    readFile: async (path) => {
      try {
        return await readFile(path, 'utf8');
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    stat: async (path) => {
      try {
        const info = await stat(path);
        return { uid: info.uid, mode: info.mode };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },
    // Node reports a Windows directory junction as a symbolic link too.
    isLink: async (path) => {
      try {
        return (await lstat(path)).isSymbolicLink();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    queryPolicyRegistry: () => queryRegistry(POLICY_REGISTRY_KEY),
    readSecurityDescriptors: (paths) => readSecurityDescriptors(paths),
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/**
 * Windows' own tools, by absolute path (never through PATH or the working folder) and from no environment
 * variable: whoever starts the app sets %SystemRoot%, and a fake reg.exe or powershell.exe would decide the
 * policy and the machine file's permissions. Windows installed elsewhere than C:\Windows is not supported.
 */
export const WINDOWS_SYSTEM32 = 'C:\\Windows\\System32';

/** `reg query <key>`; resolves null when the key does not exist (reg exits with 1). */
export function queryRegistry(key: string): Promise<string | null> {
  const reg = win32.join(WINDOWS_SYSTEM32, 'reg.exe');
  return new Promise((resolve, reject) => {
    execFile(reg, ['query', key], { encoding: 'buffer', windowsHide: true, timeout: 10_000 }, (error, stdout) => {
      if (error) {
        if (typeof error.code === 'number' && error.code === 1) resolve(null);
        else reject(error);
        return;
      }
      resolve(decodeConsoleOutput(stdout));
    });
  });
}

// The paths travel in an environment variable, so no path can ever be read as PowerShell code.
// ('|' cannot occur in a Windows path.)
const GET_ACL_SCRIPT =
  "$ErrorActionPreference = 'Stop'; foreach ($p in $env:CREDIT_COUNTER_ACL_PATHS.Split('|')) { (Get-Acl -LiteralPath $p).Sddl }";

/** The SDDL of each path, from Windows PowerShell's Get-Acl (language-neutral, unlike icacls's text). */
export function readSecurityDescriptors(paths: readonly string[], env: Environment = process.env): Promise<string[]> {
  const powershell = win32.join(WINDOWS_SYSTEM32, 'WindowsPowerShell', 'v1.0', 'powershell.exe');
  return new Promise((resolve, reject) => {
    execFile(
      powershell,
      ['-NoLogo', '-NoProfile', '-NonInteractive', '-Command', GET_ACL_SCRIPT],
      { encoding: 'buffer', windowsHide: true, timeout: 30_000, env: { ...env, CREDIT_COUNTER_ACL_PATHS: paths.join('|') } },
      (error, stdout, stderr) => {
        if (error) {
          const detail = decodeConsoleOutput(stderr).trim().split(/\r?\n/)[0];
          reject(new Error(detail || error.message));
          return;
        }
        const lines = decodeConsoleOutput(stdout)
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line.length > 0);
        if (lines.length !== paths.length) reject(new Error(`PowerShell 返回了 ${lines.length} 行权限信息，应为 ${paths.length} 行`));
        else resolve(lines);
      },
    );
  });
}
