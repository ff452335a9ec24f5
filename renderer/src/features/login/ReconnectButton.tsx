import { ApiOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useStores } from '../../app/context';
import { t } from '../../i18n';
import { useStore } from '../../state';

/**
 * Offline (an expired platform login, or an offline unlock): the same operator signs in to the
 * platform again without leaving the current check; the queue then resumes by itself.
 */
export function ReconnectButton() {
  const stores = useStores();
  const session = useStore(stores.app, (s) => s.session);
  const reconnect = useStore(stores.app, (s) => s.reconnect);
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setOpen(false);
    setPassword('');
    setError(null);
  }

  async function submit() {
    if (busy) return;
    if (!password) {
      setError(t.reconnect.passwordRequired);
      return;
    }
    setBusy(true);
    const outcome = await reconnect(password);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.error.message);
      return;
    }
    close(); // the header's tag turns to 在线登录 and this button goes away
    stores.lookup.getState().requestFocus();
  }

  if (!session || session.mode === 'online') return null;
  return (
    <>
      <Button size="small" icon={<ApiOutlined />} data-testid="reconnect" onClick={() => setOpen(true)}>
        {t.reconnect.button}
      </Button>
      <Modal
        open={open}
        title={t.reconnect.title}
        okText={t.reconnect.submit}
        cancelText={t.app.cancel}
        onOk={() => void submit()}
        onCancel={close}
        confirmLoading={busy}
        destroyOnHidden
      >
        <Typography.Paragraph>{t.reconnect.intro(session.operator.name, session.operator.id)}</Typography.Paragraph>
        <label className="field-label" htmlFor="reconnect-password">
          {t.reconnect.password}
        </label>
        <Input.Password
          id="reconnect-password"
          autoFocus
          autoComplete="current-password"
          value={password}
          status={error ? 'error' : undefined}
          onChange={(e) => {
            setPassword(e.target.value);
            setError(null);
          }}
          onPressEnter={() => void submit()}
        />
        {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
      </Modal>
    </>
  );
}
