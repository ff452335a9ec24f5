import { describe, expect, it } from 'vitest';
import { Catalogue as CatalogueSchema } from '../contract/domain';
import type { Catalogue, IndustryGrade, ListEntry, Matter, Profile } from '../contract/domain';
import {
  FIRST_SECOND_OF_JULY_1,
  HONOURS,
  LAST_SECOND_OF_JUNE_30,
  LT,
  M,
  PROCUREMENT,
  companyEntry,
  companyProfile,
  entry,
  haibei,
  personProfile,
  repEntry,
  testCatalogue,
} from './__fixtures__/testCatalogue';
import { evaluateMeasures } from './index';
import type { Evaluation, Trigger } from './index';

const JUNE_30 = LAST_SECOND_OF_JUNE_30;
const JULY_1 = FIRST_SECOND_OF_JULY_1;

function run(profile: Profile, matter: Matter = HONOURS, now: Date = JUNE_30, catalogue: Catalogue = testCatalogue): Evaluation {
  return evaluateMeasures({ profile, matter, catalogue, now });
}

const codes = (ms: readonly { measure: { code: string } }[]): string[] => ms.map((m) => m.measure.code);
const fired = (ev: Evaluation): string[] => [...codes(ev.must), ...codes(ev.may)];
const warningCodes = (ev: Evaluation): string[] => ev.warnings.map((w) => w.code);
const entryTrigger = (entryId: string, listType: string, via: 'SUBJECT' | 'LEGAL_REPRESENTATIVE' = 'SUBJECT'): Trigger => ({
  kind: 'entry',
  entryId,
  listType,
  via,
});
const person = (...entries: ListEntry[]): Profile => personProfile({ entries });

describe('fixture', () => {
  it('is a valid catalogue under the contract schema', () => {
    expect(() => CatalogueSchema.parse(testCatalogue)).not.toThrow();
  });
});

describe('today', () => {
  it.each([
    [JUNE_30, '2026-06-30'],
    [JULY_1, '2026-07-01'],
  ])('judges on the China date of the terminal clock (%s → %s)', (now, today) => {
    expect(run(personProfile(), HONOURS, now).today).toBe(today);
  });

  it('a subject without records is CLEAN with nothing triggered', () => {
    const ev = run(personProfile());
    expect(ev).toMatchObject({ summary: 'CLEAN', must: [], may: [], suppressed: [], entries: [], warnings: [] });
  });
});

describe('validity: active on its end date, expired the day after', () => {
  it.each<[string, string | null, Date, boolean]>([
    ['end date today, 23:59:59', '2026-06-30', JUNE_30, true],
    ['end date yesterday, 00:00:00', '2026-06-30', JULY_1, false],
    ['end date today, 00:00:00', '2026-07-01', JULY_1, true],
    ['ended the day before', '2026-06-29', JUNE_30, false],
    ['open-ended', null, JULY_1, true],
    ['open-ended, far future', null, new Date('2099-01-01T00:00:00Z'), true],
  ])('%s', (_label, validUntil, now, triggers) => {
    const ev = run(person(entry('e-sx', LT.SXBZXR, { validUntil })), HONOURS, now);
    expect(codes(ev.must)).toEqual(triggers ? [M.PX_XZ] : []);
    expect(ev.summary).toBe(triggers ? 'BLACK' : 'CLEAN');
    expect(ev.entries).toHaveLength(1);
    expect(ev.entries[0]).toMatchObject({ effectiveStatus: triggers ? 'ACTIVE' : 'EXPIRED', triggers });
    expect(ev.entries[0]?.nonTriggerReason).toBe(triggers ? undefined : 'EXPIRED');
  });

  it('an entry that expired while offline no longer triggers (platform still says ACTIVE)', () => {
    const e = entry('e-sx', LT.SXBZXR, { validUntil: '2026-06-30', status: 'ACTIVE' });
    expect(run(person(e), HONOURS, JULY_1).entries[0]?.note).toContain('有效期至 2026-06-30');
  });
});

