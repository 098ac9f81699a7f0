import { useCallback, useEffect, useState } from 'react';

export interface DisplayPrefs {
  showTimes: boolean;
  showNames: boolean;
}

const KEY = 'carrier.display';
const DEFAULTS: DisplayPrefs = { showTimes: true, showNames: true };

export function readDisplayPrefs(): DisplayPrefs {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return DEFAULTS;
    const v = JSON.parse(raw) as Partial<DisplayPrefs>;
    return { showTimes: v.showTimes !== false, showNames: v.showNames !== false };
  } catch {
    return DEFAULTS;
  }
}

/** Show/hide times and sender names, kept in localStorage and shared across open tabs. */
export function useDisplayPrefs() {
  const [prefs, setPrefs] = useState<DisplayPrefs>(readDisplayPrefs);
  useEffect(() => {
    const onStorage = (e: StorageEvent) => e.key === KEY && setPrefs(readDisplayPrefs());
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  const update = useCallback((patch: Partial<DisplayPrefs>) => {
    setPrefs((p) => {
      const next = { ...p, ...patch };
      localStorage.setItem(KEY, JSON.stringify(next));
      return next;
    });
  }, []);
  return [prefs, update] as const;
}
