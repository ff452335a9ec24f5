/**
 * The platform's signed list of revoked terminal keys (a terminal re-enrolled, handed over, or
 * retired by IT). A short text like the snapshot statement, so a verifier can check it with the
 * platform's public key alone and keep it beside the platform key.
 */
import { ed25519Verify, fromBase64, keyIdOfRaw, utf8 } from './primitives';

export const REVOCATIONS_HEADER = 'credit-counter revoked terminal keys v1';

export interface RevokedTerminalKeys {
  /** The platform key that signs the list. */
  keyId: string;
  issuedAt: string;
  /** keyIdOfRaw of each revoked terminal public key, sorted. */
  keys: string[];
}

export function formatRevocations(r: RevokedTerminalKeys): string {
  return [REVOCATIONS_HEADER, `keyId=${r.keyId}`, `issuedAt=${r.issuedAt}`, `keys=${[...r.keys].sort().join(',')}`].join('\n');
}

export function parseRevocations(text: string): RevokedTerminalKeys | null {
  const m =
    /^credit-counter revoked terminal keys v1\nkeyId=([0-9a-f]{16})\nissuedAt=([0-9TZ:.-]{20,30})\nkeys=((?:[0-9a-f]{16}(?:,[0-9a-f]{16})*)?)$/.exec(
      text,
    );
  if (!m) return null;
  const parsed: RevokedTerminalKeys = { keyId: m[1]!, issuedAt: m[2]!, keys: m[3] ? m[3].split(',') : [] };
  return formatRevocations(parsed) === text ? parsed : null;
}

/** The revoked keys, or null unless `statement` is a list signed by the holder of `platformKey` (raw Ed25519, base64). */
export function verifyRevocations(signed: { statement: string; signature: string }, platformKey: string): RevokedTerminalKeys | null {
  const parsed = parseRevocations(signed.statement);
  const key = fromBase64(platformKey);
  const signature = fromBase64(signed.signature);
  if (!parsed || !key || !signature || keyIdOfRaw(key) !== parsed.keyId) return null;
  return ed25519Verify(signature, utf8(signed.statement), key) ? parsed : null;
}
