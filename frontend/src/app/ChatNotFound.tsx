import { Link } from 'react-router';

/** A chat address that names no chat of yours (mistyped, left, or someone else's link). */
export function ChatNotFound() {
  return (
    <div className="no-chat" data-testid="chat-not-found">
      <div className="no-chat-card" role="status">
        <h2>This chat is not available</h2>
        <p>It may not exist, or you are not a member of it.</p>
        <Link className="button primary" to="/">Back to your chats</Link>
      </div>
    </div>
  );
}
