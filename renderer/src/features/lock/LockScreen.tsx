import { LockOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { CenteredPanel } from '../../ui/CenteredPanel';
import { t, describeFailure } from '../../i18n';
import { passwordIcon } from '../../ui/passwordIcon';
import { useStore } from '../../state';

/** After inactivity (or the lock button): the same operator unlocks with the password. */
export function LockScreen() {
  const stores = useStores();
  const session = useStore(stores.app, (s) => s.lockedSession);
  const reason = useStore(stores.app, (s) => s.lockReason);
  const minutes = useStore(stores.app, (s) => s.config?.values.lockTimeoutMinutes ?? 10);
  const unlock = useStore(stores.app, (s) => s.unlock);
  const logout = useStore(stores.app, (s) => s.logout);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function onFinish(values: { password: string }) {
    setBusy(true);
    setError(null);
    const outcome = await unlock(values.password);
    if (!outcome.ok) {
      setBusy(false);
      setError(describeFailure(outcome.error));
    }
  }

  return (
    <CenteredPanel
      title={
        <span>
          <LockOutlined aria-hidden /> {t.lock.title}
        </span>
      }
    >
      <Typography.Paragraph>{reason === 'idle' ? t.lock.reason(minutes) : t.lock.manual}</Typography.Paragraph>
      {session && <Typography.Paragraph strong>{t.lock.operator(session.operator.name, session.operator.id)}</Typography.Paragraph>}
      <Form<{ password: string }> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item name="password" label={t.lock.password} rules={[{ required: true, message: t.lock.passwordRequired }]}>
          <Input.Password iconRender={passwordIcon} autoFocus autoComplete="current-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {busy ? t.lock.unlocking : t.lock.unlock}
        </Button>
      </Form>
      <Button type="link" block style={{ marginTop: 8 }} onClick={() => void logout()} disabled={busy}>
        {t.lock.switchOperator}
      </Button>
    </CenteredPanel>
  );
}
