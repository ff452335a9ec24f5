/**
 * Check slips through the services against the real reference platform: one terminal signs and prints,
 * another verifies by the 核验码 alone; the supervisor's records name the slip; a hand-over retires the
 * first terminal's key without voiding its earlier slips; the revocation list is kept for offline use.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlatform, type RunningPlatform } from '../../../platform/server';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { createServices, type CreditCounterServices } from '../../../renderer/src/services/createServices';
import { memoryHost } from '../../helpers/memoryHost';
import { purpose } from '../../helpers/platform';

let platform: RunningPlatform;
let n = 0;

async function terminal(name: string, operatorId: string): Promise<CreditCounterServices> {
  n += 1;
  const services = await createServices({
    host: memoryHost(),
    dbNames: { cache: `slip-cache-${n}-${Date.now()}`, journal: `slip-journal-${n}-${Date.now()}` },
    sync: { autoStart: false, spreadMaxMs: 0, immediatePushWaitMs: 3_000 },
    platform: { adapter: 'http' },
  });
  const enrolled = await services.enrolment.enrol({ platformUrl: platform.url, enrolmentCode: platform.enrolmentCode, terminalName: name });
  if (!enrolled.ok) throw new Error(enrolled.error.message);
  await login(services, operatorId);
  await services.sync.syncNow();
  return services;
}

async function login(services: CreditCounterServices, operatorId: string): Promise<void> {
  const operator = platform.operators.find((o) => o.id === operatorId)!;
  const session = await services.auth.login(operator.id, operator.password);
  if (!session.ok) throw new Error(session.error.message);
}

let clerk: CreditCounterServices;
let supervisor: CreditCounterServices;

beforeAll(async () => {
  platform = await startPlatform({ port: 0, db: ':memory:', subjects: 1_000, testControls: true, logger: false });
  clerk = await terminal('环翠窗口1', 'c001');
  supervisor = await terminal('督查室', 's001');
});
afterAll(async () => {
  await clerk?.close();
  await supervisor?.close();
  await platform?.close();
});

describe('a printed slip, verified elsewhere', () => {
  it('is found by its 核验码 on another terminal, linked from the supervisor’s records, and survives the hand-over of its PC', async () => {
    const { matter, caseNo } = purpose();
    const view = await clerk.lookup.byIdentifier(SHOWCASE.courtDishonestPerson.identifier, { matterCode: matter, caseNo });
    if (!view.ok) throw new Error(view.error.message);
    const signed = await clerk.slips.sign(view.value, {});
    if (!signed.ok) throw new Error(signed.error.message);
    expect(signed.value.slip.statement.clockSkewSeconds).not.toBeNull(); // measured against the platform's answers
    await clerk.records.recordPrint(view.value.checkId);
    await clerk.sync.syncNow();

    // Another terminal has only the number the clerk read out.
    const byCode = await supervisor.slips.verify(signed.value.reference.replace('-', ' ').toLowerCase());
    if (!byCode.ok) throw new Error(byCode.error.message);
    expect(byCode.value.verification).toMatchObject({ valid: true, terminalSignatureValid: true, retiredAt: null });
    expect(byCode.value.verification.reference).toBe(signed.value.reference);
    expect(byCode.value.platform).toMatchObject({ recordFound: true, sameRecord: true });
    expect(byCode.value.revocations).toMatchObject({ count: 0 });

    // The supervisor's view of the platform's records names the check's slip.
    const records = await supervisor.supervisor.platformChecks();
    if (!records.ok) throw new Error(records.error.message);
    expect(records.value.find((r) => r.subjectMasked === view.value.subject.masked && r.slipReference !== null)?.slipReference).toBe(
      signed.value.reference,
    );

    // The clerk's PC is handed over (re-enrolled): its old key is retired from now on. Times are signed to the
    // second and the measured skew is good to a second, so the hand-over comes a little later than the check.
    await new Promise((resolve) => setTimeout(resolve, 2_500));

    const reenrolled = await clerk.enrolment.enrol({
      platformUrl: platform.url,
      enrolmentCode: platform.enrolmentCode,
      terminalName: '环翠窗口1',
    });
    expect(reenrolled.ok).toBe(true);
    const after = await supervisor.slips.verify(signed.value.text);
    if (!after.ok) throw new Error(after.error.message);
    expect(after.value.verification.valid).toBe(true);
    expect(after.value.verification.retiredAt).not.toBeNull();
    expect(after.value.revocations?.count).toBe(1);

    // Offline, the list kept from the last online verification still knows the retired key.
    await supervisor.auth.logout();
    const offline = await supervisor.slips.verify(signed.value.text);
    if (!offline.ok) throw new Error(offline.error.message);
    expect(offline.value.platform).toBeNull();
    expect(offline.value.verification.retiredAt).toBe(after.value.verification.retiredAt);
    expect(offline.value.revocations?.count).toBe(1);
    // A terminal that has never been online since: the list arrives inside the next snapshot's signed manifest.
    await fetch(`${platform.url}/__test/snapshot`, { method: 'POST' });
    const newcomer = await terminal('高区窗口1', 'c002');
    await newcomer.auth.logout();
    const fromManifest = await newcomer.slips.verify(signed.value.text);
    if (!fromManifest.ok) throw new Error(fromManifest.error.message);
    expect(fromManifest.value.platform).toBeNull();
    expect(fromManifest.value).toMatchObject({ verification: { valid: true }, revocations: { count: 1 } });
    expect(fromManifest.value.verification.retiredAt).toBe(after.value.verification.retiredAt);
    await newcomer.close();
    // A 核验码 of another terminal cannot be resolved offline: said so in Chinese.
    const unknown = await supervisor.slips.verify(signed.value.reference);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'slip_not_found' } });
  }, 60_000);
});
