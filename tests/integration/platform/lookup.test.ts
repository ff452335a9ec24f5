import { beforeAll, describe, expect, it } from 'vitest';
import { Catalogue, LookupResponse, NameSearchResponse, Problem } from '../../../shared/contract';
import { nameOf, pinyinInitials } from '../../../shared/names';
import { LT } from '../../../platform/seed/catalogue';
import { SHOWCASE } from '../../../platform/seed/showcase';
import { call, enrolAndLogin, purpose, startTestPlatform, type Login, type Purpose, platformForFile } from '../../helpers/platform';

const t = platformForFile();
let session: Login;

beforeAll(async () => {
  session = await enrolAndLogin(t);
});

async function lookup(identifier: string, forPurpose: Partial<Purpose> = purpose(), token = session.token) {
  return call(`${t.api}/subjects/lookup`, { token, body: { identifier, ...forPurpose } });
}

async function lookupRef(ref: string, forPurpose: Partial<Purpose> = purpose(), token = session.token, api = t.api) {
  return call(`${api}/subjects/lookup`, { token, body: { ref, ...forPurpose } });
}

async function search(name: string, forPurpose: Partial<Purpose> = purpose(), token = session.token, api = t.api) {
  return call(`${api}/subjects/search`, { token, body: { name, ...forPurpose } });
}

