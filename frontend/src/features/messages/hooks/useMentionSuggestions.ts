import { useId, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Member } from '../../../lib/types';
import { insertMention, mentionQuery, suggestMembers } from '../utils/mentions';

/**
 * The composer's `@` suggestions (issue 18): while the word before the caret is `@` plus letters,
 * the members whose names start with them. ArrowUp/ArrowDown move, Enter or Tab insert
 * `@username `, Escape closes the list for that word. `onKeyDown` answers whether it took the key.
 */
export function useMentionSuggestions(inputRef: RefObject<HTMLTextAreaElement | null>, text: string, setText: (value: string) => void, members: Member[]) {
  const listId = useId();
  const [caret, setCaret] = useState(text.length);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const query = mentionQuery(text, Math.min(caret, text.length));
  const options = query ? suggestMembers(members, query.prefix) : [];
  const open = !!query && options.length > 0 && dismissedAt !== query.start;
  const index = Math.min(active, options.length - 1);
  const optionId = (i: number) => `${listId}-${i}`;

  /** Call with the box after every change or caret move. */
  const track = (el: HTMLTextAreaElement) => {
    if (el.selectionStart !== caret) setActive(0);
    setCaret(el.selectionStart);
  };

  const pick = (member: Member) => {
    const el = inputRef.current;
    if (!query) return;
    const next = insertMention(text, caret, query.start, member.username);
    setText(next.value);
    setCaret(next.caret);
    setActive(0);
    if (el) {
      el.value = next.value;
      el.focus();
      el.setSelectionRange(next.caret, next.caret);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>): boolean => {
    if (!open || e.nativeEvent.isComposing) return false;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((index + step + options.length) % options.length);
    } else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey) {
      pick(options[index]);
    } else if (e.key === 'Escape') {
      setDismissedAt(query.start);
    } else {
      return false;
    }
    e.preventDefault();
    return true;
  };

  return {
    open,
    options,
    active: index,
    listId,
    optionId,
    pick,
    track,
    onKeyDown,
    /** For the textarea: the list it controls and the option a screen reader should announce. */
    inputProps: {
      'aria-autocomplete': 'list' as const,
      'aria-controls': open ? listId : undefined,
      'aria-activedescendant': open ? optionId(index) : undefined,
    },
  };
}
