import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../data/auditChain';
import { quotaExceededError } from '../data/storageErrors';
import { catalogue, entry, LIST_BLACK, LIST_RED, MATTER, orgCode, profileOf, residentId, uscc } from '../../../tests/helpers/fixtures';
import { FakePlatform } from '../../../tests/helpers/fakePlatform';
import { memoryHost } from '../../../tests/helpers/memoryHost';
import { describeError, describeFailure, describeNotice, t } from '../i18n';
import { createServices, type CreditCounterServices } from './createServices';

const NOW = new Date('2024-06-01T08:00:00Z');
let platform: FakePlatform;
let services: CreditCounterServices;
let n = 0;
const purpose = { matterCode: MATTER, caseNo: 'CASE-1' };
const person = residentId('371002', '19800101', '123');

async function start(config: Parameters<typeof memoryHost>[0] = {}, now: () => Date = () => NOW): Promise<CreditCounterServices> {
  n += 1;
  return createServices({
    host: memoryHost(config),
    now,
    random: () => 0.5,
    dbNames: { cache: `svc-cache-${n}-${Date.now()}`, journal: `svc-journal-${n}-${Date.now()}` },
    sync: { autoStart: false, spreadMaxMs: 0, immediatePushWaitMs: 2_000 },
    platform: { adapter: platform.adapter },
  });
}

async function enrolAndLogin(): Promise<void> {
  const enrolled = await services.enrolment.enrol({ platformUrl: 'http://platform.test', enrolmentCode: 'CODE', terminalName: '窗口1' });
  expect(enrolled.ok).toBe(true);
  const login = await services.auth.login('c001', platform.password);
  expect(login).toMatchObject({ ok: true, value: { mode: 'online' } });
  await services.sync.syncNow();
}

beforeEach(async () => {
  platform = new FakePlatform();
  platform.entries.push(
    entry({ id: 'B1', identifier: person, listType: LIST_BLACK, subjectName: '张三' }),
    entry({ id: 'B2', identifier: person, listType: LIST_BLACK, validUntil: '2024-05-31', subjectName: '张三' }),
  );
  platform.profiles.set(person, profileOf([platform.entries[0]!], person));
  services = await start();
  await enrolAndLogin();
});
afterEach(async () => services.close());

