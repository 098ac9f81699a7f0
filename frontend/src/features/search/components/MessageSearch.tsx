import { useId, useState } from 'react';
import { chatTitle } from '../../../lib/chats';
import { useMessenger } from '../../../lib/messenger';
import { useChatRoute } from '../../../lib/useChatRoute';
import type { SearchOrder, SearchResult } from '../api/searchApi';
import { useMessageSearch } from '../hooks/useMessageSearch';
import { SearchResultItem } from './SearchResultItem';

/**
 * The sidebar's message search: a query (sent once typing pauses), newest or best first,
 * optionally only the open chat; a result opens its chat at that message. Escape closes it.
 */
export function MessageSearch({ onClose }: { onClose: () => void }) {
  const { state } = useMessenger();
  const { chatId: openChatId, goToMessage } = useChatRoute();
  const [query, setQuery] = useState('');
  const [order, setOrder] = useState<SearchOrder>('newest');
  const [inChat, setInChat] = useState(false);
  const scope = inChat && openChatId ? openChatId : null;
  const search = useMessageSearch(query, scope, order);
  const id = useId();
  const myId = state.me?.id ?? null;

  // A direct chat has no name of its own: it is called after the other member, as in the list.
  const chatName = (r: SearchResult) => {
    const known = state.chats[r.chat.id]?.chat;
    if (known) return chatTitle(known, myId);
    return r.chat.name ?? (r.chat.type === 'direct' ? 'Direct chat' : 'Group');
  };

  return (
    <section className="message-search" aria-label="Message search" data-testid="message-search" onKeyDown={(e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
    }}>
      <div className="search">
        <input
          type="search"
          placeholder="Search messages"
          aria-label="Search messages"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          autoFocus
          data-testid="message-search-input"
        />
        <button type="button" className="link-button" onClick={onClose} aria-label="Close message search" data-testid="message-search-close">Close</button>
      </div>
      <div className="search-options">
        <label htmlFor={`${id}-order`}>Sort</label>
        <select id={`${id}-order`} value={order} onChange={(e) => setOrder(e.target.value as SearchOrder)} data-testid="search-order">
          <option value="newest">Newest first</option>
          <option value="best">Best match</option>
        </select>
        {openChatId && (
          <label className="menu-switch">
            <input type="checkbox" checked={inChat} onChange={(e) => setInChat(e.target.checked)} data-testid="search-in-chat" />
            In this chat
          </label>
        )}
      </div>
      {search.error && <div className="inline-error" role="alert" data-testid="search-error">{search.error}</div>}
      <div className="search-status" role="status">
        {search.loading && 'Searching…'}
        {search.answered && !search.error && search.results.length === 0 && 'No messages match'}
      </div>
      {search.results.length > 0 && (
        <ul className="search-results" aria-label="Search results" data-testid="search-results">
          {search.results.map((r) => (
            <SearchResultItem
              key={r.message.id}
              result={r}
              chatName={chatName(r)}
              senderName={state.users[r.message.senderId]?.username ?? 'Unknown'}
              onOpen={() => goToMessage(r.chat.id, r.message)}
            />
          ))}
        </ul>
      )}
      {search.hasMore && (
        <button type="button" className="button load-more" onClick={search.loadMore} disabled={search.loading} data-testid="search-more">Load more</button>
      )}
    </section>
  );
}
