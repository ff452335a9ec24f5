/** The async safeStorage API (Electron ≥ 36) as the vault uses it. */
export interface SecretCipher {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  /** Linux only; other platforms report undefined. */
  storageBackend(): string | undefined;
  encryptStringAsync(plainText: string): Promise<Uint8Array>;
  decryptStringAsync(encrypted: Uint8Array): Promise<{ result: string; shouldReEncrypt: boolean }>;
}

/** Where the ciphertext lives (a file under userData). */
export interface CiphertextStore {
  read(): Promise<Uint8Array | null>;
  write(data: Uint8Array): Promise<void>;
  remove(): Promise<void>;
}

export interface SecretVaultOptions {
  cipher: SecretCipher;
  store: CiphertextStore;
  /** IT policy: accept Chromium's plain-text fallback on Linux machines without a keyring. */
  allowPlaintext: boolean;
}

export type SecretWriteResult = { ok: true } | { ok: false; message: string };

/** What the vault holds, decrypted (terminalCalls.ts decides what the text means). */
export type VaultReadResult =
  | { kind: 'present'; secret: string }
  | { kind: 'absent' }
  /** The OS store refused to decrypt (new user profile, reinstalled OS): the terminal must be enrolled again. */
  | { kind: 'undecryptable'; message: string };

export interface SecretVault {
  read(): Promise<VaultReadResult>;
  write(secret: string): Promise<SecretWriteResult>;
  clear(): Promise<void>;
}

export const PLAINTEXT_REFUSED =
  '本机没有可用的系统密钥环（如 gnome-keyring、KWallet），终端密钥只能以近似明文的方式保存，已拒绝。' +
  '请 IT 启用系统密钥环后重新登记终端；确需在此机器上使用时，可由 IT 在受管配置中设置 allowPlaintextSecretStorage。';
export const ENCRYPTION_UNAVAILABLE = '系统加密存储当前不可用，无法保存终端密钥。请重新登录操作系统后再试，或联系 IT。';
export const UNDECRYPTABLE = '无法解密本机保存的终端密钥（可能更换了系统用户、重装了系统或密钥环被重置）。请由 IT 重新登记本终端。';

/**
 * Keeps the terminal secret encrypted by the OS store (DPAPI on Windows, the keyring on Linux) and
 * never in the renderer's storage. On Linux, Chromium silently falls back to a hard-coded key
 * ("basic_text") when no keyring is running; the vault refuses that unless IT allows it.
 */
export function createSecretVault({ cipher, store, allowPlaintext }: SecretVaultOptions): SecretVault {
  const plaintextRefused = (): boolean => cipher.storageBackend() === 'basic_text' && !allowPlaintext;

  async function encryptAndStore(secret: string): Promise<SecretWriteResult> {
    if (plaintextRefused()) return { ok: false, message: PLAINTEXT_REFUSED };
    if (!(await cipher.isAsyncEncryptionAvailable())) return { ok: false, message: ENCRYPTION_UNAVAILABLE };
    // Availability is decided lazily on first use, so the backend is only final now.
    if (plaintextRefused()) return { ok: false, message: PLAINTEXT_REFUSED };
    try {
      await store.write(await cipher.encryptStringAsync(secret));
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `保存终端密钥失败：${error instanceof Error ? error.message : String(error)}` };
    }
  }

  return {
    async read() {
      const encrypted = await store.read();
      if (encrypted === null || encrypted.byteLength === 0) return { kind: 'absent' };
      if (plaintextRefused()) return { kind: 'undecryptable', message: PLAINTEXT_REFUSED };
      try {
        if (!(await cipher.isAsyncEncryptionAvailable())) return { kind: 'undecryptable', message: ENCRYPTION_UNAVAILABLE };
        if (plaintextRefused()) return { kind: 'undecryptable', message: PLAINTEXT_REFUSED };
        const { result, shouldReEncrypt } = await cipher.decryptStringAsync(encrypted);
        // The OS rotated its key: store the secret again under the new one (best effort).
        if (shouldReEncrypt) await encryptAndStore(result).catch(() => undefined);
        return { kind: 'present', secret: result };
      } catch {
        return { kind: 'undecryptable', message: UNDECRYPTABLE };
      }
    },
    write: encryptAndStore,
    async clear() {
      await store.remove();
    },
  };
}
