import { ed25519 } from '@noble/curves/ed25519.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { residentIdCheckChar } from '../ids';
import { base45Decode, base45Encode } from './base45';
import { cborDecodeCanonical } from './cbor';
import { describeSlip } from './describe';
import { keyIdOfRaw, toBase64, toHex, utf8 } from './primitives';
import { formatRevocations, parseRevocations, verifyRevocations } from './revocations';
import { slipReference, normaliseReference } from './reference';
import { signSlip } from './sign';
import { certificateSigningBytes, decodeCertificate, decodeSignedSlip, encodeSignedSlip, statementSigningBytes } from './statement';
import { matchCaseNo, matchSubject } from './subject';
import { verifySlipBytes, verifySlipText, type SlipTrust } from './verify';
import {
  CHECKED_AT,
  ISSUED_AT,
  PLATFORM,
  SAMPLE_ID,
  TERMINAL,
  certificateFor,
  signedData,
  statementBody,
  testKey,
} from './__fixtures__/slipFixtures';

const trust: SlipTrust = { platformKeys: [PLATFORM.base64], now: CHECKED_AT + 60 };
const certificate = certificateFor(TERMINAL, PLATFORM);

describe('slip encoding: fixed vectors', () => {
  it('encodes a certificate and its signed bytes byte for byte', () => {
    const c = decodeCertificate(certificate)!;
    expect(toHex(certificateSigningBytes(c))).toBe(
      // array(6), text(38) tag, text(36) terminal id, bytes(32) key, uint32 issued, uint32 expires, bytes(8) platform key id
      '86' +
        '7826' +
        toHex(new TextEncoder().encode('credit-counter terminal certificate v1')) +
        '7824' +
        toHex(new TextEncoder().encode('019ad000-0000-7000-8000-000000000001')) +
        '5820' +
        toHex(TERMINAL.publicKey) +
        '1a' +
        ISSUED_AT.toString(16).padStart(8, '0') +
        '1a' +
        (ISSUED_AT + 5 * 365 * 86_400).toString(16).padStart(8, '0') +
        '48' +
        PLATFORM.keyId,
    );
    expect(PLATFORM.keyId).toBe(keyIdOfRaw(PLATFORM.publicKey));
  });

  it('signs a statement into the same slip text every time', async () => {
    const a = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const b = await signSlip(statementBody(), certificate, TERMINAL.sign);
    expect(a.text).toBe(b.text);
    expect(a.text).toMatchInlineSnapshot(
      `"CPG8CIL8F746JB7/TC6463W5646346//6646BW5646346646646646646646746F6B6FGD2FNDL/.2*.A6UA1VOF1G:WPDNHD*MM17O*BG.1:7IRVMDF3/Y1Q00MWE8/1Y59.ZE-DJ-GBP+VU688/K9SL+-DN.JP7C+2E$B96Q1-ES.MCQD01%VKLSQNP%Y8$T769U*SKCXR2WHJBAYUHDDM3TFOLG/Y9 89 8KIUQX-A+0ESV1*P41A62EC646Y96646646AW5646346T476463W5646646646646646ICC2ODD3CSD0I090X5BH8XNR168GS7%5T$HK8O1X6H*-52.CGY8.NAC-9%96746*E5*E5*E5*E5*E5646IG6C5A:*0:*0:*0:*0:*0:*0:*0R-0S.B42I:RAJCE: 0Z4D+73NND2 C S9$M8J3DO.CXVD1/DQ2E8469%6*963W5Z96:96YK5O73.32ORG2Y9I093W5:A6.Y92OAI2D+6A:S92Y8ORG2Y9I093W5407MY9VDBM+9:TAPB8 6A$B9YT8G8D/W5$CB3W5TG6MY9UDB3OA+6A1IA1OA2Y8DAHJS6W/18.N9:VYJC8B6NF6TF64W5KF6746Z$55072R6%96B83:GST238469%6*963W5SA6C461G7G46646Y$5646/IB%54RVLRVLRVLRVLRVLRVLRVLRVLRVLRVLRVLRVLRVLRVLRVLYTL758T.BQUCWWKG6WCC6UM6BST0P5K$P*RTP:NE01E*MGHT*0QI21.4C-0BNZ7B$F *PS2VJJQAU4EQRRBGJ*OAGFN%4$-F%VM/10C58-ANRRHNVKHBC69K+OUH9F-/29XNIOIA3WK$L2DKUWVQ$5L0V:-J.B4+B2-MD9DVO$3S3KP B1RQC9L2*N4I0ZUERQM.LF80"`,
    );
    expect(a.reference).toMatchInlineSnapshot(`"2EW1P-52G28"`);
    expect(toHex(a.slip.signature)).toMatchInlineSnapshot(
      `"35b7da8b53a3be60ec9fcff1ae784d178abbc592acfdb1acb2a07ffaf52e28f54c9dac21bd11e96adcf7891e549ed75d70d26aa7bebccc032e7427b2b37a8208"`,
    );
  });

  it('decodes what it encodes, and re-encodes to the same bytes', async () => {
    const { text } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const bytes = base45Decode(text)!;
    const slip = decodeSignedSlip(bytes)!;
    expect(slip.statement).toMatchObject(statementBody({ salt: expect.any(Uint8Array) }));
    expect(encodeSignedSlip(slip)).toEqual(bytes);
  });
});

