import { execFile } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import type { EffectiveConfig } from '../../shared/config/schema';
import { loadEffectiveConfig, type HostPlatform } from './lib/configSources';
import { decodeConsoleOutput } from './lib/consoleText';

export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\CreditCounter';

/** Reads the real machine's configuration sources (files, Windows policy, command line). */
export function loadMachineConfig(platform: HostPlatform, argv: readonly string[]): Promise<EffectiveConfig> {
  return loadEffectiveConfig({
    platform,
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
    queryPolicyRegistry: () => queryRegistry(POLICY_REGISTRY_KEY),
  });
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

/** `reg query <key>`; resolves null when the key does not exist (reg exits with 1). */
export function queryRegistry(key: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    execFile('reg', ['query', key], { encoding: 'buffer', windowsHide: true, timeout: 10_000 }, (error, stdout) => {
      if (error) {
        if (typeof error.code === 'number' && error.code === 1) resolve(null);
        else reject(error);
        return;
      }
      resolve(decodeConsoleOutput(stdout));
    });
  });
}
