import { useEffect, useRef, useState, type RefObject } from 'react';

const HOLD_MS = 500;

/**
 * Touch screens have no hover: holding a message for half a second reveals its actions, and a
 * touch anywhere else hides them again. Returns whether they show and the handlers for the item.
 */
export function useLongPress(ref: RefObject<HTMLElement | null>) {
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const fired = useRef(false);
  const cancel = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => ref.current && !ref.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('touchstart', outside);
    document.addEventListener('mousedown', outside);
    return () => {
      document.removeEventListener('touchstart', outside);
      document.removeEventListener('mousedown', outside);
    };
  }, [open, ref]);

  useEffect(() => cancel, []);

  const handlers = {
    onTouchStart: () => {
      cancel();
      fired.current = false;
      timer.current = setTimeout(() => {
        fired.current = true;
        setOpen(true);
      }, HOLD_MS);
    },
    onTouchEnd: cancel,
    onTouchMove: cancel,
    onTouchCancel: cancel,
    // The browser's own long-press menu would cover the actions just revealed.
    onContextMenu: (e: { preventDefault: () => void }) => {
      if (fired.current) e.preventDefault();
    },
  };
  return { open, close: () => setOpen(false), handlers };
}
