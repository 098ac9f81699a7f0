import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LocalMessage, Member } from '../../../lib/types';
import { seriousViolations } from '../../../test/axe';
import { MessageItem } from './MessageItem';

const nothing = () => undefined;
const members: Member[] = [
  { id: 'u1', username: 'ann', avatarUrl: null },
  { id: 'u2', username: 'bob', avatarUrl: null },
  // Was "kitty" when the messages below were written.
  { id: 'u3', username: 'cat', avatarUrl: null },
];

function show(text: string, mentions: string[], over: { mine?: boolean; senderId?: string } = {}) {
  const message: LocalMessage = {
    id: 'm1', clientMessageId: null, chatId: 'c1', seq: 1, senderId: over.senderId ?? 'u2', text, sentAt: '2026-11-25T10:00:00Z',
    deleted: false, editedAt: null, replyTo: null, reactions: [], mentions, attachments: [], status: 'sent',
  };
  render(
    <ul>
      <MessageItem message={message} mine={over.mine ?? false} senderName="bob" senderAvatar={null} firstInRun showTime showName seen={false} myId="u1" members={members}
        onEdit={nothing} onDelete={nothing} onRetry={nothing} onDiscard={nothing} />
    </ul>,
  );
  return screen.getByTestId('message');
}

const chips = () => screen.queryAllByTestId('mention').map((el) => `${el.textContent}|${el.dataset.userId}|${el.getAttribute('aria-label')}|${el.className}`);

describe('mentions in a message', () => {
  it('names me strongly, others plainly, and tints the bubble that names me', async () => {
    const li = show('@ann and @Bob. please', ['u1', 'u2']);
    expect(chips()).toEqual(['@ann|u1|mentions you|mention mention-me', '@bob|u2|mention of bob|mention']);
    expect(li.dataset.mentionsMe).toBe('true');
    expect(li.classList.contains('mentions-me')).toBe(true);
    // The sentence's full stop stays text after the chip.
    expect(within(li).getByTestId('message-text').textContent).toBe('@ann and @bob. please');
    expect(await seriousViolations(li)).toEqual([]);
  });

  it('shows an old name by the member’s current name', () => {
    show('@kitty, look', ['u3']);
    expect(chips()).toEqual(['@cat|u3|mention of cat|mention']);
    expect(screen.getByTestId('message-text').textContent).toBe('@cat, look');
  });

  it('leaves unknown names, addresses and messages without mentions as plain text, and does not tint', () => {
    const li = show('@eve and mail@ann', []);
    expect(chips()).toEqual([]);
    expect(li.dataset.mentionsMe).toBeUndefined();
    expect(within(li).getByTestId('message-text').textContent).toBe('@eve and mail@ann');
  });

  it('keeps markup around a mention, and shows HTML in the text as text', () => {
    const li = show('**@ann** <b>@bob</b>', ['u1', 'u2']);
    const bold = li.querySelector('strong');
    expect(bold && within(bold).getByTestId('mention').textContent).toBe('@ann');
    expect(li.querySelector('b')).toBeNull();
    expect(within(li).getByTestId('message-text').textContent).toBe('@ann <b>@bob</b>');
    expect(chips()).toHaveLength(2);
  });

  it('does not tint my own message that names me', () => {
    const li = show('note to self @ann', ['u1'], { mine: true, senderId: 'u1' });
    expect(li.dataset.mentionsMe).toBeUndefined();
  });
});
