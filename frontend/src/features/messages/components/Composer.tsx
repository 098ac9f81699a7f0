import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { Icon } from '../../../components/Icon';
import { wrapSelection, type MarkupStyle } from '../../../lib/markup';
import type { Member } from '../../../lib/types';
import { useMentionSuggestions } from '../hooks/useMentionSuggestions';
import { MentionSuggestions } from './MentionSuggestions';
import { LIMIT_WARNING_FROM, MAX_MESSAGE_LENGTH, lengthNotice } from '../utils/messageLength';
import { ReplyBar } from './ReplyBar';

const SHORTCUTS: Record<string, MarkupStyle> = { b: 'bold', i: 'italic', u: 'underline' };

/** The message a reply answers, as the bar above the box shows it. */
export interface ReplyTarget {
  id: string;
  senderName: string;
  excerpt: string;
}

/**
 * Writes a message: Enter sends, Shift+Enter breaks the line, Ctrl/Cmd+B/I/U (or the toolbar)
 * wrap the selection in light markup. Starts from `draft` and reports every change through
 * `onDraftChange` (sending reports ''). Up arrow in an empty composer asks to edit the last
 * own message (`onEditLast`); while `editing`, Enter saves the edit and Escape cancels it.
 * While `reply` is set, a bar names the message answered; Escape or its button cancels it.
 * `@` plus letters offers the `members` whose names start with them (useMentionSuggestions).
 */
export function Composer({ onSend, onTyping, disabled, draft = '', onDraftChange, editing = false, onEditLast, onCancelEdit, reply = null, onCancelReply, members = [] }: {
  onSend: (text: string) => void;
  onTyping?: () => void;
  disabled?: boolean;
  draft?: string;
  onDraftChange?: (text: string) => void;
  editing?: boolean;
  onEditLast?: () => void;
  onCancelEdit?: () => void;
  reply?: ReplyTarget | null;
  onCancelReply?: () => void;
  /** Who an `@` can name: the chat's other members. */
  members?: Member[];
}) {
  const [text, setTextState] = useState(draft);
  const setText = (value: string) => {
    setTextState(value);
    onDraftChange?.(value);
  };
  const noticeId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const trimmed = text.trim();
  const mention = useMentionSuggestions(ref, text, setText, members);

  // Ready to type as soon as a chat opens (on a pointer device; phones would pop the keyboard).
  useEffect(() => {
    const el = ref.current;
    if (!el || !window.matchMedia?.('(pointer: fine)').matches) return;
    el.focus();
    // A restored draft continues where it ended.
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);
  // Choosing Reply means writing next: the box takes focus.
  const replyId = reply?.id;
  useEffect(() => {
    if (replyId) ref.current?.focus();
  }, [replyId]);
  const cancelReply = () => {
    onCancelReply?.();
    ref.current?.focus();
  };
  const tooLong = trimmed.length > MAX_MESSAGE_LENGTH;
  const notice = lengthNotice(trimmed.length);

  function applyStyle(style: MarkupStyle) {
    const el = ref.current;
    if (!el) return;
    const next = wrapSelection({ value: el.value, start: el.selectionStart, end: el.selectionEnd }, style);
    setText(next.value);
    // Restore the selection after React writes the new value.
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(next.start, next.end);
    });
    el.value = next.value;
    el.setSelectionRange(next.start, next.end);
  }

  function send() {
    if (!trimmed || tooLong || disabled) return;
    onSend(trimmed);
    setText('');
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (mention.onKeyDown(e)) return;
    if (e.key === 'Escape' && editing) {
      e.preventDefault();
      onCancelEdit?.();
      return;
    }
    if (e.key === 'Escape' && reply) {
      e.preventDefault();
      cancelReply();
      return;
    }
    if (e.key === 'ArrowUp' && !editing && text === '' && onEditLast) {
      e.preventDefault();
      onEditLast();
      return;
    }
    if (e.key === 'Enter' && !e.shiftKey && !e.altKey && !e.nativeEvent.isComposing) {
      e.preventDefault();
      send();
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      const style = SHORTCUTS[e.key.toLowerCase()];
      if (style) {
        e.preventDefault();
        applyStyle(style);
      }
    }
  }

  const tool = (style: MarkupStyle, label: string, glyph: string, shortcut: string) => (
    <button
      type="button"
      className={`tool tool-${style}`}
      aria-label={label}
      title={`${label} (${shortcut})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => applyStyle(style)}
    >
      {glyph}
    </button>
  );

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      data-testid="composer"
    >
      <div className="composer-toolbar" role="toolbar" aria-label="Formatting">
        {tool('bold', 'Bold', 'B', 'Ctrl+B')}
        {tool('italic', 'Italic', 'I', 'Ctrl+I')}
        {tool('underline', 'Underline', 'U', 'Ctrl+U')}
        {trimmed.length > LIMIT_WARNING_FROM && (
          <span className={tooLong ? 'counter over' : 'counter'} aria-hidden="true">
            {trimmed.length}/{MAX_MESSAGE_LENGTH}
          </span>
        )}
      </div>
      {editing && (
        <div className="composer-editing" data-testid="composer-editing">
          <span>Editing message (Esc to cancel)</span>
          <button type="button" className="link-button" onClick={() => onCancelEdit?.()}>Cancel edit</button>
        </div>
      )}
      {reply && !editing && <ReplyBar senderName={reply.senderName} excerpt={reply.excerpt} onCancel={cancelReply} />}
      <p id={noticeId} className={tooLong ? 'composer-limit over' : 'composer-limit'} aria-live="polite" data-testid="length-notice" hidden={!notice}>
        {notice}
      </p>
      <div className="composer-row">
        {mention.open && <MentionSuggestions id={mention.listId} options={mention.options} active={mention.active} optionId={mention.optionId} onPick={mention.pick} />}
        <textarea
          ref={ref}
          className="composer-input"
          aria-label={editing ? 'Edit message text' : 'Message'}
          aria-invalid={tooLong || undefined}
          aria-describedby={notice ? noticeId : undefined}
          placeholder="Write a message…"
          rows={1}
          value={text}
          {...mention.inputProps}
          onChange={(e) => {
            setText(e.target.value);
            mention.track(e.target);
            if (e.target.value) onTyping?.();
          }}
          onKeyDown={onKeyDown}
          onSelect={(e) => mention.track(e.currentTarget)}
          data-testid="composer-input"
        />
        <button type="submit" className="send-button" aria-label={editing ? 'Save edit' : 'Send'} disabled={!trimmed || tooLong || disabled} data-testid="send-button">
          <Icon name="send" />
        </button>
      </div>
    </form>
  );
}