describe('slip verification', () => {
  it('verifies a slip signed by a certified terminal over platform-signed data', async () => {
    const { text, reference } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const v = verifySlipText(` ${text}\r\n`, trust);
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ valid: true, terminalSignatureValid: true, platformVouchesData: true, reference });
  });

  it('names a statement altered after signing as tampered', async () => {
    const { slip } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const forged = encodeSignedSlip({ ...slip, statement: { ...slip.statement, result: 'CLEAN' } });
    const v = verifySlipBytes(forged, trust);
    expect(v.valid).toBe(false);
    expect(v.problems.map((p) => p.code)).toEqual(['tampered']);
    expect(v.problems[0]!.message).toContain('终端签名无效');
  });

  it('names a terminal whose certificate the trusted platform did not sign as unknown', async () => {
    const rogue = testKey(9);
    const { text } = await signSlip(statementBody({ signedData: signedData(rogue) }), certificateFor(TERMINAL, rogue), TERMINAL.sign);
    const v = verifySlipText(text, trust);
    expect(v.problems.map((p) => p.code)).toEqual(['unknown_terminal', 'unsigned_data_version']);
    expect(v.terminalSignatureValid).toBe(false);
  });

  it("refuses another terminal's certificate replayed with a different key", async () => {
    const thief = testKey(5);
    // The thief signs with its own key but presents the genuine terminal's certificate.
    const { text } = await signSlip(statementBody(), certificate, thief.sign);
    expect(verifySlipText(text, trust).problems.map((p) => p.code)).toEqual(['tampered']);
  });

  it('names a terminal key revoked before the check; a slip signed before the revocation still stands', async () => {
    const { text } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const revokedFrom = (revokedAt: number) => ({ ...trust, revokedTerminalKeys: [{ keyId: keyIdOfRaw(TERMINAL.publicKey), revokedAt }] });
    // The statement says CHECKED_AT on a clock 2 s fast: the platform's time was CHECKED_AT - 2.
    const revoked = verifySlipText(text, revokedFrom(CHECKED_AT - 2));
    expect(revoked.problems.map((p) => p.code)).toEqual(['revoked_key']);
    expect(revoked.terminalSignatureValid).toBe(true);
    expect(revoked.retiredAt).toBeNull();
    // Handed over a second after the check: the genuine slip verifies, and the verifier is told the key has since retired.
    const retired = verifySlipText(text, revokedFrom(CHECKED_AT - 1));
    expect(retired.valid).toBe(true);
    expect(retired.retiredAt).toBe(CHECKED_AT - 1);
    expect(describeSlip(retired).join('\n')).toContain('本核查单签于退役之前');
    // Another terminal's revocation changes nothing.
    const other = verifySlipText(text, { ...trust, revokedTerminalKeys: [{ keyId: testKey(7).keyId, revokedAt: 0 }] });
    expect(other).toMatchObject({ valid: true, retiredAt: null });
  });

  it('reads only the revocation list exactly as the platform writes it, signed by the platform', () => {
    const list = {
      keyId: PLATFORM.keyId,
      issuedAt: '2026-12-02T08:00:00.000Z',
      keys: [
        { keyId: 'ff'.repeat(8), revokedAt: 5 },
        { keyId: TERMINAL.keyId, revokedAt: CHECKED_AT },
      ],
    };
    const statement = formatRevocations(list);
    const signature = toBase64(ed25519.sign(utf8(statement), PLATFORM.secret));
    expect(verifyRevocations({ statement, signature }, PLATFORM.base64)?.keys).toEqual(
      [...list.keys].sort((a, b) => (a.keyId < b.keyId ? -1 : 1)),
    );
    // A later revocation moment, a dropped key, a leading zero: not the signed text.
    const resigned = (text: string) => verifyRevocations({ statement: text, signature }, PLATFORM.base64);
    expect(resigned(statement.replace(`@${CHECKED_AT}`, `@${CHECKED_AT + 86_400}`))).toBeNull();
    expect(resigned(statement.replace(/,?ffffffffffffffff@5,?/, ''))).toBeNull();
    expect(parseRevocations(statement.replace('@5', '@05'))).toBeNull();
    // Signed by someone else.
    expect(
      verifyRevocations({ statement, signature: toBase64(ed25519.sign(utf8(statement), testKey(9).secret)) }, PLATFORM.base64),
    ).toBeNull();
  });

  it('names a data version the platform never signed (none held, or signed by someone else)', async () => {
    const none = verifySlipText((await signSlip(statementBody({ signedData: null }), certificate, TERMINAL.sign)).text, trust);
    expect(none.problems.map((p) => p.code)).toEqual(['unsigned_data_version']);
    expect(none.terminalSignatureValid).toBe(true);
    const forged = signedData(PLATFORM, testKey(9));
    const other = verifySlipText((await signSlip(statementBody({ signedData: forged }), certificate, TERMINAL.sign)).text, trust);
    expect(other.problems.map((p) => p.code)).toEqual(['unsigned_data_version']);
    const altered = signedData(PLATFORM);
    altered.statement = { ...altered.statement, dataVersion: '2026-12-02.1' };
    const third = verifySlipText((await signSlip(statementBody({ signedData: altered }), certificate, TERMINAL.sign)).text, trust);
    expect(third.problems.map((p) => p.code)).toEqual(['unsigned_data_version']);
  });

  it('names a future time, an expired certificate and a time before the certificate', async () => {
    const at = async (checkedAt: number) =>
      verifySlipText((await signSlip(statementBody({ checkedAt, clockSkewSeconds: 0 }), certificate, TERMINAL.sign)).text, {
        ...trust,
        now: CHECKED_AT,
      }).problems.map((p) => p.code);
    expect(await at(CHECKED_AT + 3600)).toEqual(['future']);
    expect(await at(CHECKED_AT + 200)).toEqual([]); // within the clock tolerance
    expect(await at(ISSUED_AT - 86_400)).toEqual(['backdated']);
    const late = ISSUED_AT + 6 * 365 * 86_400;
    const expired = verifySlipText(
      (await signSlip(statementBody({ checkedAt: late, clockSkewSeconds: 0 }), certificate, TERMINAL.sign)).text,
      {
        ...trust,
        now: late + 10,
      },
    );
    expect(expired.problems.map((p) => p.code)).toEqual(['expired']);
    expect(expired.problems[0]!.message).toContain('证书已过期');
  });

  it('corrects the terminal clock by the skew it measured', async () => {
    // The PC's clock ran an hour fast and said so: not a future time.
    const { text } = await signSlip(statementBody({ checkedAt: CHECKED_AT + 3600, clockSkewSeconds: 3600 }), certificate, TERMINAL.sign);
    expect(verifySlipText(text, { ...trust, now: CHECKED_AT + 10 }).valid).toBe(true);
  });

  it('names text that is not a slip as malformed, never as valid', () => {
    for (const text of ['', 'hello', 'BB8', '3710**********1237', base45Encode(new Uint8Array([0x83, 1, 2, 3]))]) {
      const v = verifySlipText(text, trust);
      expect(v.valid).toBe(false);
      expect(v.problems.map((p) => p.code)).toEqual(['malformed']);
      expect(v.problems[0]!.message).toContain('不是本系统的核查单');
    }
  });

  it('refuses a slip that carries a clear identifier, even one the terminal signed', async () => {
    const clear = await signSlip(statementBody({ subjectMasked: SAMPLE_ID }), certificate, TERMINAL.sign);
    expect(verifySlipText(clear.text, trust).problems.map((p) => p.code)).toEqual(['malformed']);
    const hidden = await signSlip(statementBody({ dataVersion: `v-${SAMPLE_ID}` }), certificate, TERMINAL.sign);
    expect(verifySlipText(hidden.text, trust).problems.map((p) => p.code)).toEqual(['malformed']);
  });

  it('refuses non-canonical CBOR (a longer integer form) for the same values', async () => {
    const { slip } = await signSlip(statementBody({ dataAgeSeconds: 10 }), certificate, TERMINAL.sign);
    const bytes = encodeSignedSlip(slip);
    expect(cborDecodeCanonical(bytes)).not.toBeNull();
    // 10 is 0x0a; the same number as 0x18 0x0a decodes to the same value but is not the one encoding.
    const statement = statementSigningBytes(slip.statement);
    expect(statement.length).toBeGreaterThan(0);
    const i = bytes.indexOf(0x0a, bytes.length - 300);
    const longer = new Uint8Array([...bytes.slice(0, i), 0x18, ...bytes.slice(i)]);
    expect(cborDecodeCanonical(longer)).toBeNull();
    expect(verifySlipBytes(longer, trust).valid).toBe(false);
  });

  it('confirms the subject from the card number typed in any accepted form, and the case number', async () => {
    const { slip } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    expect(matchSubject(slip.statement, ' 110105 19491231 002x ')).toEqual({ ok: true, matches: true });
    expect(matchSubject(slip.statement, '11010519491231003X')).toMatchObject({ ok: false });
    const other = `11010119900307001${residentIdCheckChar('11010119900307001')}`;
    expect(matchSubject(slip.statement, other)).toEqual({ ok: true, matches: false });
    expect(matchCaseNo(slip.statement, 'WH2026-000123')).toBe(true);
    expect(matchCaseNo(slip.statement, 'WH2026-000124')).toBe(false);
  });

  it('normalises a typed reference number', () => {
    const ref = slipReference(new Uint8Array([1, 2, 3]));
    expect(ref).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(normaliseReference(ref.toLowerCase().replace('-', ' '))).toBe(ref);
    expect(normaliseReference('ABCDE-FGHIU')).toBeNull();
  });
});

