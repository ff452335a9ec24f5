import { describe, expect, it } from 'vitest';
import { FEEDBACK_REFUSAL_ZH, feedbackRefusal } from './feedbackRule';

describe('feedbackRefusal', () => {
  it('takes a complete decision of each kind', () => {
    expect(feedbackRefusal({ decision: 'APPLIED' })).toBeNull();
    expect(feedbackRefusal({ decision: 'NOT_APPLIED', reason: '已履行完毕' })).toBeNull();
    expect(feedbackRefusal({ decision: 'OTHER_MEASURE', content: '约谈', result: '已整改' })).toBeNull();
    expect(feedbackRefusal({ decision: 'DEFERRED', reason: '补交材料' }, 'MUST')).toBeNull();
  });

  it('refuses what is missing, blank text counting as none', () => {
    expect(feedbackRefusal({ decision: null })).toBe('decision_required');
    expect(feedbackRefusal({ decision: 'NOT_APPLIED', reason: ' ' })).toBe('reason_required');
    expect(feedbackRefusal({ decision: 'OTHER_MEASURE', content: '约谈' })).toBe('other_measure_incomplete');
    expect(feedbackRefusal({ decision: 'OTHER_MEASURE', result: '已整改' })).toBe('other_measure_incomplete');
    expect(feedbackRefusal({ decision: 'DEFERRED' }, 'MUST')).toBe('deferral_reason_required');
  });

  it('defers only a MUST measure, and a deferral never settles another', () => {
    expect(feedbackRefusal({ decision: 'DEFERRED', reason: '补交材料' }, 'MAY')).toBe('deferral_not_must');
    expect(feedbackRefusal({ decision: 'DEFERRED', reason: '补交材料', resolves: 'fb-1' }, 'MUST')).toBe('deferral_settles');
    expect(feedbackRefusal({ decision: 'NOT_APPLIED', reason: '已履行', resolves: 'fb-1' }, 'MUST')).toBeNull();
  });

  it('words every refusal with the measure title', () => {
    for (const word of Object.values(FEEDBACK_REFUSAL_ZH)) expect(word('限制参评荣誉')).toContain('“限制参评荣誉”');
  });
});
