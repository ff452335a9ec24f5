import { describe, expect, it } from 'vitest';
import { Catalogue } from '../../shared/contract';
import { caseNoPattern, checkCaseNo } from '../../shared/purpose';
import { buildCatalogue } from './catalogue';

describe('demo catalogue: purpose limitation', () => {
  const catalogue = Catalogue.parse(buildCatalogue());
  const measures = new Map(catalogue.measures.map((m) => [m.code, m]));

  it('a matter sees every part of a profile one of its measures triggers on (else the measure could never fire)', () => {
    for (const matter of catalogue.matters) {
      for (const code of matter.measures) {
        const trigger = measures.get(code)!.trigger;
        for (const { field } of trigger.industryGrades)
          expect(matter.visibleProfile?.gradeFields, `${matter.code} ${code}`).toContain(field);
        if (trigger.haibeiGrades.length > 0) expect(matter.visibleProfile?.haibei, `${matter.code} ${code}`).toBe(true);
      }
    }
  });

  it('some matters ask for nothing beyond their lists, some define a case-number format and some do not', () => {
    expect(catalogue.matters.some((m) => m.visibleProfile === undefined)).toBe(true);
    expect(catalogue.matters.filter((m) => m.caseNoFormat).length).toBeGreaterThanOrEqual(5);
    expect(catalogue.matters.some((m) => !m.caseNoFormat)).toBe(true);
  });

  it('every case-number pattern compiles and its example has the format', () => {
    for (const matter of catalogue.matters.filter((m) => m.caseNoFormat)) {
      expect(caseNoPattern(matter)?.source, matter.code).not.toBe('(?!)');
      expect(checkCaseNo(matter, matter.caseNoFormat!.example), matter.code).toEqual({ ok: true });
    }
  });
});
