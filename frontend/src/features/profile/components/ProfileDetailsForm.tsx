import { useState, type FormEvent } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import type { User } from '../../../lib/types';
import { validateEmail, validateUsername } from '../../auth';
import { profileApi } from '../api/profileApi';

export function ProfileDetailsForm({ user }: { user: User }) {
  const { updateMe } = useMessenger();
  const [username, setUsername] = useState(user.username);
  const [email, setEmail] = useState(user.email ?? '');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const usernameError = username !== user.username ? validateUsername(username) : null;
  const emailError = email !== (user.email ?? '') ? validateEmail(email) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const changes: { username?: string; email?: string } = {};
    if (username !== user.username) changes.username = username;
    if (email !== (user.email ?? '')) changes.email = email.trim();
    if (!changes.username && !changes.email) return setStatus({ ok: true, text: 'Nothing to save.' });
    if (usernameError || emailError) return;
    setBusy(true);
    setStatus(null);
    try {
      const { user: updated } = await profileApi.update(changes);
      updateMe(updated);
      setStatus({ ok: true, text: 'Saved.' });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="profile-section" aria-label="Account details">
      <h3>Account</h3>
      <TextField label="Username" value={username} error={usernameError} onChange={(e) => setUsername(e.target.value)} data-testid="profile-username" autoComplete="username" />
      <TextField label="Email" type="email" value={email} error={emailError} onChange={(e) => setEmail(e.target.value)} data-testid="profile-email" autoComplete="email" />
      {status && <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
      <button type="submit" className="button primary" aria-disabled={busy || undefined} data-testid="profile-save">Save</button>
    </form>
  );
}
