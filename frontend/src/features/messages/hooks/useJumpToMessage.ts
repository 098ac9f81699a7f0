import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import type { LocalMessage } from '../../../lib/types';

const HIGHLIGHT_MS = 2000;

/**
 * Going from a quote to its original: scrolls it into view, moves focus to it and lights it up
 * for a moment. An original older than what is loaded is fetched first (`loadBackTo` pages back
 * until it is there or history ends); the scroll happens once it has rendered.
 */
export function useJumpToMessage(container: RefObject<HTMLElement | null>, items: LocalMessage[], loadBackTo: (seq: number) => Promise<void>) {
  const [target, setTarget] = useState<string | null>(null);
  const [searched, setSearched] = useState(false);
  const [highlighted, setHighlighted] = useState<string | null>(null);

  /** `quote`: a reply's original, or a search result (its id and seq). */
  const jumpTo = useCallback((quote: { id: string; seq: number }) => {
    setTarget(quote.id);
    setSearched(false);
    if (items.some((x) => x.id === quote.id)) return;
    loadBackTo(quote.seq)
      .catch(() => undefined)
      .finally(() => setSearched(true));
  }, [items, loadBackTo]);

  useLayoutEffect(() => {
    if (!target) return;
    const rows = container.current?.querySelectorAll<HTMLElement>('[data-message-id]') ?? [];
    const el = [...rows].find((row) => row.dataset.messageId === target);
    if (!el) {
      // History ended (or failed) without it: give up rather than jump later by surprise.
      if (searched) setTarget(null);
      return;
    }
    el.scrollIntoView?.({ block: 'center' });
    el.focus({ preventScroll: true });
    setHighlighted(target);
    setTarget(null);
  }, [target, searched, items, container]);

  useEffect(() => {
    if (!highlighted) return;
    const t = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(t);
  }, [highlighted]);

  return { jumpTo, highlighted };
}
