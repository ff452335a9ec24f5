import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetElectronDouble, safeStorage } from '../../tests/doubles/electron';
import { PLAINTEXT_REFUSED } from './lib/secretVault';
import { SECRET_FILE_NAME, createTerminalSecretVault } from './secretStore';

const SECRET = 'tsec_0123456789abcdefghij';
const TERMINAL = '0190a000-0000-7000-8000-000000000001';
let userData: string;

beforeEach(() => {
  resetElectronDouble();
  userData = mkdtempSync(join(tmpdir(), 'cc-vault-'));
});

describe('terminal secret in safeStorage + a userData file', () => {
  it('writes ciphertext only, readable by the user only', async () => {
    const vault = createTerminalSecretVault({ platform: 'linux', userData, allowPlaintext: false });
    expect(await vault.write(SECRET, TERMINAL)).toEqual({ ok: true });
    const file = join(userData, SECRET_FILE_NAME);
    expect(readFileSync(file, 'utf8')).not.toContain(SECRET);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(await vault.read()).toEqual({ kind: 'present', secret: SECRET, terminalId: TERMINAL });
    await vault.clear();
    expect(existsSync(file)).toBe(false);
    await vault.clear();
  });

  it('refuses basic_text on Linux unless allowed, and ignores the backend on Windows', async () => {
    safeStorage.backend = 'basic_text';
    expect(await createTerminalSecretVault({ platform: 'linux', userData, allowPlaintext: false }).write(SECRET, TERMINAL)).toEqual({
      ok: false,
      message: PLAINTEXT_REFUSED,
    });
    expect(existsSync(join(userData, SECRET_FILE_NAME))).toBe(false);
    expect(await createTerminalSecretVault({ platform: 'linux', userData, allowPlaintext: true }).write(SECRET, TERMINAL)).toEqual({
      ok: true,
    });
    expect(await createTerminalSecretVault({ platform: 'win32', userData, allowPlaintext: false }).write(SECRET, TERMINAL)).toEqual({
      ok: true,
    });
  });

  it('turns a decryption failure into undecryptable', async () => {
    writeFileSync(join(userData, SECRET_FILE_NAME), 'key-1:not-what-it-was');
    const vault = createTerminalSecretVault({ platform: 'win32', userData, allowPlaintext: false });
    await vault.write(SECRET, TERMINAL);
    safeStorage.keyId = 'key-2';
    expect((await vault.read()).kind).toBe('undecryptable');
  });
});
