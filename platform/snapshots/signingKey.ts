/**
 * The platform's Ed25519 key pair for signing snapshot statements, created on first use and kept
 * in the database's meta table (so it lives as long as the platform's data). Terminals receive
 * the public key at enrolment; IT may pin it in the terminal configuration.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { PlatformPublicKey } from '../../shared/contract';
import type { MetaStore } from '../db/meta';

const PRIVATE_KEY = 'signing_key_pkcs8';

export interface SigningKey {
  publicKey: PlatformPublicKey;
  /** base64 Ed25519 signature over the UTF-8 bytes of `text`. */
  sign(text: string): string;
  /** Ed25519 signature over `bytes` (a terminal certificate). */
  signBytes(bytes: Uint8Array): Uint8Array;
}

/** The raw 32-byte key from an Ed25519 KeyObject (its SPKI DER ends with it). */
function rawPublicKey(key: KeyObject): Buffer {
  const der = key.export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 32);
}

export function keyIdOf(raw: Uint8Array): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16);
}

export function loadSigningKey(meta: MetaStore): SigningKey {
  let pem = meta.get(PRIVATE_KEY);
  if (pem === undefined) {
    const { privateKey } = generateKeyPairSync('ed25519');
    pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    meta.set(PRIVATE_KEY, pem);
  }
  return signingKeyFrom(createPrivateKey(pem));
}

/** A signing key over an Ed25519 private key (a fresh one when none is given). */
export function signingKeyFrom(privateKey: KeyObject = generateKeyPairSync('ed25519').privateKey): SigningKey {
  const raw = rawPublicKey(createPublicKey(privateKey));
  return {
    publicKey: { algorithm: 'Ed25519', key: raw.toString('base64'), keyId: keyIdOf(raw) },
    sign: (text) => sign(null, Buffer.from(text, 'utf8'), privateKey).toString('base64'),
    signBytes: (bytes) => new Uint8Array(sign(null, bytes, privateKey)),
  };
}
