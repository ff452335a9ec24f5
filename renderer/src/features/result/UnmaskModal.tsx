import { useStores } from '../../stores/context';
import { describeFailure } from '../../i18n';
import { useStore } from '../../state';
import { UnmaskPrompt } from '../../ui/UnmaskPrompt';

/** Shows this check's full identifier after an audited reason. */
export function UnmaskModal({ checkId, open, onClose }: { checkId: string; open: boolean; onClose: () => void }) {
  const stores = useStores();
  const unmask = useStore(stores.result, (s) => s.unmask);
  return (
    <UnmaskPrompt
      open={open}
      inputId="unmask-reason"
      unmask={async (reason) => {
        const outcome = await unmask(checkId, reason);
        return outcome.ok ? null : describeFailure(outcome.error);
      }}
      onClose={onClose}
    />
  );
}