describe('lookup', () => {
  it('answers online, records the check with its audit in the journal and pushes both', async () => {
    const result = await services.lookup.byIdentifier(person, purpose);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    await services.internals.engine.pushNow(); // the lookup's own push runs in the background
    expect(result.value).toMatchObject({ source: 'online', result: 'BLACK', dataVersion: 'v100', fromCachedProfile: false });
    expect(result.value.evaluation.must.map((m) => m.measure.code)).toEqual(['P1']);
    const { journal } = services.internals;
    expect(await journal.checks.get(result.value.checkId)).toBeDefined();
    const sent = [...platform.mutations.values()];
    expect(sent.filter((m) => m.kind === 'check').map((m) => (m.body as { checkId: string }).checkId)).toContain(result.value.checkId);
    expect(sent.some((m) => m.kind === 'audit' && (m.body as { action: string }).action === 'LOOKUP')).toBe(true);
    expect(await journal.outbox.count()).toBe(0);
  });

  it('refuses a lookup without purpose, audits the refusal and asks nobody', async () => {
    platform.requests = [];
    const result = await services.lookup.byIdentifier(person, { matterCode: MATTER, caseNo: ' ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'purpose_required' } });
    expect(platform.requests.filter((r) => r.includes('/subjects'))).toEqual([]);
    const audit = await services.internals.journal.audit.toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'LOOKUP_REFUSED', outcome: 'refused' });
  });

  it('a refusal whose audit cannot be written still refuses, and the storage problem is shown', async () => {
    const { writer, status } = services.internals;
    writer.commit = () => Promise.reject(quotaExceededError());
    const result = await services.lookup.byIdentifier(person, null);
    expect(result).toMatchObject({ ok: false, error: { code: 'purpose_required' } });
    expect(status.getState().storage.kind).toBe('quota-exceeded');
  });

  it('never sends an invalid identifier anywhere; the error says where and what', async () => {
    platform.requests = [];
    const wrong = person.slice(0, 17) + (person.endsWith('0') ? '1' : '0');
    const result = await services.lookup.byIdentifier(wrong, purpose);
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_CHECK', position: 18, expected: person.slice(17) } });
    expect(platform.requests.filter((r) => r.includes('/subjects'))).toEqual([]);
  });

  it('falls back to the cache when the platform is down: list entries plus the cached profile, evaluated now', async () => {
    await services.lookup.byIdentifier(person, purpose); // caches the profile (海贝分 AAA)
    platform.mode = 'down';
    const result = await services.lookup.byIdentifier(person, { ...purpose, caseNo: 'CASE-2' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const view = result.value;
    expect(view).toMatchObject({ source: 'offline', fromCachedProfile: true, dataVersion: 'v100' });
    expect(view.profile?.haibei?.grade).toBe('AAA');
    expect(view.profile?.entries.map((e) => e.id).sort()).toEqual(['B1', 'B2']);
    // B2 ended yesterday (China time): shown, but it no longer triggers.
    const b2 = view.evaluation.entries.find((e) => e.entry.id === 'B2');
    expect(b2).toMatchObject({ effectiveStatus: 'EXPIRED', triggers: false });
    expect(describeNotice(view.notices[0]!)).toContain('本机缓存');
    // The check is still recorded, and waits in the outbox.
    expect(await services.internals.journal.outbox.count()).toBeGreaterThan(0);
  });

  it('treats a malformed answer like an outage and never caches it', async () => {
    const before = await services.internals.cache.profiles.count();
    platform.mode = 'malformed';
    const result = await services.lookup.byIdentifier(person, purpose);
    expect(result).toMatchObject({ ok: true, value: { source: 'offline' } });
    expect(await services.internals.cache.profiles.count()).toBe(before);
  });

  it('matches an organisation by USCC through org-code-only list data when offline', async () => {
    const org = uscc('12345678');
    await services.internals.listStore.applyChanges(
      {
        changes: [
          {
            seq: 99,
            op: 'put',
            entry: entry({ id: 'O1', identifier: orgCode('12345678'), subjectName: '威海某公司', listType: LIST_RED }),
          },
        ],
        cursor: 'c9',
        epoch: 'ep1',
        dataVersion: 'v101',
        complete: true,
        receivedAt: NOW.toISOString(),
      },
      'live',
    );
    platform.mode = 'down';
    const result = await services.lookup.byIdentifier(org, purpose);
    expect(result).toMatchObject({ ok: true, value: { source: 'offline', matchedBy: ['ORG_CODE'], result: 'RED' } });
    if (result.ok) expect(result.value.notices.map(describeNotice).join()).toContain('组织机构代码');
  });

  it('searches names offline with masked identifiers, and a candidate leads to a lookup', async () => {
    platform.mode = 'down';
    const found = await services.lookup.byName('张三', purpose);
    expect(found.ok).toBe(true);
    if (!found.ok) return;
    expect(found.value.candidates).toEqual([
      {
        name: '张三',
        masked: `${person.slice(0, 4)}**********${person.slice(-4)}`,
        kind: 'PERSON',
        entryCount: 2,
        ref: expect.any(String),
      },
    ]);
    expect(JSON.stringify(found.value.candidates)).not.toContain(person);
    const check = await services.lookup.candidate(found.value.candidates[0]!.ref, purpose);
    expect(check).toMatchObject({ ok: true, value: { subject: { name: '张三' } } });
  });

  it('a name search needs two Chinese characters or three pinyin initials: a shorter one is refused here and never sent', async () => {
    for (const name of ['张', 'zs', '张s']) {
      const found = await services.lookup.byName(name, purpose);
      expect(found).toMatchObject({ ok: false, error: { code: 'name_query_too_short', message: '请至少输入两个汉字或三个拼音首字母' } });
    }
    expect(platform.requests.filter((r) => r.includes('/subjects'))).toEqual([]);
  });

  it('a spent hourly name-search budget is shown in Chinese, and the cache does not answer instead', async () => {
    platform.nameSearchBudgetSpent = true;
    const found = await services.lookup.byName('张三', purpose);
    expect(found).toMatchObject({ ok: false, error: { code: 'name_search_budget' } });
    expect(found.ok || describeFailure(found.error)).toContain('名称查询次数已用完');
    expect(found.ok || describeFailure(found.error)).toContain('分钟后');
    const audits = await services.internals.journal.audit.toArray();
    expect(audits.at(-1)).toMatchObject({ action: 'NAME_SEARCH', outcome: 'refused', detail: 'name_search_budget' });
  });

  it('searches names online with platform refs only, and a candidate is looked up through the platform by its ref', async () => {
    const found = await services.lookup.byName('张三', purpose);
    expect(found).toMatchObject({ ok: true, value: { candidates: [{ name: '张三', ref: expect.stringMatching(/^p:ref_/) }] } });
    if (!found.ok) return;
    expect(JSON.stringify(found.value.candidates)).not.toContain(person);
    const check = await services.lookup.candidate(found.value.candidates[0]!.ref, purpose);
    expect(check).toMatchObject({ ok: true, value: { source: 'online', subject: { name: '张三', identifier: person } } });
    if (!check.ok) return;
    expect(platform.requests).toContain('POST /subjects/lookup');
    const byId = await services.lookup.byIdentifier(person, purpose);
    if (!byId.ok) throw new Error(byId.error.message);
    // The identifier went in the request body: no URL the terminal asked for holds it.
    expect(platform.requests.some((r) => r.includes(person))).toBe(false);
    const audits = await services.internals.journal.audit.toArray();
    const hashOf = (checkId: string) => audits.find((a) => a.action === 'LOOKUP' && a.detail?.includes(checkId))?.subjectHash;
    expect(hashOf(check.value.checkId)).toBeTruthy();
    expect(hashOf(check.value.checkId)).toBe(hashOf(byId.value.checkId));
    expect(await services.internals.cache.profiles.count()).toBe(1);
  });

  it('an online candidate picked while the platform is unreachable asks to search again; an unknown ref too', async () => {
    const found = await services.lookup.byName('张三', purpose);
    if (!found.ok) throw new Error(found.error.message);
    platform.mode = 'down';
    const picked = await services.lookup.candidate(found.value.candidates[0]!.ref, purpose);
    expect(picked).toMatchObject({ ok: false, error: { code: 'candidate_unreachable' } });
    expect(picked.ok || describeFailure(picked.error)).toContain('请重新按名称查询');
    platform.mode = 'up';
    const unknown = await services.lookup.candidate('p:ref_999', purpose);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringContaining('请重新按名称查询') } });
  });

  it('a name search that timed out answers from the cache and the status shows the platform unreachable', async () => {
    services.internals.status.setState({ online: true });
    platform.mode = 'timeout';
    const found = await services.lookup.byName('张三', purpose);
    expect(found).toMatchObject({ ok: true, value: { candidates: [{ name: '张三' }] } });
    expect(services.sync.status.getState().online).toBe(false);
  });
});

