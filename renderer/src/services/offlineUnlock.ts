/**
 * Offline unlock: the platform hands out PBKDF2-SHA256 parameters and a verifier at login, so the
 * same operator can unlock later without the platform — never the password itself.
 */
import type { OfflineUnlock } from '../../../shared/contract';
import { decodeBinary, equalBytes, pbkdf2Sha256 } from '../data/webCrypto';

export type UnlockCheck = 'match' | 'mismatch' | 'expired';

/**
 * `policyUntil` is the terminal's own limit (IT's offlineUnlockHours after the online login); the
 * earlier of it and the platform's validUntil applies.
 */
export async function checkOfflineUnlock(unlock: OfflineUnlock, password: string, now: Date, policyUntil = Infinity): Promise<UnlockCheck> {
  if (Math.min(Date.parse(unlock.validUntil), policyUntil) <= now.getTime()) return 'expired';
  const verifier = decodeBinary(unlock.verifier);
  const derived = await pbkdf2Sha256(password, decodeBinary(unlock.salt), unlock.iterations);
  return equalBytes(derived.subarray(0, verifier.length), verifier) && verifier.length >= 16 ? 'match' : 'mismatch';
}
