import { Alert, Input, Modal, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { t } from '../i18n';
import { passwordIcon } from './passwordIcon';

export interface PromptModalProps {
  open: boolean;
  title: string;
  intro: ReactNode;
  label: string;
  inputId: string;
  submitText: string;
  /** 'reason': free text, blank after trimming is refused; 'password': empty is refused. */
  kind: 'reason' | 'password';
  /** Shown when nothing (usable) was entered; nothing is submitted then. */
  requiredMessage: string;
  placeholder?: string;
  /** Resolves to the error to show, or null when done (the dialog then closes). */
  onSubmit(value: string): Promise<string | null>;
  onClose(): void;
}

/** A dialog that asks for one value (an audited reason, a password): Enter submits, errors stay inside. */
export function PromptModal(props: PromptModalProps) {
  const { open, kind, onSubmit, onClose } = props;
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function close() {
    setValue('');
    setError(null);
    onClose();
  }

  async function submit() {
    if (busy) return;
    if ((kind === 'reason' ? value.trim() : value).length === 0) {
      setError(props.requiredMessage);
      return;
    }
    setBusy(true);
    const problem = await onSubmit(value);
    setBusy(false);
    if (problem === null) close();
    else setError(problem);
  }

  const shared = {
    id: props.inputId,
    autoFocus: true,
    value,
    placeholder: props.placeholder,
    status: error ? ('error' as const) : undefined,
    onChange: (e: { target: { value: string } }) => {
      setValue(e.target.value);
      setError(null);
    },
  };
  return (
    <Modal
      open={open}
      title={props.title}
      okText={props.submitText}
      cancelText={t.app.cancel}
      onOk={() => void submit()}
      onCancel={close}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Typography.Paragraph>{props.intro}</Typography.Paragraph>
      <label className="field-label" htmlFor={props.inputId}>
        {props.label}
      </label>
      {kind === 'password' ? (
        <Input.Password iconRender={passwordIcon} {...shared} autoComplete="current-password" onPressEnter={() => void submit()} />
      ) : (
        <Input.TextArea
          {...shared}
          rows={3}
          maxLength={200}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      )}
      {error && <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} />}
    </Modal>
  );
}
