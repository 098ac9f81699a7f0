import { useEffect, useState } from 'react';
import { ChatView } from '../features/messages/components/ChatView';
import { NewChatDialog } from '../features/chats/components/NewChatDialog';
import { HiddenChatNotice } from '../features/chats';
import { Sidebar } from '../features/chats/components/Sidebar';
import { useChatRoute } from '../lib/useChatRoute';
import { ProfileDialog } from '../features/profile/components/ProfileDialog';
import { ConnectionBanner } from '../features/realtime/components/ConnectionBanner';
import { ChatNotFound } from './ChatNotFound';
import { chatTitle } from '../lib/chats';
import { useMessenger } from '../lib/messenger';

/** Sidebar and open chat side by side on desktop; one at a time (with Back) on a phone. */
export function MessengerScreen() {
  const { state, openChat, hideChat, connection, connectionDetail, reconnect } = useMessenger();
  const { chatId, goToChats } = useChatRoute();
  const [dialog, setDialog] = useState<'new-chat' | 'profile' | null>(null);
  // The chat just hidden: its notice (with Undo) shows until dismissed or a chat opens.
  const [hidden, setHidden] = useState<string | null>(null);
  const unread = Object.values(state.chats).reduce((n, s) => n + s.unread, 0);
  const summary = chatId ? state.chats[chatId] : undefined;
  const title = summary ? chatTitle(summary.chat, state.me?.id ?? null) : null;

  // The address is the truth: opening, Back/Forward and reload all go through it.
  useEffect(() => {
    openChat(chatId);
    if (chatId) setHidden(null);
  }, [chatId, openChat]);

  useEffect(() => {
    const base = title ? `${title} · Carrier` : 'Carrier';
    document.title = unread > 0 ? `(${unread}) ${base}` : base;
  }, [unread, title]);

  let pane;
  if (chatId && summary) pane = <ChatView key={chatId} chatId={chatId} onBack={() => goToChats()} onHidden={setHidden} />;
  else if (chatId && state.chatsLoaded) pane = <ChatNotFound />;
  else if (chatId) pane = <div className="message-scroll loading">Loading chat…</div>;
  else
    pane = (
      <div className="no-chat">
        <div className="no-chat-card">
          {hidden && <HiddenChatNotice onUndo={() => hideChat(hidden, false)} onDismiss={() => setHidden(null)} />}
          <span className="brand-mark large" aria-hidden="true">✉</span>
          <h2>Welcome to Carrier</h2>
          <p>Pick a chat on the left, or start a new one.</p>
          <button type="button" className="button primary" onClick={() => setDialog('new-chat')}>New chat</button>
        </div>
      </div>
    );

  return (
    <div className={chatId ? 'messenger has-open-chat' : 'messenger'} data-testid="messenger">
      <ConnectionBanner status={connection} detail={connectionDetail} onRetry={reconnect} />
      {/* The page's one h1 and one main landmark, whichever pane a phone shows. */}
      <main className="messenger-panes">
        <h1 className="visually-hidden">Carrier</h1>
        <Sidebar onNewChat={() => setDialog('new-chat')} onProfile={() => setDialog('profile')} />
        <div className="chat-pane">{pane}</div>
      </main>
      {dialog === 'new-chat' && <NewChatDialog onClose={() => setDialog(null)} />}
      {dialog === 'profile' && <ProfileDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
