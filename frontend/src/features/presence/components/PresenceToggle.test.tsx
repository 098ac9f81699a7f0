import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../lib/api';
import { presenceApi } from '../api/presenceApi';
import { PresenceToggle } from './PresenceToggle';

const user = { id: 'u1', username: 'ann', avatarUrl: null, presenceVisible: true };

describe('PresenceToggle', () => {
  afterEach(() => vi.restoreAllMocks());

  it('shows the change at once and tells the session once the server kept it', async () => {
    const put = vi.spyOn(presenceApi, 'setVisible').mockResolvedValue(undefined);
    const onChanged = vi.fn();
    render(<PresenceToggle user={user} onChanged={onChanged} />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: /Show when I.m online/ });
    expect(box.checked).toBe(true);

    fireEvent.click(box);

    expect(box.checked).toBe(false);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith({ ...user, presenceVisible: false }));
    expect(put).toHaveBeenCalledWith(false);
  });

  it('takes the change back and says why when the server refuses it', async () => {
    vi.spyOn(presenceApi, 'setVisible').mockRejectedValue(new ApiError(503, 'Service unavailable', 'Try again shortly.', null));
    const onChanged = vi.fn();
    render(<PresenceToggle user={user} onChanged={onChanged} />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: /Show when I.m online/ });

    fireEvent.click(box);

    await screen.findByRole('alert');
    expect(box.checked).toBe(true);
    expect(onChanged).not.toHaveBeenCalled();
  });
});
