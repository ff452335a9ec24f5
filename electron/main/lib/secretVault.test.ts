import { describe, expect, it } from 'vitest';
import {
  ENCRYPTION_UNAVAILABLE,
  PLAINTEXT_REFUSED,
  UNDECRYPTABLE,
  createSecretVault,
  type CiphertextStore,
  type SecretCipher,
} from './secretVault';

function memoryStore(initial: Uint8Array | null = null): CiphertextStore & { data: Uint8Array | null } {
  const store = {
    data: initial,
    read: async () => store.data,
    write: async (data: Uint8Array) => {
      store.data = data;
    },
    remove: async () => {
      store.data = null;
    },
  };
  return store;
}

function cipher(options: { backend?: string; available?: boolean; key?: string; rotate?: boolean } = {}): SecretCipher & { key: string } {
  const state = { key: options.key ?? 'k1' };
  return {
    get key() {
      return state.key;
    },
    set key(value: string) {
      state.key = value;
    },
    isAsyncEncryptionAvailable: async () => options.available ?? true,
    storageBackend: () => options.backend,
    encryptStringAsync: async (text) => new TextEncoder().encode(`${state.key}|${text}`),
    decryptStringAsync: async (data) => {
      const [key, text] = new TextDecoder().decode(data).split('|');
      if (key !== state.key || text === undefined) throw new Error('decrypt failed');
      return { result: text, shouldReEncrypt: options.rotate ?? false };
    },
  };
}

const SECRET = 'tsec_0123456789abcdefghij';
const TERMINAL = '0190a000-0000-7000-8000-000000000001';

describe('terminal secret vault', () => {
  it('round-trips through the OS cipher and never stores the clear secret', async () => {
    const store = memoryStore();
    const vault = createSecretVault({ cipher: cipher({ backend: 'gnome_libsecret' }), store, allowPlaintext: false });
    expect(await vault.read()).toEqual({ kind: 'absent' });
    expect(await vault.write(SECRET, TERMINAL)).toEqual({ ok: true });
    expect(new TextDecoder().decode(store.data!)).not.toBe(SECRET);
    expect(await vault.read()).toEqual({ kind: 'present', secret: SECRET, terminalId: TERMINAL });
    await vault.clear();
    expect(await vault.read()).toEqual({ kind: 'absent' });
  });

  it('works on Windows, where there is no Linux backend to ask', async () => {
    const vault = createSecretVault({ cipher: cipher({ backend: undefined }), store: memoryStore(), allowPlaintext: false });
    expect(await vault.write(SECRET, TERMINAL)).toEqual({ ok: true });
  });

  it('refuses the Linux basic_text fallback unless allowed', async () => {
    const store = memoryStore();
    const refused = createSecretVault({ cipher: cipher({ backend: 'basic_text' }), store, allowPlaintext: false });
    expect(await refused.write(SECRET, TERMINAL)).toEqual({ ok: false, message: PLAINTEXT_REFUSED });
    expect(store.data).toBeNull();

    const allowed = createSecretVault({ cipher: cipher({ backend: 'basic_text' }), store, allowPlaintext: true });
    expect(await allowed.write(SECRET, TERMINAL)).toEqual({ ok: true });
    expect(await allowed.read()).toEqual({ kind: 'present', secret: SECRET, terminalId: TERMINAL });
    // Policy withdrawn later: the plain-text secret is no longer used.
    expect(await refused.read()).toEqual({ kind: 'undecryptable', message: PLAINTEXT_REFUSED });
  });

  it('reports undecryptable when the OS key changed (new profile, reinstalled system)', async () => {
    const store = memoryStore();
    const osCipher = cipher({ backend: 'gnome_libsecret' });
    const vault = createSecretVault({ cipher: osCipher, store, allowPlaintext: false });
    await vault.write(SECRET, TERMINAL);
    osCipher.key = 'k2';
    expect(await vault.read()).toEqual({ kind: 'undecryptable', message: UNDECRYPTABLE });
  });

  it('reports undecryptable for garbage and when encryption is unavailable', async () => {
    const garbage = createSecretVault({ cipher: cipher(), store: memoryStore(new Uint8Array([1, 2, 3])), allowPlaintext: false });
    expect((await garbage.read()).kind).toBe('undecryptable');
    const unavailable = createSecretVault({
      cipher: cipher({ available: false }),
      store: memoryStore(new Uint8Array([1])),
      allowPlaintext: false,
    });
    expect(await unavailable.read()).toEqual({ kind: 'undecryptable', message: ENCRYPTION_UNAVAILABLE });
    expect(await unavailable.write(SECRET, TERMINAL)).toEqual({ ok: false, message: ENCRYPTION_UNAVAILABLE });
  });

  it('re-encrypts when the OS asks for it', async () => {
    const store = memoryStore(new TextEncoder().encode(`k1|${SECRET}`));
    const osCipher = cipher({ rotate: true });
    const vault = createSecretVault({ cipher: osCipher, store, allowPlaintext: false });
    osCipher.key = 'k1';
    // Stored bare by release 0.1: the vault does not know whose it is.
    expect(await vault.read()).toEqual({ kind: 'present', secret: SECRET, terminalId: null });
    expect(new TextDecoder().decode(store.data!)).toBe(`k1|${SECRET}`);
  });
});