describe('history statuses never trigger', () => {
  it.each(['EXPIRED', 'REPAIRED', 'REMOVED', 'REVOKED'] as const)('%s: shown as history only', (status) => {
    const ev = run(person(entry('e-sx', LT.SXBZXR, { status }), entry('e-a', LT.ANSR, { status })));
    expect(fired(ev)).toEqual([]);
    expect(ev.suppressed).toEqual([]);
    expect(ev.summary).toBe('CLEAN');
    expect(ev.entries.map((e) => [e.entry.id, e.effectiveStatus, e.triggers, e.nonTriggerReason])).toEqual([
      ['e-sx', status, false, status],
      ['e-a', status, false, status],
    ]);
    for (const e of ev.entries) expect(e.note).toContain('仅作历史记录');
  });
});

describe('objection pending', () => {
  it.each<[string, string, boolean]>([
    ['flag true (重大税收违法失信主体): triggers', LT.ZDSSWF, true],
    ['flag false (失信被执行人): does not trigger', LT.SXBZXR, false],
  ])('%s, always with a warning', (_label, listType, triggers) => {
    const ev = run(person(entry('e-op', listType, { status: 'OBJECTION_PENDING' })));
    expect(codes(ev.must)).toEqual(triggers ? [M.PX_XZ] : []);
    expect(ev.summary).toBe(triggers ? 'BLACK' : 'WARNING');
    expect(ev.warnings).toEqual([expect.objectContaining({ code: 'OBJECTION_PENDING', entryId: 'e-op' })]);
    expect(ev.warnings[0]?.message).toContain('异议处理中');
    expect(ev.entries[0]).toMatchObject({ effectiveStatus: 'OBJECTION_PENDING', triggers });
    expect(ev.entries[0]?.nonTriggerReason).toBe(triggers ? undefined : 'OBJECTION_PENDING');
  });

  it('a triggering objection-pending serious black entry suppresses incentives; a non-triggering one does not', () => {
    const red = entry('e-a', LT.ANSR);
    const withFlag = run(person(red, entry('e-tax', LT.ZDSSWF, { status: 'OBJECTION_PENDING' })));
    expect(codes(withFlag.suppressed)).toEqual([M.PX_YX, M.LSTD]);
    const withoutFlag = run(person(red, entry('e-sx', LT.SXBZXR, { status: 'OBJECTION_PENDING' })));
    expect(withoutFlag.suppressed).toEqual([]);
    expect(codes(withoutFlag.must)).toEqual([M.LSTD, M.FP]);
    expect(withoutFlag.summary).toBe('RED');
  });

  it('an objection-pending entry past its end date is expired for triggering', () => {
    const ev = run(person(entry('e-tax', LT.ZDSSWF, { status: 'OBJECTION_PENDING', validUntil: '2026-06-30' })), HONOURS, JULY_1);
    expect(fired(ev)).toEqual([]);
    expect(ev.entries[0]).toMatchObject({ effectiveStatus: 'OBJECTION_PENDING', triggers: false, nonTriggerReason: 'EXPIRED' });
    expect(ev.warnings).toEqual([]);
  });
});

describe('purpose limitation', () => {
  it('entries of list types the matter may not see are neither used nor returned', () => {
    // 医疗保障失信名单 is in the trigger of 限制参加评先评优 but not visible to the matter.
    const ev = run(person(entry('e-yb', LT.YBSX)));
    expect(ev.entries).toEqual([]);
    expect(fired(ev)).toEqual([]);
    expect(ev.summary).toBe('CLEAN');
  });

  it.each<[string, Matter, string[], string]>([
    ['honours sees 劳动保障红名单', HONOURS, ['e-ld'], 'RED'],
    ['procurement does not', PROCUREMENT, [], 'CLEAN'],
  ])('%s', (_label, matter, visibleIds, summary) => {
    const ev = run(companyProfile({ entries: [companyEntry('e-ld', LT.LDBZ)] }), matter);
    expect(ev.entries.map((e) => e.entry.id)).toEqual(visibleIds);
    expect(ev.summary).toBe(summary);
  });

  it('an invisible serious black entry does not suppress incentives', () => {
    const ev = run(person(entry('e-yb', LT.YBSX), entry('e-a', LT.ANSR)));
    expect(ev.suppressed).toEqual([]);
    expect(codes(ev.must)).toEqual([M.LSTD, M.FP]);
  });

  it("the legal representative's invisible entries are not returned either", () => {
    const ev = run(companyProfile({}, [repEntry('r-yb', LT.YBSX)]));
    expect(ev.entries).toEqual([]);
  });
});

