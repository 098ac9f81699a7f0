import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { dayKey } from '../../../lib/time';
import type { LocalMessage, Member, SystemLine } from '../../../lib/types';
import type { JumpTarget } from '../../../lib/useChatRoute';
import { useJumpToMessage } from '../hooks/useJumpToMessage';
import { groupPlaces } from '../utils/grouping';
import { messageKey } from '../utils/messageList';
import { interleave, systemMessageLine } from '../utils/systemLines';
import { DaySeparator } from './DaySeparator';
import { MessageItem } from './MessageItem';
import { SystemLineItem } from './SystemLineItem';

const LOAD_OLDER_THRESHOLD = 120;
const STICK_TO_BOTTOM = 80;

const noLoad = () => Promise.resolve();

export function MessageList({ items, systemLines = [], myId, users, members, hasMore, showTimes, showNames, readSeq, onLoadOlder, onLoadBackTo = noLoad, jumpTarget = null, editingId = null, onEdit, onDelete, onRetry, onDiscard, onReply, onReact }: {
  items: LocalMessage[];
  /** Member added / left / renamed lines, shown between the messages they came after. */
  systemLines?: SystemLine[];
  myId: string | null;
  users: Record<string, Member>;
  /** The chat's current members (mentions show by their current names). */
  members?: Member[];
  hasMore: boolean;
  showTimes: boolean;
  showNames: boolean;
  /** Highest seq someone else has read (for "seen" ticks). */
  readSeq: number;
  onLoadOlder: () => Promise<void>;
  /** Loads older history until the message with this seq is held (a quote's original). */
  onLoadBackTo?: (seq: number) => Promise<void>;
  /** A message to show once (a search result opened): fetched back to, scrolled to, lit up. */
  jumpTarget?: JumpTarget | null;
  /** The id of the message being edited in the composer, if any. */
  editingId?: string | null;
  onEdit: (m: LocalMessage) => void;
  onDelete: (m: LocalMessage) => void;
  onRetry: (m: LocalMessage) => void;
  onDiscard: (m: LocalMessage) => void;
  onReply?: (m: LocalMessage) => void;
  onReact?: (m: LocalMessage, emoji: string, add: boolean) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const anchor = useRef<{ height: number; top: number } | null>(null);
  const atBottom = useRef(true);
  const firstKey = items.length ? messageKey(items[0]) : '';
  const lastKey = items.length ? messageKey(items[items.length - 1]) : '';
  const lastMine = items.length ? items[items.length - 1].senderId === myId : false;
  const places = groupPlaces(items);
  const nameOf = useCallback((userId: string) => users[userId]?.username ?? 'Unknown', [users]);
  const entries = interleave(items, systemLines, (m) => systemMessageLine(m, (id) => users[id]?.username, myId));

  // Older page prepended: keep the reader where they were. New message at the end: follow it
  // if the reader was at the bottom or wrote it.
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (anchor.current) {
      el.scrollTop = el.scrollHeight - anchor.current.height + anchor.current.top;
      anchor.current = null;
    } else if (atBottom.current || lastMine) {
      el.scrollTop = el.scrollHeight;
    }
  }, [firstKey, lastKey, lastMine, items.length, systemLines.length]);

  // A first reaction under the last message adds a row: a reader at the end keeps seeing it.
  const lastReactionRows = items.length ? items[items.length - 1].reactions.length : 0;
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [lastReactionRows]);

  // After the effect above, so a jump's scroll wins over following the end.
  const { jumpTo, highlighted } = useJumpToMessage(ref, items, onLoadBackTo);
  const jumpKey = jumpTarget?.key ?? null;
  useEffect(() => {
    if (jumpTarget) jumpTo(jumpTarget);
    // Once per visit (the history entry's key): new messages must not jump back to it.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [jumpKey]);

  async function maybeLoadOlder() {
    const el = ref.current;
    if (!el || loadingOlder || !hasMore || el.scrollTop > LOAD_OLDER_THRESHOLD) return;
    anchor.current = { height: el.scrollHeight, top: el.scrollTop };
    setLoadingOlder(true);
    try {
      await onLoadOlder();
    } catch {
      anchor.current = null;
    } finally {
      setLoadingOlder(false);
    }
  }

  // A short history that doesn't fill the pane can't be scrolled: fetch more right away.
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && hasMore && el.scrollHeight <= el.clientHeight && items.length > 0) void maybeLoadOlder();
    // Only when the top of the list changes: rerunning on every render would load page after page.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [hasMore, firstKey]);

  return (
    <div
      ref={ref}
      className="message-scroll"
      onScroll={() => {
        const el = ref.current;
        if (!el) return;
        atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < STICK_TO_BOTTOM;
        void maybeLoadOlder();
      }}
      data-testid="message-scroll"
      tabIndex={0}
      aria-label="Messages"
    >
      {hasMore ? (
        <div className="history-status">{loadingOlder ? 'Loading older messages…' : ' '}</div>
      ) : (
        items.length > 0 && <div className="history-status">Beginning of the conversation</div>
      )}
      <ol className="message-list" data-testid="message-list">
        {entries.map((entry, k) => {
          if (entry.kind === 'system') return <SystemLineItem key={entry.line.id} line={entry.line} />;
          const { message: m, index: i } = entry;
          const prev = items[i - 1];
          const newDay = !prev || dayKey(prev.sentAt) !== dayKey(m.sentAt);
          const sender = users[m.senderId];
          // A system line just above breaks the run: the name shows again.
          const afterLine = entries[k - 1]?.kind === 'system';
          return (
            <Fragment key={messageKey(m)}>
              {newDay && <DaySeparator iso={m.sentAt} />}
              <MessageItem
                message={m}
                mine={m.senderId === myId}
                senderName={sender?.username ?? 'Unknown'}
                senderAvatar={sender?.avatarUrl ?? null}
                firstInRun={places[i].firstInRun || afterLine}
                showTime={showTimes && places[i].showTime}
                showName={showNames}
                seen={m.seq !== null && m.seq <= readSeq}
                editing={m.id !== null && m.id === editingId}
                highlighted={m.id !== null && m.id === highlighted}
                myId={myId}
                nameOf={nameOf}
                members={members}
                onEdit={() => onEdit(m)}
                onDelete={() => onDelete(m)}
                onRetry={() => onRetry(m)}
                onDiscard={() => onDiscard(m)}
                onReply={() => onReply?.(m)}
                onReact={(emoji, add) => onReact?.(m, emoji, add)}
                onOpenQuote={() => m.replyTo && jumpTo(m.replyTo)}
              />
            </Fragment>
          );
        })}
      </ol>
      {items.length === 0 && systemLines.length === 0 && <p className="empty-chat">No messages yet. Say hello!</p>}
    </div>
  );
}
