import { FileTextOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { addDays, chinaDate } from '../../../../shared/dates';
import { useMemo, useState } from 'react';
import { commitmentOptions, type CommitmentOption } from '../../../../shared/measures';
import { useStores } from '../../stores/context';
import { formatDate, formatDateTime, t, describeFailure } from '../../i18n';
import type { CheckView } from '../../services/contracts';
import { useStore } from '../../state';
import { ProfileCommitments } from '../result/ProfileSections';

interface CommitmentForm {
  kind: string;
  text: string;
  dueOn: Dayjs | null;
}

const NONE: never[] = [];

/**
 * 信用承诺, one section: the subject's commitments on record (when the matter asks for them), the ones
 * recorded in this check, and the button to record one, text prefilled from a template.
 */
export function CommitmentPanel({ view }: { view: CheckView }) {
  const stores = useStores();
  const recorded = useStore(stores.commitment, (s) => s.byCheck[view.checkId] ?? NONE);
  const submitting = useStore(stores.commitment, (s) => s.submitting);
  const record = useStore(stores.commitment, (s) => s.record);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<CommitmentForm>();
  const catalogue = useStore(stores.purpose, (s) => s.catalogue);
  // The catalogue says which kinds this subject may make (a serious black list bars some); a catalogue
  // without the rule (before 2026.12-WH-05) leaves every template open.
  const options: CommitmentOption[] = useMemo(
    () =>
      catalogue?.commitmentKinds
        ? commitmentOptions(catalogue, view.profile?.entries ?? [], chinaDate(new Date(view.checkedAt)))
        : t.commitment.templates.map((tpl) => ({ kind: tpl.kind, eligible: true, reason: null })),
    [catalogue, view],
  );
  const eligible = options.filter((o) => o.eligible);
  const barred = options.filter((o) => !o.eligible);
  const textOf = (kind: string) => t.commitment.templates.find((x) => x.kind === kind)?.text ?? '';
  const first = eligible[0];
  // Purpose limitation: commitments on record are shown only where the matter asks for them.
  const onRecord = view.matter.visibleProfile?.commitments === true && view.profile ? view.profile.commitments : null;
  const nothingYet = recorded.length === 0 && (onRecord?.length ?? 0) === 0;

  async function onFinish(values: CommitmentForm) {
    setError(null);
    const outcome = await record(view.checkId, {
      kind: values.kind,
      text: values.text.trim(),
      dueOn: values.dueOn ? values.dueOn.format('YYYY-MM-DD') : null,
    });
    if (outcome.ok) {
      setOpen(false);
      form.resetFields();
    } else if (outcome.error.code !== 'BUSY') {
      setError(describeFailure(outcome.error));
    }
  }

  return (
    <section className="panel" aria-label={t.commitment.title} data-testid="commitment-panel">
      <div className="panel-head">
        <Typography.Title level={5} className="panel-title">
          {t.commitment.title}
        </Typography.Title>
        <Button
          icon={<FileTextOutlined aria-hidden />}
          onClick={() => setOpen(true)}
          disabled={eligible.length === 0}
          data-testid="commitment-open"
        >
          {t.commitment.add}
        </Button>
      </div>
      {eligible.length === 0 && barred.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={t.commitment.noneEligible}
          description={barred.map((o) => o.reason).join('；')}
          data-testid="commitment-none-eligible"
        />
      )}
      {onRecord && onRecord.length > 0 && <ProfileCommitments commitments={onRecord} catalogue={catalogue} />}
      {recorded.map((c, i) => (
        <div key={i} className="record-block" data-testid="commitment-recorded" data-delivery={c.delivery}>
          <Tag color="blue">{c.kind}</Tag>
          <Tag color={c.delivery === 'sent' ? 'green' : 'orange'}>{c.delivery === 'sent' ? t.commitment.sent : t.commitment.queued}</Tag>
          <Typography.Text type="secondary">
            {formatDateTime(c.recordedAt)} · {t.commitment.dueOn}：{c.dueOn ? formatDate(c.dueOn) : t.commitment.dueOnNone}
          </Typography.Text>
        </div>
      ))}
      {nothingYet && (
        <Typography.Paragraph type="secondary" className="commitment-intro" data-testid="commitment-none">
          {onRecord ? `${t.result.commitmentsNone}。` : ''}
          {/* No invitation to record one when no kind is open to this subject (the notice above says why). */}
          {eligible.length > 0 ? t.commitment.intro : ''}
        </Typography.Paragraph>
      )}
      <Modal
        open={open}
        title={t.commitment.add}
        okText={t.commitment.submit}
        cancelText={t.app.cancel}
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        confirmLoading={submitting}
        width={640}
        destroyOnHidden
      >
        <Form<CommitmentForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void onFinish(v)}
          initialValues={{ kind: first?.kind, text: first ? textOf(first.kind) : '', dueOn: dayjs(addDays(chinaDate(new Date()), 30)) }}
        >
          <Form.Item name="kind" label={t.commitment.kind} rules={[{ required: true, message: t.commitment.kindRequired }]}>
            <Select
              autoFocus
              options={eligible.map((o) => ({ value: o.kind, label: o.kind }))}
              onChange={(kind: string) => form.setFieldValue('text', textOf(kind))}
              data-testid="commitment-kind"
            />
          </Form.Item>
          {barred.length > 0 && (
            <Alert
              type="info"
              showIcon
              className="commitment-barred"
              title={t.commitment.barred}
              description={barred.map((o) => o.reason).join('；')}
              data-testid="commitment-barred"
            />
          )}
          <Form.Item
            name="text"
            label={t.commitment.text}
            rules={[{ required: true, whitespace: true, message: t.commitment.textRequired }]}
          >
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 8 }} maxLength={1000} data-testid="commitment-text" />
          </Form.Item>
          <Form.Item name="dueOn" label={t.commitment.dueOn}>
            <DatePicker
              allowClear
              placeholder={t.commitment.dueOnNone}
              format={t.time.dateFormat}
              // Days are China days: a PC set to another zone must not offer yesterday or hide today.
              disabledDate={(d) => d.format('YYYY-MM-DD') < chinaDate(new Date())}
              style={{ width: 240 }}
            />
          </Form.Item>
          {error && <Alert type="error" showIcon title={error} role="alert" />}
        </Form>
      </Modal>
    </section>
  );
}
