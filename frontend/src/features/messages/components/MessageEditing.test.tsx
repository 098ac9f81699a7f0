import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LocalMessage } from '../../../lib/types';
import { Composer } from './Composer';
import { MessageItem } from './MessageItem';

const message = (over: Partial<LocalMessage> = {}): LocalMessage => ({
  id: 'm1',
  clientMessageId: null,
  chatId: 'c1',
  seq: 1,
  senderId: 'u1',
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

function item(m: LocalMessage, mine: boolean) {
  const onEdit = vi.fn();
  render(
    <ul>
      <MessageItem message={m} mine={mine} senderName="ann" senderAvatar={null} firstInRun showTime showName seen={false} onEdit={onEdit} onDelete={vi.fn()} onRetry={vi.fn()} onDiscard={vi.fn()} />
    </ul>,
  );
  return onEdit;
}

describe('editing a message', () => {
  it('offers Edit by label on one’s own message only', () => {
    const onEdit = item(message(), true);
    fireEvent.click(screen.getByRole('button', { name: 'Edit message' }));
    expect(onEdit).toHaveBeenCalledOnce();
  });

  it('offers no Edit on someone else’s message or a deleted one', () => {
    item(message(), false);
    item(message({ id: 'm2', deleted: true, text: '' }), true);
    expect(screen.queryByRole('button', { name: 'Edit message' })).toBeNull();
  });

  it('marks an edited message, with the time of the edit in its tooltip and label', () => {
    item(message({ text: 'hello again', editedAt: '2026-11-25T10:05:00Z' }), false);
    const marker = screen.getByTestId('message-edited');
    expect(marker.textContent).toBe('edited');
    expect(marker.getAttribute('title')).toBe(`Edited ${new Date('2026-11-25T10:05:00Z').toLocaleString()}`);
    expect(screen.getByLabelText(/^Edited /)).toBe(marker);
  });

  it('shows no marker on an unedited message', () => {
    item(message(), true);
    expect(screen.queryByTestId('message-edited')).toBeNull();
  });

  it('asks to edit the last own message on Up arrow in an empty composer, and only then', () => {
    const onEditLast = vi.fn();
    render(<Composer onSend={vi.fn()} onEditLast={onEditLast} />);
    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    fireEvent.change(input, { target: { value: 'draft' } });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(onEditLast).not.toHaveBeenCalled();
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(onEditLast).toHaveBeenCalledOnce();
  });

  it('starts from the message’s text, saves on Enter and cancels on Escape', () => {
    const onSend = vi.fn();
    const onCancelEdit = vi.fn();
    render(<Composer draft="hello" editing onSend={onSend} onCancelEdit={onCancelEdit} />);
    const input = screen.getByLabelText<HTMLTextAreaElement>('Edit message text');
    expect(input.value).toBe('hello');
    expect(screen.getByRole('button', { name: 'Save edit' })).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onCancelEdit).toHaveBeenCalledOnce();
    fireEvent.change(input, { target: { value: 'hello, edited ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello, edited');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel edit' }));
    expect(onCancelEdit).toHaveBeenCalledTimes(2);
  });
});
