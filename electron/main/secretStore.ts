import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { createSecretVault, type CiphertextStore, type SecretCipher, type SecretVault } from './lib/secretVault';

export const SECRET_FILE_NAME = 'terminal-secret.bin';

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
export function fileCiphertextStore(userData: string): CiphertextStore {
  const path = join(userData, SECRET_FILE_NAME);
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
}): SecretVault {
  return createSecretVault({
    cipher: safeStorageCipher(options.platform),
    store: fileCiphertextStore(options.userData),
    allowPlaintext: options.allowPlaintext,
  });
}
