/** Random bearer tokens and terminal secrets, and the hashes they are stored under. */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url (43 characters). */
export function randomToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens and terminal secrets are 256-bit random values, so a fast hash is enough to keep a
 * stolen database from yielding usable credentials (no dictionary to attack, unlike passwords).
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value).digest('base64url');
}

/** Whether `value` is what `hash` was made from, compared in constant time. */
export function matchesHash(value: string, hash: string): boolean {
  const candidate = Buffer.from(sha256(value));
  const stored = Buffer.from(hash);
  return candidate.length === stored.length && timingSafeEqual(candidate, stored);
}
