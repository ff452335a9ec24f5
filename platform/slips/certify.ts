/**
 * Certifying a terminal's slip key at enrolment: the certificate names the terminal id and the key
 * and is signed with the platform's snapshot key, so a verifier needs only that one public key.
 */
import { fromBase64, keyIdOfRaw, toBase64 } from '../../shared/slip/primitives';
import { certificateSigningBytes, encodeCertificate } from '../../shared/slip/statement';
import type { PlatformContext } from '../context';

/** How long a certificate vouches for its key (a PC is re-enrolled long before). */
export const CERTIFICATE_VALIDITY_SECONDS = 10 * 365 * 86_400;

/** The certificate (base64 CBOR) for `publicKeyBase64`, recorded for the terminal; null when the key is not 32 bytes. */
export function certifyTerminalKey(ctx: PlatformContext, terminalId: string, publicKeyBase64: string): string | null {
  const publicKey = fromBase64(publicKeyBase64);
  if (!publicKey || publicKey.length !== 32) return null;
  const now = ctx.now();
  const issuedAt = Math.floor(now.getTime() / 1000);
  const unsigned = {
    terminalId,
    publicKey,
    issuedAt,
    expiresAt: issuedAt + CERTIFICATE_VALIDITY_SECONDS,
    platformKeyId: ctx.signing.publicKey.keyId,
  };
  const certificate = toBase64(encodeCertificate({ ...unsigned, signature: ctx.signing.signBytes(certificateSigningBytes(unsigned)) }));
  ctx.terminalKeys.insert({
    keyId: keyIdOfRaw(publicKey),
    terminalId,
    publicKey: publicKeyBase64,
    certificate,
    issuedAt: now.toISOString(),
  });
  return certificate;
}