describe('records', () => {
  async function check() {
    const result = await services.lookup.byIdentifier(person, purpose);
    if (!result.ok) throw new Error(result.error.message);
    await services.internals.engine.pushNow();
    return result.value;
  }

  it('refuses NOT_APPLIED without a reason before anything is written', async () => {
    const view = await check();
    const { journal } = services.internals;
    const counts = async () => [
      await journal.feedback.count(),
      await journal.outbox.count(),
      await journal.audit.count(),
      await journal.delivered.count(),
    ];
    const before = await counts();
    const result = await services.records.submitFeedback(view.checkId, [{ measureCode: 'P1', decision: 'NOT_APPLIED', reason: '  ' }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'reason_required', params: { measureTitle: expect.any(String) } } });
    expect(result.ok ? '' : describeFailure(result.error)).toContain('必须填写原因');
    const other = await services.records.submitFeedback(view.checkId, [{ measureCode: 'P1', decision: 'OTHER_MEASURE' }]);
    expect(other).toMatchObject({ ok: false, error: { code: 'other_measure_incomplete' } });
    expect(await counts()).toEqual(before);
  });

  it('says "sent" when the platform took it and "queued" when it could not, and delivers the queue later', async () => {
    const view = await check();
    expect(await services.records.submitFeedback(view.checkId, [{ measureCode: 'P1', decision: 'APPLIED' }])).toEqual({
      ok: true,
      value: 'sent',
    });
    expect(
      await services.records.submitFeedback(view.checkId, [{ measureCode: 'P1', decision: 'NOT_APPLIED', reason: 'x' }]),
    ).toMatchObject({
      ok: false,
      error: { code: 'feedback_exists', params: { decision: 'APPLIED' } },
    });
    platform.mode = 'down';
    const commitment = await services.records.recordCommitment(view.checkId, {
      kind: '告知承诺',
      text: '本人承诺所填信息真实',
      dueOn: null,
    });
    expect(commitment).toEqual({ ok: true, value: 'queued' });
    expect(await services.internals.journal.outbox.count()).toBe(2); // commitment + its audit
    platform.mode = 'up';
    await services.sync.syncNow();
    expect(await services.internals.journal.outbox.count()).toBe(0);
    expect([...platform.mutations.values()].filter((m) => m.kind === 'commitment')).toHaveLength(1);
    const seqs = [...platform.mutations.values()].map((m) => m.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('unmasks only with a reason, audited without the clear number', async () => {
    const view = await check();
    expect(await services.records.unmask(view.checkId, ' ')).toMatchObject({ ok: false, error: { code: 'unmask_reason_required' } });
    expect(await services.records.unmask(view.checkId, '核对原件')).toEqual({ ok: true, value: person });
    await services.records.recordPrint(view.checkId);
    const audit = await services.internals.journal.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['LOGIN', 'LOOKUP', 'UNMASK', 'PRINT', 'ENROL']));
    expect(JSON.stringify(audit)).not.toContain(person);
    expect(await verifyAuditChain(services.internals.journal)).toMatchObject({ ok: true });
    expect(await services.supervisor.verifyAuditChain()).toMatchObject({ ok: true });
  });

  it('an ID number typed into the case number reaches the audit chain masked only', async () => {
    const lookup = await services.lookup.byIdentifier(person, { matterCode: MATTER, caseNo: `核对${person}` });
    expect(lookup.ok).toBe(true);
    const audit = await services.internals.journal.audit.toArray();
    const looked = audit.filter((a) => a.action === 'LOOKUP');
    expect(looked.map((a) => a.purpose?.caseNo)).toEqual([`核对${person.slice(0, 4)}**********${person.slice(-4)}`]);
    expect(JSON.stringify(audit)).not.toContain(person);
    expect(await verifyAuditChain(services.internals.journal)).toMatchObject({ ok: true });
  });

  it('a print whose audit cannot be written shows the storage problem', async () => {
    const view = await check();
    const { writer, status } = services.internals;
    writer.commit = () => Promise.reject(quotaExceededError());
    await services.records.recordPrint(view.checkId);
    expect(status.getState().storage.kind).toBe('quota-exceeded');
  });

  it("lists today's checks and declined measures for the supervisor", async () => {
    const view = await check();
    await services.records.submitFeedback(view.checkId, [{ measureCode: 'P1', decision: 'NOT_APPLIED', reason: '申请人已履行' }]);
    expect(await services.supervisor.todaysChecks()).toEqual([
      expect.objectContaining({ checkId: view.checkId, subjectMasked: view.subject.masked, result: 'BLACK' }),
    ]);
    expect(await services.supervisor.declinedMeasures()).toEqual([
      expect.objectContaining({ checkId: view.checkId, reason: '申请人已履行', measureTitle: '限制参与政府采购' }),
    ]);
  });
});

