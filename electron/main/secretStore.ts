import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createSecretVault, type CiphertextStore, type SecretCipher, type SecretVault } from './lib/secretVault';

export const SECRET_FILE_NAME = 'terminal-secret.bin';
/** The slip signing key, encrypted the same way (lib/slipKey.ts). */
export const SLIP_KEY_FILE_NAME = 'slip-key.bin';

/** safeStorage's async API, with the Linux backend name (undefined elsewhere). */
export function safeStorageCipher(platform: 'win32' | 'linux'): SecretCipher {
  return {
    isAsyncEncryptionAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
    storageBackend: () => (platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined),
    encryptStringAsync: (plainText) => safeStorage.encryptStringAsync(plainText),
    decryptStringAsync: (encrypted) => safeStorage.decryptStringAsync(Buffer.from(encrypted)),
  };
}

/** Ciphertext in one file under userData, replaced atomically and readable by the user only. */
export function fileCiphertextStore(userData: string, fileName = SECRET_FILE_NAME): CiphertextStore {
  const path = join(userData, fileName);
  return {
    async read() {
      try {
        return await readFile(path);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async write(data) {
      const temporary = `${path}.tmp`;
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, path);
    },
    async remove() {
      await rm(path, { force: true });
    },
  };
}

export function createTerminalSecretVault(options: {
  platform: 'win32' | 'linux';
  userData: string;
  allowPlaintext: boolean;
  /** Another secret kept the same way (the slip key); the terminal secret's file by default. */
  fileName?: string;
}): SecretVault {
  return createSecretVault({
    cipher: safeStorageCipher(options.platform),
    store: fileCiphertextStore(options.userData, options.fileName),
    allowPlaintext: options.allowPlaintext,
  });
}
