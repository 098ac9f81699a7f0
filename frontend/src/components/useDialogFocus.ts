import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'textarea:not([disabled])',
  'select:not([disabled])',
  '[tabindex]:not([tabindex="-1"])',
].join(',');

/** Open dialogs, innermost last: only the innermost one traps focus and answers Escape. */
const openDialogs: HTMLElement[] = [];

function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !el.closest('[hidden]'));
}

/** The first field, else the first control that is not the close button, else the dialog. */
function focusFirst(dialog: HTMLElement) {
  const all = focusables(dialog);
  const target = all.find((el) => el.matches('input, textarea, select')) ?? all.find((el) => !el.hasAttribute('data-close')) ?? dialog;
  target.focus();
}

/**
 * Keeps focus in a modal dialog: it moves in on open, Tab and Shift+Tab cycle inside, focus that
 * escapes (to the page, e.g. when a control it sat on goes away) is brought back, Escape closes
 * from anywhere, and focus returns where it was on close.
 */
export function useDialogFocus(ref: RefObject<HTMLElement | null>, onClose: () => void) {
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement as HTMLElement | null;
    openDialogs.push(dialog);
    const innermost = () => openDialogs[openDialogs.length - 1] === dialog;
    focusFirst(dialog);

    const onKeyDown = (e: KeyboardEvent) => {
      if (!innermost()) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
      } else if (e.key === 'Tab') {
        const all = focusables(dialog);
        if (all.length === 0) return;
        const first = all[0];
        const last = all[all.length - 1];
        const active = document.activeElement as HTMLElement | null;
        const inside = !!active && dialog.contains(active);
        if (e.shiftKey && (!inside || active === first)) {
          e.preventDefault();
          last.focus();
        } else if (!e.shiftKey && (!inside || active === last)) {
          e.preventDefault();
          first.focus();
        }
      }
    };
    const onFocusIn = (e: FocusEvent) => {
      if (innermost() && e.target instanceof Node && !dialog.contains(e.target)) focusFirst(dialog);
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn);
      openDialogs.splice(openDialogs.indexOf(dialog), 1);
      if (previous?.isConnected) previous.focus();
    };
  }, [ref]);

  // After every render (e.g. a failed submit that showed an error), focus that fell out of the
  // dialog to the page comes back to it.
  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog || openDialogs[openDialogs.length - 1] !== dialog) return;
    const active = document.activeElement;
    if (!active || active === document.body || !dialog.contains(active)) focusFirst(dialog);
  });
}
