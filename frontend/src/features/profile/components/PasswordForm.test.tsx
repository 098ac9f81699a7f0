import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onUnauthorized, tokenStore } from '../../../lib/api';
import { PasswordForm } from './PasswordForm';

function answer(status: number, body?: unknown) {
  return vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } }));
}

function fillAndSubmit(current: string, next: string) {
  fireEvent.change(screen.getByLabelText('Current password'), { target: { value: current } });
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: next } });
  fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('PasswordForm', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows a wrong current password inline, on that field, and keeps the session', async () => {
    tokenStore.set('tok');
    const sessionEnded = vi.fn();
    const off = onUnauthorized(sessionEnded);
    vi.stubGlobal('fetch', answer(403, { type: 'https://carrier.dev/problems/wrong-password', title: 'Forbidden', status: 403, detail: 'The current password is wrong.' }));
    render(<PasswordForm />);
    fillAndSubmit('not-my-password', 'a-new-password');
    const field = screen.getByLabelText('Current password');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(field.getAttribute('aria-describedby') ?? '')?.textContent).toBe('The current password is wrong.');
    expect(document.activeElement).toBe(field);
    off();
    expect(sessionEnded).not.toHaveBeenCalled();
    expect(tokenStore.get()).toBe('tok');
  });

  it('clears the inline error as soon as the field is edited', async () => {
    vi.stubGlobal('fetch', answer(403, { type: 'https://carrier.dev/problems/wrong-password', status: 403, detail: 'The current password is wrong.' }));
    render(<PasswordForm />);
    fillAndSubmit('nope-nope', 'a-new-password');
    await screen.findByText('The current password is wrong.');
    fireEvent.change(screen.getByLabelText('Current password'), { target: { value: 'nope-nope2' } });
    expect(screen.queryByText('The current password is wrong.')).toBeNull();
  });

  it('shows any other refusal below the form', async () => {
    vi.stubGlobal('fetch', answer(400, { type: 'about:blank', status: 400, detail: 'Password must be 8 to 128 characters' }));
    render(<PasswordForm />);
    fillAndSubmit('my-password', 'a-new-password');
    expect((await screen.findByRole('alert')).textContent).toBe('Password must be 8 to 128 characters');
  });

  it('a dead token (401) still ends the session', async () => {
    tokenStore.set('tok');
    const sessionEnded = vi.fn();
    const off = onUnauthorized(sessionEnded);
    vi.stubGlobal('fetch', answer(401, { type: 'about:blank', status: 401, detail: 'Missing or invalid token' }));
    render(<PasswordForm />);
    fillAndSubmit('my-password', 'a-new-password');
    await waitFor(() => expect(sessionEnded).toHaveBeenCalledTimes(1));
    off();
  });
});
