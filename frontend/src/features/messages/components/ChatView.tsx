import { useState } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { chatPeer, chatTitle } from '../../../lib/chats';
import { Avatar } from '../../../components/Avatar';
import { LastSeen, PresenceDot } from '../../presence';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { Icon } from '../../../components/Icon';
import { errorMessage } from '../../../lib/api';
import { AddMembersDialog } from '../../chats';
import { AttachButton, DropZone, UploadTray, useFileDrop, useUploads } from '../../attachments';
import { askPermissionOnFirstSend } from '../../notifications';
import { useChatRoute } from '../../../lib/useChatRoute';
import { useDisplayPrefs } from '../hooks/useDisplayPrefs';
import { useDraft } from '../hooks/useDraft';
import type { LocalMessage } from '../../../lib/types';
import { ChatMenu } from './ChatMenu';
import { Composer } from './Composer';
import { MessageList } from './MessageList';
import { TypingIndicator } from './TypingIndicator';

/** `onHidden`: the chat was hidden from the list (the screen offers Undo). */
export function ChatView({ chatId, onBack, onHidden }: { chatId: string; onBack: () => void; onHidden?: (chatId: string) => void }) {
  const m = useMessenger();
  const { state } = m;
  const [prefs, setPrefs] = useDisplayPrefs();
  const { goToChats, jumpTarget } = useChatRoute();
  const [confirmDelete, setConfirmDelete] = useState<LocalMessage | null>(null);
  const [editing, setEditing] = useState<LocalMessage | null>(null);
  const [replyingTo, setReplyingTo] = useState<string | null>(null);
  const [confirmLeave, setConfirmLeave] = useState(false);
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [draft, saveDraft] = useDraft(state.me?.id ?? null, chatId);
  const uploads = useUploads(chatId);
  const drop = useFileDrop(uploads.add);
  const summary = state.chats[chatId];
  if (!summary) return null;
  const { chat } = summary;
  const myId = state.me?.id ?? null;
  const title = chatTitle(chat, myId);
  const peer = chatPeer(chat, myId);
  const others = chat.members.filter((x) => x.id !== myId);
  const list = state.messages[chatId];
  const now = Date.now();
  const typingNames = Object.entries(state.typing[chatId] ?? {})
    .filter(([, until]) => until > now)
    .map(([uid]) => state.users[uid]?.username ?? 'Someone');
  const readSeq = Math.max(0, ...Object.entries(state.reads[chatId] ?? {}).filter(([uid]) => uid !== myId).map(([, s]) => s));
  const lastOwn = [...(list?.items ?? [])].reverse().find((x) => x.senderId === myId && x.id && !x.deleted && x.status === 'sent');
  // The original as it is now: gone (deleted meanwhile) means there is nothing left to answer.
  const original = replyingTo ? list?.items.find((x) => x.id === replyingTo && !x.deleted) : undefined;
  const reply = original?.id ? { id: original.id, senderName: state.users[original.senderId]?.username ?? 'Unknown', excerpt: original.text } : null;
  const react = (msg: LocalMessage, emoji: string, add: boolean) => {
    if (msg.id) m.react(chatId, msg.id, emoji, add).catch((e) => setError(errorMessage(e)));
  };
  const saveEdit = (text: string) => {
    const target = editing;
    setEditing(null);
    if (target?.id && text !== target.text) m.editMessage(chatId, target.id, text).catch((e) => setError(errorMessage(e)));
  };
  const subtitle = chat.type === 'group' ? `${chat.members.length} members` : 'Direct chat';

  return (
    <section className="chat-view" aria-label={`Chat with ${title}`} data-testid="chat-view" {...(editing ? {} : drop.handlers)}>
      {drop.dragging && <DropZone />}
      <header className="chat-header">
        <button type="button" className="icon-button back-button" onClick={onBack} aria-label="Back to chats" data-testid="back-button">
          <Icon name="back" />
        </button>
        <span className="avatar-with-presence">
          <Avatar name={title} url={peer?.avatarUrl ?? null} size={40} />
          {chat.type === 'direct' && <PresenceDot userId={peer?.id} />}
        </span>
        <div className="chat-header-text">
          <h2 data-testid="chat-title">{title}</h2>
          <span className="chat-subtitle" title={chat.members.map((x) => x.username).join(', ')}>
            {chat.type === 'direct' ? <LastSeen userId={peer?.id} fallback={subtitle} /> : subtitle}
          </span>
        </div>
        <ChatMenu
          isGroup={chat.type === 'group'}
          prefs={prefs}
          onPrefs={setPrefs}
          onExport={(format) => m.exportChat(chatId, format).catch((e) => setError(errorMessage(e)))}
          onAddMembers={() => setAdding(true)}
          onLeave={() => setConfirmLeave(true)}
          onHide={() =>
            m.hideChat(chatId, true)
              .then(() => {
                onHidden?.(chatId);
                goToChats({ replace: true });
              })
              .catch((e) => setError(errorMessage(e)))
          }
        />
      </header>
      {error && (
        <div className="inline-error" role="alert">
          {error}
          <button type="button" className="link-button" onClick={() => setError(null)}>Dismiss</button>
        </div>
      )}
      {list?.loaded ? (
        <MessageList
          items={list.items}
          systemLines={state.systemLines[chatId]}
          myId={myId}
          users={state.users}
          members={chat.members}
          hasMore={list.hasMore}
          showTimes={prefs.showTimes}
          showNames={prefs.showNames}
          readSeq={readSeq}
          onLoadOlder={() => m.loadOlder(chatId)}
          onLoadBackTo={(seq) => m.loadBackTo(chatId, seq)}
          jumpTarget={jumpTarget}
          editingId={editing?.id ?? null}
          onEdit={(msg) => setEditing(msg)}
          onDelete={(msg) => setConfirmDelete(msg)}
          onRetry={(msg) => msg.clientMessageId && m.retry(chatId, msg.clientMessageId)}
          onDiscard={(msg) => msg.clientMessageId && m.discard(chatId, msg.clientMessageId)}
          onReply={(msg) => setReplyingTo(msg.id)}
          onReact={react}
        />
      ) : (
        <div className="message-scroll loading">Loading messages…</div>
      )}
      <TypingIndicator names={typingNames} />
      {editing ? (
        <Composer key={`edit-${editing.id}`} draft={editing.text} members={others} editing onSend={saveEdit} onCancelEdit={() => setEditing(null)} />
      ) : (
        <Composer
          key="new"
          draft={draft}
          members={others}
          onDraftChange={saveDraft}
          onSend={(text) => {
            // Sending is a user gesture, the moment a browser lets a page ask to notify.
            askPermissionOnFirstSend();
            m.send(chatId, text, reply?.id ?? null, uploads.take());
            setReplyingTo(null);
          }}
          files={{
            button: <AttachButton onFiles={uploads.add} />,
            tray: <UploadTray uploads={uploads.uploads} onRemove={uploads.remove} />,
            ready: uploads.ready,
            busy: uploads.busy,
            onFiles: uploads.add,
          }}
          reply={reply}
          onCancelReply={() => setReplyingTo(null)}
          onTyping={() => m.typing(chatId)}
          onEditLast={lastOwn ? () => setEditing(lastOwn) : undefined}
        />
      )}
      {confirmDelete?.id && (
        <ConfirmDialog
          title="Delete message?"
          message="It will be removed for everyone in this chat."
          confirmLabel="Delete"
          onConfirm={() => m.deleteMessage(chatId, confirmDelete.id as string)}
          onClose={() => setConfirmDelete(null)}
        />
      )}
      {confirmLeave && (
        <ConfirmDialog
          title="Leave group?"
          message={`You will no longer see messages in ${title}.`}
          confirmLabel="Leave"
          onConfirm={async () => {
            await m.leaveChat(chatId);
            goToChats({ replace: true });
          }}
          onClose={() => setConfirmLeave(false)}
        />
      )}
      {adding && <AddMembersDialog chatId={chatId} onClose={() => setAdding(false)} />}
    </section>
  );
}
