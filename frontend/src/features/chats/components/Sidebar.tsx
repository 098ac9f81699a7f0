import { useMemo, useRef, useState } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { chatPeer, chatTitle, sortedChats } from '../../../lib/chats';
import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';
import { useSession } from '../../auth';
import { MessageSearch } from '../../search';
import { useChatRoute } from '../../../lib/useChatRoute';
import { ChatListItem } from './ChatListItem';

export function Sidebar({ onNewChat, onProfile }: { onNewChat: () => void; onProfile: () => void }) {
  const { state } = useMessenger();
  const { user, logout } = useSession();
  const { chatId: openChatId, goToChats } = useChatRoute();
  const [query, setQuery] = useState('');
  const [searching, setSearching] = useState(false);
  const searchButton = useRef<HTMLButtonElement>(null);
  const closeSearch = () => {
    setSearching(false);
    searchButton.current?.focus();
  };
  const myId = state.me?.id ?? null;

  const items = useMemo(() => {
    const q = query.trim().toLowerCase();
    return sortedChats(state.chats)
      .map((s) => ({ s, title: chatTitle(s.chat, myId) }))
      .filter(({ s, title }) => !q || title.toLowerCase().includes(q) || s.chat.members.some((m) => m.username.toLowerCase().includes(q)));
  }, [state.chats, query, myId]);

  return (
    <aside className="sidebar" aria-label="Chats" data-testid="sidebar">
      <header className="sidebar-header">
        <button type="button" className="me-button" onClick={onProfile} aria-label="Profile and settings" data-testid="profile-button">
          <Avatar name={user?.username ?? '?'} url={user?.avatarUrl} size={36} />
          <span className="me-name" data-testid="my-username">{user?.username}</span>
        </button>
        <div className="sidebar-actions">
          <button type="button" ref={searchButton} className="icon-button" onClick={() => (searching ? closeSearch() : setSearching(true))} aria-label="Search messages" aria-expanded={searching} data-testid="message-search-button">
            <Icon name="search" />
          </button>
          <button type="button" className="icon-button" onClick={onNewChat} aria-label="New chat" data-testid="new-chat-button">
            <Icon name="plus" />
          </button>
          <button type="button" className="icon-button" onClick={() => void logout().then(() => goToChats({ replace: true }))} aria-label="Log out" data-testid="logout-button">
            <Icon name="logout" />
          </button>
        </div>
      </header>
      {searching ? (
        <MessageSearch onClose={closeSearch} />
      ) : (
        <>
          <div className="search">
            <Icon name="search" size={16} />
            <input type="search" placeholder="Search chats" aria-label="Search chats" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="chat-search" />
          </div>
          <ul className="chat-list" data-testid="chat-list">
            {items.map(({ s, title }) => {
              const peer = chatPeer(s.chat, myId);
              return (
                <ChatListItem
                  key={s.chat.id}
                  summary={s}
                  title={title}
                  avatar={{ name: title, url: peer?.avatarUrl ?? null, peerId: peer?.id ?? null }}
                  active={openChatId === s.chat.id}
                  myId={myId}
                  users={state.users}
                />
              );
            })}
            {state.chatsLoaded && items.length === 0 && (
              <li className="empty-list">{query ? 'No chats match your search.' : 'No chats yet. Start one with +.'}</li>
            )}
          </ul>
        </>
      )}
    </aside>
  );
}
