import { ArrowLeftOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Space } from 'antd';
import { useEffect } from 'react';
import { useStores } from '../../stores/context';
import { t } from '../../i18n';
import { useStore } from '../../state';
import { EMPTY_FEEDBACK } from '../../stores/feedbackStore';
import { useNow } from '../status/useNow';
import { CheckSlip } from './CheckSlip';

const NONE: never[] = [];

/** The slip on screen with its print buttons; only the slip itself is printed (print CSS). */
export function SlipScreen() {
  const stores = useStores();
  const view = useStore(stores.lookup, (s) => s.view);
  const catalogue = useStore(stores.purpose, (s) => s.catalogue);
  const session = useStore(stores.app, (s) => s.session);
  const identity = useStore(stores.app, (s) => s.identity);
  const go = useStore(stores.app, (s) => s.go);
  const feedback = useStore(stores.feedback, (s) => (view ? (s.byCheck[view.checkId] ?? EMPTY_FEEDBACK) : EMPTY_FEEDBACK));
  const commitments = useStore(stores.commitment, (s) => (view ? (s.byCheck[view.checkId] ?? NONE) : NONE));
  const printing = useStore(stores.slip, (s) => s.printing);
  const pending = useStore(stores.slip, (s) => s.pendingPrint);
  const message = useStore(stores.slip, (s) => s.message);
  const printedAt = useStore(stores.slip, (s) => s.printedAt);
  const signed = useStore(stores.slip, (s) => s.signed);
  const unsigned = useStore(stores.slip, (s) => s.unsigned);
  const { print, clearMessage, sign } = stores.slip.getState();
  const now = useNow();

  useEffect(() => clearMessage, [clearMessage]);

  // The statement signs the decisions as delivered; a new decision signs a new statement.
  useEffect(() => {
    if (!view) return;
    const decisions = Object.fromEntries(
      Object.entries(feedback.drafts).map(([code, d]) => [code, feedback.delivery !== null ? d.decision : null]),
    );
    void sign(view, decisions);
  }, [view, feedback, sign]);

  // Ctrl+P on another screen asked for a print: the slip is on screen now.
  useEffect(() => {
    if (pending && view) void print(view.checkId, pending);
  }, [pending, view, print]);

  if (!view) {
    return (
      <div className="screen">
        <Empty description={t.slip.noCheck} />
      </div>
    );
  }

  function doPrint(target: 'printer' | 'pdf') {
    if (view) void print(view.checkId, target);
  }

  return (
    <div className="screen slip-screen">
      <div className="slip-toolbar no-print">
        <Space wrap>
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => go('check')}>
            {t.slip.back}
          </Button>
          <Button
            type="primary"
            icon={<PrinterOutlined aria-hidden />}
            loading={printing}
            onClick={() => doPrint('printer')}
            data-testid="slip-print"
            autoFocus
          >
            {printing ? t.slip.printing : t.slip.print}
          </Button>
          <Button icon={<FilePdfOutlined aria-hidden />} disabled={printing} onClick={() => doPrint('pdf')}>
            {t.slip.pdf}
          </Button>
        </Space>
        {message && (
          <Alert
            type={message.kind}
            showIcon
            title={message.text}
            className="slip-message"
            data-testid="slip-message"
            closable={{ onClose: clearMessage }}
          />
        )}
      </div>
      <div className="slip-paper">
        <CheckSlip
          view={view}
          catalogue={catalogue}
          feedback={feedback}
          commitments={commitments}
          session={session}
          identity={identity}
          printedAt={printedAt ? new Date(printedAt) : now}
          signed={signed?.checkId === view.checkId ? signed : null}
          unsigned={unsigned}
        />
      </div>
    </div>
  );
}
