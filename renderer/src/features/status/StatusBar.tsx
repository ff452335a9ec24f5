import {
  ClockCircleOutlined,
  CloudServerOutlined,
  DatabaseOutlined,
  DisconnectOutlined,
  ExclamationCircleFilled,
  InboxOutlined,
  SyncOutlined,
  WarningFilled,
} from '@ant-design/icons';
import { useStores } from '../../stores/context';
import { formatAge, formatClock, t } from '../../i18n';
import { useStore } from '../../state';
import { clockSkewNeedsWarning } from '../../../../shared/dates';
import { outboxWords } from './outboxWords';
import { dataAgeAt, useNow } from './useNow';

/** Always at the bottom: connectivity, data age, sync progress, outbox, dead letters, clock skew. Click for details. */
export function StatusBar({ interactive }: { interactive: boolean }) {
  const stores = useStores();
  const status = useStore(stores.sync, (s) => s);
  const staleHours = useStore(stores.app, (s) => s.config?.values.stalenessLimitHours ?? 24);
  const toggle = useStore(stores.syncPanel, (s) => s.toggle);
  const now = useNow();
  const age = dataAgeAt(status, now);
  const stale = age !== null && age > staleHours * 3600;
  const skew = status.clockSkewSeconds;
  const skewWarn = clockSkewNeedsWarning(skew);
  const waiting = outboxWords(status);

  // A region named for what it is, holding a polite live status (so changes are announced without moving
  // focus) and a real button for the details; the clock stays outside the live part. A click anywhere on
  // the bar still opens the details for mouse users: the button's own click bubbles up to the same handler.
  return (
    <div
      className="status-bar no-print"
      role="region"
      aria-label={t.a11y.statusRegion}
      data-interactive={interactive}
      title={interactive ? t.status.openPanel : undefined}
      onClick={interactive ? toggle : undefined}
      data-testid="status-bar"
    >
      <div className="status-live" role="status" data-testid="status-live">
        <span
          className={status.online ? 'status-item status-online' : 'status-item status-offline'}
          data-testid="status-online"
          data-online={status.online}
        >
          {status.online ? <CloudServerOutlined aria-hidden /> : <DisconnectOutlined aria-hidden />}{' '}
          {status.online ? t.status.online : t.status.offline}
        </span>
        <span className={stale ? 'status-item status-warn' : 'status-item'} data-testid="status-age" data-stale={stale}>
          <DatabaseOutlined aria-hidden /> {age === null ? t.status.dataNever : t.status.dataAge(formatAge(age))}
          {stale && (
            <>
              {' '}
              <WarningFilled aria-hidden /> {t.status.stale}
            </>
          )}
        </span>
        {status.syncing && (
          <span className="status-item status-sync" data-testid="status-syncing">
            <SyncOutlined aria-hidden spin /> {t.status.phase[status.phase]}
            {status.progress && ` · ${t.status.progress(status.progress.rows, status.progress.remaining)}`}
          </span>
        )}
        <span
          className={status.outboxDepth > 0 ? 'status-item status-info' : 'status-item'}
          data-testid="status-outbox"
          data-depth={status.outboxDepth}
        >
          <InboxOutlined aria-hidden /> {waiting ? t.status.outboxWaiting(waiting) : t.status.outbox(status.outboxDepth)}
        </span>
        {status.deadLetterCount > 0 && (
          <span className="status-item status-error" data-testid="status-dead">
            <ExclamationCircleFilled aria-hidden /> {t.status.deadLetters(status.deadLetterCount)}
          </span>
        )}
        {skewWarn && skew !== null && (
          <span className="status-item status-warn" data-testid="status-skew">
            <ClockCircleOutlined aria-hidden /> {t.status.clockSkewShort(skew)}
          </span>
        )}
        {status.storage.kind !== 'ok' && (
          <span className="status-item status-error" data-testid="status-storage">
            <ExclamationCircleFilled aria-hidden /> {t.status.storage}
          </span>
        )}
      </div>
      {interactive && (
        <button type="button" className="status-details" data-testid="status-details">
          {t.a11y.syncDetails}
        </button>
      )}
      <span className="status-spacer" />
      {interactive && (
        <span className="status-item status-shortcuts">
          {t.shortcuts.newLookup} · {t.shortcuts.submitFeedback} · {t.shortcuts.print} · {t.shortcuts.syncPanel}
        </span>
      )}
      <span className="status-item status-clock">{formatClock(now)}</span>
    </div>
  );
}
