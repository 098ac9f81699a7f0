import type { Attachment } from '../../../lib/types';
import { plainText } from '../../../lib/markup';
import { attachmentSummary } from '../../attachments';
import type { Permission } from './settings';

export const BODY_MAX_CHARS = 120;

/** Whether a new message deserves a desktop notification. */
export function shouldNotify(input: { hidden: boolean; fromMe: boolean; deleted: boolean; system?: boolean; enabled: boolean; permission: Permission }): boolean {
  // Only while the user is away from the tab: when it shows, the message is on screen already.
  // A system line ("ann added dan") is news about the group, not a message to anyone.
  return input.hidden && !input.fromMe && !input.deleted && !input.system && input.enabled && input.permission === 'granted';
}

/** The notification's words: who wrote (and where, in a group), and what. */
export function notificationContent(input: {
  senderName: string;
  /** The group's name; null for a direct chat. */
  groupName: string | null;
  mentionsMe: boolean;
  text: string;
  attachments: Pick<Attachment, 'type' | 'name'>[];
}): { title: string; body: string } {
  const { senderName, groupName, mentionsMe } = input;
  let title = senderName;
  if (mentionsMe) title = groupName ? `${senderName} mentioned you in ${groupName}` : `${senderName} mentioned you`;
  else if (groupName) title = `${senderName} · ${groupName}`;
  const text = plainText(input.text).replace(/\s+/g, ' ').trim();
  let body = text.length > BODY_MAX_CHARS ? `${text.slice(0, BODY_MAX_CHARS - 1)}…` : text;
  if (!body) body = attachmentSummary(input.attachments) || '📎 file';
  return { title, body };
}
