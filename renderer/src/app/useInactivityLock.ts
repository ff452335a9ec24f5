import { useEffect } from 'react';

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` after `minutes` without keyboard or pointer activity while `active`. */
export function useInactivityLock(active: boolean, minutes: number, onIdle: () => void): void {
  useEffect(() => {
    if (!active || !(minutes > 0)) return undefined;
    const ms = minutes * 60_000;
    let handle = window.setTimeout(onIdle, ms);
    const reset = () => {
      window.clearTimeout(handle);
      handle = window.setTimeout(onIdle, ms);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, reset, { capture: true, passive: true });
    return () => {
      window.clearTimeout(handle);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, reset, { capture: true });
    };
  }, [active, minutes, onIdle]);
}
