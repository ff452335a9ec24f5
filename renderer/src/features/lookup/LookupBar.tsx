import { CheckCircleFilled, CloseCircleFilled, InfoCircleOutlined, SearchOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Typography } from 'antd';
import type { InputRef } from 'antd';
import type { Ref } from 'react';
import { useMemo } from 'react';
import { useStores } from '../../stores/context';
import { t } from '../../i18n';
import type { Purpose } from '../../services/contracts';
import { useStore } from '../../state';
import { analyseInput } from '../../stores/analyse';
import type { InputAnalysis } from '../../stores/analyse';

function Hint({ analysis, submitted }: { analysis: InputAnalysis; submitted: boolean }) {
  switch (analysis.kind) {
    case 'empty':
      return (
        <span className="hint">
          <InfoCircleOutlined aria-hidden /> {t.lookup.typingHint}
        </span>
      );
    case 'name':
      return analysis.tooShort && submitted ? (
        <span className="hint hint-error" role="alert">
          <CloseCircleFilled aria-hidden /> {analysis.initials ? t.lookup.initialsTooShort : t.lookup.nameTooShort}
        </span>
      ) : (
        <span className="hint" data-testid="lookup-name-mode">
          <UserOutlined aria-hidden /> {analysis.initials ? t.lookup.initialsMode(analysis.name) : t.lookup.nameMode}
        </span>
      );
    case 'id': {
      const p = analysis.parsed;
      const isLegacy = p.warnings.some((w) => w.code === 'LEGACY_UPGRADED');
      const orgWarnings = p.warnings.filter((w) => w.code !== 'LEGACY_UPGRADED');
      return (
        <span className="hint hint-ok" data-testid="lookup-valid">
          <CheckCircleFilled aria-hidden /> {isLegacy ? t.lookup.legacyValid(p.masked) : t.lookup.valid(t.lookup.parsed[p.type], p.masked)}
          {orgWarnings.map((w) => (
            <span key={w.code} className="hint-warning">
              {' '}
              {w.message}
            </span>
          ))}
        </span>
      );
    }
    case 'invalid':
      return analysis.show ? (
        <span className="hint hint-error" role="alert" data-testid="lookup-error">
          <CloseCircleFilled aria-hidden /> {analysis.error.message}
        </span>
      ) : (
        <span className="hint">
          <InfoCircleOutlined aria-hidden /> {t.lookup.typingHint}
        </span>
      );
  }
}

/**
 * The one lookup field: ID card reader, typed ID/USCC, or a name. Validates as the clerk types, but
 * shows an error only once the input is complete-length or on Enter. Enter submits.
 */
export function LookupBar({ purpose, inputRef }: { purpose: Purpose | null; inputRef: Ref<InputRef> }) {
  const stores = useStores();
  const input = useStore(stores.lookup, (s) => s.input);
  const submitted = useStore(stores.lookup, (s) => s.submitted);
  const busy = useStore(stores.lookup, (s) => s.busy);
  const error = useStore(stores.lookup, (s) => s.error);
  const { setInput, submit } = stores.lookup.getState();
  const analysis = useMemo(() => analyseInput(input, submitted), [input, submitted]);
  const disabled = purpose === null;
  const showError = analysis.kind === 'invalid' && analysis.show;

  return (
    <div className="lookup-bar">
      <label className="field-label" htmlFor="lookup-input">
        {t.lookup.label}
      </label>
      <div className="lookup-row">
        <Input
          ref={inputRef}
          id="lookup-input"
          size="large"
          value={input}
          disabled={disabled}
          status={showError ? 'error' : undefined}
          placeholder={disabled ? t.lookup.disabledHint : t.lookup.placeholder}
          prefix={<SearchOutlined aria-hidden />}
          onChange={(e) => setInput(e.target.value)}
          onPressEnter={(e) => {
            // A card reader types fast and ends with Enter: read the field itself, not a stale render.
            const value = e.currentTarget.value;
            if (value !== stores.lookup.getState().input) setInput(value);
            void submit(purpose);
          }}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="lookup-hint"
          aria-invalid={showError}
          maxLength={64}
        />
        <Button
          type="primary"
          size="large"
          icon={<SearchOutlined aria-hidden />}
          loading={busy}
          disabled={disabled}
          onClick={() => void submit(purpose)}
        >
          {busy ? t.lookup.searching : t.lookup.submit}
        </Button>
      </div>
      <div id="lookup-hint" className="lookup-hint" aria-live="polite">
        {disabled ? (
          <Typography.Text type="warning" data-testid="purpose-required">
            <InfoCircleOutlined aria-hidden /> {t.purpose.required}
          </Typography.Text>
        ) : (
          <Hint analysis={analysis} submitted={submitted} />
        )}
      </div>
      {error && (
        <Alert type="error" showIcon title={error.message} role="alert" className="lookup-alert" data-testid="lookup-service-error" />
      )}
    </div>
  );
}
