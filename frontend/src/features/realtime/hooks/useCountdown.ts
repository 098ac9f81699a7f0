import { useEffect, useState } from 'react';

/** Whole seconds left until `at` (at least 1 while it is ahead), re-rendering each second; null without a time. */
export function useCountdown(at: number | null): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === null) return;
    setNow(Date.now());
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [at]);
  if (at === null) return null;
  const left = at - now;
  return left > 0 ? Math.ceil(left / 1000) : 0;
}
