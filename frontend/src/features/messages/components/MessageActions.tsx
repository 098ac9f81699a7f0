import { useCallback, useRef, useState } from 'react';
import { Icon } from '../../../components/Icon';
import { EmojiPicker } from './EmojiPicker';

/**
 * A message's actions, shown on hover, on keyboard focus and after a long press: Reply and React
 * for any sent message, Edit and Delete for one's own. React opens the emoji picker; closing it
 * puts focus back on React.
 */
export function MessageActions({ mine, chosen, onReply, onReact, onEdit, onDelete }: {
  mine: boolean;
  chosen: (emoji: string) => boolean;
  onReply: () => void;
  onReact: (emoji: string, add: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const [picking, setPicking] = useState(false);
  const reactButton = useRef<HTMLButtonElement>(null);
  // Escape and a choice return focus to React; a click elsewhere leaves it where it went.
  const closePicker = useCallback((returnFocus: boolean) => {
    setPicking(false);
    if (returnFocus) reactButton.current?.focus();
  }, []);

  return (
    <div className={picking ? 'message-actions picking' : 'message-actions'} data-testid="message-actions">
      <button type="button" className="icon-button message-action" aria-label="Reply" title="Reply" onClick={onReply} data-testid="reply-message">
        <Icon name="reply" size={16} />
      </button>
      <button
        ref={reactButton}
        type="button"
        className="icon-button message-action"
        aria-label="React"
        title="React"
        aria-haspopup="dialog"
        aria-expanded={picking}
        onClick={() => setPicking(!picking)}
        data-testid="react-message"
      >
        <Icon name="smile" size={16} />
      </button>
      {mine && (
        <button type="button" className="icon-button message-action" aria-label="Edit message" title="Edit" onClick={onEdit} data-testid="edit-message">
          <Icon name="edit" size={16} />
        </button>
      )}
      {mine && (
        <button type="button" className="icon-button message-action" aria-label="Delete message" title="Delete" onClick={onDelete} data-testid="delete-message">
          <Icon name="trash" size={16} />
        </button>
      )}
      {picking && (
        <EmojiPicker
          chosen={chosen}
          anchor={reactButton}
          onClose={closePicker}
          onPick={(emoji) => {
            onReact(emoji, !chosen(emoji));
            closePicker(true);
          }}
        />
      )}
    </div>
  );
}
