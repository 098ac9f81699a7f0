import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { Icon } from '../../../components/Icon';
import { wrapSelection, type MarkupStyle } from '../../../lib/markup';
import type { Member } from '../../../lib/types';
import { useMentionSuggestions } from '../hooks/useMentionSuggestions';
import { MentionSuggestions } from './MentionSuggestions';
import { MAX_MESSAGE_LENGTH, lengthNotice } from '../utils/messageLength';
import { ComposerToolbar } from './ComposerToolbar';
import { ReplyBar } from './ReplyBar';

const SHORTCUTS: Record<string, MarkupStyle> = { b: 'bold', i: 'italic', u: 'underline' };

/** The message a reply answers, as the bar above the box shows it. */
export interface ReplyTarget {
  id: string;
  senderName: string;
  excerpt: string;
}

/** The files of the message being written (features/attachments makes the parts). */
export interface ComposerFiles {
  button: ReactNode;
  tray: ReactNode;
  /** How many are uploaded: a message of files alone needs no text. */
  ready: number;
  /** Still uploading: sending waits. */
  busy: boolean;
  /** Files pasted into the box. */
  onFiles: (files: File[]) => void;
}

/**
 * Writes a message: Enter sends, Shift+Enter breaks the line, Ctrl/Cmd+B/I/U (or the toolbar)
 * wrap the selection in light markup. Starts from `draft` and reports every change through
 * `onDraftChange` (sending reports ''). Up arrow in an empty composer asks to edit the last
 * own message (`onEditLast`); while `editing`, Enter saves the edit and Escape cancels it.
 * While `reply` is set, a bar names the message answered; Escape or its button cancels it.
 * `@` plus letters offers the `members` whose names start with them (useMentionSuggestions).
 */
export function Composer({ onSend, onTyping, disabled, draft = '', onDraftChange, editing = false, onEditLast, onCancelEdit, reply = null, onCancelReply, members = [], files }: {
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
  files?: ComposerFiles;
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
  const canSend = (!!trimmed || (!!files?.ready && !editing)) && !tooLong && !disabled && !files?.busy;

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
    if (!canSend) return;
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

  return (
    <form
      className="composer"
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      data-testid="composer"
    >
      <ComposerToolbar onStyle={applyStyle} length={trimmed.length} />
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
      {!editing && files?.tray}
      <div className="composer-row">
        {!editing && files?.button}
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
          onPaste={(e) => {
            const pasted = Array.from(e.clipboardData?.files ?? []);
            if (!files || editing || pasted.length === 0) return;
            e.preventDefault();
            files.onFiles(pasted);
          }}
          onSelect={(e) => mention.track(e.currentTarget)}
          data-testid="composer-input"
        />
        <button type="submit" className="send-button" aria-label={editing ? 'Save edit' : 'Send'} disabled={!canSend} data-testid="send-button">
          <Icon name="send" />
        </button>
      </div>
    </form>
  );
}
