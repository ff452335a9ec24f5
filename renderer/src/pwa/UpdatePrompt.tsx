import { Alert, Button } from 'antd';
import { useSyncExternalStore } from 'react';
import { t } from '../i18n';
import type { ServiceWorkerUpdates } from './registerServiceWorker';

export interface UpdatePromptProps {
  updates: ServiceWorkerUpdates;
}

/**
 * "A new version is available" banner for the PWA build. Nothing is reloaded behind the clerk's back:
 * an update applies only when they press 重新加载 (their unsent work is in the durable outbox either way).
 */
export function UpdatePrompt({ updates }: UpdatePromptProps) {
  const available = useSyncExternalStore(updates.subscribe, updates.getSnapshot, updates.getSnapshot);
  if (!available) return null;
  return (
    <Alert
      role="status"
      type="info"
      showIcon
      banner
      title={t.pwaUpdate.title}
      description={t.pwaUpdate.description}
      action={
        <Button size="small" type="primary" onClick={() => updates.applyUpdate()}>
          {t.pwaUpdate.reload}
        </Button>
      }
    />
  );
}
