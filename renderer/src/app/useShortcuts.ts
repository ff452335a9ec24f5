import { useEffect } from 'react';
import type { AppStores } from '../stores/createAppStores';

function insideModal(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.ant-modal') !== null;
}

/**
 * Keyboard-first counter work (shown in the status bar): F2 new lookup, Ctrl+Enter submit feedback,
 * Ctrl+P print the check slip, F9 sync details.
 */
export function useShortcuts(stores: AppStores, active: boolean): void {
  useEffect(() => {
    if (!active) return undefined;
    function onKeyDown(e: KeyboardEvent) {
      const app = stores.app.getState();
      const view = stores.lookup.getState().view;
      // Not from inside a dialog: F2 would throw away the check the dialog is about.
      if (e.key === 'F2' && !insideModal(e.target)) {
        e.preventDefault();
        stores.feedback.getState().requestLeave(view, () => {
          app.go('check');
          stores.lookup.getState().reset();
        });
        return;
      }
      if (e.key === 'F9') {
        e.preventDefault();
        stores.syncPanel.getState().toggle();
        return;
      }
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && !insideModal(e.target)) {
        if (app.screen === 'check' && view) {
          e.preventDefault();
          void stores.feedback.getState().submit(view);
        }
        return;
      }
      if ((e.ctrlKey || e.metaKey) && (e.key === 'p' || e.key === 'P')) {
        // Never the browser's own print of the whole app: only the slip is printed.
        e.preventDefault();
        if (view) {
          app.go('slip');
          stores.slip.getState().requestPrint('printer');
        }
      }
    }
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [stores, active]);
}
