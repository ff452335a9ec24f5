import { PromptModal } from '../../ui/PromptModal';
import { useStores } from '../../stores/context';
import { t, describeFailure } from '../../i18n';
import { useStore } from '../../state';

/** Unmasking is explicit and audited: a reason is required (a blank one is refused here and by the core). */
export function UnmaskModal({ checkId, open, onClose }: { checkId: string; open: boolean; onClose: () => void }) {
  const stores = useStores();
  const unmask = useStore(stores.result, (s) => s.unmask);
  return (
    <PromptModal
      open={open}
      title={t.unmask.title}
      intro={t.unmask.intro}
      label={t.unmask.reason}
      inputId="unmask-reason"
      submitText={t.unmask.submit}
      kind="reason"
      requiredMessage={t.unmask.reasonRequired}
      placeholder={t.unmask.reasonPlaceholder}
      onSubmit={async (reason) => {
        const outcome = await unmask(checkId, reason);
        return outcome.ok ? null : describeFailure(outcome.error);
      }}
      onClose={onClose}
    />
  );
}
