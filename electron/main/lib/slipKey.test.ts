import { ed25519 } from '@noble/curves/ed25519.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetElectronDouble, safeStorage } from '../../../tests/doubles/electron';
import { formatRevocations } from '../../../shared/slip/revocations';
import { fromBase64, toBase64, utf8 } from '../../../shared/slip/primitives';
import { signSlip } from '../../../shared/slip/sign';
import { certificateSigningBytes, decodeCertificate, statementSigningBytes } from '../../../shared/slip/statement';
import { verifySlipText } from '../../../shared/slip/verify';
import { CHECKED_AT, PLATFORM, certificateFor, statementBody, testKey, type TestKey } from '../../../shared/slip/__fixtures__/slipFixtures';
import { safeStorageCipher } from '../secretStore';
import { createSecretVault, PLAINTEXT_REFUSED, type CiphertextStore } from './secretVault';
import { NOT_A_STATEMENT, OTHER_KEY, SLIP_KEY_MISSING, SLIP_KEY_UNREADABLE, createSlipKeyHolder, type SlipKeyHolder } from './slipKey';

let held: Uint8Array | null;
const store: CiphertextStore = {
  read: async () => held,
  write: async (data) => {
    held = data;
  },
  remove: async () => {
    held = null;
  },
};

let seeds: number;
/** The key holder over safeStorage (the electron test double) and a file kept in memory. */
function holder(allowPlaintext = false): SlipKeyHolder {
  return createSlipKeyHolder(createSecretVault({ cipher: safeStorageCipher('linux'), store, allowPlaintext }), () =>
    new Uint8Array(32).fill(++seeds),
  );
}

/** A certificate the platform made for `publicKey` (base64). */
const certificateOf = (publicKey: string) => certificateFor({ publicKey: fromBase64(publicKey)! } as TestKey, PLATFORM);

/** The holder as a signer, the way the page reaches it over IPC. */
const signer = (keys: SlipKeyHolder) => async (message: Uint8Array) => {
  const answer = await keys.sign(toBase64(message));
  if (!answer.ok) throw new Error(answer.message);
  return fromBase64(answer.signature)!;
};

beforeEach(() => {
  resetElectronDouble();
  held = null;
  seeds = 0;
});

