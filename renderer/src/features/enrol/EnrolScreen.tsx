import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { MANAGED_SOURCES } from '../../../../shared/config/schema';
import { useStores } from '../../stores/context';
import { CenteredPanel } from '../../ui/CenteredPanel';
import { t, describeFailure } from '../../i18n';
import { passwordIcon } from '../../ui/passwordIcon';
import { useStore } from '../../state';

interface EnrolForm {
  platformUrl: string;
  enrolmentCode: string;
  terminalName: string;
  /** Re-enrolment only: the IT administrator who confirms the hand-over. */
  itOperatorId?: string;
  itPassword?: string;
}

/** IT's one-off task: register this PC with the platform. `embedded`: reached from settings. */
export function EnrolScreen({ embedded = false }: { embedded?: boolean }) {
  const stores = useStores();
  const config = useStore(stores.app, (s) => s.config);
  const identity = useStore(stores.app, (s) => s.identity);
  const enrol = useStore(stores.app, (s) => s.enrol);
  const go = useStore(stores.app, (s) => s.go);
  const cancelReenrol = useStore(stores.app, (s) => s.cancelReenrol);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const urlManaged = config ? MANAGED_SOURCES.includes(config.sources.platformUrl) : false;
  const initial: EnrolForm = {
    platformUrl: identity?.platformUrl ?? config?.values.platformUrl ?? '',
    enrolmentCode: '',
    terminalName: identity?.terminalName ?? config?.values.terminalName ?? '',
  };

  async function onFinish(values: EnrolForm) {
    setBusy(true);
    setError(null);
    const itOperatorId = values.itOperatorId?.trim() ?? '';
    const outcome = await enrol({
      platformUrl: values.platformUrl.trim(),
      enrolmentCode: values.enrolmentCode.trim(),
      terminalName: values.terminalName.trim(),
      ...(itOperatorId && values.itPassword ? { itOperator: { operatorId: itOperatorId, password: values.itPassword } } : {}),
    });
    setBusy(false);
    if (!outcome.ok) setError(describeFailure(outcome.error));
  }

  const form = (
    <Form<EnrolForm> layout="vertical" initialValues={initial} onFinish={onFinish} requiredMark={false} disabled={busy}>
      <Typography.Paragraph type="secondary">{identity ? t.enrol.reenrolIntro : t.enrol.intro}</Typography.Paragraph>
      {identity && (
        <Alert type="info" showIcon title={t.enrol.handOver(identity.terminalName, identity.terminalId)} style={{ marginBottom: 16 }} />
      )}
      <Form.Item
        name="platformUrl"
        label={t.enrol.platformUrl}
        extra={urlManaged ? t.enrol.platformUrlManaged : undefined}
        rules={[
          { required: true, whitespace: true, message: t.enrol.platformUrlRequired },
          { pattern: /^\s*https?:\/\/\S+\s*$/i, message: t.enrol.platformUrlInvalid },
        ]}
      >
        <Input placeholder={t.enrol.platformUrlPlaceholder} readOnly={urlManaged} autoFocus={!urlManaged} />
      </Form.Item>
      <Form.Item
        name="enrolmentCode"
        label={t.enrol.enrolmentCode}
        rules={[{ required: true, whitespace: true, message: t.enrol.enrolmentCodeRequired }]}
      >
        <Input placeholder={t.enrol.enrolmentCodePlaceholder} autoFocus={urlManaged} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="terminalName"
        label={t.enrol.terminalName}
        rules={[
          { required: true, whitespace: true, message: t.enrol.terminalNameRequired },
          { max: 64, message: t.enrol.terminalNameTooLong },
        ]}
      >
        <Input placeholder={t.enrol.terminalNamePlaceholder} />
      </Form.Item>
      {identity && (
        <section aria-label={t.enrol.confirmTitle}>
          <Typography.Title level={5}>{t.enrol.confirmTitle}</Typography.Title>
          <Typography.Paragraph type="secondary">{t.enrol.confirmHelp}</Typography.Paragraph>
          <Form.Item name="itOperatorId" label={t.enrol.confirmOperatorId}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="itPassword"
            label={t.enrol.confirmPassword}
            dependencies={['itOperatorId']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_rule, value?: string) =>
                  Boolean(String(getFieldValue('itOperatorId') ?? '').trim()) === Boolean(value)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t.enrol.confirmIncomplete)),
              }),
            ]}
          >
            <Input.Password iconRender={passwordIcon} autoComplete="off" />
          </Form.Item>
        </section>
      )}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
      <div className="form-actions">
        {embedded && (
          <Button onClick={() => go('settings')} disabled={busy}>
            {t.app.back}
          </Button>
        )}
        {!embedded && identity && (
          <Button onClick={cancelReenrol} disabled={busy}>
            {t.enrol.backToLogin}
          </Button>
        )}
        <Button type="primary" htmlType="submit" loading={busy}>
          {busy ? t.enrol.submitting : t.enrol.submit}
        </Button>
      </div>
    </Form>
  );

  if (embedded) {
    return (
      <div className="screen narrow-screen">
        <Typography.Title level={3}>{t.enrol.title}</Typography.Title>
        {form}
      </div>
    );
  }
  return (
    <CenteredPanel title={t.enrol.title} extra={<Typography.Text type="secondary">{t.enrol.itOnly}</Typography.Text>}>
      {form}
    </CenteredPanel>
  );
}
