import { plainText } from '../../../lib/markup';
import type { ReplyRef } from '../../../lib/types';

/**
 * The quoted original at the top of a reply: its sender's current name and the start of its
 * text (two lines at most), or "Deleted message". A button: it takes the reader to the original.
 */
export function Quote({ quote, senderName, onOpen }: { quote: ReplyRef; senderName: string; onOpen: () => void }) {
  const excerpt = plainText(quote.excerpt);
  // Named in full (inline pieces would run together): "In reply to ann: Lunch at noon?".
  const label = quote.deleted ? 'In reply to: Deleted message' : `In reply to ${senderName}: ${excerpt}`;
  return (
    <button type="button" className={quote.deleted ? 'quote deleted' : 'quote'} onClick={onOpen} aria-label={label} title="Show the original message" data-testid="quote">
      {!quote.deleted && <span className="quote-sender" data-testid="quote-sender">{senderName}</span>}
      <span className="quote-excerpt" data-testid="quote-excerpt">{quote.deleted ? 'Deleted message' : excerpt}</span>
    </button>
  );
}