describe('the slip key in the main process', () => {
  it('makes a key, adopts it once certified, and signs check statements that verify under the certificate', async () => {
    const keys = holder();
    const made = await keys.create();
    if (!made.ok) throw new Error(made.message);
    // Not adopted yet (the platform has not answered): nothing is signed with it.
    const statement = statementSigningBytes({ ...statementBody(), certificate: decodeCertificate(certificateOf(made.publicKey))! });
    expect(await keys.sign(toBase64(statement))).toEqual({ ok: false, message: SLIP_KEY_MISSING });
    expect(await keys.adopt(made.publicKey)).toEqual(made);

    const { text } = await signSlip(statementBody(), certificateOf(made.publicKey), signer(keys));
    expect(verifySlipText(text, { platformKeys: [PLATFORM.base64], now: CHECKED_AT + 60 })).toMatchObject({ valid: true, problems: [] });
    // What the OS store was given holds the seed; the file holds only its ciphertext.
    expect(new TextDecoder().decode(held!)).not.toContain(toBase64(new Uint8Array(32).fill(1)));
  });

  it('an enrolment that fails leaves the key in use signing; the next one replaces it only once adopted', async () => {
    const keys = holder();
    const first = (await keys.create()) as { ok: true; publicKey: string };
    await keys.adopt(first.publicKey);
    const second = (await keys.create()) as { ok: true; publicKey: string };
    expect(second.publicKey).not.toBe(first.publicKey);
    // The platform refused the second enrolment: the first key still signs under its certificate.
    const { text } = await signSlip(statementBody(), certificateOf(first.publicKey), signer(keys));
    expect(verifySlipText(text, { platformKeys: [PLATFORM.base64], now: CHECKED_AT + 60 }).valid).toBe(true);
    // A key the holder never made cannot be adopted.
    expect(await keys.adopt(testKey(40).base64)).toEqual({ ok: false, message: SLIP_KEY_MISSING });
    expect(await keys.adopt(second.publicKey)).toEqual(second);
    await expect(signSlip(statementBody(), certificateOf(first.publicKey), signer(keys))).rejects.toThrow(OTHER_KEY);
  });

  it('signs nothing but a check statement: not a certificate, not a revocation list, not arbitrary bytes', async () => {
    const keys = holder();
    const made = (await keys.create()) as { ok: true; publicKey: string };
    await keys.adopt(made.publicKey);
    const certificate = {
      terminalId: 'T-forged',
      publicKey: testKey(41).publicKey,
      issuedAt: 1,
      expiresAt: 2,
      platformKeyId: PLATFORM.keyId,
    };
    const list = formatRevocations({ keyId: PLATFORM.keyId, issuedAt: '2026-12-02T00:00:00.000Z', keys: [] });
    for (const bytes of [certificateSigningBytes(certificate), utf8(list), new Uint8Array(64).fill(9)]) {
      expect(await keys.sign(toBase64(bytes))).toEqual({ ok: false, message: NOT_A_STATEMENT });
    }
    expect(await keys.sign('not base64')).toEqual({ ok: false, message: NOT_A_STATEMENT });
    // A statement one byte longer than one it would sign (trailing garbage) is no statement either.
    const statement = statementSigningBytes({ ...statementBody(), certificate: decodeCertificate(certificateOf(made.publicKey))! });
    expect(await keys.sign(toBase64(new Uint8Array([...statement, 0])))).toEqual({ ok: false, message: NOT_A_STATEMENT });
    const signature = (await keys.sign(toBase64(statement))) as { ok: true; signature: string };
    expect(ed25519.verify(fromBase64(signature.signature)!, statement, fromBase64(made.publicKey)!)).toBe(true);
  });

  it('signs no statement that carries the ID number nearly in clear (one star, or an ID without its check digit in a field)', async () => {
    const keys = holder();
    const made = (await keys.create()) as { ok: true; publicKey: string };
    await keys.adopt(made.publicKey);
    const certificate = decodeCertificate(certificateOf(made.publicKey))!;
    // 17 digits give the 18th (the check digit): these are the ID number in clear.
    for (const leak of [
      { subjectMasked: '37100319750308021*' },
      { subjectMasked: '*371003197503080213' },
      { checkId: 'chk-37100319750308021' },
    ]) {
      const bytes = statementSigningBytes({ ...statementBody(leak), certificate });
      expect(await keys.sign(toBase64(bytes))).toEqual({ ok: false, message: NOT_A_STATEMENT });
    }
  });

  it('a new OS profile cannot read the key: the terminal is told to re-enrol, and the next enrolment makes a new one', async () => {
    const keys = holder();
    const made = (await keys.create()) as { ok: true; publicKey: string };
    await keys.adopt(made.publicKey);
    safeStorage.keyId = 'key-2';
    const statement = statementSigningBytes({ ...statementBody(), certificate: decodeCertificate(certificateOf(made.publicKey))! });
    expect(await keys.sign(toBase64(statement))).toEqual({ ok: false, message: SLIP_KEY_UNREADABLE });
    const again = await keys.create();
    expect(again).toMatchObject({ ok: true });
    expect(await keys.adopt((again as { publicKey: string }).publicKey)).toMatchObject({ ok: true });
  });

  it('refuses Chromium’s plain-text fallback on Linux unless IT allows it, like the terminal secret', async () => {
    safeStorage.backend = 'basic_text';
    expect(await holder().create()).toEqual({ ok: false, message: PLAINTEXT_REFUSED });
    expect(held).toBeNull();
    expect(await holder(true).create()).toMatchObject({ ok: true });
  });
});
