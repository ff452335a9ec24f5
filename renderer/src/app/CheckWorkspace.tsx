import { CheckOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Steps, Typography } from 'antd';
import type { InputRef, RefSelectProps } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { CommitmentPanel } from '../features/commitment/CommitmentPanel';
import { CandidateList } from '../features/lookup/CandidateList';
import { LookupBar } from '../features/lookup/LookupBar';
import { OpenMeasuresPanel } from '../features/measures/OpenMeasuresPanel';
import { MeasuresPanel } from '../features/measures/MeasuresPanel';
import { PurposeBar } from '../features/purpose/PurposeBar';
import { currentPurpose } from '../stores/purposeStore';
import { ResultBanner } from '../features/result/ResultBanner';
import { ResultView } from '../features/result/ResultView';
import { t } from '../i18n';
import { useShallow, useStore } from '../state';
import { useStores } from '../stores/context';

/** The clerk's main screen: purpose → lookup → result with the matter's measures, commitment and slip. */
export function CheckWorkspace() {
  const stores = useStores();
  const { catalogue, matterCode, caseNo } = useStore(
    stores.purpose,
    useShallow((s) => ({ catalogue: s.catalogue, matterCode: s.matterCode, caseNo: s.caseNo })),
  );
  const purpose = useMemo(() => currentPurpose({ catalogue, matterCode, caseNo }), [catalogue, matterCode, caseNo]);
  const step = !matterCode ? 0 : purpose === null ? 1 : 2;
  const view = useStore(stores.lookup, (s) => s.view);
  const focusTick = useStore(stores.lookup, (s) => s.focusTick);
  const requestFocus = useStore(stores.lookup, (s) => s.requestFocus);
  const go = useStore(stores.app, (s) => s.go);
  const offlineSession = useStore(stores.app, (s) => s.session?.mode === 'offline');

  const matterRef = useRef<RefSelectProps>(null);
  const caseNoRef = useRef<InputRef>(null);
  const lookupRef = useRef<InputRef>(null);

  // Focus the first thing still missing: the matter, the case number, else the lookup field.
  useEffect(() => {
    const handle = window.setTimeout(() => {
      if (!matterCode) matterRef.current?.focus();
      else if (caseNo.trim() === '' || purpose === null) caseNoRef.current?.focus();
      else lookupRef.current?.focus();
    }, 0);
    return () => window.clearTimeout(handle);
    // Only on request (F2, after the purpose is filled in), on arrival and once the catalogue is there
    // (the matter select is disabled until then) — not on every keystroke.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusTick, catalogue !== null]);

  return (
    <div className="screen check-screen">
      {offlineSession && <Alert type="warning" showIcon title={t.app.modeOfflineHint} data-testid="offline-session" />}
      <OpenMeasuresPanel />
      <section className="panel query-panel" aria-label={t.purpose.title}>
        <PurposeBar matterRef={matterRef} caseNoRef={caseNoRef} onCaseNoEnter={requestFocus} onMatterChosen={requestFocus} />
        <LookupBar purpose={purpose} inputRef={lookupRef} />
      </section>
      <CandidateList purpose={purpose} />
      {view ? (
        <>
          <ResultBanner view={view} />
          <div className="result-grid">
            <div className="result-main">
              <ResultView view={view} catalogue={catalogue} />
            </div>
            <div className="result-side">
              <MeasuresPanel view={view} catalogue={catalogue} />
              <CommitmentPanel view={view} />
              <section className="panel" aria-label={t.slip.title}>
                <div className="panel-head">
                  <Typography.Title level={5} className="panel-title">
                    {t.slip.title}
                  </Typography.Title>
                  <Button icon={<PrinterOutlined aria-hidden />} onClick={() => go('slip')} data-testid="open-slip">
                    {t.result.printSlip}
                  </Button>
                </div>
              </section>
            </div>
          </div>
        </>
      ) : (
        <section className="panel start-panel" data-testid="start-panel">
          <Steps
            size="small"
            current={step}
            // A finished step's tick is decoration (the step's words say it): hidden from screen readers,
            // which would read antd's English icon name "check".
            iconRender={(node, { index, components: { Icon } }) =>
              index < step ? (
                <Icon>
                  <CheckOutlined aria-hidden className="ant-steps-item-icon-finish" />
                </Icon>
              ) : (
                node
              )
            }
            items={[
              { title: t.start.step1, content: t.start.step1Desc },
              { title: t.start.step2, content: t.start.step2Desc },
              { title: t.start.step3, content: t.start.step3Desc },
              { title: t.start.step4, content: t.start.step4Desc },
            ]}
          />
          <Typography.Paragraph type="secondary" className="start-shortcuts">
            {t.shortcuts.title}：{t.shortcuts.newLookup} · {t.shortcuts.submitFeedback} · {t.shortcuts.print} · {t.shortcuts.syncPanel}
          </Typography.Paragraph>
        </section>
      )}
    </div>
  );
}