describe('dead letters', () => {
  it('are summarised in Chinese, without enum codes', async () => {
    const { journal } = services.internals;
    const base = { terminalId: 'T', operatorId: 'c001', occurredAt: NOW.toISOString(), enqueuedAt: NOW.toISOString() };
    const dead = { reason: '不符合业务规则', problemCode: 'business_rule', deadAt: NOW.toISOString() };
    await journal.deadLetters.bulkPut([
      { ...base, ...dead, seq: 901, id: 'd1', kind: 'feedback', body: { matterCode: MATTER, measureCode: 'P1', decision: 'NOT_APPLIED' } },
      { ...base, ...dead, seq: 902, id: 'd2', kind: 'audit', body: { action: 'UNMASK', chainSeq: 4 } },
    ]);
    const summaries = (await services.sync.deadLetters()).map((d) => t.status.deadLetterSummary(d.summary));
    expect(summaries).toEqual([`措施反馈：事项 ${MATTER}，措施 P1（未实施）`, '审计记录：显示完整证件号码（第 5 条）']);
  });
});

describe('dead-letter resubmission', () => {
  async function deadLetter(): Promise<{ terminalId: string; seq: number; id: string }> {
    const { journal } = services.internals;
    const terminalId = (await services.enrolment.current())!.terminalId;
    const record = {
      terminalId,
      seq: 900,
      id: '0190a000-0000-7000-8000-0000000000d1',
      kind: 'check' as const,
      operatorId: 'c001',
      occurredAt: '2024-06-01T07:00:00.000Z',
      enqueuedAt: NOW.toISOString(),
      body: { checkId: 'chk-d1', matterCode: 'GONE' },
      reason: '未知的办理事项：GONE',
      problemCode: 'business_rule',
      deadAt: NOW.toISOString(),
    };
    await journal.deadLetters.put(record);
    return record;
  }

  it('a clerk cannot resubmit; a supervisor queues a new record naming the original, audited, once', async () => {
    const dead = await deadLetter();
    await services.auth.logout();
    platform.roles = ['clerk'];
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: true });
    expect(await services.sync.resubmitDeadLetter(dead.terminalId, dead.seq)).toMatchObject({
      ok: false,
      error: { code: 'resubmit_forbidden' },
    });

    await services.auth.logout();
    platform.roles = ['supervisor'];
    expect(await services.auth.login('s001', platform.password)).toMatchObject({ ok: true });
    const outcome = await services.sync.resubmitDeadLetter(dead.terminalId, dead.seq);
    expect(outcome).toMatchObject({ ok: true });
    const sent = [...platform.mutations.values()].find((m) => m.resubmits?.id === dead.id);
    expect(sent).toMatchObject({ kind: 'check', operatorId: 's001', occurredAt: '2024-06-01T07:00:00.000Z', body: { checkId: 'chk-d1' } });
    expect(sent?.resubmits).toEqual({ terminalId: dead.terminalId, seq: 900, id: dead.id });

    const { journal } = services.internals;
    const audit = await journal.audit.toArray();
    expect(audit.at(-1)).toMatchObject({
      action: 'DEAD_LETTER_RESUBMIT',
      actor: 's001',
      detail: expect.stringContaining(`${dead.terminalId}#900`),
    });
    expect((await services.sync.deadLetters()).find((d) => d.id === dead.id)?.resubmission).toMatchObject({
      state: 'accepted',
      by: 's001',
    });
    expect(await services.sync.resubmitDeadLetter(dead.terminalId, dead.seq)).toMatchObject({
      ok: false,
      error: { code: 'not_resubmittable' },
    });
    // Resubmitted: no longer counted as a failed record in the status bar.
    await services.internals.engine.refreshCounts();
    expect(services.sync.status.getState().deadLetterCount).toBe(0);
  });
});

