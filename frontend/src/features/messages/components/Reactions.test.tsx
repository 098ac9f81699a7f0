import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { Reactions } from './Reactions';

const names: Record<string, string> = { u1: 'ann', u2: 'bob', u3: 'cat' };
const nameOf = (id: string) => names[id];

function chips(onToggle = vi.fn()) {
  const { container } = render(
    <Reactions
      reactions={[
        { emoji: '👍', count: 2, userIds: ['u1', 'u2'] },
        { emoji: '🎉', count: 1, userIds: ['u3'] },
      ]}
      myId="u1"
      nameOf={nameOf}
      onToggle={onToggle}
    />,
  );
  return { onToggle, container };
}

describe('reaction chips', () => {
  it('show each emoji with its count, name who reacted, and are pressed where we reacted', () => {
    chips();
    const thumbs = screen.getByRole('button', { name: '👍 2: ann, bob' });
    expect(thumbs.getAttribute('aria-pressed')).toBe('true');
    expect(thumbs.getAttribute('title')).toBe('👍 2: ann, bob');
    expect(thumbs.textContent).toBe('👍 2');
    expect(screen.getByRole('button', { name: '🎉 1: cat' }).getAttribute('aria-pressed')).toBe('false');
  });

  it('take our reaction back from a pressed chip and add it from another', () => {
    const { onToggle } = chips();
    fireEvent.click(screen.getByRole('button', { name: '👍 2: ann, bob' }));
    expect(onToggle).toHaveBeenLastCalledWith('👍', false);
    fireEvent.click(screen.getByRole('button', { name: '🎉 1: cat' }));
    expect(onToggle).toHaveBeenLastCalledWith('🎉', true);
  });

  it('render nothing without reactions', () => {
    const { container } = render(<Reactions reactions={[]} myId="u1" nameOf={nameOf} onToggle={vi.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('leave axe nothing serious to find', async () => {
    const { container } = chips();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