describe('only the matter’s measures list fires', () => {
  it('a measure outside the matter never fires, even when its list is hit', () => {
    // 失信被执行人 triggers 限制乘坐飞机 in the catalogue, but no fixture matter lists it.
    const ev = run(person(entry('e-sx', LT.SXBZXR)));
    expect(fired(ev)).not.toContain(M.FJ);
    expect(codes(ev.must)).toEqual([M.PX_XZ]);
  });

  it('codes missing from the catalogue are ignored without crashing', () => {
    expect(HONOURS.measures).toContain('X-NOT-IN-CATALOGUE');
    expect(() => run(person(entry('e-sx', LT.SXBZXR)))).not.toThrow();
  });

  it('an entry whose list fires no measure of the matter is NO_MEASURE_IN_MATTER but still counts for the summary', () => {
    // 政府采购严重违法失信名单 is visible to procurement; procurement's 限制参加政府采购活动 uses it, honours has no such matter.
    const matter: Matter = { ...PROCUREMENT, measures: [M.CG_JF] };
    const ev = run(companyProfile({ entries: [companyEntry('e-cg', LT.ZFCG)] }), matter);
    expect(fired(ev)).toEqual([]);
    expect(ev.entries[0]).toMatchObject({ effectiveStatus: 'ACTIVE', triggers: false, nonTriggerReason: 'NO_MEASURE_IN_MATTER' });
    expect(ev.summary).toBe('BLACK');
  });

  it("must and may follow the matter's order, and a code listed twice fires once", () => {
    const matter: Matter = { ...HONOURS, measures: [M.FP, M.PX_YX, M.LSTD, M.FP, M.ZDJG] };
    const ev = run(person(entry('e-a', LT.ANSR), entry('e-jt', LT.JTZDGZ)), matter);
    expect(codes(ev.must)).toEqual([M.FP, M.LSTD]);
    expect(codes(ev.may)).toEqual([M.PX_YX, M.ZDJG]);
  });
});

