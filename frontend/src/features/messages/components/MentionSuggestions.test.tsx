import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Member } from '../../../lib/types';
import { seriousViolations } from '../../../test/axe';
import { Composer } from './Composer';

const members: Member[] = [
  { id: 'u2', username: 'bob', avatarUrl: null },
  { id: 'u3', username: 'Bobby', avatarUrl: null },
  { id: 'u4', username: 'cat', avatarUrl: null },
];

function setup(extra: { onCancelReply?: () => void } = {}) {
  const onSend = vi.fn();
  render(<Composer onSend={onSend} members={members} reply={extra.onCancelReply ? { id: 'm1', senderName: 'cat', excerpt: 'hi' } : null} onCancelReply={extra.onCancelReply} />);
  const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
  const type = (value: string) => fireEvent.change(input, { target: { value } });
  // Each option's name after its (aria-hidden) initials.
  const options = () => screen.queryAllByRole('option').map((o) => `${o.textContent?.replace(/^[^@]*/, '')}${o.getAttribute('aria-selected') === 'true' ? '*' : ''}`);
  return { onSend, input, type, options };
}

describe('mention suggestions in the composer', () => {
  it('lists the members whose names start with what follows the @, first one active', async () => {
    const { input, type, options } = setup();
    type('hi @');
    expect(screen.queryByRole('listbox')).toBeNull();
    type('hi @b');
    expect(options()).toEqual(['@bob*', '@Bobby']);
    const list = screen.getByRole('listbox', { name: 'Mention someone' });
    expect(input.getAttribute('aria-controls')).toBe(list.id);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[0].id);
    expect(await seriousViolations()).toEqual([]);
    type('hi @bx');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(input.getAttribute('aria-activedescendant')).toBeNull();
  });

  it('moves with the arrows (wrapping) and inserts the active name with Enter, without sending', () => {
    const { onSend, input, type, options } = setup();
    type('hi @BO');
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options()).toEqual(['@bob', '@Bobby*']);
    expect(input.getAttribute('aria-activedescendant')).toBe(screen.getAllByRole('option')[1].id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(options()).toEqual(['@bob*', '@Bobby']);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(input.value).toBe('hi @Bobby ');
    expect(input.selectionStart).toBe(10);
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.queryByRole('listbox')).toBeNull();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hi @Bobby');
  });

  it('inserts with Tab, and with a click', () => {
    const { input, type } = setup();
    type('@c');
    fireEvent.keyDown(input, { key: 'Tab' });
    expect(input.value).toBe('@cat ');
    type('@cat and @bo');
    fireEvent.click(screen.getByRole('option', { name: /Bobby/ }));
    expect(input.value).toBe('@cat and @Bobby ');
  });

  it('closes on Escape without cancelling the reply, and Enter then sends', () => {
    const onCancelReply = vi.fn();
    const { onSend, input, type } = setup({ onCancelReply });
    type('see @bo');
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(onCancelReply).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('see @bo');
  });
});
