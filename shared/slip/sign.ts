/**
 * Making a slip: the statement is assembled here and signed by whoever holds the terminal's key
 * (WebCrypto in the browser, the main process in Electron) through `sign`.
 */
import { base45Encode } from './base45';
import {
  decodeCertificate,
  encodeSignedSlip,
  statementSigningBytes,
  type CheckStatement,
  type CheckStatementBody,
  type SignedSlip,
} from './statement';
import { slipReference } from './reference';

export type Ed25519Signer = (message: Uint8Array) => Promise<Uint8Array>;

export interface SlipText {
  slip: SignedSlip;
  /** Base45: what the QR carries. */
  text: string;
  reference: string;
}

export async function signSlip(body: CheckStatementBody, certificateBytes: Uint8Array, sign: Ed25519Signer): Promise<SlipText> {
  const certificate = decodeCertificate(certificateBytes);
  if (!certificate) throw new Error('终端证书格式错误，无法签署核查单');
  const statement: CheckStatement = { certificate, ...body };
  const signature = await sign(statementSigningBytes(statement));
  const slip: SignedSlip = { statement, signature };
  const bytes = encodeSignedSlip(slip);
  return { slip, text: base45Encode(bytes), reference: slipReference(bytes) };
}
