/**
 * Check slips against the real platform: the terminal's key is certified at enrolment, the platform
 * answers "is this the record this terminal signed?", and a hand-over revokes the old key in the
 * signed list verifiers keep.
 */
import { describe, expect, it } from 'vitest';
import { parseStatement } from '../../../shared/snapshot';
import { base45Decode, base45Encode } from '../../../shared/slip/base45';
import { fromBase64, keyIdOfRaw } from '../../../shared/slip/primitives';
import { verifyRevocations } from '../../../shared/slip/revocations';
import { signSlip } from '../../../shared/slip/sign';
import { caseNoHash, subjectHash } from '../../../shared/slip/subject';
import { verifySlipText } from '../../../shared/slip/verify';
import { certificateFor, SALT, statementBody, testKey, type TestKey } from '../../../shared/slip/__fixtures__/slipFixtures';
import { call, checkBody, login, mutation, platformForFile } from '../../helpers/platform';

const t = platformForFile();
async function enrolWithKey(key: TestKey, extra: object = {}) {
  return call(`${t.api}/terminals`, {
    body: { enrolmentCode: t.platform.enrolmentCode, name: '核查单窗口', terminalPublicKey: key.base64, ...extra },
  });
}

async function signedDataFrom(token: string) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await call(`${t.api}/snapshots/manifest`, { token });
    if (res.status === 200) return { statement: parseStatement(res.body.statement)!, signature: fromBase64(res.body.signature)! };
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no snapshot');
}

describe('check slips on the platform', () => {
  it('certifies the key at enrolment; a slip of a delivered check is the same record, an altered one is not', async () => {
    const key = testKey(31);
    const enrolled = await enrolWithKey(key);
    expect(enrolled.status).toBe(201);
    const certificate = fromBase64(enrolled.body.terminalCertificate)!;
    const token = await login(t, enrolled.body, 'c001');
    const check = checkBody();
    const delivered = await call(`${t.api}/outbox`, {
      token,
      body: { terminalId: enrolled.body.terminalId, mutations: [mutation(1, 'check', check)] },
    });
    expect(delivered.body.results[0].status).toBe('accepted');

    const body = statementBody({
      checkId: check.checkId,
      checkedAt: Math.floor(Date.now() / 1000),
      matterCode: check.matterCode,
      caseNoHash: caseNoHash(SALT, check.caseNo),
      subjectMasked: '3710**********0213',
      subjectHash: subjectHash(SALT, check.subjectIdentifier),
      result: check.result,
      source: check.source,
      dataVersion: check.dataVersion,
      measures: [{ code: 'P-COURT-HONOUR', obligation: 'MUST', decision: null }],
      signedData: await signedDataFrom(token),
    });
    const { text } = await signSlip(body, certificate, key.sign);
    // Offline, with the platform key from enrolment alone.
    expect(verifySlipText(text, { platformKeys: [enrolled.body.platformPublicKey.key], now: Date.now() / 1000 }).problems).toEqual([]);

    const answer = await call(`${t.api}/slips/check`, { token, body: { slip: text } });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ problems: [], recordFound: true, sameRecord: true, differences: [] });

    // The terminal signs a different result than it delivered: signature valid, record not the same.
    const other = await signSlip({ ...body, result: 'CLEAN' }, certificate, key.sign);
    const differs = await call(`${t.api}/slips/check`, { token, body: { slip: other.text } });
    expect(differs.body).toMatchObject({ problems: [], recordFound: true, sameRecord: false });
    expect(differs.body.differences.join()).toContain('核查结果不一致');

    // One byte changed after signing.
    const bytes = base45Decode(text)!;
    bytes[bytes.length - 70]! ^= 1;
    const tampered = await call(`${t.api}/slips/check`, { token, body: { slip: base45Encode(bytes) } });
    expect(tampered.body.problems).toContain('tampered');

    const garbage = await call(`${t.api}/slips/check`, { token, body: { slip: 'NOT A SLIP' } });
    expect(garbage.body).toMatchObject({ problems: ['malformed'], recordFound: false });
    expect((await call(`${t.api}/slips/check`, { token, body: {} })).status).toBe(400);
  });

  it('refuses a key certified before (a replay of another terminal’s key)', async () => {
    const key = testKey(32);
    expect((await enrolWithKey(key)).status).toBe(201);
    const again = await enrolWithKey(key);
    expect(again.status).toBe(409);
    expect(again.body.title).toContain('密钥已登记过');
  });

  it('a hand-over revokes the old key in the signed list of revoked keys', async () => {
    const first = testKey(33);
    const enrolled = await enrolWithKey(first);
    const successor = await enrolWithKey(testKey(34), {
      predecessor: { terminalId: enrolled.body.terminalId, resumeSeq: 1, terminalSecret: enrolled.body.terminalSecret },
    });
    expect(successor.status).toBe(201);
    const token = await login(t, successor.body, 'c001');
    const list = await call(`${t.api}/terminal-keys/revoked`, { token });
    expect(list.status).toBe(200);
    const revoked = verifyRevocations(list.body, successor.body.platformPublicKey.key);
    expect(revoked?.keys).toContain(keyIdOfRaw(first.publicKey));
    expect(revoked?.keys).not.toContain(keyIdOfRaw(testKey(34).publicKey));
    // Altered list: not verified.
    expect(
      verifyRevocations({ ...list.body, statement: list.body.statement.replace(/keys=.*/, 'keys=') }, successor.body.platformPublicKey.key),
    ).toBeNull();
  });

  it('a slip the platform did not certify is no oracle: nothing of another terminal’s record is compared or echoed', async () => {
    // The victim terminal delivers a check.
    const victim = await enrolWithKey(testKey(35));
    const victimToken = await login(t, victim.body, 'c001');
    const check = checkBody();
    await call(`${t.api}/outbox`, {
      token: victimToken,
      body: { terminalId: victim.body.terminalId, mutations: [mutation(1, 'check', check)] },
    });
    // A clerk elsewhere forges a slip naming the victim's terminal and check, under a certificate of its own making,
    // guessing the subject and the result.
    const attacker = await enrolWithKey(testKey(36));
    const token = await login(t, attacker.body, 'c001');
    const forgedCertificate = certificateFor(testKey(37), testKey(38), victim.body.terminalId, Math.floor(Date.now() / 1000) - 60);
    const guess = (result: typeof check.result, identifier: string) =>
      signSlip(
        statementBody({
          checkId: check.checkId,
          checkedAt: Math.floor(Date.now() / 1000),
          matterCode: check.matterCode,
          caseNoHash: caseNoHash(SALT, check.caseNo),
          subjectHash: subjectHash(SALT, identifier),
          result,
          source: check.source,
          dataVersion: check.dataVersion,
        }),
        forgedCertificate,
        testKey(37).sign,
      );
    const right = await call(`${t.api}/slips/check`, { token, body: { slip: (await guess(check.result, check.subjectIdentifier)).text } });
    const wrong = await call(`${t.api}/slips/check`, { token, body: { slip: (await guess('BLACK', '11010519491231002X')).text } });
    expect(right.body.problems).toContain('unknown_terminal');
    // Both guesses get the same answer: the record is not looked at for a slip the platform never certified.
    expect(right.body).toMatchObject({ recordFound: false, sameRecord: false });
    expect(right.body.differences.join()).not.toContain('平台记录');
    expect(wrong.body).toEqual({ ...right.body });
  });
});
