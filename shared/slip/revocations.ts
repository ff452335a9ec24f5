/**
 * The platform's signed list of revoked terminal keys (a terminal re-enrolled, handed over, or
 * retired by IT), each with the moment from which it is no longer trusted: a slip the key signed
 * before that moment is still the terminal's genuine slip. A short text like the snapshot
 * statement, so a verifier can check it with the platform's public key alone and keep it beside
 * the platform key.
 */
import { ed25519Verify, fromBase64, keyIdOfRaw, utf8 } from './primitives';

export const REVOCATIONS_HEADER = 'credit-counter revoked terminal keys v2';

export interface RevokedKey {
  /** keyIdOfRaw of the terminal's public key. */
  keyId: string;
  /** From this moment (Unix seconds) on, the key signs nothing the platform vouches for. */
  revokedAt: number;
}

export interface RevokedTerminalKeys {
  /** The platform key that signs the list. */
  keyId: string;
  issuedAt: string;
  /** Sorted by keyId. */
  keys: RevokedKey[];
}

const byKeyId = (a: RevokedKey, b: RevokedKey) => (a.keyId < b.keyId ? -1 : a.keyId > b.keyId ? 1 : 0);

export function formatRevocations(r: RevokedTerminalKeys): string {
  const keys = [...r.keys].sort(byKeyId).map((k) => `${k.keyId}@${k.revokedAt}`);
  return [REVOCATIONS_HEADER, `keyId=${r.keyId}`, `issuedAt=${r.issuedAt}`, `keys=${keys.join(',')}`].join('\n');
}

export function parseRevocations(text: string): RevokedTerminalKeys | null {
  const m =
    /^credit-counter revoked terminal keys v2\nkeyId=([0-9a-f]{16})\nissuedAt=([0-9TZ:.-]{20,30})\nkeys=((?:[0-9a-f]{16}@[0-9]{1,12}(?:,[0-9a-f]{16}@[0-9]{1,12})*)?)$/.exec(
      text,
    );
  if (!m || Number.isNaN(Date.parse(m[2]!))) return null;
  const keys = m[3]
    ? m[3].split(',').map((entry) => {
        const [keyId, at] = entry.split('@') as [string, string];
        return { keyId, revokedAt: Number(at) };
      })
    : [];
  const parsed: RevokedTerminalKeys = { keyId: m[1]!, issuedAt: m[2]!, keys };
  // One text per list: sorted, no duplicates, no leading zeros (a re-encoding must give the same bytes).
  return formatRevocations(parsed) === text && new Set(keys.map((k) => k.keyId)).size === keys.length ? parsed : null;
}

/** The revoked keys, or null unless `statement` is a list signed by the holder of `platformKey` (raw Ed25519, base64). */
export function verifyRevocations(signed: { statement: string; signature: string }, platformKey: string): RevokedTerminalKeys | null {
  const parsed = parseRevocations(signed.statement);
  const key = fromBase64(platformKey);
  const signature = fromBase64(signed.signature);
  if (!parsed || !key || !signature || keyIdOfRaw(key) !== parsed.keyId) return null;
  return ed25519Verify(signature, utf8(signed.statement), key) ? parsed : null;
}