describe('supervisor views', () => {
  it('are refused to a clerk, whatever the UI shows', async () => {
    await services.auth.logout();
    platform.roles = ['clerk'];
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: true });
    await expect(services.supervisor.todaysChecks().catch(describeError)).resolves.toContain('仅督查人员');
    await expect(services.supervisor.declinedMeasures().catch(describeError)).resolves.toContain('仅督查人员');
    await expect(services.supervisor.verifyAuditChain().catch(describeError)).resolves.toContain('仅督查人员');
  });
});

describe('auth', () => {
  it("honours the terminal policy's offline-unlock window, and 0 disables offline login", async () => {
    await services.close();
    let clock = NOW;
    services = await start({ offlineUnlockHours: 1 }, () => clock);
    await enrolAndLogin();
    await services.auth.logout();
    platform.mode = 'down';
    clock = new Date(NOW.getTime() + 30 * 60_000);
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: true, value: { mode: 'offline' } });
    await services.auth.logout();
    clock = new Date(NOW.getTime() + 61 * 60_000); // the platform's validUntil would still allow it
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: false, error: { code: 'offline_expired' } });

    await services.close();
    platform.mode = 'up';
    services = await start({ offlineUnlockHours: 0 });
    await enrolAndLogin();
    await services.auth.logout();
    platform.mode = 'down';
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: false, error: { code: 'offline_disabled' } });
  });

  it('unlocks offline with the verifier when the platform is unreachable, and refuses a wrong password', async () => {
    await services.auth.logout();
    platform.mode = 'down';
    expect(await services.auth.login('c001', 'wrong')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await services.auth.login('c001', platform.password)).toMatchObject({ ok: true, value: { mode: 'offline' } });
    expect(await services.auth.login('c999', platform.password)).toMatchObject({ ok: false, error: { code: 'offline_unavailable' } });
  });

  it('locks and unlocks for the same operator', async () => {
    await services.auth.lock();
    expect(services.auth.current()).toBeNull();
    expect(await services.auth.unlock(platform.password)).toMatchObject({ ok: true, value: { operator: { id: 'c001' } } });
    expect(services.auth.current()?.operator.id).toBe('c001');
  });

  it('联网登录 renews the platform login online only: unreachable leaves the offline session as it was', async () => {
    await services.auth.logout();
    platform.mode = 'down';
    const offline = await services.auth.login('c001', platform.password);
    expect(offline).toMatchObject({ ok: true, value: { mode: 'offline' } });
    const before = services.auth.current();
    const auditsBefore = await services.internals.journal.audit.count();

    expect(await services.auth.reconnect(platform.password)).toMatchObject({ ok: false, error: { code: 'still_offline' } });
    expect(services.auth.current()).toBe(before);
    const added = (await services.internals.journal.audit.toArray()).slice(auditsBefore);
    expect(added.map((a) => [a.action, a.outcome])).toEqual([['LOGIN', 'unreachable']]);

    platform.mode = 'up';
    expect(await services.auth.reconnect('wrong')).toMatchObject({ ok: false, error: { code: 'wrong_credentials' } });
    expect(await services.auth.reconnect(platform.password)).toMatchObject({
      ok: true,
      value: { mode: 'online', operator: { id: 'c001' } },
    });
    expect(services.internals.session.platformToken()).not.toBeNull();
  });

  it('on 401 during sync keeps the queue, says login is needed, and resumes after login', async () => {
    const view = await services.lookup.byIdentifier(person, purpose);
    expect(view.ok).toBe(true);
    platform.mode = 'unauthorized';
    await services.records.recordPrint(view.ok ? view.value.checkId : '');
    await services.sync.syncNow();
    expect(['session_expired', 'login_required']).toContain(services.sync.status.getState().lastError?.code);
    expect(describeFailure(services.sync.status.getState().lastError!)).toContain('登录');
    expect(await services.internals.journal.outbox.count()).toBeGreaterThan(0);
    platform.mode = 'up';
    expect((await services.auth.login('c001', platform.password)).ok).toBe(true);
    await services.sync.syncNow();
    expect(await services.internals.journal.outbox.count()).toBe(0);
    expect(services.sync.status.getState()).toMatchObject({ lastError: null, outboxDepth: 0 });
  });
});

