import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AvatarPicker } from './AvatarPicker';

vi.mock('../../../lib/messenger', () => ({ useMessenger: () => ({ updateMe: vi.fn() }) }));

describe('AvatarPicker', () => {
  it('shows every preset as a bundled picture with a visible label, never as emoji text', () => {
    render(<AvatarPicker user={{ id: 'u1', username: 'ann', avatarUrl: null }} />);
    const group = screen.getByRole('group', { name: 'Or choose a preset photo' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Fox', 'Owl', 'Cat', 'Bear', 'Panda', 'Koala']);
    for (const b of buttons) {
      expect(b.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/svg\+xml|\.svg$/);
      expect(b.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
    }
    expect(screen.getByRole('button', { name: 'Panda' })).toBeDefined();
  });
});
