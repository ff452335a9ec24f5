/**
 * The platform's own request log never holds a clear ID number, a case number or a searched name —
 * however the request spelled them (percent-encoded, in a path the platform does not serve).
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, enrolAndLogin, startTestPlatform, type Login, type TestPlatform } from '../../helpers/platform';

const lines: string[] = [];
let t: TestPlatform;
let session: Login;

beforeAll(async () => {
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  t = await startTestPlatform({ logger: { level: 'info', stream } });
  session = await enrolAndLogin(t);
});
afterAll(async () => {
  await t.platform.close();
});

const ID = SHOWCASE.courtDishonestPerson.identifier; // 371003197503080213
const ID15 = '371082620403031';
const USCC = SHOWCASE.procurementBlackCompany.identifier;
const CASE_NO = 'BJ-2026-7731';
const NAME = '李建军';

/** Every way the clear values might appear in a log line. */
function clearForms(): string[] {
  const forms = [ID, ID15, USCC, CASE_NO, NAME, encodeURIComponent(NAME), ID.slice(0, 14), USCC.slice(4, 14)];
  return [...forms, ...forms.map((f) => [...f].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join(''))];
}

describe('request log', () => {
  it('masks identifiers after decoding the path and masks case numbers and names, in every request it logs', async () => {
    const { token } = session;
    const encoded = (s: string) => [...s].map((ch) => `%${ch.charCodeAt(0).toString(16).padStart(2, '0')}`).join('');
    const q = `matter=PX-MF&caseNo=${CASE_NO}&name=${encodeURIComponent(NAME)}`;
    await call(`${t.api}/subjects/lookup`, { token, body: { identifier: ID, matter: 'PX-MF', caseNo: CASE_NO } });
    await call(`${t.api}/subjects/search`, { token, body: { name: NAME, matter: 'PX-MF', caseNo: CASE_NO } });
    for (const path of [
      `/api/v1/subjects/${ID}?${q}`,
      `/api/v1/subjects/${encoded(ID)}?${q}`,
      `/%61pi/v1/%73ubjects/${encoded(ID)}?${q}`,
      `/api/v1/subjects/${ID15}/x?caseNo=${encodeURIComponent(CASE_NO)}`,
      `/api/v1/anything/${USCC.toLowerCase()}?id=${ID}`,
      `/api/v1/subjects/${encodeURIComponent(encodeURIComponent(ID))}`,
      `/api/v1/sync/entries?after=${ID}&caseNo=${CASE_NO}`,
    ]) {
      await call(`${t.platform.url}${path}`, { token });
    }
    const text = lines.join('');
    expect(text).toContain('incoming request'); // the log was written at all
    for (const form of clearForms()) expect(text, form).not.toContain(form);
    // Masked forms are there for whoever reads the log.
    expect(text).toContain('3710**********0213');
  });

  it('masks identifiers typed where an operator ID, a terminal ID or a terminal name belongs, in what the routes log', async () => {
    const from = lines.length;
    const terminal = { terminalId: session.terminalId, terminalSecret: session.terminalSecret };
    // A clerk types the applicant's ID into the 工号 field; a script names the terminal by it.
    await call(`${t.api}/sessions`, { body: { ...terminal, operatorId: ID, password: 'x' } });
    await call(`${t.api}/sessions`, { body: { terminalId: ID, terminalSecret: 'x', operatorId: 'c001', password: 'x' } });
    await call(`${t.api}/terminals`, { body: { enrolmentCode: 'wrong', name: `窗口 ${ID}` } });
    await call(`${t.api}/terminals`, { body: { enrolmentCode: t.platform.enrolmentCode, name: `窗口 ${USCC}` } });
    const text = lines.slice(from).join('');
    expect(text).toContain('login refused'); // the routes' own lines were written
    expect(text).toContain('terminal enrolled');
    for (const form of clearForms()) expect(text, form).not.toContain(form);
    expect(text).toContain('3710**********0213');
  });
});
