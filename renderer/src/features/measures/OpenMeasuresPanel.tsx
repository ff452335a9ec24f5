import { ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Typography } from 'antd';
import { useEffect } from 'react';
import { useStores } from '../../stores/context';
import { formatDateTime, t } from '../../i18n';
import { useStore } from '../../state';
import { DecisionEditor } from './MeasuresPanel';
import { EMPTY_DRAFT, EMPTY_FEEDBACK, openKey } from '../../stores/feedbackStore';

/**
 * The operator's MUST (应当) measures from earlier checks still without a final decision — deferred, or
 * left when the window closed, the screen locked or the app crashed (read from the journal). Shown
 * on the check screen until each is decided; the decision is a new record naming the deferral.
 */
export function OpenMeasuresPanel() {
  const stores = useStores();
  const open = useStore(stores.feedback, (s) => s.open);
  const drafts = useStore(stores.feedback, (s) => s.openDrafts);
  const error = useStore(stores.feedback, (s) => s.openError);
  const view = useStore(stores.lookup, (s) => s.view);
  const current = useStore(stores.feedback, (s) => (view ? (s.byCheck[view.checkId] ?? EMPTY_FEEDBACK) : null));
  const operatorId = useStore(stores.app, (s) => s.session?.operator.id ?? null);
  const reasons = useStore(stores.purpose, (s) => s.catalogue?.declineReasons) ?? [];
  const { loadOpen, setOpenDraft, resolveOpen } = stores.feedback.getState();

  useEffect(() => {
    if (operatorId !== null) void loadOpen();
  }, [operatorId, loadOpen]);

  // The check on screen is decided in its own measures panel until something is on record for it.
  const shown = open.filter((item) => !(view && item.checkId === view.checkId && current?.delivery === null));
  if (shown.length === 0) return null;
  return (
    <section className="panel open-measures-panel" aria-label={t.openMeasures.title(shown.length)} data-testid="open-measures">
      <Typography.Title level={5} className="panel-title">
        <ExclamationCircleOutlined aria-hidden /> {t.openMeasures.title(shown.length)}
      </Typography.Title>
      <Typography.Paragraph className="open-measures-intro">{t.openMeasures.intro}</Typography.Paragraph>
      {shown.map((item) => {
        const key = openKey(item);
        return (
          <article
            key={key}
            className="measure open-measure"
            data-testid="open-measure"
            data-code={item.measureCode}
            data-check={item.checkId}
          >
            <header className="measure-head">
              <span className="measure-title">{item.measureTitle}</span>
              <span className="measure-code mono">{item.measureCode}</span>
            </header>
            <div className="measure-body">
              <div>
                {item.matterName} · {item.caseNo} · {item.subjectName} <span className="mono">{item.subjectMasked}</span> ·{' '}
                {t.openMeasures.checkedAt(formatDateTime(item.checkedAt))}
              </div>
              <div className="measure-muted" data-testid="open-measure-state">
                {item.deferred ? t.openMeasures.deferred(item.deferred.reason, formatDateTime(item.deferred.at)) : t.openMeasures.undecided}
              </div>
            </div>
            <DecisionEditor
              code={`open-${key}`}
              draft={drafts[key] ?? EMPTY_DRAFT}
              readOnly={false}
              invalid={error?.key === key}
              reasons={reasons}
              onChange={(change) => setOpenDraft(key, change)}
            />
            {error?.key === key && <Alert type="error" showIcon title={error.message} role="alert" data-testid="open-measure-error" />}
            <Button type="primary" onClick={() => void resolveOpen(item)} data-testid="open-measure-submit">
              {t.openMeasures.submit}
            </Button>
          </article>
        );
      })}
    </section>
  );
}
