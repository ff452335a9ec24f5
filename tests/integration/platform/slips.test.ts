/**
 * Check slips against the real platform: the terminal's key is certified at enrolment, the platform
 * answers "is this the record this terminal signed?", and a hand-over revokes the old key in the
 * signed list verifiers keep.
 */
import { beforeAll, describe, expect, it } from 'vitest';
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
beforeAll(async () => {
  // The first snapshot is published in a worker: wait for it here (hook timeout), not inside a test.
  const terminal = await enrolWithKey(testKey(30));
  await signedDataFrom(await login(t, terminal.body, 'c001'));
}, 60_000);
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
    // The slip signs the moment the check was recorded.
    const recordedAt = Math.floor(Date.now() / 1000);
    const delivered = await call(`${t.api}/outbox`, {
      token,
      body: {
        terminalId: enrolled.body.terminalId,
        mutations: [mutation(1, 'check', check, { occurredAt: new Date(recordedAt * 1000).toISOString() })],
      },
    });
    expect(delivered.body.results[0].status).toBe('accepted');

    const body = statementBody({
      checkId: check.checkId,
      checkedAt: recordedAt,
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
    expect(revoked?.keys.map((k) => k.keyId)).toContain(keyIdOfRaw(first.publicKey));
    expect(revoked?.keys.map((k) => k.keyId)).not.toContain(keyIdOfRaw(testKey(34).publicKey));
    // Altered list: not verified.
    expect(
      verifyRevocations({ ...list.body, statement: list.body.statement.replace(/keys=.*/, 'keys=') }, successor.body.platformPublicKey.key),
    ).toBeNull();
  });

  it('a hand-over retires the old key from that moment: genuine earlier slips still verify, later ones fail as revoked', async () => {
    const oldKey = testKey(41);
    const enrolled = await enrolWithKey(oldKey);
    const certificate = fromBase64(enrolled.body.terminalCertificate)!;
    const token = await login(t, enrolled.body, 'c001');
    const check = checkBody();
    const recordedAt = Math.floor(Date.now() / 1000) - 30;
    await call(`${t.api}/outbox`, {
      token,
      body: {
        terminalId: enrolled.body.terminalId,
        mutations: [mutation(1, 'check', check, { occurredAt: new Date(recordedAt * 1000).toISOString() })],
      },
    });
    const signedData = await signedDataFrom(token);
    const slipAt = async (checkedAt: number) =>
      (
        await signSlip(
          statementBody({
            checkId: check.checkId,
            checkedAt,
            matterCode: check.matterCode,
            caseNoHash: caseNoHash(SALT, check.caseNo),
            subjectMasked: '3710**********0213',
            subjectHash: subjectHash(SALT, check.subjectIdentifier),
            result: check.result,
            source: check.source,
            dataVersion: check.dataVersion,
            measures: [{ code: 'P-COURT-HONOUR', obligation: 'MUST', decision: null }],
            signedData,
          }),
          certificate,
          oldKey.sign,
        )
      ).text;
    const before = await slipAt(recordedAt);

    // The PC is handed over to a new enrolment: its old key is retired from now on.
    const successor = await enrolWithKey(testKey(42), {
      predecessor: { terminalId: enrolled.body.terminalId, resumeSeq: 2, terminalSecret: enrolled.body.terminalSecret },
    });
    expect(successor.status).toBe(201);
    const verifier = await login(t, successor.body, 'c001');
    // Someone holding the old PC signs afterwards (with its clock set right).
    const after = await slipAt(Math.floor(Date.now() / 1000) + 30);

    const earlier = await call(`${t.api}/slips/check`, { token: verifier, body: { slip: before } });
    expect(earlier.body).toEqual({ problems: [], recordFound: true, sameRecord: true, differences: [] });
    const later = await call(`${t.api}/slips/check`, { token: verifier, body: { slip: after } });
    expect(later.body.problems).toContain('revoked_key');

    // Offline, with the signed list the platform publishes: the same two answers.
    const list = await call(`${t.api}/terminal-keys/revoked`, { token: verifier });
    const revoked = verifyRevocations(list.body, successor.body.platformPublicKey.key)!;
    const trust = { platformKeys: [successor.body.platformPublicKey.key], revokedTerminalKeys: revoked.keys, now: Date.now() / 1000 };
    expect(verifySlipText(before, trust).problems).toEqual([]);
    expect(verifySlipText(before, trust).retiredAt).toBeGreaterThan(0);
    expect(verifySlipText(after, trust).problems.map((p) => p.code)).toEqual(['revoked_key']);
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

/** The print's audit record, carrying the slip as the terminal printed it. */
function printAudit(chainSeq: number, slip: string | undefined, checkId: string) {
  return {
    chainSeq,
    action: 'PRINT',
    actor: 'c001',
    terminalId: 'T',
    at: new Date().toISOString(),
    purpose: null,
    subjectHash: null,
    subjectMasked: '3710**********0213',
    outcome: 'printed',
    detail: `check=${checkId}`,
    ...(slip === undefined ? {} : { slip }),
    prevHash: chainSeq === 0 ? '0'.repeat(64) : `h${chainSeq - 1}`,
    hash: `h${chainSeq}`,
  };
}

describe('a slip found by its 核验码', () => {
  /** A terminal with a certified key that delivered a check; `printed` delivers a print of `slip`. */
  async function terminalWithCheck(seed: number) {
    const key = testKey(seed);
    const enrolled = await enrolWithKey(key);
    const token = await login(t, enrolled.body, 'c001');
    const check = checkBody();
    const recordedAt = Math.floor(Date.now() / 1000);
    await call(`${t.api}/outbox`, {
      token,
      body: {
        terminalId: enrolled.body.terminalId,
        mutations: [mutation(1, 'check', check, { occurredAt: new Date(recordedAt * 1000).toISOString() })],
      },
    });
    const certificate = fromBase64(enrolled.body.terminalCertificate)!;
    const signedData = await signedDataFrom(token);
    const slip = async (signWith = key, cert = certificate) =>
      signSlip(
        statementBody({
          checkId: check.checkId,
          checkedAt: recordedAt,
          matterCode: check.matterCode,
          caseNoHash: caseNoHash(SALT, check.caseNo),
          subjectMasked: '3710**********0213',
          subjectHash: subjectHash(SALT, check.subjectIdentifier),
          result: check.result,
          source: check.source,
          dataVersion: check.dataVersion,
          measures: [{ code: 'P-COURT-HONOUR', obligation: 'MUST', decision: null }],
          signedData,
        }),
        cert,
        signWith.sign,
      );
    let prints = 0;
    const printed = async (text: string) => {
      const chainSeq = prints++;
      const answer = await call(`${t.api}/outbox`, {
        token,
        body: {
          terminalId: enrolled.body.terminalId,
          mutations: [mutation(2 + chainSeq, 'audit', printAudit(chainSeq, text, check.checkId))],
        },
      });
      return answer.body.results[0].status;
    };
    return { enrolled, token, check, slip, printed, key };
  }

  const lookup = (token: string, reference: string) => call(`${t.api}/slips/lookup`, { token, body: { reference } });

  it('returns the printed slip and the platform’s record for its code, typed loosely; the lookup is on the access log', async () => {
    const terminal = await terminalWithCheck(51);
    const { text, reference } = await terminal.slip();
    expect(await terminal.printed(text)).toBe('accepted');
    // A supervisor elsewhere types the code in lower case, without the dash.
    const supervisor = await login(t, (await enrolWithKey(testKey(52))).body, 's001');
    const answer = await lookup(supervisor, reference.replace('-', '').toLowerCase());
    expect(answer.status).toBe(200);
    expect(answer.body.slips).toHaveLength(1);
    expect(answer.body.slips[0].slip).toBe(text);
    expect(answer.body.slips[0].platform).toEqual({ problems: [], recordFound: true, sameRecord: true, differences: [] });
    const log = (await call(`${t.controls}/access-log`)).body.entries as { action: string; recordId: string | null; outcome: string }[];
    expect(log.find((e) => e.action === 'SLIP_LOOKUP' && e.recordId === reference)?.outcome).toBe('found:1');
  });

  it('deny by default: no session, or an IT account, gets nothing', async () => {
    const terminal = await terminalWithCheck(53);
    const { text, reference } = await terminal.slip();
    await terminal.printed(text);
    expect((await lookup('', reference)).status).toBe(401);
    const it = await login(t, (await enrolWithKey(testKey(54))).body, 'i001');
    expect((await lookup(it, reference)).status).toBe(403);
  });

  it('a terminal cannot plant a slip for verifiers: another terminal’s slip, or one under a home-made certificate, is not kept', async () => {
    const victim = await terminalWithCheck(55);
    const genuine = await victim.slip();
    const planter = await terminalWithCheck(56);
    // The planter delivers the victim's genuine slip as its own print, and one it made up naming itself.
    expect(await planter.printed(genuine.text)).toBe('accepted');
    const forged = await planter.slip(
      testKey(57),
      certificateFor(testKey(57), testKey(58), planter.enrolled.body.terminalId, Math.floor(Date.now() / 1000) - 60),
    );
    expect(await planter.printed(forged.text)).toBe('accepted');
    expect((await lookup(planter.token, genuine.reference)).status).toBe(404);
    expect((await lookup(planter.token, forged.reference)).status).toBe(404);
  });

  it('bounds the misses of an operator (the codes are not to be enumerated), and never writes down what is not a code', async () => {
    const terminal = await terminalWithCheck(59);
    const { text, reference } = await terminal.slip();
    await terminal.printed(text);
    const guesser = await login(t, (await enrolWithKey(testKey(60))).body, 'c002');
    // An ID number typed as the code: refused, and not on the access log.
    const id = '37100219900101021X';
    const wrongKind = await lookup(guesser, id);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.title).toContain('核验码格式错误');
    let misses = 0;
    for (let i = 0; i < 40; i++) {
      const guess = `${String(i).padStart(5, '0')}-ZZZZZ`;
      const res = await lookup(guesser, guess);
      if (res.status === 429) break;
      expect(res.status).toBe(404);
      misses++;
    }
    expect(misses).toBe(20);
    // Once the budget is spent, even the right code gets no answer this hour.
    const spent = await lookup(guesser, reference);
    expect(spent.status).toBe(429);
    expect(spent.body.title).toContain('请稍后再试');
    // Another session of the same clerk, at another terminal, shares the budget.
    const elsewhere = await login(t, (await enrolWithKey(testKey(63))).body, 'c002');
    expect((await lookup(elsewhere, '00000-YYYYY')).status).toBe(429);
    const log = JSON.stringify((await call(`${t.controls}/access-log`)).body.entries);
    expect(log).not.toContain(id);
  });
});

describe('a retired key after the hand-over', () => {
  it('a slip backdated before the revocation for a check made after it is not the same record online', async () => {
    const oldKey = testKey(61);
    const enrolled = await enrolWithKey(oldKey);
    const certificate = fromBase64(enrolled.body.terminalCertificate)!;
    const token = await login(t, enrolled.body, 'c001');
    const signedData = await signedDataFrom(token);
    const handedOverAt = Math.floor(Date.now() / 1000);
    const successor = await enrolWithKey(testKey(62), {
      predecessor: { terminalId: enrolled.body.terminalId, resumeSeq: 1, terminalSecret: enrolled.body.terminalSecret },
    });
    expect(successor.status).toBe(201);
    // Whoever kept the old PC's key: a check dated after the hand-over reaches the platform (delivered by the
    // old session, or by the successor's hand-over), and a slip for it is signed with the retired key, its time set back.
    const check = checkBody();
    const occurredAt = new Date((handedOverAt + 60) * 1000).toISOString();
    const successorToken = await login(t, successor.body, 'c001');
    const pushed = await call(`${t.api}/outbox`, {
      token: successorToken,
      body: { terminalId: enrolled.body.terminalId, mutations: [mutation(1, 'check', check, { occurredAt })] },
    });
    expect(pushed.body.results[0].status).toBe('accepted');
    const backdated = await signSlip(
      statementBody({
        checkId: check.checkId,
        checkedAt: handedOverAt - 1,
        matterCode: check.matterCode,
        caseNoHash: caseNoHash(SALT, check.caseNo),
        subjectMasked: '3710**********0213',
        subjectHash: subjectHash(SALT, check.subjectIdentifier),
        result: check.result,
        source: check.source,
        dataVersion: check.dataVersion,
        measures: [{ code: 'P-COURT-HONOUR', obligation: 'MUST', decision: null }],
        signedData,
      }),
      certificate,
      oldKey.sign,
    );
    const verifier = await login(t, successor.body, 'c001');
    const answer = await call(`${t.api}/slips/check`, { token: verifier, body: { slip: backdated.text } });
    expect(answer.body).toMatchObject({ problems: [], recordFound: true, sameRecord: false });
    expect(answer.body.differences).toContain('核查时间与平台记录不一致');
  });
});
