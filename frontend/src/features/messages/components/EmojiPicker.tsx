import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { QUICK_EMOJI } from '../utils/reactions';

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 6, ArrowLeft: -1, ArrowUp: -6 };

/**
 * The React button's popover: twelve emoji, each a button named for what it does ("Add
 * reaction 👍", or "Remove reaction 👍" when already chosen). Opens with the first one focused;
 * arrow keys move between them; Escape or a click outside closes it (the caller returns focus).
 */
export function EmojiPicker({ chosen, onPick, onClose, anchor }: {
  chosen: (emoji: string) => boolean;
  /** The button that opened it: a click there toggles, so it is not "outside". */
  anchor?: RefObject<HTMLElement | null>;
  onPick: (emoji: string) => void;
  /** `byKey`: closed with Escape (focus goes back to the opener), not by a click elsewhere. */
  onClose: (byKey: boolean) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [below, setBelow] = useState(false);

  // Above the message unless that is cut off by the top of the conversation (its first message).
  useLayoutEffect(() => {
    const el = ref.current;
    const pane = el?.closest('.message-scroll');
    if (el && pane && el.getBoundingClientRect().top < pane.getBoundingClientRect().top) setBelow(true);
  }, []);

  useEffect(() => {
    ref.current?.querySelector('button')?.focus({ preventScroll: true });
  }, []);

  useEffect(() => {
    const outside = (e: Event) => {
      const target = e.target as Node;
      if (ref.current?.contains(target) || anchor?.current?.contains(target)) return;
      onClose(false);
    };
    document.addEventListener('mousedown', outside);
    document.addEventListener('touchstart', outside);
    return () => {
      document.removeEventListener('mousedown', outside);
      document.removeEventListener('touchstart', outside);
    };
  }, [onClose, anchor]);

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose(true);
      return;
    }
    const buttons = [...(ref.current?.querySelectorAll('button') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    let next = -1;
    if (e.key in STEP) next = (at + STEP[e.key] + buttons.length) % buttons.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = buttons.length - 1;
    if (next >= 0 && at >= 0) {
      e.preventDefault();
      buttons[next].focus();
    }
  }

  return (
    <div ref={ref} className={below ? 'emoji-picker below' : 'emoji-picker'} role="dialog" aria-label="Choose a reaction" onKeyDown={onKeyDown} data-testid="emoji-picker">
      {QUICK_EMOJI.map((emoji) => (
        <button
          key={emoji}
          type="button"
          className={chosen(emoji) ? 'emoji-option chosen' : 'emoji-option'}
          aria-label={`${chosen(emoji) ? 'Remove' : 'Add'} reaction ${emoji}`}
          title={`${chosen(emoji) ? 'Remove' : 'Add'} reaction ${emoji}`}
          onClick={() => onPick(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
