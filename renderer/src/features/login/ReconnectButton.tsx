import { ApiOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useStores } from '../../stores/context';
import { PromptModal } from '../../ui/PromptModal';
import { t, describeFailure } from '../../i18n';
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

  if (!session || session.mode === 'online') return null;
  return (
    <>
      <Button size="small" icon={<ApiOutlined aria-hidden />} data-testid="reconnect" onClick={() => setOpen(true)}>
        {t.reconnect.button}
      </Button>
      <PromptModal
        open={open}
        title={t.reconnect.title}
        intro={t.reconnect.intro(session.operator.name, session.operator.id)}
        label={t.reconnect.password}
        inputId="reconnect-password"
        submitText={t.reconnect.submit}
        kind="password"
        requiredMessage={t.reconnect.passwordRequired}
        onSubmit={async (password) => {
          const outcome = await reconnect(password);
          if (!outcome.ok) return describeFailure(outcome.error);
          // The header's tag turns to 在线登录 and this button goes away: back to the lookup field.
          stores.lookup.getState().requestFocus();
          return null;
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}
