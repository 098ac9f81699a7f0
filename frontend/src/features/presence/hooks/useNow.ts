import { useEffect, useState } from 'react';

/** The time now, renewed every `everyMs`, so "5 min ago" moves on while it is shown. */
export function useNow(everyMs = 30_000): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
