import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha512Base64, signUpdate, verifyUpdate } from './updateSignature';

const keys = () => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
};
const release = keys();
const installer = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200_000, 7), Buffer.from('CreditCounter 0.2.0')]);
const file = 'CreditCounter-0.2.0-win-x64-setup.exe';

describe('own Ed25519 signature over the update file', () => {
  const signature = JSON.stringify(signUpdate(installer, { file, version: '0.2.0' }, release.privatePem));

  it('accepts the file the release manager signed', () => {
    expect(verifyUpdate(sha512Base64(installer), signature, { file, version: '0.2.0' }, release.publicPem)).toEqual({ ok: true });
  });

  it('refuses a tampered file, even by one byte', () => {
    const tampered = Buffer.from(installer);
    tampered[100_000] = (tampered[100_000] ?? 0) ^ 1;
    expect(verifyUpdate(sha512Base64(tampered), signature, { file, version: '0.2.0' }, release.publicPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/不一致/),
    });
  });

  it('refuses a signature made with another key, or a signature whose statement was edited', () => {
    const other = keys();
    const forged = JSON.stringify(signUpdate(installer, { file, version: '0.2.0' }, other.privatePem));
    expect(verifyUpdate(sha512Base64(installer), forged, { file, version: '0.2.0' }, release.publicPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/签名无效/),
    });
    const edited = JSON.stringify({ ...JSON.parse(signature), version: '9.9.9' });
    expect(verifyUpdate(sha512Base64(installer), edited, { file, version: '9.9.9' }, release.publicPem)).toMatchObject({ ok: false });
  });

  it('refuses a validly signed old release served as a new one, or another platform’s file', () => {
    expect(verifyUpdate(sha512Base64(installer), signature, { file, version: '9.9.9' }, release.publicPem)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/版本/),
    });
    expect(
      verifyUpdate(
        sha512Base64(installer),
        signature,
        { file: 'CreditCounter-0.2.0-linux-x86_64.AppImage', version: '0.2.0' },
        release.publicPem,
      ),
    ).toMatchObject({ ok: false, reason: expect.stringMatching(/文件/) });
  });

  it('refuses what is not a signature file at all', () => {
    for (const text of ['', 'not json', '{}', '<html>404</html>', JSON.stringify({ format: 'other' })]) {
      expect(verifyUpdate(sha512Base64(installer), text, { file, version: '0.2.0' }, release.publicPem).ok, text).toBe(false);
    }
  });
});
