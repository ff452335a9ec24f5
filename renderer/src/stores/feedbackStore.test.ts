import { describe, expect, it, vi } from 'vitest';
import type { Measure } from '../../../shared/contract';
import type { Evaluation } from '../../../shared/measures';
import type { AppServices, CheckView } from '../services/contracts';
import { createFeedbackStore, EMPTY_DRAFT, pickReasonCode, validateFeedback } from './feedbackStore';

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
    const r = validateFeedback([must, may], { M1: { decision: 'APPLIED', reason: '', reasonCode: '', content: '', result: '' } });
    expect(r).toMatchObject({ ok: false, measureCode: 'M2' });
  });

  it('refuses NOT_APPLIED without a reason (blank counts as none)', () => {
    const r = validateFeedback([may], { M2: { decision: 'NOT_APPLIED', reason: '  ', reasonCode: '', content: '', result: '' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('必须填写原因');
  });

  it('requires content and result for OTHER_MEASURE', () => {
    const r = validateFeedback([may], { M2: { decision: 'OTHER_MEASURE', reason: '', reasonCode: '', content: '约谈', result: '' } });
    expect(r.ok).toBe(false);
  });

  it('trims and passes what the core needs', () => {
    const r = validateFeedback([must, may], {
      M1: { decision: 'APPLIED', reason: 'ignored', reasonCode: '', content: '', result: '' },
      M2: { decision: 'NOT_APPLIED', reason: ' 材料齐全 ', reasonCode: '', content: '', result: '' },
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

describe('decline reason codes', () => {
  const reasons = [
    { code: 'NOT_SAME_SUBJECT', label: '经核实非同一主体' },
    { code: 'OBJECTION', label: '主体提出异议，待核实' },
  ];

  it('a chosen code travels with NOT_APPLIED; the text reason is still what the rule asks for', () => {
    const noText = validateFeedback([may], { M2: { ...EMPTY_DRAFT, decision: 'NOT_APPLIED', reasonCode: 'OBJECTION' } });
    expect(noText.ok).toBe(false);
    const r = validateFeedback([may], { M2: { ...EMPTY_DRAFT, decision: 'NOT_APPLIED', reasonCode: 'OBJECTION', reason: '已受理异议' } });
    expect(r).toEqual({
      ok: true,
      inputs: [{ measureCode: 'M2', decision: 'NOT_APPLIED', reason: '已受理异议', reasonCode: 'OBJECTION' }],
    });
  });

  it('a code left over from NOT_APPLIED is not sent with another decision', () => {
    const r = validateFeedback([may], { M2: { ...EMPTY_DRAFT, decision: 'APPLIED', reasonCode: 'OBJECTION', reason: 'x' } });
    expect(r).toEqual({ ok: true, inputs: [{ measureCode: 'M2', decision: 'APPLIED' }] });
  });

  it('picking a code fills in its label until the clerk types a reason of their own', () => {
    const first = pickReasonCode({ ...EMPTY_DRAFT, decision: 'NOT_APPLIED' }, 'NOT_SAME_SUBJECT', reasons);
    expect(first).toEqual({ reasonCode: 'NOT_SAME_SUBJECT', reason: '经核实非同一主体' });
    const changed = pickReasonCode({ ...EMPTY_DRAFT, decision: 'NOT_APPLIED', ...first }, 'OBJECTION', reasons);
    expect(changed).toEqual({ reasonCode: 'OBJECTION', reason: '主体提出异议，待核实' });
    const typed = pickReasonCode(
      { ...EMPTY_DRAFT, decision: 'NOT_APPLIED', reasonCode: 'OBJECTION', reason: '申请人当场出示撤销文书' },
      'NOT_SAME_SUBJECT',
      reasons,
    );
    expect(typed).toEqual({ reasonCode: 'NOT_SAME_SUBJECT' });
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
