import { CheckCircleFilled, ClockCircleFilled, StopOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Radio, Select, Tag, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import type { Catalogue, DeclineReason, FeedbackDecision } from '../../../../shared/contract';
import type { EvaluatedEntry, SuppressedMeasure, Trigger, TriggeredMeasure } from '../../../../shared/measures';
import { useStores } from '../../stores/context';
import { formatDateTime, t } from '../../i18n';
import type { CheckView } from '../../services/contracts';
import { useStore } from '../../state';
import { fieldName, listTypeName } from '../result/labels';
import { EMPTY_DRAFT, EMPTY_FEEDBACK, measuresToDecide, pickReasonCode } from '../../stores/feedbackStore';
import type { DecisionDraft } from '../../stores/feedbackStore';

function triggerText(trigger: Trigger, entries: EvaluatedEntry[], catalogue: Catalogue | null): string {
  switch (trigger.kind) {
    case 'entry': {
      const entry = entries.find((e) => e.entry.id === trigger.entryId && e.via === trigger.via)?.entry;
      const text = t.measures.triggerEntry(listTypeName(catalogue, trigger.listType), entry?.documentNo ?? '');
      return trigger.via === 'LEGAL_REPRESENTATIVE' ? `${text}${t.measures.triggerViaRep}` : text;
    }
    case 'industryGrade':
      return t.measures.triggerGrade(fieldName(catalogue, trigger.field), trigger.grade);
    case 'haibei':
      return t.measures.triggerHaibei(trigger.score, trigger.grade);
  }
}

function MeasureHead({ m }: { m: TriggeredMeasure | SuppressedMeasure }) {
  const { measure } = m;
  return (
    <header className="measure-head">
      <span className="measure-title">{measure.title}</span>
      <Tag color={measure.obligation === 'MUST' ? 'red' : 'blue'}>
        {measure.obligation === 'MUST' ? t.measures.obligationMust : t.measures.obligationMay}
      </Tag>
      <Tag color={measure.polarity === 'INCENTIVE' ? 'green' : 'volcano'}>
        {measure.polarity === 'INCENTIVE' ? t.measures.incentive : t.measures.punishment}
      </Tag>
      <span className="measure-code mono">{measure.code}</span>
    </header>
  );
}

function MeasureBody({ m, view, catalogue }: { m: TriggeredMeasure | SuppressedMeasure; view: CheckView; catalogue: Catalogue | null }) {
  const { measure } = m;
  return (
    <div className="measure-body">
      {measure.content && (
        <div>
          <span className="measure-label">{t.measures.content}：</span>
          {measure.content}
        </div>
      )}
      {measure.legalBasis && (
        <div className="measure-muted">
          <span className="measure-label">{t.measures.legalBasis}：</span>
          {measure.legalBasis}
        </div>
      )}
      {measure.department && (
        <div className="measure-muted">
          <span className="measure-label">{t.measures.department}：</span>
          {measure.department}
        </div>
      )}
      <div data-testid="measure-triggers">
        <span className="measure-label">{t.measures.triggeredBy}：</span>
        {m.triggeredBy.map((tr, i) => (
          <Tag key={i} className="trigger-tag">
            {triggerText(tr, view.evaluation.entries, catalogue)}
          </Tag>
        ))}
      </div>
    </div>
  );
}

/** Read when drawn: the catalogue is chosen at start (config `locale`). */
const decisions = (): Array<{ value: FeedbackDecision; label: string }> => [
  { value: 'APPLIED', label: t.measures.applied },
  { value: 'NOT_APPLIED', label: t.measures.notApplied },
  { value: 'OTHER_MEASURE', label: t.measures.other },
];

export function DecisionEditor({
  code,
  draft,
  readOnly,
  invalid,
  reasons,
  onChange,
}: {
  code: string;
  draft: DecisionDraft;
  readOnly: boolean;
  invalid: boolean;
  /** The catalogue's decline reason codes (none in catalogues before they were defined). */
  reasons: readonly DeclineReason[];
  onChange: (patch: Partial<DecisionDraft>) => void;
}) {
  const reasonLabel = reasons.find((r) => r.code === draft.reasonCode)?.label;
  if (readOnly) {
    return (
      <div className="decision-readonly" data-testid="decision-readonly">
        <Tag
          color={
            draft.decision === 'APPLIED' ? 'green' : draft.decision === 'NOT_APPLIED' || draft.decision === 'DEFERRED' ? 'orange' : 'blue'
          }
        >
          {draft.decision ? t.domain.decision[draft.decision] : t.measures.notSubmitted}
        </Tag>
        {draft.decision === 'NOT_APPLIED' && (
          <span data-testid="decision-reason-readonly">
            {reasonLabel && `${t.measures.reasonCode}：${reasonLabel}；`}
            {t.measures.reason}：{draft.reason}
          </span>
        )}
        {draft.decision === 'DEFERRED' && (
          <span>
            {t.leave.reason}：{draft.reason}
          </span>
        )}
        {draft.decision === 'OTHER_MEASURE' && (
          <span>
            {t.measures.otherContent}：{draft.content}；{t.measures.otherResult}：{draft.result}
          </span>
        )}
      </div>
    );
  }
  return (
    <div className="decision" role="group" aria-label={t.measures.decision}>
      <Radio.Group
        value={draft.decision}
        onChange={(e) => onChange({ decision: e.target.value as FeedbackDecision })}
        options={decisions()}
        name={`decision-${code}`}
        data-testid="decision"
      />
      {draft.decision === 'NOT_APPLIED' && reasons.length > 0 && (
        <Select
          aria-label={t.measures.reasonCode}
          placeholder={t.measures.reasonCodePlaceholder}
          value={draft.reasonCode || undefined}
          options={reasons.map((r) => ({ value: r.code, label: r.label }))}
          onChange={(value: string) => onChange(pickReasonCode(draft, value, reasons))}
          className="decision-reason-code"
          data-testid="decision-reason-code"
        />
      )}
      {draft.decision === 'NOT_APPLIED' && (
        <Input.TextArea
          aria-label={t.measures.reason}
          placeholder={t.measures.reasonPlaceholder}
          value={draft.reason}
          status={invalid && draft.reason.trim() === '' ? 'error' : undefined}
          autoSize={{ minRows: 2, maxRows: 4 }}
          maxLength={500}
          onChange={(e) => onChange({ reason: e.target.value })}
          data-testid="decision-reason"
        />
      )}
      {draft.decision === 'OTHER_MEASURE' && (
        <div className="other-fields">
          <Input
            aria-label={t.measures.otherContent}
            placeholder={t.measures.otherContentPlaceholder}
            value={draft.content}
            status={invalid && draft.content.trim() === '' ? 'error' : undefined}
            maxLength={500}
            onChange={(e) => onChange({ content: e.target.value })}
            data-testid="decision-content"
          />
          <Input
            aria-label={t.measures.otherResult}
            placeholder={t.measures.otherResultPlaceholder}
            value={draft.result}
            status={invalid && draft.result.trim() === '' ? 'error' : undefined}
            maxLength={500}
            onChange={(e) => onChange({ result: e.target.value })}
            data-testid="decision-result"
          />
        </div>
      )}
    </div>
  );
}

/** The matter's triggered measures, MUST and MAY apart, with the clerk's decision on each. */
export function MeasuresPanel({ view, catalogue }: { view: CheckView; catalogue: Catalogue | null }) {
  const stores = useStores();
  const feedback = useStore(stores.feedback, (s) => s.byCheck[view.checkId] ?? EMPTY_FEEDBACK);
  const { setDraft, submit } = stores.feedback.getState();
  const panelRef = useRef<HTMLElement>(null);
  const measures = measuresToDecide(view);
  const readOnly = feedback.delivery !== null;

  // A fresh answer with measures: the next thing to do is deciding the first one.
  useEffect(() => {
    if (measures.length === 0) return;
    const first = panelRef.current?.querySelector<HTMLInputElement>('input[type="radio"]');
    first?.focus();
  }, [view.checkId, measures.length]);

  function renderGroup(title: string, list: TriggeredMeasure[], kind: 'must' | 'may') {
    if (list.length === 0) return null;
    return (
      <div className={`measure-group measure-group-${kind}`} data-testid={`measures-${kind}`}>
        <Typography.Text strong className="measure-group-title">
          {title}（{list.length}）
        </Typography.Text>
        {list.map((m) => {
          const draft = feedback.drafts[m.measure.code] ?? EMPTY_DRAFT;
          const invalid = feedback.errorMeasure === m.measure.code;
          return (
            <article
              key={m.measure.code}
              className={invalid ? 'measure measure-invalid' : 'measure'}
              data-testid="measure"
              data-code={m.measure.code}
              data-obligation={m.measure.obligation}
            >
              <MeasureHead m={m} />
              <MeasureBody m={m} view={view} catalogue={catalogue} />
              <DecisionEditor
                code={m.measure.code}
                draft={draft}
                readOnly={readOnly}
                invalid={invalid}
                reasons={catalogue?.declineReasons ?? []}
                onChange={(patch) => setDraft(view.checkId, m.measure.code, patch)}
              />
            </article>
          );
        })}
      </div>
    );
  }

  return (
    <section className="panel measures-panel" aria-label={t.measures.title} ref={panelRef} data-testid="measures-panel">
      <Typography.Title level={5} className="panel-title">
        {t.measures.title}
      </Typography.Title>
      {measures.length === 0 && view.evaluation.suppressed.length === 0 && (
        <Alert type="info" showIcon title={t.measures.none} description={t.measures.noneNote} data-testid="measures-none" />
      )}
      {renderGroup(t.measures.must, view.evaluation.must, 'must')}
      {renderGroup(t.measures.may, view.evaluation.may, 'may')}
      {view.evaluation.suppressed.length > 0 && (
        <div className="measure-group" data-testid="measures-suppressed">
          <Typography.Text strong className="measure-group-title">
            <StopOutlined aria-hidden /> {t.measures.suppressed}（{view.evaluation.suppressed.length}）
          </Typography.Text>
          {view.evaluation.suppressed.map((m) => (
            <article
              key={m.measure.code}
              className="measure measure-suppressed"
              data-testid="suppressed-measure"
              data-code={m.measure.code}
            >
              <MeasureHead m={m} />
              <Alert type="warning" showIcon title={m.reason} className="suppressed-reason" data-testid="suppressed-reason" />
              <MeasureBody m={m} view={view} catalogue={catalogue} />
            </article>
          ))}
        </div>
      )}
      {measures.length > 0 && (
        <div className="feedback-actions">
          {feedback.error && <Alert type="error" showIcon title={feedback.error} role="alert" data-testid="feedback-error" />}
          {feedback.delivery && (
            // Sent to the platform, or queued until the network is back: read-only either way.
            <Alert
              type={feedback.delivery === 'sent' ? 'success' : 'warning'}
              showIcon
              icon={feedback.delivery === 'sent' ? <CheckCircleFilled aria-hidden /> : <ClockCircleFilled aria-hidden />}
              title={feedback.delivery === 'sent' ? t.measures.sent : t.measures.queued}
              description={`${t.measures.readOnly}。${feedback.submittedAt ? t.measures.submittedAt(formatDateTime(feedback.submittedAt)) : ''}`}
              data-testid="feedback-delivery"
              data-delivery={feedback.delivery}
            />
          )}
          {!readOnly && (
            <Button type="primary" onClick={() => void submit(view)} loading={feedback.submitting} data-testid="feedback-submit">
              {feedback.submitting ? t.measures.submitting : t.measures.submit}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
