import { Alert, Button } from 'antd';
import { useSyncExternalStore } from 'react';
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
      title="有新版本可用"
      description="新版本已下载完成，重新加载后生效。"
      action={
        <Button size="small" type="primary" onClick={() => updates.applyUpdate()}>
          重新加载
        </Button>
      }
    />
  );
}
