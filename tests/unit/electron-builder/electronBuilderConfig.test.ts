import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = fileURLToPath(new URL('../../..', import.meta.url));
type Target = { target: string; arch: string[] };
interface BuilderConfig {
  appId: string;
  productName: string;
  artifactName: string;
  asar: boolean;
  files: string[];
  npmRebuild: boolean;
  electronFuses: Record<string, boolean>;
  publish: { provider: string; url: string }[];
  win: { target: Target[] };
  nsis: Record<string, unknown> & { artifactName: string; include: string };
  linux: { target: Target[] };
  deb: { depends: string[]; artifactName: string };
  appImage: { artifactName: string };
}
const config = parse(readFileSync(`${root}/electron-builder.yml`, 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    const { validateConfiguration } = createRequire(import.meta.url)('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
    };
    await expect(validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined })).resolves.toBeUndefined();
  });

  it('has a fixed appId, the Chinese product name and ASCII artifact names', () => {
    expect(config.appId).toBe('cn.gov.weihai.creditcounter');
    expect(config.productName).toBe('信用核查窗口端');
    for (const name of [config.artifactName, config.nsis.artifactName, config.deb.artifactName, config.appImage.artifactName]) {
      expect(name).toMatch(/^[\x20-\x7e]+$/);
    }
  });

  it('packs out/ into an asar without runtime dependencies', () => {
    expect(config.asar).toBe(true);
    expect(config.files).toContain('out/**/*');
    expect(config.files).toContain('!node_modules/**/*');
    expect(config.npmRebuild).toBe(false);
  });

  it('flips the fuses with the built-in electronFuses step', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
    });
  });

  it('builds an assisted, per-machine NSIS installer for Windows x64', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: true,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    });
    expect(config.nsis.include).toBe('build/installer.nsh');
    expect(readFileSync(`${root}/build/installer.nsh`, 'utf8')).toContain('!macro customInstall');
  });

  it('builds deb and AppImage for x64 and arm64 with the libraries UOS/Kylin need', () => {
    const targets = config.linux.target;
    expect(targets.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
    for (const target of targets) expect(target.arch.sort()).toEqual(['arm64', 'x64']);
    const depends = config.deb.depends.flatMap((entry) => entry.split('|').map((name) => name.trim()));
    for (const library of [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
      'libasound2',
    ]) {
      expect(depends, library).toContain(library);
    }
  });

  it('writes update metadata for a generic (intranet) feed', () => {
    expect(config.publish).toEqual([expect.objectContaining({ provider: 'generic' })]);
  });
});

describe('managed configuration samples', () => {
  it('build/config.sample.json is a valid PartialConfig', async () => {
    const { PartialConfig } = await import('../../../shared/config/schema');
    const sample = JSON.parse(readFileSync(`${root}/build/config.sample.json`, 'utf8')) as unknown;
    expect(PartialConfig.safeParse(sample).success).toBe(true);
  });

  it('the ADMX policy template covers every configuration key under the registry key the app reads', async () => {
    const { ConfigValues } = await import('../../../shared/config/schema');
    const { POLICY_REGISTRY_KEY } = await import('../../../electron/main/machineConfig');
    const admx = readFileSync(`${root}/build/policy/CreditCounter.admx`, 'utf8');
    const adml = readFileSync(`${root}/build/policy/zh-CN/CreditCounter.adml`, 'utf8');
    expect(POLICY_REGISTRY_KEY).toBe('HKLM\\SOFTWARE\\Policies\\CreditCounter');
    expect(admx).toContain('key="SOFTWARE\\Policies\\CreditCounter"');
    for (const key of Object.keys(ConfigValues.shape)) {
      expect(admx, key).toContain(`valueName="${key}"`);
    }
    for (const id of admx.matchAll(/\$\(string\.([A-Za-z0-9_]+)\)/g)) {
      expect(adml, id[1]).toContain(`<string id="${id[1]}">`);
    }
    for (const id of admx.matchAll(/\$\(presentation\.([A-Za-z0-9_]+)\)/g)) {
      expect(adml, id[1]).toContain(`<presentation id="${id[1]}">`);
    }
  });

  it('the policy templates point only to documents that exist', () => {
    for (const file of ['build/policy/CreditCounter.admx', 'build/policy/zh-CN/CreditCounter.adml']) {
      const text = readFileSync(`${root}/${file}`, 'utf8');
      for (const [name] of text.matchAll(/[\w./-]+\.md\b/g)) expect(existsSync(`${root}/${name}`), `${file}: ${name}`).toBe(true);
    }
  });
});