describe('catalogue', () => {
  it('serves the catalogue with a strong ETag and answers 304 to If-None-Match', async () => {
    const res = await call(`${t.api}/catalog`, { token: session.token });
    expect(res.status).toBe(200);
    const catalogue = Catalogue.parse(res.body);
    expect(catalogue.matters.length).toBeGreaterThanOrEqual(15);
    expect(catalogue.measures.length).toBeGreaterThanOrEqual(30);
    expect(catalogue.listTypes.length).toBeGreaterThanOrEqual(10);
    expect(new Set(catalogue.matters.map((m) => m.area))).toEqual(
      new Set(['行政许可', '政府采购', '招标投标', '评先评优', '财政资金', '公共服务']),
    );
    const etag = res.headers.get('etag');
    expect(etag).toMatch(/^"[^"]+"$/);

    const again = await call(`${t.api}/catalog`, { token: session.token, headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    const stale = await call(`${t.api}/catalog`, { token: session.token, headers: { 'If-None-Match': '"something-else"' } });
    expect(stale.status).toBe(200);
  });

  it('every matter only lists measures and list types that exist', async () => {
    const catalogue = Catalogue.parse((await call(`${t.api}/catalog`, { token: session.token })).body);
    const measures = new Set(catalogue.measures.map((m) => m.code));
    const listTypes = new Set(catalogue.listTypes.map((l) => l.code));
    for (const matter of catalogue.matters) {
      for (const code of matter.measures) expect(measures, `${matter.code} → ${code}`).toContain(code);
      for (const code of matter.visibleListTypes) expect(listTypes).toContain(code);
    }
    expect(catalogue.measures.some((m) => m.targetsLegalRepresentative)).toBe(true);
    expect(catalogue.measures.some((m) => m.trigger.industryGrades.length > 0)).toBe(true);
    expect(catalogue.measures.some((m) => m.trigger.haibeiGrades.includes('AAA') && m.suppressedBySeriousBlack)).toBe(true);
  });
});

describe('lookup purpose and validation', () => {
  it('400 purpose_required without matter or caseNo, or when they are blank', async () => {
    for (const given of [{}, { matter: 'PX-MF' }, { caseNo: '1' }, { matter: '', caseNo: '1' }, { matter: 'PX-MF', caseNo: '  ' }]) {
      const res = await lookup(SHOWCASE.cleanPerson.identifier, given);
      expect(res.status, JSON.stringify(given)).toBe(400);
      expect(Problem.parse(res.body).code).toBe('purpose_required');
    }
  });

  it('400 bad_request for an unknown matter', async () => {
    const res = await lookup(SHOWCASE.cleanPerson.identifier, purpose('NO-SUCH-MATTER'));
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('bad_request');
  });

  it('400 invalid_identifier with the shared parse error', async () => {
    const res = await lookup('371002198805121235'); // wrong check character
    expect(res.status).toBe(400);
    const p = Problem.parse(res.body);
    expect(p.code).toBe('invalid_identifier');
    expect(p.parseError?.code).toBe('BAD_CHECK');
    expect(p.parseError?.expected).toBe('4');
    expect(p.parseError?.position).toBe(18);
  });

  it('404 no_records with the data version for a valid identifier nobody knows', async () => {
    const res = await lookup('110105199001011232');
    expect(res.status).toBe(404);
    const p = Problem.parse(res.body);
    expect(p.code).toBe('no_records');
    expect(p.dataVersion).toMatch(/^E[0-9a-f]+\.\d+$/);
  });
});

describe('profiles', () => {
  it('a clean person: no entries, 海贝分 whose breakdown adds up to the score', async () => {
    const res = await lookup(SHOWCASE.cleanPerson.identifier);
    expect(res.status).toBe(200);
    const { profile, matchedBy, dataVersion } = LookupResponse.parse(res.body);
    expect(profile.subject).toMatchObject({ name: '张明华', kind: 'PERSON', masked: '3710**********1234' });
    expect(profile.entries).toEqual([]);
    expect(matchedBy).toEqual(['IDENTIFIER']);
    expect(dataVersion).toMatch(/^E/);
    const h = profile.haibei;
    expect(h?.score).toBe(1020);
    expect(h?.grade).toBe('A');
    expect((h?.base ?? 0) + (h?.breakdown ?? []).reduce((s, b) => s + b.points, 0)).toBe(h?.score);
  });

  it('haibei grades D and AAA for the showcase persons', async () => {
    const d = LookupResponse.parse((await lookup(SHOWCASE.haibeiDPerson.identifier, purpose('GG-RCGY'))).body);
    expect(d.profile.haibei).toMatchObject({ score: 760, grade: 'D' });
    const aaa = LookupResponse.parse((await lookup(SHOWCASE.haibeiAAAPerson.identifier, purpose('GG-XYY'))).body);
    expect(aaa.profile.haibei).toMatchObject({ score: 1185, grade: 'AAA' });
    expect(aaa.profile.entries.map((e) => e.listType)).toEqual([LT.VOLUNTEER]);
  });

  it('finds an entry published under the legacy 15-digit ID from the 18-digit ID (and from the 15-digit one)', async () => {
    for (const id of [SHOWCASE.legacyIdPerson.identifier, '371082620403031']) {
      const r = LookupResponse.parse((await lookup(id)).body);
      expect(r.profile.subject.identifier).toBe(SHOWCASE.legacyIdPerson.identifier);
      expect(r.profile.entries.map((e) => [e.id, e.identifier])).toEqual([['WH-SC-0012', '371082620403031']]);
      expect(r.matchedBy).toContain('LEGACY_ID');
    }
  });

  it('finds a court entry that carries only the organisation code, marked ORG_CODE', async () => {
    const r = LookupResponse.parse((await lookup(SHOWCASE.orgCodeOnlyCompany.identifier, purpose('CG-GYS'))).body);
    expect(r.profile.entries.map((e) => [e.id, e.identifierType])).toEqual([['WH-SC-0013', 'ORG_CODE']]);
    expect(r.matchedBy).toContain('ORG_CODE');
  });

  it('a bare organisation code finds the company (with input normalisation)', async () => {
    const r = LookupResponse.parse((await lookup(' 26741289-9 ', purpose('CG-GYS'))).body);
    expect(r.profile.subject.identifier).toBe(SHOWCASE.orgCodeOnlyCompany.identifier);
    expect(r.profile.entries.map((e) => e.id)).toEqual(['WH-SC-0013']);
    expect(r.matchedBy).toContain('ORG_CODE');
  });

  it('purpose limitation: a matter that may not see a list type does not see its entries', async () => {
    const withCourt = LookupResponse.parse((await lookup(SHOWCASE.redAndBlackCompany.identifier, purpose('XK-SPJY'))).body);
    expect(withCourt.profile.entries.map((e) => e.listType).sort()).toEqual([LT.COURT, LT.TAX_A].sort());
    // 海域使用权审批 may see A级纳税人 but not 失信被执行人.
    const marine = LookupResponse.parse((await lookup(SHOWCASE.redAndBlackCompany.identifier, purpose('XK-HYSY'))).body);
    expect(marine.profile.entries.map((e) => e.listType)).toEqual([LT.TAX_A]);
  });

  it("shows the legal representative's own entries", async () => {
    const r = LookupResponse.parse((await lookup(SHOWCASE.legalRepListedCompany.identifier, purpose('CG-GYS'))).body);
    expect(r.profile.entries).toEqual([]);
    expect(r.profile.legalRepresentative?.identifier).toBe(SHOWCASE.legalRepPerson.identifier);
    expect(r.profile.legalRepresentative?.entries.map((e) => e.id)).toEqual(['WH-SC-0014']);
  });

  it('a repaired entry comes with its repair record; statuses are as published', async () => {
    const repaired = LookupResponse.parse((await lookup(SHOWCASE.repairedPerson.identifier, purpose('CZ-JYBT'))).body);
    expect(repaired.profile.entries.map((e) => e.status)).toEqual(['REPAIRED']);
    expect(repaired.profile.repairs.map((r) => r.entryId)).toEqual(['WH-SC-0006']);
    const expired = LookupResponse.parse((await lookup(SHOWCASE.expiredPerson.identifier)).body);
    expect(expired.profile.entries.map((e) => e.status)).toEqual(['EXPIRED']);
    const endDate = LookupResponse.parse((await lookup(SHOWCASE.endDatePerson.identifier)).body);
    expect(endDate.profile.entries.map((e) => [e.status, e.validUntil])).toEqual([['ACTIVE', '2026-12-31']]);
    const objection = LookupResponse.parse((await lookup(SHOWCASE.objectionPerson.identifier, purpose('CZ-JYBT'))).body);
    expect(objection.profile.entries.map((e) => e.status)).toEqual(['OBJECTION_PENDING', 'OBJECTION_PENDING']);
  });

  it('grades and commitments are part of the profile', async () => {
    const r = LookupResponse.parse((await lookup(SHOWCASE.redCompany.identifier, purpose('XK-SPJY', 'XK-2026-0001'))).body);
    expect(r.profile.grades).toEqual([expect.objectContaining({ field: 'TAX', grade: 'A' })]);
    expect(r.profile.commitments.map((c) => c.id)).toEqual(['CM-SC-0002']);
    expect(r.profile.haibei).toBeNull();
  });
});

describe('purpose limitation over the whole profile', () => {
  it('grades, 海贝分 and commitments only where the matter asks for them', async () => {
    // 食品经营许可 asks for tax grades (a measure triggers on them) and commitments (告知承诺).
    const permit = LookupResponse.parse((await lookup(SHOWCASE.redCompany.identifier, purpose('XK-SPJY', 'XK-2026-0001'))).body);
    expect(permit.profile.grades.map((g) => g.field)).toEqual(['TAX']);
    expect(permit.profile.commitments.length).toBeGreaterThan(0);
    // 政府投资项目评标 asks for neither.
    const tender = LookupResponse.parse((await lookup(SHOWCASE.redCompany.identifier, purpose('ZB-PB', 'ZB-2026-0001'))).body);
    expect(tender.profile.grades).toEqual([]);
    expect(tender.profile.commitments).toEqual([]);
    // 信易游 asks for the 海贝分; 就业创业补贴 does not.
    const xinyi = LookupResponse.parse((await lookup(SHOWCASE.haibeiAAAPerson.identifier, purpose('GG-XYY'))).body);
    expect(xinyi.profile.haibei?.grade).toBe('AAA');
    const subsidy = LookupResponse.parse((await lookup(SHOWCASE.haibeiAAAPerson.identifier, purpose('CZ-JYBT', 'BT-2026-0001'))).body);
    expect(subsidy.profile.haibei).toBeNull();
    expect(JSON.stringify(subsidy.profile)).not.toContain('1185');
  });

  it('a case number must have the format the matter defines (400 invalid_case_no, in Chinese); matters without one take any', async () => {
    for (const caseNo of ['SP-1', 'XK-26-0001', 'XK-2026-0001 ', ' xk-2026-0001', 'XK-2026-0001x']) {
      const res = await lookup(SHOWCASE.redCompany.identifier, { matter: 'XK-SPJY', caseNo });
      if (caseNo.trim() === 'XK-2026-0001') {
        expect(res.status, caseNo).toBe(200);
        continue;
      }
      expect(res.status, caseNo).toBe(400);
      expect(Problem.parse(res.body)).toMatchObject({ code: 'invalid_case_no', title: expect.stringContaining('XK-2026-000123') });
    }
    expect((await lookup(SHOWCASE.cleanPerson.identifier, { matter: 'PX-MF', caseNo: '随便什么编号 1' })).status).toBe(200);
    const searched = await search('王振东', { matter: 'CG-GYS', caseNo: 'ZB-2026-0001' });
    expect(searched.status).toBe(400);
    expect(searched.body.code).toBe('invalid_case_no');
  });
});

describe('score changes (test control)', () => {
  it('moves the 海贝分 and its grade; the breakdown still adds up', async () => {
    const changed = await call(`${t.controls}/scores`, {
      body: { identifier: SHOWCASE.haibeiDPerson.identifier, points: 300, category: '志愿服务', description: '测试加分' },
    });
    expect(changed.body).toMatchObject({ score: 1060, grade: 'AA' });
    const r = LookupResponse.parse((await lookup(SHOWCASE.haibeiDPerson.identifier, purpose('GG-XYD'))).body);
    const h = r.profile.haibei;
    expect(h).toMatchObject({ score: 1060, grade: 'AA' });
    expect(h?.recentRecords[0]).toMatchObject({ points: 300, category: '志愿服务' });
    expect((h?.base ?? 0) + (h?.breakdown ?? []).reduce((s, b) => s + b.points, 0)).toBe(1060);
    await call(`${t.controls}/scores`, { body: { identifier: SHOWCASE.haibeiDPerson.identifier, points: -300 } });
  });
});

describe('name search', () => {
  async function searchRep(token: string) {
    const res = await search('王振东', purpose('CG-GYS'), token);
    expect(res.status).toBe(200);
    const rep = NameSearchResponse.parse(res.body).candidates.find((c) => c.masked === '3710**********019X');
    if (!rep) throw new Error('王振东 not among the candidates');
    return rep;
  }

  it('returns prefix matches with masked identifiers, opaque refs and visible entry counts', async () => {
    const res = await search('王振', purpose('CG-GYS'));
    expect(res.status).toBe(200);
    const { candidates } = NameSearchResponse.parse(res.body);
    expect(candidates.length).toBeGreaterThanOrEqual(1);
    expect(candidates.length).toBeLessThanOrEqual(20);
    for (const c of candidates) {
      expect(c.name.startsWith('王振')).toBe(true);
      expect(c.ref).toMatch(/^ref_[A-Za-z0-9_-]{22}$/);
      expect(c).not.toHaveProperty('identifier');
    }
    const rep = candidates.find((c) => c.name === SHOWCASE.legalRepPerson.name);
    expect(rep).toMatchObject({ masked: '3710**********019X', entryCount: 1 });
    expect(JSON.stringify(res.body)).not.toContain(SHOWCASE.legalRepPerson.identifier);
  });

  it('Latin letters search by pinyin initials, in either case, exact initials first', async () => {
    for (const query of ['ljj', 'L J J']) {
      const res = await search(query, purpose('PX-MF'));
      expect(res.status).toBe(200);
      const { candidates } = NameSearchResponse.parse(res.body);
      expect(candidates.map((c) => c.name)).toContain(SHOWCASE.courtDishonestPerson.name);
      const initials = candidates.map((c) => pinyinInitials(c.name, nameOf(c.kind)));
      for (const i of initials) expect(i.startsWith('LJJ')).toBe(true);
      const exact = initials.filter((i) => i === 'LJJ').length;
      expect(exact).toBeGreaterThan(0);
      expect(initials.slice(0, exact).every((i) => i === 'LJJ')).toBe(true);
    }
  });

  it('a ref resolves for the terminal that searched, with purpose checks and the resolved identifier logged', async () => {
    const own = await enrolAndLogin(t);
    const rep = await searchRep(own.token);
    const refused = await lookupRef(rep.ref, {}, own.token);
    expect(refused.status).toBe(400);
    expect(Problem.parse(refused.body).code).toBe('purpose_required');
    const res = await lookupRef(rep.ref, purpose('CG-GYS', 'CG-2026-0101'), own.token);
    expect(res.status).toBe(200);
    const r = LookupResponse.parse(res.body);
    expect(r.profile.subject.identifier).toBe(SHOWCASE.legalRepPerson.identifier);
    expect(r.profile.entries.map((e) => e.id)).toEqual(['WH-SC-0014']);
    const log = (await call(`${t.controls}/access-log`)).body.entries as {
      terminalId: string;
      caseNo: string | null;
      identifier: string | null;
    }[];
    expect(log.find((e) => e.terminalId === own.terminalId && e.caseNo === 'CG-2026-0101')).toMatchObject({
      identifier: SHOWCASE.legalRepPerson.identifier,
    });
  });

  it('404 not_found for a ref of another terminal and for an unknown ref', async () => {
    const other = await enrolAndLogin(t);
    const rep = await searchRep(session.token);
    for (const [ref, token] of [
      [rep.ref, other.token],
      ['ref_AAAAAAAAAAAAAAAAAAAAAA', session.token],
    ] as const) {
      const res = await lookupRef(ref, purpose('CG-GYS'), token);
      expect(res.status).toBe(404);
      const p = Problem.parse(res.body);
      expect(p.code).toBe('not_found');
      expect(p.title).toContain('重新按名称查询');
      expect(JSON.stringify(res.body)).not.toContain(SHOWCASE.legalRepPerson.identifier);
    }
    const own = await lookupRef(rep.ref, purpose('CG-GYS'));
    expect(own.status).toBe(200);
  });

  it('404 not_found for a ref older than ten minutes', async () => {
    let offsetMs = 0;
    const clocked = await startTestPlatform({ now: () => new Date(Date.now() + offsetMs) });
    try {
      const login = await enrolAndLogin(clocked);
      const res = await search('王振东', purpose('CG-GYS'), login.token, clocked.api);
      const ref = NameSearchResponse.parse(res.body).candidates[0]?.ref;
      if (!ref) throw new Error('no candidate');
      offsetMs = 9 * 60_000;
      expect((await lookupRef(ref, purpose('CG-GYS'), login.token, clocked.api)).status).toBe(200);
      offsetMs = 10 * 60_000 + 1_000;
      const expired = await lookupRef(ref, purpose('CG-GYS'), login.token, clocked.api);
      expect(expired.status).toBe(404);
      expect(Problem.parse(expired.body).code).toBe('not_found');
    } finally {
      await clocked.platform.close();
    }
  });

  it('needs a purpose and a name', async () => {
    expect((await search('王建', {})).body.code).toBe('purpose_required');
    const noName = await call(`${t.api}/subjects/search`, { token: session.token, body: purpose() });
    expect(noName.status).toBe(400);
    expect(noName.body.code).toBe('bad_request');
  });
});

describe('identifiers travel in the body', () => {
  it('the old GET forms with the identifier or the name in the URL are gone (404), and look nothing up', async () => {
    const own = await enrolAndLogin(t);
    const id = SHOWCASE.courtDishonestPerson.identifier;
    const q = 'matter=PX-MF&caseNo=BJ-2026-0001';
    for (const url of [`${t.api}/subjects/${id}?${q}`, `${t.api}/subjects?name=${encodeURIComponent('李建军')}&${q}`]) {
      const res = await call(url, { token: own.token });
      expect(res.status, url).toBe(404);
      expect(JSON.stringify(res.body)).not.toContain(id);
    }
    const log = (await call(`${t.controls}/access-log`)).body.entries as { terminalId: string }[];
    expect(log.filter((e) => e.terminalId === own.terminalId)).toEqual([]);
  });

  it('a lookup names either an identifier or a candidate ref, not both and not neither', async () => {
    for (const body of [{ ...purpose() }, { ...purpose(), identifier: SHOWCASE.cleanPerson.identifier, ref: 'ref_x' }]) {
      const res = await call(`${t.api}/subjects/lookup`, { token: session.token, body });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('bad_request');
    }
  });
});

describe('access log', () => {
  it('records lookups and name searches, refused ones included', async () => {
    const own = await enrolAndLogin(t);
    await lookup(SHOWCASE.cleanPerson.identifier, purpose('PX-MF', 'LOG-1'), own.token);
    await lookup(SHOWCASE.cleanPerson.identifier, {}, own.token);
    await lookup('12345', purpose('PX-MF', 'LOG-2'), own.token);
    await search('张明', purpose('PX-MF', 'LOG-3'), own.token);
    const log = (await call(`${t.controls}/access-log`)).body.entries as {
      terminalId: string;
      action: string;
      caseNo: string | null;
      outcome: string;
      identifier: string | null;
      operatorId: string;
    }[];
    const mine = log.filter((e) => e.terminalId === own.terminalId).reverse();
    expect(mine.map((e) => [e.action, e.caseNo, e.outcome])).toEqual([
      ['LOOKUP', 'LOG-1', 'ok'],
      ['LOOKUP', null, 'purpose_required'],
      ['LOOKUP', 'LOG-2', 'invalid_identifier'],
      ['NAME_SEARCH', 'LOG-3', expect.stringMatching(/^candidates:/)],
    ]);
    expect(mine[0]).toMatchObject({ identifier: SHOWCASE.cleanPerson.identifier, operatorId: 'c001' });
  });
});