describe('suppression of incentives by a serious black entry', () => {
  it('red + serious black → BOTH, suppressible incentives suppressed with reason and IDs, punishments and unsuppressible incentives stay', () => {
    const ev = run(person(entry('e-a', LT.ANSR), entry('e-sx', LT.SXBZXR)));
    expect(ev.summary).toBe('BOTH');
    expect(codes(ev.must)).toEqual([M.PX_XZ, M.FP]);
    expect(codes(ev.may)).toEqual([]);
    expect(ev.suppressed.map((s) => [s.measure.code, s.reason, s.suppressingEntryIds])).toEqual([
      [M.PX_YX, '存在严重失信记录（失信被执行人），守信激励措施暂停适用', ['e-sx']],
      [M.LSTD, '存在严重失信记录（失信被执行人），守信激励措施暂停适用', ['e-sx']],
    ]);
    expect(ev.suppressed[0]?.triggeredBy).toEqual([entryTrigger('e-a', LT.ANSR)]);
    const sx = ev.entries.find((e) => e.entry.id === 'e-sx');
    expect(sx?.note).toContain('2 项守信激励措施暂停适用');
  });

  it('several serious lists are all named', () => {
    const ev = run(person(entry('e-a', LT.ANSR), entry('e-sx', LT.SXBZXR), entry('e-tax', LT.ZDSSWF), entry('e-sx2', LT.SXBZXR)));
    expect(ev.suppressed[0]?.reason).toBe('存在严重失信记录（失信被执行人、重大税收违法失信主体），守信激励措施暂停适用');
    expect(ev.suppressed[0]?.suppressingEntryIds).toEqual(['e-sx', 'e-tax', 'e-sx2']);
  });

  it.each<[string, ListEntry]>([
    ['a non-serious black entry', entry('e-jt', LT.JTZDGZ)],
    ['an expired serious black entry', entry('e-sx', LT.SXBZXR, { validUntil: '2026-06-29' })],
    ['a repaired serious black entry', entry('e-sx', LT.SXBZXR, { status: 'REPAIRED' })],
  ])('%s does not suppress', (_label, black) => {
    const ev = run(person(entry('e-a', LT.ANSR), black));
    expect(ev.suppressed).toEqual([]);
    expect(codes(ev.must)).toEqual(expect.arrayContaining([M.LSTD, M.FP]));
    expect(codes(ev.may)).toContain(M.PX_YX);
  });

  it('a non-serious black entry with red → BOTH, incentives apply', () => {
    const ev = run(person(entry('e-a', LT.ANSR), entry('e-jt', LT.JTZDGZ)));
    expect(ev.summary).toBe('BOTH');
    expect(codes(ev.must)).toEqual([M.LSTD, M.FP]);
    expect(codes(ev.may)).toEqual([M.ZDJG, M.PX_YX]);
  });

  it('punishments are never suppressed', () => {
    const ev = run(person(entry('e-sx', LT.SXBZXR), entry('e-tq', LT.TQNMG), entry('e-jt', LT.JTZDGZ)));
    expect(codes(ev.must)).toEqual([M.PX_XZ]);
    expect(codes(ev.may)).toEqual([M.ZDJG]);
    expect(ev.suppressed).toEqual([]);
  });
});

describe('legal representative', () => {
  it('triggers measures that target the representative, with via LEGAL_REPRESENTATIVE', () => {
    const ev = run(companyProfile({}, [repEntry('r-sx', LT.SXBZXR)]), PROCUREMENT);
    expect(codes(ev.must)).toEqual([M.CG_XZ]);
    expect(ev.must[0]?.triggeredBy).toEqual([entryTrigger('r-sx', LT.SXBZXR, 'LEGAL_REPRESENTATIVE')]);
    expect(ev.summary).toBe('BLACK');
    expect(ev.entries[0]).toMatchObject({ via: 'LEGAL_REPRESENTATIVE', triggers: true });
  });

  it('does not trigger measures that do not target the representative', () => {
    // 列为重点监管对象 is triggered by 交通运输领域失信重点关注名单 but not for representatives.
    const ev = run(companyProfile({}, [repEntry('r-jt', LT.JTZDGZ)]));
    expect(fired(ev)).toEqual([]);
    expect(ev.entries[0]).toMatchObject({ via: 'LEGAL_REPRESENTATIVE', triggers: false, nonTriggerReason: 'NO_MEASURE_IN_MATTER' });
    expect(ev.entries[0]?.note).toContain('法定代表人');
    expect(ev.summary).toBe('BLACK');
  });

  it("the company's own entry triggers the same non-targeting measure", () => {
    const ev = run(companyProfile({ entries: [companyEntry('c-jt', LT.JTZDGZ)] }));
    expect(codes(ev.may)).toEqual([M.ZDJG]);
  });

  it("the representative's red entry neither triggers incentives nor makes the company RED", () => {
    const ev = run(companyProfile({}, [repEntry('r-a', LT.ANSR)]));
    expect(fired(ev)).toEqual([]);
    expect(ev.summary).toBe('CLEAN');
  });

  it("the representative's serious black entry suppresses the company's incentives", () => {
    const ev = run(companyProfile({ entries: [companyEntry('c-a', LT.ANSR)] }, [repEntry('r-sx', LT.SXBZXR)]));
    expect(ev.summary).toBe('BOTH');
    expect(codes(ev.suppressed)).toEqual([M.PX_YX, M.LSTD]);
    expect(ev.suppressed[0]?.reason).toBe('法定代表人存在严重失信记录（失信被执行人），守信激励措施暂停适用');
    expect(ev.suppressed[0]?.suppressingEntryIds).toEqual(['r-sx']);
    expect(codes(ev.must)).toEqual([M.PX_XZ, M.FP]);
  });

  it('company and representative both listed: reason names both, both triggers listed', () => {
    const ev = run(
      companyProfile({ entries: [companyEntry('c-a', LT.ANSR), companyEntry('c-tax', LT.ZDSSWF)] }, [repEntry('r-sx', LT.SXBZXR)]),
    );
    expect(ev.suppressed[0]?.reason).toBe('存在严重失信记录（重大税收违法失信主体；法定代表人：失信被执行人），守信激励措施暂停适用');
    expect(ev.suppressed[0]?.suppressingEntryIds).toEqual(['c-tax', 'r-sx']);
    expect(ev.must[0]?.triggeredBy).toEqual([entryTrigger('c-tax', LT.ZDSSWF), entryTrigger('r-sx', LT.SXBZXR, 'LEGAL_REPRESENTATIVE')]);
    expect(ev.entries.map((e) => e.via)).toEqual(['SUBJECT', 'SUBJECT', 'LEGAL_REPRESENTATIVE']);
  });

  it('a person has no representative: one sent by mistake is ignored', () => {
    const company = companyProfile({}, [repEntry('r-sx', LT.SXBZXR)]);
    const ev = run(personProfile({ legalRepresentative: company.legalRepresentative }));
    expect(ev.entries).toEqual([]);
    expect(ev.summary).toBe('CLEAN');
  });
});

