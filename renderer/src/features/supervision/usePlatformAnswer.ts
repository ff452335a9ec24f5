import { useEffect, useState, type DependencyList } from 'react';
import { describeFailure } from '../../i18n';
import type { Outcome } from '../../services/contracts';

/**
 * One question to the platform, asked again when `deps` change or `reload()` is called; an answer to an
 * older question is dropped (the filter may have moved on while it travelled).
 */
export function usePlatformAnswer<T>(allowed: boolean, ask: () => Promise<Outcome<T>>, deps: DependencyList) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (!allowed) return;
    let live = true;
    void ask().then((outcome) => {
      if (!live) return;
      setLoading(false);
      if (outcome.ok) {
        setData(outcome.value);
        setError(null);
      } else setError(describeFailure(outcome.error));
    });
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `ask` is rebuilt each render; `deps` name what it reads
  }, [allowed, asked, ...deps]);
  const reload = () => {
    setLoading(true);
    setAsked((n) => n + 1);
  };
  return { data, error, setError, loading, reload };
}
