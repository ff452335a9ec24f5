/**
 * The signed check statement a slip carries, and the terminal certificate inside it. Both are CBOR
 * arrays in a fixed field order (see cbor.ts for the one encoding each value has). The statement
 * carries no clear identifier: the subject is its masked form plus a salted hash, the case number
 * only as a salted hash.
 */
import { CheckResult, DataSource, FeedbackDecision, Obligation, SubjectKind } from '../contract';
import { redactIdentifiers } from '../ids/redact';
import { formatStatement, type SnapshotStatement } from '../snapshot/statement';
import { cborDecodeCanonical, cborEncode, type CborValue } from './cbor';
import { fromHex, toHex, utf8 } from './primitives';

export const CERTIFICATE_TAG = 'credit-counter terminal certificate v1';
export const STATEMENT_TAG = 'credit-counter check statement v1';
export const SLIP_FORMAT = 1;
/** The most characters of the identifier a masked form shows (maskId: first 4 and last 4). */
const MASKED_SHOWN_MAX = 8;

/** Salted hashes on a slip are cut to 16 bytes: enough to confirm a typed number, and a smaller QR. */
export const SLIP_HASH_BYTES = 16;

/** The platform vouches that this Ed25519 key belongs to this terminal, from issuedAt to expiresAt (Unix seconds). */
export interface TerminalCertificate {
  terminalId: string;
  publicKey: Uint8Array;
  issuedAt: number;
  expiresAt: number;
  /** keyId of the platform key that signed it (16 hex digits). */
  platformKeyId: string;
  signature: Uint8Array;
}

/** What the clerk did with one measure; null: not decided when the slip was signed. SUPPRESSED: did not apply (a serious black entry). */
export type SlipDecision = FeedbackDecision | 'SUPPRESSED' | null;

export interface SlipMeasure {
  code: string;
  obligation: Obligation;
  decision: SlipDecision;
}

/** A snapshot statement the platform signed, as carried on a slip (the text is rebuilt from the fields). */
export interface SlipSignedData {
  statement: SnapshotStatement;
  signature: Uint8Array;
}

export interface CheckStatementBody {
  checkId: string;
  /** The terminal's clock when the check was made (Unix seconds). */
  checkedAt: number;
  /** The terminal's clock minus the platform's at the last contact (seconds), null when never measured. */
  clockSkewSeconds: number | null;
  matterCode: string;
  /** SHA-256(tag ‖ salt ‖ case number), cut. */
  caseNoHash: Uint8Array;
  subjectKind: SubjectKind;
  /** As printed on the slip, e.g. 3710**********1237. */
  subjectMasked: string;
  salt: Uint8Array;
  /** SHA-256(tag ‖ salt ‖ canonical identifier), cut. Not a secret: an ID number has little entropy. */
  subjectHash: Uint8Array;
  result: CheckResult;
  source: DataSource;
  /** The data version the check saw (may be newer than the signed snapshot: deltas, or live data online). */
  dataVersion: string;
  dataAgeSeconds: number | null;
  measures: SlipMeasure[];
  /** The platform-signed snapshot the terminal's data was based on; null when it held none. */
  signedData: SlipSignedData | null;
}

export interface CheckStatement extends CheckStatementBody {
  certificate: TerminalCertificate;
}

export interface SignedSlip {
  statement: CheckStatement;
  /** The terminal's Ed25519 signature over statementSigningBytes(statement). */
  signature: Uint8Array;
}

// ---- certificate -------------------------------------------------------------------------

function certificateFields(c: Omit<TerminalCertificate, 'signature'>): CborValue[] {
  return [c.terminalId, c.publicKey, c.issuedAt, c.expiresAt, fromHex(c.platformKeyId) ?? new Uint8Array()];
}

/** The bytes the platform signs to certify a terminal key. */
export function certificateSigningBytes(c: Omit<TerminalCertificate, 'signature'>): Uint8Array {
  return cborEncode([CERTIFICATE_TAG, ...certificateFields(c)]);
}

function certificateValue(c: TerminalCertificate): CborValue {
  return [...certificateFields(c), c.signature];
}

