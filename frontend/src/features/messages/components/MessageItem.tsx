import { useRef } from 'react';
import { Avatar } from '../../../components/Avatar';
import { MessageAttachments } from '../../attachments';
import { formatClock } from '../../../lib/time';
import type { LocalMessage, Member } from '../../../lib/types';
import { useLongPress } from '../hooks/useLongPress';
import { resolveMentions } from '../utils/mentions';
import { hasReacted } from '../utils/reactions';
import { MessageActions } from './MessageActions';
import { MessageText } from './MessageText';
import { Quote } from './Quote';
import { Reactions } from './Reactions';

export interface MessageItemProps {
  message: LocalMessage;
  mine: boolean;
  senderName: string;
  senderAvatar: string | null;
  /** First of a run by the same sender: shows name and avatar. */
  firstInRun: boolean;
  showTime: boolean;
  showName: boolean;
  seen: boolean;
  /** This message is being edited in the composer. */
  editing?: boolean;
  /** Just jumped to from a quote: lit up for a moment. */
  highlighted?: boolean;
  myId?: string | null;
  /** A member's current display name (for the quote's sender and who reacted). */
  nameOf?: (userId: string) => string;
  /** The chat's current members: mentions show by their current names. */
  members?: Member[];
  onEdit: () => void;
  onDelete: () => void;
  onRetry: () => void;
  onDiscard: () => void;
  onReply?: () => void;
  onReact?: (emoji: string, add: boolean) => void;
  /** The quote was clicked: show the original. */
  onOpenQuote?: () => void;
}

const unknownName = () => 'Unknown';
const noMembers: Member[] = [];
const nothing = () => undefined;

export function MessageItem(props: MessageItemProps) {
  const { message, mine, senderName, senderAvatar, firstInRun, showTime, showName, seen, editing, highlighted, myId = null, nameOf = unknownName, members = noMembers } = props;
  const { onEdit, onDelete, onRetry, onDiscard, onReply = nothing, onReact = nothing, onOpenQuote = nothing } = props;
  const ref = useRef<HTMLLIElement>(null);
  const press = useLongPress(ref);
  const actionable = message.id !== null && !message.deleted && message.status === 'sent';
  const mentionsMe = !mine && !message.deleted && myId !== null && message.mentions.includes(myId);
  const mentions = {
    spans: resolveMentions(message.text, message.mentions, members),
    nameOf: (id: string) => members.find((m) => m.id === id)?.username,
    myId,
  };
  const cls = ['message', mine ? 'mine' : 'theirs', firstInRun ? 'first' : '', message.status, editing ? 'editing' : '', highlighted ? 'highlighted' : '', mentionsMe ? 'mentions-me' : '', press.open ? 'actions-open' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <li
      ref={ref}
      className={cls}
      tabIndex={-1}
      data-testid="message"
      data-message-id={message.id ?? undefined}
      data-seq={message.seq ?? undefined}
      data-status={message.status}
      data-mine={mine ? 'true' : 'false'}
      data-mentions-me={mentionsMe ? 'true' : undefined}
      {...(actionable ? press.handlers : {})}
    >
      {!mine && <div className="message-avatar">{firstInRun && <Avatar name={senderName} url={senderAvatar} size={32} />}</div>}
      <div className="message-body">
        <div className="bubble">
          {!mine && showName && firstInRun && <div className="sender" data-testid="message-sender">{senderName}</div>}
          {message.replyTo && !message.deleted && <Quote quote={message.replyTo} senderName={nameOf(message.replyTo.senderId)} onOpen={onOpenQuote} />}
          {message.deleted ? (
            <span className="message-deleted">Message deleted</span>
          ) : (
            <>
              <MessageAttachments attachments={message.attachments} />
              {(message.text || message.attachments.length === 0) && (
                <span data-testid="message-text">
                  <MessageText text={message.text} mentions={mentions} />
                </span>
              )}
            </>
          )}
          <span className="meta">
            {message.editedAt && !message.deleted && (
              <span className="edited" title={`Edited ${new Date(message.editedAt).toLocaleString()}`} aria-label={`Edited ${new Date(message.editedAt).toLocaleString()}`} data-testid="message-edited">
                edited
              </span>
            )}
            {showTime && (
              <time dateTime={message.sentAt} data-testid="message-time">
                {formatClock(message.sentAt)}
              </time>
            )}
            {mine && message.status === 'sending' && <span className="status" aria-label="Sending">…</span>}
            {mine && message.status === 'sent' && <span className="status" aria-label={seen ? 'Seen' : 'Sent'}>{seen ? '✓✓' : '✓'}</span>}
          </span>
          {message.status === 'failed' && (
            <div className="failed-row" role="alert">
              <span>Not sent{message.error ? `: ${message.error}` : ''}</span>
              <button type="button" className="link-button" onClick={onRetry} data-testid="retry-button">Retry</button>
              <button type="button" className="link-button" onClick={onDiscard}>Discard</button>
            </div>
          )}
        </div>
        {!message.deleted && <Reactions reactions={message.reactions} myId={myId} nameOf={nameOf} onToggle={onReact} />}
      </div>
      {actionable && (
        <MessageActions
          mine={mine}
          chosen={(emoji) => hasReacted(message.reactions, emoji, myId)}
          onReply={() => {
            press.close();
            onReply();
          }}
          onReact={(emoji, add) => {
            press.close();
            onReact(emoji, add);
          }}
          onEdit={onEdit}
          onDelete={onDelete}
        />
      )}
    </li>
  );
}
