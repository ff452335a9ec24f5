import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sha512Base64, verifyUpdate } from '../../electron/main/lib/updateSignature';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const work = mkdtempSync(join(tmpdir(), 'cc-sign-update-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `npm run sign-update -- …`, as the release manager runs it. */
function signUpdateCli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [tsx, 'scripts/sign-update.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run sign-update', () => {
  const keyFolder = join(work, 'release-key');
  const keyFile = join(keyFolder, 'credit-counter-update-signing.pem');
  let publicKey = '';

  it('creates the release key pair outside the repository, the private half readable by its owner only', () => {
    const result = signUpdateCli('--generate-key', keyFolder);
    expect(result.status, result.stderr).toBe(0);
    publicKey = /-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/.exec(result.stdout)?.[0] ?? '';
    expect(publicKey).not.toBe('');
    if (process.platform !== 'win32') expect(statSync(keyFile).mode & 0o077).toBe(0);
  });

  it('signs an update file so that the app accepts it, and a tampered copy is refused', () => {
    const installer = join(work, 'CreditCounter-0.2.0-win-x64-setup.exe');
    writeFileSync(installer, Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64_000, 3)]));
    const result = signUpdateCli('--key', keyFile, '--version', '0.2.0', installer);
    expect(result.status, result.stderr).toBe(0);
    const signature = readFileSync(`${installer}.sig`, 'utf8');
    const expected = { file: 'CreditCounter-0.2.0-win-x64-setup.exe', version: '0.2.0' };
    expect(verifyUpdate(sha512Base64(readFileSync(installer)), signature, expected, publicKey)).toEqual({ ok: true });

    const tampered = Buffer.from(readFileSync(installer));
    tampered[32_000] = 0x90;
    expect(verifyUpdate(sha512Base64(tampered), signature, expected, publicKey)).toMatchObject({ ok: false });

    // IT can check a file before pushing it, with the same rule.
    const publicKeyFile = join(work, 'public.pem');
    writeFileSync(publicKeyFile, publicKey);
    const good = signUpdateCli('--verify', '--public-key', publicKeyFile, '--version', '0.2.0', installer);
    expect(good.status, good.stdout + good.stderr).toBe(0);
    expect(good.stdout).toContain('signature valid');
    writeFileSync(installer, tampered);
    const bad = signUpdateCli('--verify', '--public-key', publicKeyFile, '--version', '0.2.0', installer);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/REFUSED/);
  });

  it('refuses to keep or use a private key inside the repository', () => {
    const inRepo = join(root, 'release-key-must-not-be-here');
    const result = signUpdateCli('--generate-key', inRepo);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/outside/);
    expect(existsSync(inRepo)).toBe(false);
    expect(signUpdateCli('--key', join(root, 'package.json'), join(work, 'x')).stderr).toMatch(/inside the repository/);
  });
});
