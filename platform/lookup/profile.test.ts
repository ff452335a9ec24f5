import { describe, expect, it } from 'vitest';
import type { ListEntry } from '../../shared/contract';
import { orgCodeCheckChar, parseId, residentIdCheckChar, usccCheckChar } from '../../shared/ids';
import { createContext } from '../context';
import { openDatabase } from '../db/open';
import { LT } from '../seed/catalogue';
import { seedDatabase } from '../seed/writeDatabase';
import { lookupProfile } from './profile';

const NOW = new Date('2026-11-27T02:00:00Z');

function context() {
  const db = openDatabase(':memory:');
  seedDatabase(db, { subjects: 0, entries: 0, seed: 1 });
  const settings = { enrolmentCode: 'x', minClientVersion: '0.1.0', tokenTtlSeconds: 60, offlineUnlockHours: 1 };
  return createContext(db, settings, 0, () => NOW);
}

function uscc(body16: string): string {
  const first17 = body16 + orgCodeCheckChar(body16.slice(8, 16));
  return first17 + usccCheckChar(first17);
}

describe('lookupProfile: legal representative', () => {
  it("includes a representative's visible entries even when the representative is no subject of this platform", () => {
    const ctx = context();
    const rep = '11010519800101123' + residentIdCheckChar('11010519800101123'); // registered in Beijing
    const company = uscc('91371002MA3T4K5R');
    ctx.subjects.insertSubject({
      id: 9_000_001,
      identifier: company,
      identifierType: 'USCC',
      kind: 'ENTERPRISE',
      name: '威海测试贸易有限公司',
      orgCode: company.slice(8, 17),
      legalRepresentative: rep,
      haibeiScore: null,
      haibeiUpdatedAt: null,
    });
    const published = (id: string, listType: string): ListEntry => ({
      id,
      listType,
      subjectKind: 'PERSON',
      subjectName: '赵某某',
      identifier: rep,
      identifierType: 'RESIDENT_ID',
      reason: '拒不履行',
      listedOn: '2026-03-01',
      validUntil: null,
      authority: '北京市东城区人民法院',
      documentNo: '(2026)京0101执1号',
      amount: null,
      status: 'ACTIVE',
      updatedAt: '2026-03-01T09:00:00+08:00',
    });
    ctx.entries.put(published('WH-T-REP-COURT', LT.COURT), rep);
    ctx.entries.put(published('WH-T-REP-HIDDEN', LT.VOLUNTEER), rep);

    const parsed = parseId(company, { today: NOW });
    if (!parsed.ok) throw new Error('test USCC is invalid');
    const matter = ctx.catalogue.matters.get('CG-GYS');
    if (!matter) throw new Error('no matter CG-GYS');
    expect(matter.visibleListTypes).toContain(LT.COURT);
    expect(matter.visibleListTypes).not.toContain(LT.VOLUNTEER);

    const found = lookupProfile(ctx, parsed, matter);
    expect(found?.profile.legalRepresentative).toMatchObject({
      kind: 'PERSON',
      name: '赵某某',
      identifier: rep,
      identifierType: 'RESIDENT_ID',
      masked: '1101**********' + rep.slice(14),
    });
    expect(found?.profile.legalRepresentative?.entries.map((e) => e.id)).toEqual(['WH-T-REP-COURT']);
    ctx.db.close();
  });
});
