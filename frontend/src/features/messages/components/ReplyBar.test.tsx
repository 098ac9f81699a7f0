import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer';

const reply = { id: 'm1', senderName: 'bob', excerpt: 'Lunch at **noon**?' };

describe('replying in the composer', () => {
  it('shows whom the reply answers, with the original’s text, and focuses the box', () => {
    render(<Composer onSend={vi.fn()} reply={reply} onCancelReply={vi.fn()} />);
    const bar = screen.getByTestId('reply-bar');
    expect(bar.textContent).toContain('Replying to bob');
    expect(screen.getByTestId('reply-bar-excerpt').textContent).toBe('Lunch at noon?');
    expect(document.activeElement).toBe(screen.getByLabelText('Message'));
  });

  it('cancels on Escape in the box, or with its button', () => {
    const onCancelReply = vi.fn();
    render(<Composer onSend={vi.fn()} reply={reply} onCancelReply={onCancelReply} />);
    fireEvent.keyDown(screen.getByLabelText('Message'), { key: 'Escape' });
    expect(onCancelReply).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel reply' }));
    expect(onCancelReply).toHaveBeenCalledTimes(2);
  });

  it('shows no bar without a reply, and Escape then does nothing', () => {
    const onCancelReply = vi.fn();
    render(<Composer onSend={vi.fn()} onCancelReply={onCancelReply} />);
    expect(screen.queryByTestId('reply-bar')).toBeNull();
    fireEvent.keyDown(screen.getByLabelText('Message'), { key: 'Escape' });
    expect(onCancelReply).not.toHaveBeenCalled();
  });
});
