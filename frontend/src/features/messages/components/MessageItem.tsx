import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';
import { formatClock } from '../../../lib/time';
import type { LocalMessage } from '../../../lib/types';
import { MessageText } from './MessageText';

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
  onEdit: () => void;
  onDelete: () => void;
  onRetry: () => void;
  onDiscard: () => void;
}

export function MessageItem({ message, mine, senderName, senderAvatar, firstInRun, showTime, showName, seen, editing, onEdit, onDelete, onRetry, onDiscard }: MessageItemProps) {
  const cls = ['message', mine ? 'mine' : 'theirs', firstInRun ? 'first' : '', message.status, editing ? 'editing' : ''].filter(Boolean).join(' ');
  return (
    <li className={cls} data-testid="message" data-seq={message.seq ?? undefined} data-status={message.status} data-mine={mine ? 'true' : 'false'}>
      {!mine && <div className="message-avatar">{firstInRun && <Avatar name={senderName} url={senderAvatar} size={32} />}</div>}
      <div className="bubble">
        {!mine && showName && firstInRun && <div className="sender" data-testid="message-sender">{senderName}</div>}
        {message.deleted ? (
          <span className="message-deleted">Message deleted</span>
        ) : (
          <span data-testid="message-text">
            <MessageText text={message.text} />
          </span>
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
      {mine && message.id && !message.deleted && (
        <button type="button" className="icon-button message-action" aria-label="Edit message" onClick={onEdit} data-testid="edit-message">
          <Icon name="edit" size={16} />
        </button>
      )}
      {mine && message.id && !message.deleted && (
        <button type="button" className="icon-button message-action" aria-label="Delete message" onClick={onDelete} data-testid="delete-message">
          <Icon name="trash" size={16} />
        </button>
      )}
    </li>
  );
}
