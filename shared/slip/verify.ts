/**
 * Verifying a slip offline with nothing but the platform's public key (and, when known, the keys
 * the platform revoked). Each failure is named; a slip is valid only when none applies.
 */
import { base45Decode } from './base45';
import { ed25519Verify, fromBase64, keyIdOfRaw } from './primitives';
import { SLIP_PROBLEM_MESSAGES, type SlipProblemCode } from './messages';
import { slipReference } from './reference';
import type { RevokedKey } from './revocations';
import {
  certificateSigningBytes,
  decodeSignedSlip,
  signedDataText,
  statementSigningBytes,
  type CheckStatement,
  type SignedSlip,
} from './statement';

/** Clocks differ: a time this far ahead of the verifier's is not yet "future". */
export const SLIP_CLOCK_TOLERANCE_SECONDS = 300;

export interface SlipTrust {
  /** The platform's raw Ed25519 public keys (base64) that this verifier trusts. */
  platformKeys: readonly string[];
  /** Terminal keys the platform revoked, each from a moment on (its signed list, shared/slip/revocations.ts). */
  revokedTerminalKeys?: readonly RevokedKey[];
  /** The verifier's time (Unix seconds). */
  now: number;
}

export interface SlipProblem {
  code: SlipProblemCode;
  message: string;
}

export interface SlipVerification {
  /** Everything verifies. */
  valid: boolean;
  slip: SignedSlip | null;
  statement: CheckStatement | null;
  reference: string | null;
  /** The statement is signed by a terminal key the platform certified (whatever else is wrong). */
  terminalSignatureValid: boolean;
  /** The platform signed the data version the terminal held. */
  platformVouchesData: boolean;
  /**
   * The terminal's key was revoked at this moment (Unix seconds) after the slip was signed: the slip
   * stands, and the verifier is told the key has since been retired. Null when the key is not revoked.
   */
  retiredAt: number | null;
  problems: SlipProblem[];
}

const problem = (code: SlipProblemCode): SlipProblem => ({ code, message: SLIP_PROBLEM_MESSAGES[code] });

/** Whatever a scanner typed: surrounding whitespace is dropped, nothing else is forgiven. */
export function slipBytesFromText(text: string): Uint8Array | null {
  return base45Decode(text.trim());
}

export function verifySlipBytes(bytes: Uint8Array, trust: SlipTrust): SlipVerification {
  const slip = decodeSignedSlip(bytes);
  if (!slip) {
    return {
      valid: false,
      slip: null,
      statement: null,
      reference: null,
      terminalSignatureValid: false,
      platformVouchesData: false,
      retiredAt: null,
      problems: [problem('malformed')],
    };
  }
  const s = slip.statement;
  const problems: SlipProblem[] = [];
  const platformKey = trust.platformKeys
    .map((k) => fromBase64(k))
    .find((raw): raw is Uint8Array => raw !== null && raw.length === 32 && keyIdOfRaw(raw) === s.certificate.platformKeyId);
  const certified =
    platformKey !== undefined && ed25519Verify(s.certificate.signature, certificateSigningBytes(s.certificate), platformKey);
  if (!certified) problems.push(problem('unknown_terminal'));
  const signedByTerminal = ed25519Verify(slip.signature, statementSigningBytes(s), s.certificate.publicKey);
  if (!signedByTerminal) problems.push(problem('tampered'));

  const d = s.signedData;
  const vouched =
    d !== null &&
    platformKey !== undefined &&
    d.statement.keyId === s.certificate.platformKeyId &&
    ed25519Verify(d.signature, signedDataText(d), platformKey);
  if (!vouched) problems.push(problem('unsigned_data_version'));

  // The terminal's clock, corrected by the skew it measured against the platform.
  const checkedAt = s.checkedAt - (s.clockSkewSeconds ?? 0);
  // A revoked key is distrusted from its revocation on: a hand-over must not void the PC's genuine earlier
  // slips. A key stolen with the old PC can still claim an earlier time; the platform's record (online) is
  // the answer to that, since the old identity can deliver nothing after the hand-over.
  const keyId = keyIdOfRaw(s.certificate.publicKey);
  const revokedAt = trust.revokedTerminalKeys?.find((k) => k.keyId === keyId)?.revokedAt ?? null;
  if (revokedAt !== null && checkedAt >= revokedAt) problems.push(problem('revoked_key'));
  if (checkedAt > trust.now + SLIP_CLOCK_TOLERANCE_SECONDS) problems.push(problem('future'));
  if (checkedAt > s.certificate.expiresAt) problems.push(problem('expired'));
  if (checkedAt < s.certificate.issuedAt - SLIP_CLOCK_TOLERANCE_SECONDS) problems.push(problem('backdated'));

  return {
    valid: problems.length === 0,
    slip,
    statement: s,
    reference: slipReference(bytes),
    terminalSignatureValid: certified && signedByTerminal,
    platformVouchesData: vouched,
    retiredAt: revokedAt !== null && checkedAt < revokedAt ? revokedAt : null,
    problems,
  };
}

/** Verify the text a QR carries (or a scanner typed). */
export function verifySlipText(text: string, trust: SlipTrust): SlipVerification {
  const bytes = slipBytesFromText(text);
  if (!bytes) return verifySlipBytes(new Uint8Array(), trust);
  return verifySlipBytes(bytes, trust);
}
