import { formatListTime } from '../../../lib/time';
import type { SearchResult } from '../api/searchApi';
import { HighlightedText } from './HighlightedText';

/** One found message: a button that opens its chat at it. */
export function SearchResultItem({ result, chatName, senderName, onOpen }: {
  result: SearchResult;
  chatName: string;
  senderName: string;
  onOpen: () => void;
}) {
  const { message } = result;
  return (
    <li>
      <button type="button" className="search-result" onClick={onOpen} data-testid="search-result" data-chat-id={result.chat.id} data-message-id={message.id}>
        <span className="search-result-top">
          <span className="search-result-chat" data-testid="search-result-chat">{chatName}</span>
          <time className="chat-item-time" dateTime={message.sentAt}>{formatListTime(message.sentAt)}</time>
        </span>
        <span className="search-result-sender" data-testid="search-result-sender">{senderName}</span>
        <span className="search-result-text" data-testid="search-result-text">
          <HighlightedText text={message.text} ranges={result.highlights} />
        </span>
      </button>
    </li>
  );
}