describe('slip verification: no altered byte verifies', () => {
  function flipsNeverVerify(bytes: Uint8Array, xor: number) {
    for (let i = 0; i < bytes.length; i++) {
      const flipped = bytes.slice();
      flipped[i] = flipped[i]! ^ xor;
      const v = verifySlipBytes(flipped, trust);
      if (v.valid) throw new Error(`byte ${i} ^ ${xor} still verifies`);
    }
  }

  it('flipping any bit of any byte of a fixed slip', async () => {
    const { text } = await signSlip(statementBody(), certificate, TERMINAL.sign);
    const bytes = base45Decode(text)!;
    flipsNeverVerify(bytes, 0x01);
  }, 120_000);

  it('flipping every byte of generated statements', async () => {
    const decision = fc.constantFrom('APPLIED', 'NOT_APPLIED', 'OTHER_MEASURE', 'DEFERRED', 'SUPPRESSED', null);
    const body = fc.record({
      checkId: fc.uuid(),
      checkedAt: fc.integer({ min: ISSUED_AT, max: CHECKED_AT }),
      clockSkewSeconds: fc.option(fc.integer({ min: -100, max: 100 })),
      matterCode: fc.stringMatching(/^[A-Z]{2}-[A-Z0-9]{1,6}$/),
      dataAgeSeconds: fc.option(fc.nat({ max: 10_000_000 })),
      result: fc.constantFrom('CLEAN', 'BLACK', 'RED', 'BOTH', 'WARNING' as const),
      measures: fc.array(
        fc.record({ code: fc.stringMatching(/^M-[A-Z0-9]{1,8}$/), obligation: fc.constantFrom('MUST', 'MAY' as const), decision }),
        { maxLength: 6 },
      ),
      xor: fc.integer({ min: 1, max: 255 }),
    });
    await fc.assert(
      fc.asyncProperty(body, async ({ xor, ...fields }) => {
        const { text } = await signSlip(statementBody(fields as never), certificate, TERMINAL.sign);
        const bytes = base45Decode(text)!;
        expect(verifySlipBytes(bytes, trust).valid).toBe(true);
        flipsNeverVerify(bytes, xor);
      }),
      { numRuns: 3 },
    );
  }, 120_000);
});