export function encodeCertificate(c: TerminalCertificate): Uint8Array {
  return cborEncode(certificateValue(c));
}

const isBytes = (v: CborValue | undefined, length?: number): v is Uint8Array =>
  v instanceof Uint8Array && (length === undefined || v.length === length);
const isText = (v: CborValue | undefined, max = 128): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
const isInt = (v: CborValue | undefined): v is number => typeof v === 'number' && Number.isSafeInteger(v);
const isCount = (v: CborValue | undefined): v is number => isInt(v) && v >= 0;

function certificateFrom(v: CborValue | undefined): TerminalCertificate | null {
  if (!Array.isArray(v) || v.length !== 6) return null;
  const [terminalId, publicKey, issuedAt, expiresAt, keyId, signature] = v;
  if (
    !isText(terminalId, 64) ||
    !isBytes(publicKey, 32) ||
    !isCount(issuedAt) ||
    !isCount(expiresAt) ||
    !isBytes(keyId, 8) ||
    !isBytes(signature, 64)
  ) {
    return null;
  }
  return { terminalId, publicKey, issuedAt, expiresAt, platformKeyId: toHex(keyId), signature };
}

export function decodeCertificate(bytes: Uint8Array): TerminalCertificate | null {
  const value = cborDecodeCanonical(bytes);
  return value === null ? null : certificateFrom(value);
}

// ---- statement ---------------------------------------------------------------------------

function signedDataValue(d: SlipSignedData | null): CborValue {
  if (!d) return null;
  const s = d.statement;
  return [
    fromHex(s.keyId) ?? new Uint8Array(),
    s.epoch,
    s.dataVersion,
    s.cursor,
    s.entryCount,
    s.createdAt,
    fromHex(s.manifestSha256) ?? new Uint8Array(),
    d.signature,
  ];
}

function statementValue(s: CheckStatement): CborValue[] {
  return [
    certificateValue(s.certificate),
    s.checkId,
    s.checkedAt,
    s.clockSkewSeconds,
    s.matterCode,
    s.caseNoHash,
    s.subjectKind,
    s.subjectMasked,
    s.salt,
    s.subjectHash,
    s.result,
    s.source,
    s.dataVersion,
    s.dataAgeSeconds,
    s.measures.map((m) => [m.code, m.obligation, m.decision]),
    signedDataValue(s.signedData),
  ];
}

/** The bytes the terminal signs: a tag that no other signed object of ours starts with, then the statement. */
export function statementSigningBytes(s: CheckStatement): Uint8Array {
  return cborEncode([STATEMENT_TAG, statementValue(s)]);
}

/** The slip's bytes (what the QR carries, Base45-encoded). */
export function encodeSignedSlip(slip: SignedSlip): Uint8Array {
  return cborEncode([SLIP_FORMAT, statementValue(slip.statement), slip.signature]);
}

const DECISIONS = new Set<string>([...FeedbackDecision.options, 'SUPPRESSED']);

function measuresFrom(v: CborValue | undefined): SlipMeasure[] | null {
  if (!Array.isArray(v) || v.length > 200) return null;
  const out: SlipMeasure[] = [];
  for (const m of v) {
    if (!Array.isArray(m) || m.length !== 3) return null;
    const [code, obligation, decision] = m;
    if (!isText(code, 64) || !Obligation.safeParse(obligation).success) return null;
    if (decision !== null && !(typeof decision === 'string' && DECISIONS.has(decision))) return null;
    out.push({ code, obligation: obligation as Obligation, decision: decision as SlipDecision });
  }
  return out;
}

function signedDataFrom(v: CborValue | undefined): SlipSignedData | null | undefined {
  if (v === null) return null;
  if (!Array.isArray(v) || v.length !== 8) return undefined;
  const [keyId, epoch, dataVersion, cursor, entryCount, createdAt, manifestSha256, signature] = v;
  if (
    !isBytes(keyId, 8) ||
    !isText(epoch) ||
    !isText(dataVersion) ||
    !isText(cursor) ||
    !isCount(entryCount) ||
    !isText(createdAt) ||
    !isBytes(manifestSha256, 32) ||
    !isBytes(signature, 64)
  ) {
    return undefined;
  }
  const statement: SnapshotStatement = {
    keyId: toHex(keyId),
    epoch,
    dataVersion,
    cursor,
    entryCount,
    createdAt,
    manifestSha256: toHex(manifestSha256),
  };
  return { statement, signature };
}

