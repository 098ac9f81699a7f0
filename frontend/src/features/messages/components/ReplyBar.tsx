import { Icon } from '../../../components/Icon';
import { plainText } from '../../../lib/markup';

/** Above the composer while a reply is being written: whom it answers, and a way out (or Esc). */
export function ReplyBar({ senderName, excerpt, onCancel }: { senderName: string; excerpt: string; onCancel: () => void }) {
  return (
    <div className="reply-bar" role="status" data-testid="reply-bar">
      <div className="reply-bar-text">
        <span className="reply-bar-title">Replying to {senderName}</span>
        <span className="reply-bar-excerpt" data-testid="reply-bar-excerpt">{plainText(excerpt)}</span>
      </div>
      <button type="button" className="icon-button reply-bar-cancel" aria-label="Cancel reply" title="Cancel reply (Esc)" onClick={onCancel} data-testid="cancel-reply">
        <Icon name="close" size={16} />
      </button>
    </div>
  );
}
