import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, SafetyCertificateFilled } from '@ant-design/icons';
import type { ReactNode } from 'react';
import type { CheckResult } from '../../../../shared/contract';
import { t } from '../../i18n';
import type { CheckView } from '../../services/contracts';

/** Read when drawn: the catalogue is chosen at start (config `locale`). */
const TONE = (): Record<CheckResult, { className: string; icon: ReactNode; title: string }> => ({
  BLACK: { className: 'banner banner-black', icon: <CloseCircleFilled aria-hidden />, title: t.result.bannerBlack },
  BOTH: { className: 'banner banner-black', icon: <CloseCircleFilled aria-hidden />, title: t.result.bannerBoth },
  RED: { className: 'banner banner-red', icon: <SafetyCertificateFilled aria-hidden />, title: t.result.bannerRed },
  WARNING: { className: 'banner banner-warning', icon: <ExclamationCircleFilled aria-hidden />, title: t.result.bannerWarning },
  CLEAN: { className: 'banner banner-clean', icon: <CheckCircleFilled aria-hidden />, title: t.result.bannerClean },
});

/** The one-second summary: black = red, red list = green, warnings = amber, clean = blue. */
export function ResultBanner({ view }: { view: CheckView }) {
  const tone = TONE()[view.result];
  const must = view.evaluation.must.length;
  const may = view.evaluation.may.length;
  const incentives = [...view.evaluation.must, ...view.evaluation.may].filter((m) => m.measure.polarity === 'INCENTIVE').length;
  let sub: string;
  switch (view.result) {
    case 'CLEAN':
      sub = t.result.bannerCleanSub;
      break;
    case 'RED':
      sub = t.result.bannerRedSub(incentives);
      break;
    case 'WARNING':
      sub = view.evaluation.warnings[0]?.message ?? t.result.measuresCount(must, may);
      break;
    default:
      sub = t.result.bannerBlackSub(must, may);
  }
  return (
    <div className={tone.className} role="status" data-testid="result-banner" data-result={view.result}>
      <span className="banner-icon">{tone.icon}</span>
      <div className="banner-text">
        <div className="banner-title">{tone.title}</div>
        <div className="banner-sub">
          <span className="banner-subject">{view.subject.name}</span>
          <span className="mono">{view.subject.masked}</span>
          <span>{sub}</span>
        </div>
      </div>
      <div className="banner-side">
        <div>{view.matter.name}</div>
        <div>
          {t.purpose.caseNo} {view.purpose.caseNo}
        </div>
      </div>
    </div>
  );
}