/** The slip, or null when the bytes are not exactly a slip this version writes. */
export function decodeSignedSlip(bytes: Uint8Array): SignedSlip | null {
  const value = cborDecodeCanonical(bytes);
  if (!Array.isArray(value) || value.length !== 3 || value[0] !== SLIP_FORMAT) return null;
  const [, body, signature] = value;
  if (!Array.isArray(body) || body.length !== 16 || !isBytes(signature, 64)) return null;
  const [
    cert,
    checkId,
    checkedAt,
    skew,
    matterCode,
    caseNoHash,
    kind,
    masked,
    salt,
    subjectHash,
    result,
    source,
    dataVersion,
    age,
    measures,
    signed,
  ] = body;
  const certificate = certificateFrom(cert);
  const measureList = measuresFrom(measures);
  const signedData = signedDataFrom(signed);
  if (
    !certificate ||
    !measureList ||
    signedData === undefined ||
    !isText(checkId, 64) ||
    !isCount(checkedAt) ||
    !(skew === null || isInt(skew)) ||
    !isText(matterCode, 64) ||
    !isBytes(caseNoHash, SLIP_HASH_BYTES) ||
    !SubjectKind.safeParse(kind).success ||
    !isText(masked, 32) ||
    !isBytes(salt, 16) ||
    !isBytes(subjectHash, SLIP_HASH_BYTES) ||
    !CheckResult.safeParse(result).success ||
    !DataSource.safeParse(source).success ||
    !isText(dataVersion) ||
    !(age === null || isCount(age))
  ) {
    return null;
  }
  // A slip never carries a clear identifier: the masked form shows no more than maskId does (8 characters),
  // and no text holds a valid ID or a run of 15 digits (17 digits of an ID give its check digit).
  const texts = [certificate.terminalId, checkId, matterCode, masked as string, dataVersion, ...measureList.map((m) => m.code)];
  const shown = Array.from(masked as string).filter((c) => c !== '*').length;
  if (!(masked as string).includes('*') || shown > MASKED_SHOWN_MAX) return null;
  if (texts.some((text) => redactIdentifiers(text) !== text || /[0-9]{15}/.test(text))) return null;
  return {
    statement: {
      certificate,
      checkId,
      checkedAt,
      clockSkewSeconds: skew,
      matterCode,
      caseNoHash,
      subjectKind: kind as SubjectKind,
      subjectMasked: masked as string,
      salt,
      subjectHash,
      result: result as CheckResult,
      source: source as DataSource,
      dataVersion,
      dataAgeSeconds: age,
      measures: measureList,
      signedData,
    },
    signature,
  };
}

const bytesEqual = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The statement whose signing bytes `bytes` are, or null unless they are exactly what
 * statementSigningBytes writes for a statement this version accepts (the holder of a terminal key
 * signs nothing else with it: not a certificate, not a list, not a statement carrying a clear ID).
 */
export function statementFromSigningBytes(bytes: Uint8Array): CheckStatement | null {
  const value = cborDecodeCanonical(bytes);
  if (!Array.isArray(value) || value.length !== 2 || value[0] !== STATEMENT_TAG) return null;
  // The slip decoder checks every field; a placeholder signature stands in for the one not made yet.
  const slip = decodeSignedSlip(cborEncode([SLIP_FORMAT, value[1]!, new Uint8Array(64)]));
  return slip && bytesEqual(statementSigningBytes(slip.statement), bytes) ? slip.statement : null;
}

/** The exact text the platform signed for a snapshot carried on a slip. */
export function signedDataText(d: SlipSignedData): Uint8Array {
  return utf8(formatStatement(d.statement));
}
