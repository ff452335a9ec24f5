import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { CenteredPanel } from '../../ui/CenteredPanel';
import { t, describeFailure } from '../../i18n';
import { passwordIcon } from '../../ui/passwordIcon';
import { useStore } from '../../state';

/** Login failures that are about the terminal, not the operator: only a re-enrolment (hand-over) helps. */
const TERMINAL_REFUSED = new Set([
  'unknown_terminal',
  'terminal_replaced',
  'secret_undecryptable',
  'secret_missing',
  // The desktop app's main process keeps a secret of another enrolment or for a platform IT no longer uses.
  'terminal_mismatch',
  'platform_not_allowed',
]);

interface LoginForm {
  operatorId: string;
  password: string;
}

/** Operator login: online against the platform; the core falls back to the offline unlock itself. */
export function LoginScreen() {
  const stores = useStores();
  const identity = useStore(stores.app, (s) => s.identity);
  const login = useStore(stores.app, (s) => s.login);
  const startReenrol = useStore(stores.app, (s) => s.startReenrol);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);

  async function onFinish(values: LoginForm) {
    setBusy(true);
    setError(null);
    const outcome = await login(values.operatorId.trim(), values.password);
    // On success this screen is gone; only a failure needs state.
    if (!outcome.ok) {
      setBusy(false);
      setError(outcome.error);
    }
  }

  return (
    <CenteredPanel
      title={t.login.title}
      extra={identity ? <Typography.Text type="secondary">{t.app.terminal(identity.terminalName)}</Typography.Text> : null}
    >
      <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} disabled={busy}>
        <Form.Item
          name="operatorId"
          label={t.login.operatorId}
          rules={[{ required: true, whitespace: true, message: t.login.operatorIdRequired }]}
        >
          <Input placeholder={t.login.operatorIdPlaceholder} autoFocus autoComplete="username" />
        </Form.Item>
        <Form.Item name="password" label={t.login.password} rules={[{ required: true, message: t.login.passwordRequired }]}>
          <Input.Password iconRender={passwordIcon} placeholder={t.login.passwordPlaceholder} autoComplete="current-password" />
        </Form.Item>
        {error && (
          <Alert type="error" showIcon title={describeFailure(error)} style={{ marginBottom: 16 }} role="alert" data-code={error.code} />
        )}
        {error && TERMINAL_REFUSED.has(error.code) && (
          <Button block onClick={startReenrol} style={{ marginBottom: 12 }} data-testid="login-reenrol">
            {t.login.reenrol}
          </Button>
        )}
        <Button type="primary" htmlType="submit" block loading={busy}>
          {busy ? t.login.submitting : t.login.submit}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t.login.offlineNote}
        </Typography.Paragraph>
      </Form>
    </CenteredPanel>
  );
}
