import { Alert } from 'antd';
import type { EvaluationWarning } from '../../../../shared/measures';
import { t } from '../../i18n';

/** Objections pending, credit warning (D), entries about to expire, unknown list types. */
export function WarningsList({ warnings }: { warnings: EvaluationWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="panel" aria-label={t.result.warnings} data-testid="warnings">
      {warnings.map((w, i) => (
        <Alert
          key={`${w.code}-${w.entryId ?? i}`}
          type="warning"
          showIcon
          title={w.message}
          className="section-alert"
          data-testid="warning"
          data-code={w.code}
        />
      ))}
    </section>
  );
}
