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
  const unlock = useStore(stores.app, (s) => s.unlock);
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
    if (!password) {
      setError(t.reconnect.passwordRequired);
      return;
    }
    setBusy(true);
    // Unlock tries the platform first and renews its token; only the platform's answer counts here.
    const outcome = await unlock(password);
    setBusy(false);
    if (!outcome.ok) setError(outcome.error.message);
    else if (outcome.value.mode !== 'online') setError(t.reconnect.stillOffline);
    else close(); // the header's tag turns to 在线登录
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
