import { Link } from 'react-router';
import { Avatar } from '../../../components/Avatar';
import { formatListTime } from '../../../lib/time';
import type { ChatSummary, Member } from '../../../lib/types';
import { plainText } from '../../../lib/markup';
import { chatPath } from '../../../lib/useChatRoute';
import { systemNameOf, systemText, withCurrentNames } from '../../messages';
import { attachmentSummary } from '../../attachments';
import { PresenceDot } from '../../presence';
import { MentionBadge } from './MentionBadge';

/** One chat in the sidebar: a link to the chat's own address. */
export function ChatListItem({ summary, title, avatar, active, myId, users }: {
  summary: ChatSummary;
  title: string;
  /** `peerId`: the other person of a direct chat, whose presence shows on the avatar. */
  avatar: { name: string; url: string | null; peerId?: string | null };
  active: boolean;
  myId: string | null;
  users: Record<string, Member>;
}) {
  const last = summary.lastMessage;
  let preview = 'No messages yet';
  if (last?.system) {
    preview = systemText(last.system, last.senderId, systemNameOf(last.system, (id) => users[id]?.username), myId);
  } else if (last) {
    const who = last.senderId === myId ? 'You: ' : summary.chat.type === 'group' ? `${users[last.senderId]?.username ?? 'Someone'}: ` : '';
    const text = last.text ? plainText(withCurrentNames(last.text, last.mentions ?? [], summary.chat.members)) : attachmentSummary(last.attachments ?? []);
    preview = last.deleted ? `${who}Message deleted` : who + text;
  }
  const when = last?.sentAt ?? summary.chat.createdAt;
  return (
    <li>
      <Link
        to={chatPath(summary.chat.id)}
        className={active ? 'chat-item active' : 'chat-item'}
        aria-current={active ? 'page' : undefined}
        data-testid="chat-item"
        data-chat-id={summary.chat.id}
      >
        <span className="avatar-with-presence">
          <Avatar name={avatar.name} url={avatar.url} size={44} />
          {avatar.peerId && <PresenceDot userId={avatar.peerId} />}
        </span>
        <span className="chat-item-main">
          <span className="chat-item-top">
            <span className="chat-item-name" data-testid="chat-item-name">{title}</span>
            <time className="chat-item-time" dateTime={when}>{when ? formatListTime(when) : ''}</time>
          </span>
          <span className="chat-item-bottom">
            <span className="chat-item-preview" data-testid="chat-item-preview">{preview}</span>
            <MentionBadge count={summary.mentions ?? 0} />
            {summary.unread > 0 && (
              <span className="badge" aria-label={`${summary.unread} unread`} data-testid="unread-badge">
                {summary.unread > 99 ? '99+' : summary.unread}
              </span>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
