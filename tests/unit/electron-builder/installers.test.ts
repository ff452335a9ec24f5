import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * What the installers promise IT, checked on the configuration (packaging itself downloads tool chains
 * and is not run here). The Windows-only behaviour of build/installer.nsh is listed in the README's IT
 * checklist for a real machine.
 */
const root = fileURLToPath(new URL('../../..', import.meta.url));
const require = createRequire(import.meta.url);
const read = (file: string) => readFileSync(`${root}/${file}`, 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- electron-builder's configuration is loosely typed here
const config = parse(read('electron-builder.yml')) as any;
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
const installer = read('build/installer.nsh');
const readme = read('README.md');

const { validateConfiguration, getConfig } = require('app-builder-lib/out/util/config/config') as {
  validateConfiguration(config: unknown, logger: { isEnabled: boolean; add(): void }): Promise<void>;
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
};
const silent = { isEnabled: false, add: () => undefined };

describe('Windows installer', () => {
  it('installs into C:\\Program Files\\CreditCounter with the Chinese name on the shortcuts', () => {
    const { getWindowsInstallationDirName } = require('app-builder-lib/out/targets/targetUtil') as {
      getWindowsInstallationDirName(appInfo: { productFilename: string; sanitizedName: string }, tryProductName: boolean): string;
    };
    expect(config.win.executableName).toBe('CreditCounter');
    expect(getWindowsInstallationDirName({ productFilename: config.win.executableName, sanitizedName: 'credit-counter' }, true)).toBe(
      'CreditCounter',
    );
    expect(config.nsis.shortcutName).toBe('信用核查窗口端');
  });

  it('keeps the uninstall key electron-builder derives from the appId, so earlier installs upgrade in place', () => {
    const { UUID } = require('builder-util-runtime') as {
      UUID: { v5(name: string, namespace: unknown): string; parse(text: string): unknown };
    };
    // electron-builder's namespace for NSIS GUIDs (NsisTarget.js).
    expect(config.nsis.guid).toBe(UUID.v5(config.appId, UUID.parse('50e065bc-3134-11e6-9bab-38c9862bdaf3')));
    expect(readme).toContain(`Uninstall\\${config.nsis.guid}`);
  });

  it('refuses Windows older than 10, and locks a program folder chosen outside Program Files', () => {
    expect(installer).toMatch(/!macro customInit[\s\S]*\$\{IfNot\} \$\{AtLeastWin10\}[\s\S]*Quit[\s\S]*!macroend/);
    expect(installer).toMatch(
      /\$\{If\} \$2 != "\$PROGRAMFILES64\\"[\s\S]*"\$INSTDIR" \/inheritance:r \/grant:r \*S-1-5-18:\(OI\)\(CI\)F \*S-1-5-32-544:\(OI\)\(CI\)F \*S-1-5-32-545:\(OI\)\(CI\)RX/,
    );
  });

  it('replaces a junction a user put where the machine configuration folder goes, before securing it', () => {
    expect(installer).toMatch(/RMDir "\$APPDATA\\CreditCounter"\r?\n\s*CreateDirectory "\$APPDATA\\CreditCounter"/);
    expect(installer).not.toMatch(/RMDir \/r "\$APPDATA\\CreditCounter"/);
  });

  it('names the publisher whose Authenticode signature an updating install requires', () => {
    expect(config.win.signtoolOptions.publisherName).toEqual(['威海市公共信用信息中心']);
  });

  it('offers an MSI for Group Policy software installation that runs the NSIS installer silently for all users', () => {
    expect(config.msiWrapped).toMatchObject({ perMachine: true, wrappedInstallerArgs: '/S /allusers' });
    expect(config.msiWrapped.artifactName).toMatch(/^[\x20-\x7e]+$/);
    expect(scripts['dist:win:msi']).toMatch(/electron-builder --win nsis msiWrapped/);
    // electron-builder's MSI-wrapped target requires the NSIS target in the configuration.
    expect(config.win.target.map((t: { target: string }) => t.target)).toContain('nsis');
  });
});

describe('Linux packages', () => {
  it('install into /opt/credit-counter with the Chinese name in the menu, and pass the schema', async () => {
    const linux = await getConfig(root, 'electron-builder.linux.yml', null);
    await expect(validateConfiguration(structuredClone(linux), silent)).resolves.toBeUndefined();
    expect(linux.productName).toBe('credit-counter');
    expect(linux.linux).toMatchObject({ desktop: { entry: { Name: '信用核查窗口端' } } });
    // Everything else is the shared configuration, unchanged: the deb's dependencies included.
    expect((linux.deb as { depends: string[] }).depends).toEqual(config.deb.depends);
    expect(scripts['dist:linux']).toContain('--config electron-builder.linux.yml');
  });

  it('build the AppImage with the static runtime, which does not need FUSE 2', () => {
    expect(config.toolsets).toEqual({ appimage: '1.0.3' });
  });

  it('leave the sandbox on: no --no-sandbox in any launcher', () => {
    expect(JSON.stringify(config)).not.toContain('no-sandbox');
    expect(read('electron-builder.linux.yml')).not.toContain('no-sandbox');
  });
});

describe('the README tells IT', () => {
  it('how to install silently and where, how to uninstall, what is not supported, and how updates are signed', () => {
    for (const text of [
      '/S',
      '/D=',
      'Windows 7',
      'npm run sign-update',
      'Get-Acl',
      'C:\\Program Files\\CreditCounter',
      '/opt/credit-counter',
    ]) {
      expect(readme, text).toContain(text);
    }
  });
});
