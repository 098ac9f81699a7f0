import { useEffect, useState } from 'react';
import { ChatView } from '../features/messages/components/ChatView';
import { NewChatDialog } from '../features/chats/components/NewChatDialog';
import { Sidebar } from '../features/chats/components/Sidebar';
import { ProfileDialog } from '../features/profile/components/ProfileDialog';
import { ConnectionBanner } from '../features/realtime/components/ConnectionBanner';
import { useMessenger } from './MessengerProvider';

/** Sidebar and open chat side by side on desktop; one at a time (with Back) on a phone. */
export function MessengerScreen() {
  const { state, openChat, connection, reconnect } = useMessenger();
  const [dialog, setDialog] = useState<'new-chat' | 'profile' | null>(null);
  const unread = Object.values(state.chats).reduce((n, s) => n + s.unread, 0);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Carrier` : 'Carrier';
  }, [unread]);
  const open = state.openChatId && state.chats[state.openChatId] ? state.openChatId : null;
  return (
    <div className={open ? 'messenger has-open-chat' : 'messenger'} data-testid="messenger">
      <ConnectionBanner status={connection} onRetry={reconnect} />
      <div className="messenger-panes">
        <Sidebar onNewChat={() => setDialog('new-chat')} onProfile={() => setDialog('profile')} />
        <main className="chat-pane">
          {open ? (
            <ChatView key={open} chatId={open} onBack={() => openChat(null)} />
          ) : (
            <div className="no-chat">
              <div className="no-chat-card">
                <span className="brand-mark large" aria-hidden="true">✉</span>
                <h2>Welcome to Carrier</h2>
                <p>Pick a chat on the left, or start a new one.</p>
                <button type="button" className="button primary" onClick={() => setDialog('new-chat')}>New chat</button>
              </div>
            </div>
          )}
        </main>
      </div>
      {dialog === 'new-chat' && <NewChatDialog onClose={() => setDialog(null)} />}
      {dialog === 'profile' && <ProfileDialog onClose={() => setDialog(null)} />}
    </div>
  );
}