it('catalogue is cached with its ETag', async () => {
  expect((await services.catalogue.get())?.version).toBe(catalogue().version);
  expect((await services.internals.cache.catalogue.get('catalogue'))?.etag).toBe('"cat-1"');
});

describe('re-enrolment (hand-over)', () => {
  const reenrol = (platformUrl: string, itOperator?: { operatorId: string; password: string }) =>
    services.enrolment.enrol({ platformUrl, enrolmentCode: 'CODE', terminalName: '窗口1', ...(itOperator ? { itOperator } : {}) });

  it('proves the same PC with the old secret — sent only to the platform that issued it, never to an address typed in', async () => {
    const first = (await services.enrolment.current())!;
    // Someone at the counter types another server: the old secret must not travel there.
    expect((await reenrol('http://elsewhere.test')).ok).toBe(true);
    const [, elsewhere] = platform.enrolments;
    expect(elsewhere).toMatchObject({ origin: 'http://elsewhere.test', body: { predecessor: { terminalId: first.terminalId } } });
    expect(JSON.stringify(elsewhere!.body)).not.toContain('secret-1-');

    const second = (await services.enrolment.current())!;
    expect((await reenrol('http://elsewhere.test/', { operatorId: 'i001', password: 'it-password' })).ok).toBe(true);
    const [, , again] = platform.enrolments;
    expect(again!.body).toMatchObject({
      predecessor: { terminalId: second.terminalId, terminalSecret: 'secret-2-0123456789abcdef' },
      itOperator: { operatorId: 'i001', password: 'it-password' },
    });
  });
});
