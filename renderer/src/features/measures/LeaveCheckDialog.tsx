import { Alert, Input, Modal } from 'antd';
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { t } from '../../i18n';
import { useStore } from '../../state';
import { unrecordedMust } from '../../stores/feedbackStore';

/**
 * Asked when the clerk leaves a check (F2, a new lookup, lock, logout) while a MUST (应当) measure has
 * no record: go back and decide, or give the reason and have DEFERRED recorded.
 */
export function LeaveCheckDialog() {
  const stores = useStores();
  const leaving = useStore(stores.feedback, (s) => s.leaving);
  // Mounted per request, so each starts with an empty reason.
  return leaving ? <LeaveCheckQuestion key={leaving.view.checkId} /> : null;
}

function LeaveCheckQuestion() {
  const stores = useStores();
  const leaving = useStore(stores.feedback, (s) => s.leaving);
  const feedback = useStore(stores.feedback, (s) => (leaving ? s.byCheck[leaving.view.checkId] : undefined));
  const [reason, setReason] = useState('');
  const { cancelLeave, deferAndLeave } = stores.feedback.getState();

  const open = leaving ? unrecordedMust(leaving.view, feedback) : [];
  return (
    <Modal
      open={leaving !== null}
      title={t.leave.title}
      okText={t.leave.defer}
      cancelText={t.leave.back}
      onOk={() => void deferAndLeave(reason)}
      onCancel={cancelLeave}
      confirmLoading={leaving?.deferring ?? false}
      okButtonProps={{ danger: true }}
      destroyOnHidden
      data-testid="leave-dialog"
    >
      <p>{t.leave.intro(open.length)}</p>
      <ul className="leave-measures" data-testid="leave-measures">
        {open.map((m) => (
          <li key={m.measure.code}>{m.measure.title}</li>
        ))}
      </ul>
      <Input.TextArea
        aria-label={t.leave.reason}
        placeholder={t.leave.reasonPlaceholder}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        autoSize={{ minRows: 2, maxRows: 4 }}
        maxLength={500}
        status={leaving?.error && reason.trim() === '' ? 'error' : undefined}
        data-testid="leave-reason"
      />
      {leaving?.error && (
        <Alert type="error" showIcon title={leaving.error} role="alert" className="leave-error" data-testid="leave-error" />
      )}
    </Modal>
  );
}
