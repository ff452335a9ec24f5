import { Alert, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useStores } from '../../app/context';
import { t } from '../../i18n';
import { useStore } from '../../state';

/** Unmasking is explicit and audited: a reason is required (a blank one is refused here and by the core). */
export function UnmaskModal({ checkId, open, onClose }: { checkId: string; open: boolean; onClose: () => void }) {
  const stores = useStores();
  const unmask = useStore(stores.result, (s) => s.unmask);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (reason.trim().length === 0) {
      setError(t.unmask.reasonRequired);
      return;
    }
    setBusy(true);
    const outcome = await unmask(checkId, reason);
    setBusy(false);
    if (outcome.ok) {
      setReason('');
      setError(null);
      onClose();
    } else {
      setError(outcome.error.message);
    }
  }

  return (
    <Modal
      open={open}
      title={t.unmask.title}
      okText={t.unmask.submit}
      cancelText={t.app.cancel}
      onOk={() => void confirm()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>{t.unmask.intro}</Typography.Paragraph>
      <label className="field-label" htmlFor="unmask-reason">
        {t.unmask.reason}
      </label>
      <Input.TextArea
        id="unmask-reason"
        autoFocus
        rows={3}
        maxLength={200}
        value={reason}
        placeholder={t.unmask.reasonPlaceholder}
        status={error ? 'error' : undefined}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey) {
            e.preventDefault();
            void confirm();
          }
        }}
      />
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
