/** Keys and statements for slip tests: fixed seeds, so every signature and every byte is reproducible. */
import { ed25519 } from '@noble/curves/ed25519.js';
import { formatStatement, type SnapshotStatement } from '../../snapshot/statement';
import { keyIdOfRaw, toBase64, utf8 } from '../primitives';
import { certificateSigningBytes, encodeCertificate, type CheckStatementBody, type TerminalCertificate } from '../statement';
import { caseNoHash, subjectHash } from '../subject';

export const seed = (byte: number) => new Uint8Array(32).fill(byte);

export interface TestKey {
  secret: Uint8Array;
  publicKey: Uint8Array;
  base64: string;
  keyId: string;
  sign: (message: Uint8Array) => Promise<Uint8Array>;
}

export function testKey(byte: number): TestKey {
  const secret = seed(byte);
  const publicKey = ed25519.getPublicKey(secret);
  return {
    secret,
    publicKey,
    base64: toBase64(publicKey),
    keyId: keyIdOfRaw(publicKey),
    sign: async (message) => ed25519.sign(message, secret),
  };
}

export const PLATFORM = testKey(1);
export const TERMINAL = testKey(2);

/** 2026-12-01T00:00:00Z */
export const ISSUED_AT = 1_796_083_200;
export const CHECKED_AT = ISSUED_AT + 86_400;
export const FIVE_YEARS = 5 * 365 * 86_400;

export function certificateFor(
  terminal: TestKey,
  platform: TestKey,
  terminalId = '019ad000-0000-7000-8000-000000000001',
  issuedAt = ISSUED_AT,
): Uint8Array {
  const unsigned = { terminalId, publicKey: terminal.publicKey, issuedAt, expiresAt: issuedAt + FIVE_YEARS, platformKeyId: platform.keyId };
  const certificate: TerminalCertificate = { ...unsigned, signature: ed25519.sign(certificateSigningBytes(unsigned), platform.secret) };
  return encodeCertificate(certificate);
}

export function snapshotStatement(platform: TestKey, dataVersion = '2026-12-01.17'): SnapshotStatement {
  return {
    keyId: platform.keyId,
    epoch: 'e1',
    dataVersion,
    cursor: '4711',
    entryCount: 12_000,
    createdAt: '2026-12-01T06:00:00.000Z',
    manifestSha256: 'ab'.repeat(32),
  };
}

export function signedData(platform: TestKey, signer: TestKey = platform) {
  const statement = snapshotStatement(platform);
  return { statement, signature: ed25519.sign(utf8(formatStatement(statement)), signer.secret) };
}

export const SALT = new Uint8Array(16).fill(7);
/** GB 11643's published sample number (a test identity, not a person's). */
export const SAMPLE_ID = '11010519491231002X';

export function statementBody(overrides: Partial<CheckStatementBody> = {}): CheckStatementBody {
  return {
    checkId: '019ad001-0000-7000-8000-00000000000a',
    checkedAt: CHECKED_AT,
    clockSkewSeconds: 2,
    matterCode: 'GC-ZB',
    caseNoHash: caseNoHash(SALT, 'WH2026-000123'),
    subjectKind: 'PERSON',
    subjectMasked: '1101**********002X',
    salt: SALT,
    subjectHash: subjectHash(SALT, SAMPLE_ID),
    result: 'BLACK',
    source: 'offline',
    dataVersion: '2026-12-01.17+3',
    dataAgeSeconds: 3600,
    measures: [
      { code: 'M-GC-01', obligation: 'MUST', decision: 'APPLIED' },
      { code: 'M-GC-07', obligation: 'MAY', decision: 'NOT_APPLIED' },
      { code: 'M-XYD-02', obligation: 'MAY', decision: 'SUPPRESSED' },
    ],
    signedData: signedData(PLATFORM),
    ...overrides,
  };
}
