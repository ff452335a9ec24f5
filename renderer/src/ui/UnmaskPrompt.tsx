import { t } from '../i18n';
import { PromptModal } from './PromptModal';

/**
 * Asks why a full identifier is to be shown: unmasking is explicit and audited, so a reason is
 * required (a blank one is refused here and by the core). `unmask` answers the error to show, or null.
 */
export function UnmaskPrompt(props: {
  open: boolean;
  inputId: string;
  unmask: (reason: string) => Promise<string | null>;
  onClose: () => void;
}) {
  return (
    <PromptModal
      open={props.open}
      title={t.unmask.title}
      intro={t.unmask.intro}
      label={t.unmask.reason}
      inputId={props.inputId}
      submitText={t.unmask.submit}
      kind="reason"
      requiredMessage={t.unmask.reasonRequired}
      placeholder={t.unmask.reasonPlaceholder}
      onSubmit={props.unmask}
      onClose={props.onClose}
    />
  );
}
