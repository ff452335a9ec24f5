import { describe, expect, it, vi } from 'vitest';
import type { Measure } from '../../../shared/contract';
import type { Evaluation } from '../../../shared/measures';
import type { AppServices, CheckView } from '../services/contracts';
import { createFeedbackStore, validateFeedback } from './feedbackStore';

function measure(code: string, obligation: 'MUST' | 'MAY'): Measure {
  return {
    code,
    polarity: 'PUNISHMENT',
    area: '评先评优',
    title: `措施${code}`,
    content: '',
    legalBasis: '',
    department: '',
    obligation,
    trigger: { listTypes: ['COURT'], industryGrades: [], haibeiGrades: [] },
    suppressedBySeriousBlack: false,
    targetsLegalRepresentative: false,
  };
}

const must = { measure: measure('M1', 'MUST'), triggeredBy: [] };
const may = { measure: measure('M2', 'MAY'), triggeredBy: [] };

function view(): CheckView {
  const evaluation: Evaluation = {
    today: '2026-11-27',
    summary: 'BLACK',
    must: [must],
    may: [may],
    suppressed: [],
    entries: [],
    warnings: [],
  };
  return { checkId: 'chk-1', evaluation } as unknown as CheckView;
}

function services(submit: AppServices['records']['submitFeedback']): AppServices {
  return { records: { submitFeedback: submit } } as unknown as AppServices;
}

describe('validateFeedback', () => {
  it('requires a decision for every measure', () => {
    const r = validateFeedback([must, may], { M1: { decision: 'APPLIED', reason: '', content: '', result: '' } });
    expect(r).toMatchObject({ ok: false, measureCode: 'M2' });
  });

  it('refuses NOT_APPLIED without a reason (blank counts as none)', () => {
    const r = validateFeedback([may], { M2: { decision: 'NOT_APPLIED', reason: '  ', content: '', result: '' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('必须填写原因');
  });

  it('requires content and result for OTHER_MEASURE', () => {
    const r = validateFeedback([may], { M2: { decision: 'OTHER_MEASURE', reason: '', content: '约谈', result: '' } });
    expect(r.ok).toBe(false);
  });

  it('trims and passes what the core needs', () => {
    const r = validateFeedback([must, may], {
      M1: { decision: 'APPLIED', reason: 'ignored', content: '', result: '' },
      M2: { decision: 'NOT_APPLIED', reason: ' 材料齐全 ', content: '', result: '' },
    });
    expect(r).toEqual({
      ok: true,
      inputs: [
        { measureCode: 'M1', decision: 'APPLIED' },
        { measureCode: 'M2', decision: 'NOT_APPLIED', reason: '材料齐全' },
      ],
    });
  });
});

describe('feedback store', () => {
  it('does not call the core when the feedback is incomplete', async () => {
    const submit = vi.fn(async () => ({ ok: true as const, value: 'sent' as const }));
    const store = createFeedbackStore(services(submit));
    store.getState().setDraft('chk-1', 'M1', { decision: 'APPLIED' });
    store.getState().setDraft('chk-1', 'M2', { decision: 'NOT_APPLIED' });
    await store.getState().submit(view());
    expect(submit).not.toHaveBeenCalled();
    expect(store.getState().byCheck['chk-1']?.errorMeasure).toBe('M2');
  });

  it('submits once and is read-only afterwards', async () => {
    const submit = vi.fn(async () => ({ ok: true as const, value: 'queued' as const }));
    const store = createFeedbackStore(services(submit));
    store.getState().setDraft('chk-1', 'M1', { decision: 'APPLIED' });
    store.getState().setDraft('chk-1', 'M2', { decision: 'NOT_APPLIED', reason: '材料齐全' });
    await store.getState().submit(view());
    await store.getState().submit(view());
    expect(submit).toHaveBeenCalledTimes(1);
    expect(store.getState().byCheck['chk-1']?.delivery).toBe('queued');
    store.getState().setDraft('chk-1', 'M1', { decision: 'NOT_APPLIED' });
    expect(store.getState().byCheck['chk-1']?.drafts.M1?.decision).toBe('APPLIED');
  });
});
