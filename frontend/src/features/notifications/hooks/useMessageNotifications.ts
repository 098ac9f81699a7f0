import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { chatTitle } from '../../../lib/chats';
import type { MessengerState } from '../../../lib/messenger';
import type { Message } from '../../../lib/types';
import { chatPath } from '../../../lib/useChatRoute';
import { notificationContent, shouldNotify } from '../utils/decide';
import { browserPermission, notificationsEnabled } from '../utils/settings';

/**
 * Returns what to call for every new message: while the tab is hidden, a message from someone
 * else shows a desktop notification (one per chat: a newer one replaces it); a click on it
 * brings the tab forward at that chat.
 */
export function useMessageNotifications() {
  const navigate = useNavigate();
  return useCallback((message: Message, state: MessengerState) => {
    const me = state.me;
    const decision = {
      hidden: document.visibilityState === 'hidden',
      fromMe: message.senderId === me?.id,
      deleted: message.deleted,
      system: Boolean(message.system),
      enabled: notificationsEnabled(),
      permission: browserPermission(),
    };
    if (!me || !shouldNotify(decision)) return;
    const chat = state.chats[message.chatId]?.chat;
    const sender = state.users[message.senderId] ?? chat?.members.find((m) => m.id === message.senderId);
    const { title, body } = notificationContent({
      senderName: sender?.username ?? 'Someone',
      groupName: chat?.type === 'group' ? chatTitle(chat, me.id) : null,
      mentionsMe: (message.mentions ?? []).includes(me.id),
      text: message.text,
      attachments: message.attachments ?? [],
    });
    try {
      const n = new Notification(title, { body, tag: message.chatId });
      n.onclick = () => {
        window.focus();
        void navigate(chatPath(message.chatId));
        n.close();
      };
    } catch {
      /* a browser that only notifies through a service worker (Chrome on Android): nothing shown */
    }
  }, [navigate]);
}
