import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LocalMessage } from '../../../lib/types';
import { seriousViolations } from '../../../test/axe';
import { QUICK_EMOJI } from '../utils/reactions';
import { MessageItem } from './MessageItem';

const message = (over: Partial<LocalMessage> = {}): LocalMessage => ({
  id: 'm1',
  clientMessageId: null,
  chatId: 'c1',
  seq: 1,
  senderId: 'u2',
  text: 'hello',
  sentAt: '2026-11-25T10:00:00Z',
  deleted: false,
  editedAt: null,
  replyTo: null,
  reactions: [],
  mentions: [],
  attachments: [],
  status: 'sent',
  ...over,
});

function item(m: LocalMessage, mine = false) {
  const onReply = vi.fn();
  const onReact = vi.fn();
  const onOpenQuote = vi.fn();
  const names: Record<string, string> = { u1: 'ann', u2: 'bob' };
  const { container } = render(
    <ul>
      <MessageItem
        message={m}
        mine={mine}
        senderName="bob"
        senderAvatar={null}
        firstInRun
        showTime
        showName
        seen={false}
        myId="u1"
        nameOf={(id) => names[id] ?? 'Unknown'}
        onEdit={vi.fn()}
        onDelete={vi.fn()}
        onRetry={vi.fn()}
        onDiscard={vi.fn()}
        onReply={onReply}
        onReact={onReact}
        onOpenQuote={onOpenQuote}
      />
    </ul>,
  );
  return { onReply, onReact, onOpenQuote, container };
}

describe('message actions', () => {
  it('offer Reply and React on anyone’s message, Edit and Delete only on one’s own', () => {
    item(message());
    expect(screen.getByRole('button', { name: 'Reply' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'React' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit message' })).toBeNull();
    item(message({ id: 'm2', senderId: 'u1' }), true);
    expect(screen.getAllByRole('button', { name: 'Reply' })).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Edit message' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Delete message' })).toBeTruthy();
  });

  it('offer nothing on a deleted message or one not sent yet', () => {
    item(message({ deleted: true, text: '' }));
    item(message({ id: null, seq: null, status: 'sending', clientMessageId: 'cm' }), true);
    expect(screen.queryByRole('button', { name: 'Reply' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'React' })).toBeNull();
  });

  it('Reply asks to answer this message', () => {
    const { onReply } = item(message());
    fireEvent.click(screen.getByRole('button', { name: 'Reply' }));
    expect(onReply).toHaveBeenCalledOnce();
  });
});

describe('the emoji picker', () => {
  it('opens from React with the twelve emoji, each named, the first focused', () => {
    item(message());
    const react = screen.getByRole('button', { name: 'React' });
    fireEvent.click(react);
    expect(react.getAttribute('aria-expanded')).toBe('true');
    const picker = screen.getByRole('dialog', { name: 'Choose a reaction' });
    const options = [...picker.querySelectorAll('button')];
    expect(options.map((b) => b.getAttribute('aria-label'))).toEqual(QUICK_EMOJI.map((e) => `Add reaction ${e}`));
    expect(document.activeElement).toBe(options[0]);
    fireEvent.keyDown(options[0], { key: 'ArrowRight' });
    expect(document.activeElement).toBe(options[1]);
  });

  it('adds the chosen emoji, closes and gives focus back to React', () => {
    const { onReact } = item(message());
    const react = screen.getByRole('button', { name: 'React' });
    fireEvent.click(react);
    fireEvent.click(screen.getByRole('button', { name: 'Add reaction 🎉' }));
    expect(onReact).toHaveBeenCalledWith('🎉', true);
    expect(screen.queryByRole('dialog', { name: 'Choose a reaction' })).toBeNull();
    expect(document.activeElement).toBe(react);
  });

  it('offers to remove an emoji we chose already', () => {
    const { onReact } = item(message({ reactions: [{ emoji: '👍', count: 1, userIds: ['u1'] }] }));
    fireEvent.click(screen.getByRole('button', { name: 'React' }));
    fireEvent.click(screen.getByRole('button', { name: 'Remove reaction 👍' }));
    expect(onReact).toHaveBeenCalledWith('👍', false);
  });

  it('closes on Escape without choosing, focus back on React', () => {
    const { onReact } = item(message());
    const react = screen.getByRole('button', { name: 'React' });
    fireEvent.click(react);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Add reaction 👍' }), { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(react);
    expect(onReact).not.toHaveBeenCalled();
  });

  it('leaves axe nothing serious to find, open', async () => {
    const { container } = item(message({ reactions: [{ emoji: '👍', count: 1, userIds: ['u1'] }] }));
    fireEvent.click(screen.getByRole('button', { name: 'React' }));
    expect(await seriousViolations(container)).toEqual([]);
  });
});

describe('a quote in a reply', () => {
  const quote = { id: 'm0', seq: 1, senderId: 'u1', excerpt: 'Shall we **meet** at noon?', deleted: false };

  it('names the original’s sender and shows its text without markers; clicking it opens the original', () => {
    const { onOpenQuote } = item(message({ replyTo: quote }));
    const button = screen.getByRole('button', { name: 'In reply to ann: Shall we meet at noon?' });
    expect(button.querySelector('[data-testid="quote-sender"]')?.textContent).toBe('ann');
    expect(button.querySelector('[data-testid="quote-excerpt"]')?.textContent).toBe('Shall we meet at noon?');
    fireEvent.click(button);
    expect(onOpenQuote).toHaveBeenCalledOnce();
  });

  it('reads "Deleted message" once the original is gone', () => {
    item(message({ replyTo: { ...quote, excerpt: '', deleted: true } }));
    const button = screen.getByTestId('quote');
    expect(button.textContent).toBe('Deleted message');
    expect(button.getAttribute('aria-label')).toBe('In reply to: Deleted message');
    expect(button.querySelector('[data-testid="quote-sender"]')).toBeNull();
  });
});

describe('on a touch screen', () => {
  it('a half-second press reveals the actions, a short tap does not, and a touch elsewhere hides them', () => {
    vi.useFakeTimers();
    try {
      item(message());
      const li = screen.getByTestId('message');
      fireEvent.touchStart(li);
      act(() => {
        vi.advanceTimersByTime(200);
      });
      fireEvent.touchEnd(li);
      act(() => {
        vi.advanceTimersByTime(600);
      });
      expect(li.className).not.toContain('actions-open');

      fireEvent.touchStart(li);
      act(() => {
        vi.advanceTimersByTime(500);
      });
      expect(li.className).toContain('actions-open');
      fireEvent.touchStart(document.body);
      expect(li.className).not.toContain('actions-open');
    } finally {
      vi.useRealTimers();
    }
  });
});
