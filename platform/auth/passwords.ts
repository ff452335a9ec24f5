/**
 * Operator passwords: stored only as a slow salted scrypt hash. The offline-unlock verifier the
 * client gets is a separate PBKDF2 derivation with its own fresh salt, never the password.
 */
import { pbkdf2, randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { OfflineUnlock } from '../../shared/contract';

const SCRYPT: ScryptOptions = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;
export const OFFLINE_UNLOCK_ITERATIONS = 100_000;

function scryptAsync(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password, salt, KEY_LENGTH, options, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

function pbkdf2Async(password: string, salt: Buffer, iterations: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    pbkdf2(password, salt, iterations, KEY_LENGTH, 'sha256', (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/** Format: scrypt$N$r$p$salt$hash (base64), so parameters can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await scryptAsync(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash that never verifies, to spend the same time on unknown operators as on known ones. */
export const UNKNOWN_OPERATOR_HASH = `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEY_LENGTH).toString('base64')}`;

export async function offlineUnlockFor(password: string, validUntil: Date): Promise<OfflineUnlock> {
  const salt = randomBytes(16);
  const verifier = await pbkdf2Async(password, salt, OFFLINE_UNLOCK_ITERATIONS);
  return {
    algorithm: 'PBKDF2-SHA256',
    salt: salt.toString('base64'),
    iterations: OFFLINE_UNLOCK_ITERATIONS,
    verifier: verifier.toString('base64'),
    validUntil: validUntil.toISOString(),
  };
}