describe('industry grades', () => {
  const grade = (g: string, validUntil: string | null, field = 'HB'): IndustryGrade => ({
    field,
    grade: g,
    ratedOn: '2025-07-01',
    validUntil,
    authority: '威海市生态环境局',
  });

  it.each<[string, IndustryGrade, Matter, string[]]>([
    ['D grade in procurement → 从严审核', grade('D', null), PROCUREMENT, [M.CG_CY]],
    ['C grade in procurement → 从严审核', grade('C', '2026-06-30'), PROCUREMENT, [M.CG_CY]],
    ['grade valid through today counts', grade('D', '2026-06-30'), PROCUREMENT, [M.CG_CY]],
    ['expired grade does not count', grade('D', '2026-06-29'), PROCUREMENT, []],
    ['other grade of the field', grade('B', null), PROCUREMENT, []],
    ['same grade, other field', grade('D', null, 'JT'), PROCUREMENT, []],
    ['A grade in honours → 优先考虑', grade('A', null), HONOURS, [M.PX_YX]],
  ])('%s', (_label, g, matter, expected) => {
    const ev = run(companyProfile({ grades: [g] }), matter);
    expect(fired(ev)).toEqual(expected);
    for (const m of [...ev.must, ...ev.may]) {
      expect(m.triggeredBy).toEqual([{ kind: 'industryGrade', field: g.field, grade: g.grade }]);
    }
    expect(ev.summary).toBe('CLEAN'); // grades carry no list polarity
  });

  it('a graded incentive is suppressed by a serious black entry too', () => {
    const ev = run(companyProfile({ grades: [grade('A', null)], entries: [companyEntry('c-sx', LT.SXBZXR)] }));
    expect(codes(ev.suppressed)).toEqual([M.PX_YX]);
  });
});

