/**
 * The terminal's slip signing key in the Electron main process: made here at enrolment, kept
 * encrypted by the OS store like the terminal secret (a SecretVault of its own file), and used here
 * to sign. The page gets the public key and signatures, never the private key.
 *
 * An enrolment makes a new key before the platform has answered; it waits as `pending` beside the
 * key in use until the page adopts it (the enrolment was recorded), so an enrolment that fails leaves
 * the terminal signing with its current key. Only check statements are signed (see
 * statementFromSigningBytes): a page that was taken over cannot have the key sign anything else
 * (a certificate, a revocation list), and only under the certificate of the key in use.
 */
import { ed25519 } from '@noble/curves/ed25519.js';
import { fromBase64, toBase64 } from '../../../shared/slip/primitives';
import { statementFromSigningBytes } from '../../../shared/slip/statement';
import type { SlipKeyAnswer, SlipSignAnswer } from '../../../shared/ipc/channels';
import type { SecretVault } from './secretVault';

interface StoredKey {
  /** The 32-byte Ed25519 seed, base64. */
  seed: string;
  publicKey: string;
}

interface StoredKeys {
  current?: StoredKey;
  pending?: StoredKey;
}

export interface SlipKeyHolder {
  /** A fresh key pair for an enrolment; its public half (base64) goes to the platform for certifying. */
  create(): Promise<SlipKeyAnswer>;
  /** The enrolment that certified `publicKey` was recorded: that pending key becomes the key in use. */
  adopt(publicKey: string): Promise<SlipKeyAnswer>;
  /** Signs the signing bytes of a check statement (base64) whose certificate names the key in use. */
  sign(statementBytes: string): Promise<SlipSignAnswer>;
}

export const SLIP_KEY_MISSING = '本终端没有签名密钥（请由信息技术人员重新登记终端），核查单不带可验证二维码';
export const SLIP_KEY_UNREADABLE = '无法读取本机保存的核查单签名密钥（可能更换了系统用户或重装了系统），请由信息技术人员重新登记终端';
export const NOT_A_STATEMENT = '只签署本终端的核查声明：请求的内容不是核查声明，已拒绝';
export const OTHER_KEY = '核查声明中的终端证书不是本机签名密钥的证书，已拒绝签署';

const isKey = (v: unknown): v is StoredKey =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as StoredKey).seed === 'string' &&
  fromBase64((v as StoredKey).seed)?.length === 32 &&
  typeof (v as StoredKey).publicKey === 'string';

export function createSlipKeyHolder(vault: SecretVault, randomSeed: () => Uint8Array): SlipKeyHolder {
  async function load(): Promise<{ ok: true; keys: StoredKeys } | { ok: false; message: string }> {
    const read = await vault.read();
    if (read.kind === 'absent') return { ok: true, keys: {} };
    if (read.kind === 'undecryptable') return { ok: false, message: SLIP_KEY_UNREADABLE };
    try {
      const parsed = JSON.parse(read.secret) as StoredKeys;
      return {
        ok: true,
        keys: {
          ...(isKey(parsed.current) ? { current: parsed.current } : {}),
          ...(isKey(parsed.pending) ? { pending: parsed.pending } : {}),
        },
      };
    } catch {
      return { ok: false, message: SLIP_KEY_UNREADABLE };
    }
  }

  async function store(keys: StoredKeys): Promise<SlipKeyAnswer | null> {
    const written = await vault.write(JSON.stringify(keys));
    return written.ok ? null : { ok: false, message: written.message };
  }

  return {
    async create() {
      const loaded = await load();
      // An unreadable vault is replaced: the key in it is lost either way, and the enrolment makes a new one.
      const keys = loaded.ok ? loaded.keys : {};
      const seed = randomSeed();
      if (seed.length !== 32) return { ok: false, message: '无法生成核查单签名密钥' };
      const pending = { seed: toBase64(seed), publicKey: toBase64(ed25519.getPublicKey(seed)) };
      return (await store({ ...keys, pending })) ?? { ok: true, publicKey: pending.publicKey };
    },

    async adopt(publicKey) {
      const loaded = await load();
      if (!loaded.ok) return loaded;
      const { current, pending } = loaded.keys;
      if (current?.publicKey === publicKey) return { ok: true, publicKey };
      if (pending?.publicKey !== publicKey) return { ok: false, message: SLIP_KEY_MISSING };
      return (await store({ current: pending })) ?? { ok: true, publicKey };
    },

    async sign(statementBytes) {
      const bytes = fromBase64(statementBytes);
      const statement = bytes ? statementFromSigningBytes(bytes) : null;
      if (!bytes || !statement) return { ok: false, message: NOT_A_STATEMENT };
      const loaded = await load();
      if (!loaded.ok) return loaded;
      const current = loaded.keys.current;
      if (!current) return { ok: false, message: SLIP_KEY_MISSING };
      if (toBase64(statement.certificate.publicKey) !== current.publicKey) return { ok: false, message: OTHER_KEY };
      return { ok: true, signature: toBase64(ed25519.sign(bytes, fromBase64(current.seed)!)) };
    },
  };
}
