/**
 * The statement the platform signs for a snapshot: a few lines of text naming the data version,
 * the sync cursor it corresponds to and the SHA-256 of the manifest body (which lists every block
 * hash and carries the block key). Kept apart from the body so that anyone holding the platform's
 * public key can later check "the platform signed data version X" from these few hundred bytes and
 * the signature alone — without the block list, and without the key that decrypts the blocks.
 */

export const STATEMENT_HEADER = 'credit-counter snapshot statement v1';

export interface SnapshotStatement {
  /** First 16 hex digits of the SHA-256 of the platform's raw Ed25519 public key. */
  keyId: string;
  epoch: string;
  dataVersion: string;
  cursor: string;
  entryCount: number;
  createdAt: string;
  /** Lower-case hex SHA-256 of the manifest body's UTF-8 bytes. */
  manifestSha256: string;
}

const FIELDS = ['keyId', 'epoch', 'dataVersion', 'cursor', 'entryCount', 'createdAt', 'manifestSha256'] as const;

export function formatStatement(s: SnapshotStatement): string {
  return [STATEMENT_HEADER, ...FIELDS.map((f) => `${f}=${String(s[f])}`)].join('\n');
}

/** The statement's fields, or null when the text is not exactly a statement this version writes. */
export function parseStatement(text: string): SnapshotStatement | null {
  const lines = text.split('\n');
  if (lines.length !== FIELDS.length + 1 || lines[0] !== STATEMENT_HEADER) return null;
  const values: Record<string, string> = {};
  for (const [i, field] of FIELDS.entries()) {
    const line = lines[i + 1]!;
    const prefix = `${field}=`;
    if (!line.startsWith(prefix)) return null;
    const value = line.slice(prefix.length);
    if (value === '' || /[\r\n]/.test(value)) return null;
    values[field] = value;
  }
  const entryCount = Number(values.entryCount);
  if (!/^\d{1,10}$/.test(values.entryCount!) || !/^[0-9a-f]{16}$/.test(values.keyId!) || !/^[0-9a-f]{64}$/.test(values.manifestSha256!)) {
    return null;
  }
  const parsed: SnapshotStatement = {
    keyId: values.keyId!,
    epoch: values.epoch!,
    dataVersion: values.dataVersion!,
    cursor: values.cursor!,
    entryCount,
    createdAt: values.createdAt!,
    manifestSha256: values.manifestSha256!,
  };
  // Exactly one text per statement: anything that does not re-format to itself is refused.
  return formatStatement(parsed) === text ? parsed : null;
}