describe('海贝分', () => {
  it.each<[number, string[], string[]]>([
    [1300, [M.PX_YX, M.XYJ], []],
    [1150, [M.PX_YX, M.XYJ], []],
    [1149, [M.PX_YX, M.XYJ], []],
    [1050, [M.PX_YX, M.XYJ], []],
    [1049, [], []],
    [1000, [], []],
    [801, [], []],
    [800, [M.ZDJG], ['CREDIT_WARNING_D']],
    [600, [M.ZDJG], ['CREDIT_WARNING_D']],
  ])('score %d fires %j with warnings %j', (score, expected, warnings) => {
    const ev = run(personProfile({ haibei: haibei(score) }));
    expect(fired(ev).sort()).toEqual([...expected].sort());
    for (const m of [...ev.must, ...ev.may]) expect(m.triggeredBy).toEqual([expect.objectContaining({ kind: 'haibei', score })]);
    expect(warningCodes(ev)).toEqual(warnings);
    expect(ev.summary).toBe(warnings.length > 0 ? 'WARNING' : 'CLEAN');
  });

  it('the grade comes from the score, not from a stale grade field', () => {
    const ev = run(personProfile({ haibei: haibei(1200, 'D') }));
    expect(ev.may[0]?.triggeredBy).toEqual([{ kind: 'haibei', grade: 'AAA', score: 1200 }]);
    expect(ev.warnings).toEqual([]);
    const d = run(personProfile({ haibei: haibei(780, 'AAA') }));
    expect(codes(d.may)).toEqual([M.ZDJG]);
    expect(d.warnings[0]?.message).toBe('海贝分 780，等级 D（诚信警示）');
  });

  it('AAA with an active serious black entry: 信易+ suppressed', () => {
    const ev = run(personProfile({ haibei: haibei(1200), entries: [entry('e-sx', LT.SXBZXR)] }));
    expect(codes(ev.suppressed)).toEqual([M.PX_YX, M.XYJ]);
    expect(ev.suppressed[1]?.triggeredBy).toEqual([{ kind: 'haibei', grade: 'AAA', score: 1200 }]);
  });

  it('applies to persons only', () => {
    const ev = run(companyProfile({ haibei: haibei(600) }));
    expect(fired(ev)).toEqual([]);
    expect(ev.warnings).toEqual([]);
  });

  it('D with an active black entry: BLACK, the warning is still listed', () => {
    const ev = run(personProfile({ haibei: haibei(700), entries: [entry('e-jt', LT.JTZDGZ)] }));
    expect(ev.summary).toBe('BLACK');
    expect(warningCodes(ev)).toEqual(['CREDIT_WARNING_D']);
    expect(ev.may[0]?.triggeredBy).toEqual([entryTrigger('e-jt', LT.JTZDGZ), { kind: 'haibei', grade: 'D', score: 700 }]);
  });
});

describe('every trigger that fired a measure is listed', () => {
  it('entries in profile order, then grades, then 海贝分', () => {
    const ev = run(
      personProfile({
        entries: [entry('e-ld', LT.LDBZ), entry('e-a', LT.ANSR), entry('e-old', LT.ANSR, { status: 'EXPIRED' })],
        grades: [{ field: 'HB', grade: 'A', ratedOn: '2026-01-01', validUntil: null, authority: '威海市生态环境局' }],
        haibei: haibei(1100),
      }),
    );
    const pxyx = ev.may.find((m) => m.measure.code === M.PX_YX);
    expect(pxyx?.triggeredBy).toEqual([
      entryTrigger('e-ld', LT.LDBZ),
      entryTrigger('e-a', LT.ANSR),
      { kind: 'industryGrade', field: 'HB', grade: 'A' },
      { kind: 'haibei', grade: 'AA', score: 1100 },
    ]);
    expect(ev.entries.find((e) => e.entry.id === 'e-old')?.triggers).toBe(false);
  });
});

