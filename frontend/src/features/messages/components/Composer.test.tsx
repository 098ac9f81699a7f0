import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { Composer } from './Composer';

function setup() {
  const onSend = vi.fn();
  render(<Composer onSend={onSend} />);
  const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
  return { onSend, input };
}

describe('Composer', () => {
  it('sends on Enter and clears the box', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '  hello  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('hello');
    expect(input.value).toBe('');
  });

  it('does not send on Shift+Enter (the newline is left to the textarea)', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'line one' } });
    const notCancelled = fireEvent.keyDown(input, { key: 'Enter', shiftKey: true });
    expect(notCancelled).toBe(true);
    expect(onSend).not.toHaveBeenCalled();
  });

  it('does not send blank text', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: '   ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
  });

  it('wraps the selection in ** on Ctrl+B and sends the markup', () => {
    const { onSend, input } = setup();
    fireEvent.change(input, { target: { value: 'make this bold' } });
    input.setSelectionRange(10, 14);
    fireEvent.keyDown(input, { key: 'b', ctrlKey: true });
    expect(input.value).toBe('make this **bold**');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('make this **bold**');
  });

  it('uses _ for Cmd+I and __ for Ctrl+U', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: 'a b' } });
    input.setSelectionRange(0, 1);
    fireEvent.keyDown(input, { key: 'i', metaKey: true });
    expect(input.value).toBe('_a_ b');
    input.setSelectionRange(4, 5);
    fireEvent.keyDown(input, { key: 'u', ctrlKey: true });
    expect(input.value).toBe('_a_ __b__');
  });

  it('explains the length limit: counts down near it, and says why Enter does nothing past it', () => {
    const { onSend, input } = setup();
    const notice = screen.getByTestId('length-notice');
    fireEvent.change(input, { target: { value: 'x'.repeat(3990) } });
    expect(notice.hidden).toBe(false);
    expect(notice.textContent).toBe('10 characters left.');
    fireEvent.change(input, { target: { value: 'x'.repeat(4001) } });
    expect(notice.textContent).toBe('Too long to send: 4,001 characters, the limit is 4,000. Remove 1 to send it.');
    expect(input.getAttribute('aria-describedby')).toBe(notice.id);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).not.toHaveBeenCalled();
    expect(input.value).toHaveLength(4001);
    fireEvent.change(input, { target: { value: 'x'.repeat(4000) } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledTimes(1);
    expect(notice.hidden).toBe(true);
  });

  it('applies bold from the toolbar button', () => {
    const { input } = setup();
    fireEvent.change(input, { target: { value: 'word' } });
    input.setSelectionRange(0, 4);
    fireEvent.click(screen.getByRole('button', { name: 'Bold' }));
    expect(input.value).toBe('**word**');
  });
});

describe('Composer drafts', () => {
  it('starts from the draft, reports each change, and reports an empty draft once sent', () => {
    const onSend = vi.fn();
    const onDraftChange = vi.fn();
    render(<Composer onSend={onSend} draft="half a thought" onDraftChange={onDraftChange} />);
    const input = screen.getByLabelText<HTMLTextAreaElement>('Message');
    expect(input.value).toBe('half a thought');
    fireEvent.change(input, { target: { value: 'half a thought, finished' } });
    expect(onDraftChange).toHaveBeenLastCalledWith('half a thought, finished');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSend).toHaveBeenCalledWith('half a thought, finished');
    expect(onDraftChange).toHaveBeenLastCalledWith('');
    expect(input.value).toBe('');
  });
});
