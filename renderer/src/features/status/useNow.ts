import { useEffect, useState } from 'react';

/**
 * The current time for clocks and ages: read at every render (so any status change shows a fresh
 * age), with a re-render at least every `intervalMs`.
 */
export function useNow(intervalMs = 30_000): Date {
  const [, setTick] = useState(0);
  useEffect(() => {
    const handle = window.setInterval(() => setTick((n) => n + 1), intervalMs);
    return () => window.clearInterval(handle);
  }, [intervalMs]);
  return new Date();
}

/** Age of the list data in seconds at `now`: from the last pull when known, else as reported. */
export function dataAgeAt(status: { lastPullAt: string | null; dataAgeSeconds: number | null }, now: Date): number | null {
  if (status.lastPullAt) {
    const at = Date.parse(status.lastPullAt);
    if (Number.isFinite(at)) return Math.max(0, Math.floor((now.getTime() - at) / 1000));
  }
  return status.dataAgeSeconds;
}