describe('warnings', () => {
  it.each<[string, string | null, boolean, string | undefined]>([
    ['ends today', '2026-06-30', true, '今日到期'],
    ['ends in 30 days', '2026-07-30', true, '30 天后到期'],
    ['ends in 31 days', '2026-07-31', false, undefined],
    ['open-ended', null, false, undefined],
  ])('ENTRY_EXPIRES_SOON: %s', (_label, validUntil, warns, text) => {
    const ev = run(person(entry('e-jt', LT.JTZDGZ, { validUntil })));
    expect(warningCodes(ev)).toEqual(warns ? ['ENTRY_EXPIRES_SOON'] : []);
    if (text) expect(ev.warnings[0]?.message).toContain(text);
    expect(ev.summary).toBe('BLACK'); // an active hit outranks warnings
  });

  it('an expired entry gets no expiry warning', () => {
    expect(run(person(entry('e-jt', LT.JTZDGZ, { validUntil: '2026-06-30' })), HONOURS, JULY_1).warnings).toEqual([]);
  });

  it('UNKNOWN_LIST_TYPE: a visible list type missing from the catalogue is shown, warned and has no polarity', () => {
    const matter: Matter = { ...HONOURS, visibleListTypes: [...HONOURS.visibleListTypes, 'GHOST'] };
    const ev = run(person(entry('e-g', 'GHOST')), matter);
    expect(ev.entries.map((e) => e.entry.id)).toEqual(['e-g']);
    expect(ev.warnings).toEqual([expect.objectContaining({ code: 'UNKNOWN_LIST_TYPE', entryId: 'e-g' })]);
    expect(ev.warnings[0]?.message).toContain(testCatalogue.version);
    expect(ev.summary).toBe('WARNING');
  });
});

describe('summary', () => {
  it.each<[string, Profile, string]>([
    ['nothing', personProfile(), 'CLEAN'],
    ['history only', person(entry('e-sx', LT.SXBZXR, { status: 'REPAIRED' })), 'CLEAN'],
    ['active red', person(entry('e-a', LT.ANSR)), 'RED'],
    ['active black', person(entry('e-sx', LT.SXBZXR)), 'BLACK'],
    ['active red and black', person(entry('e-a', LT.ANSR), entry('e-jt', LT.JTZDGZ)), 'BOTH'],
    ['red and expired black', person(entry('e-a', LT.ANSR), entry('e-sx', LT.SXBZXR, { validUntil: '2026-06-01' })), 'RED'],
    ['objection pending only (not triggering)', person(entry('e-sx', LT.SXBZXR, { status: 'OBJECTION_PENDING' })), 'WARNING'],
    ['海贝分 D only', personProfile({ haibei: haibei(800) }), 'WARNING'],
    ['red with 海贝分 D', personProfile({ haibei: haibei(800), entries: [entry('e-a', LT.ANSR)] }), 'RED'],
    ["company with representative's black", companyProfile({}, [repEntry('r-jt', LT.JTZDGZ)]), 'BLACK'],
    [
      "company red with representative's black",
      companyProfile({ entries: [companyEntry('c-a', LT.ANSR)] }, [repEntry('r-jt', LT.JTZDGZ)]),
      'BOTH',
    ],
    ["company with representative's red", companyProfile({}, [repEntry('r-a', LT.ANSR)]), 'CLEAN'],
  ])('%s → %s', (_label, profile, summary) => {
    expect(run(profile).summary).toBe(summary);
  });
});

describe('purity', () => {
  it('does not mutate its input and is deterministic', () => {
    const profile = companyProfile(
      { entries: [companyEntry('c-a', LT.ANSR), companyEntry('c-jt', LT.JTZDGZ, { validUntil: '2026-07-10' })], grades: [] },
      [repEntry('r-sx', LT.SXBZXR)],
    );
    const before = JSON.stringify({ profile, testCatalogue, HONOURS });
    const a = run(profile);
    const b = run(profile);
    expect(JSON.stringify({ profile, testCatalogue, HONOURS })).toBe(before);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('throws RangeError on an invalid clock', () => {
    expect(() => run(personProfile(), HONOURS, new Date(Number.NaN))).toThrow(RangeError);
  });
});
