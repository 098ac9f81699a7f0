import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { Modal } from '../../../components/Modal';
import { ApiError } from '../../../lib/api';
import { NewChatDialog } from './NewChatDialog';

const createChat = vi.fn();
vi.mock('../../../lib/messenger', () => ({ useMessenger: () => ({ createChat }) }));

function openNewChat() {
  const onClose = vi.fn();
  const opener = document.createElement('button');
  document.body.appendChild(opener);
  opener.focus();
  const view = render(
    <MemoryRouter>
      <NewChatDialog onClose={onClose} />
    </MemoryRouter>,
  );
  return { onClose, opener, view };
}

describe('dialogs keep focus', () => {
  it('after a failed submit focus stays in the dialog, and Escape still closes it', async () => {
    createChat.mockRejectedValueOnce(new ApiError(404, 'Not Found', 'No user named zed', null));
    const { onClose } = openNewChat();
    const dialog = screen.getByRole('dialog', { name: 'New chat' });
    expect(document.activeElement).toBe(screen.getByLabelText('Usernames or emails'));
    fireEvent.change(screen.getByLabelText('Usernames or emails'), { target: { value: 'zed' } });
    const submit = screen.getByRole('button', { name: 'Start chat' });
    submit.focus();
    fireEvent.click(submit);
    expect((await screen.findByRole('alert')).textContent).toBe('No user named zed');
    expect(dialog.contains(document.activeElement)).toBe(true);
    // Even with focus knocked out to the page, Escape closes the dialog.
    act(() => (document.activeElement as HTMLElement).blur());
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('brings focus that escapes to the page back into the dialog', () => {
    openNewChat();
    const dialog = screen.getByRole('dialog', { name: 'New chat' });
    const outside = document.createElement('input');
    document.body.appendChild(outside);
    outside.focus();
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('Tab from the last control wraps to the first, Shift+Tab from the first to the last', () => {
    openNewChat();
    const closeButton = screen.getByRole('button', { name: 'Close' });
    const submit = screen.getByRole('button', { name: 'Start chat' });
    submit.focus();
    fireEvent.keyDown(submit, { key: 'Tab' });
    expect(document.activeElement).toBe(closeButton);
    fireEvent.keyDown(closeButton, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(submit);
  });

  it('gives focus back to where it was when it closes', async () => {
    const { opener, view } = openNewChat();
    view.unmount();
    await waitFor(() => expect(document.activeElement).toBe(opener));
  });

  it('only the innermost of two dialogs answers Escape', () => {
    const outer = vi.fn();
    const inner = vi.fn();
    render(
      <>
        <Modal title="Outer" onClose={outer}><button type="button">a</button></Modal>
        <Modal title="Inner" onClose={inner}><button type="button">b</button></Modal>
      </>,
    );
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(inner).toHaveBeenCalledTimes(1);
    expect(outer).not.toHaveBeenCalled();
  });
});
