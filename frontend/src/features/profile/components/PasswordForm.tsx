import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import { validatePassword } from '../../auth/api/validation';
import { profileApi } from '../api/profileApi';

export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const nextError = next ? validatePassword(next) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!current) return setStatus({ ok: false, text: 'Enter your current password.' });
    const err = validatePassword(next);
    if (err) return setStatus({ ok: false, text: err });
    setBusy(true);
    setStatus(null);
    try {
      await profileApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setStatus({ ok: true, text: 'Password changed. Your other sessions were logged out.' });
    } catch (e2) {
      setStatus({ ok: false, text: errorMessage(e2) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="profile-section" aria-label="Change password">
      <h3>Password</h3>
      <TextField label="Current password" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" />
      <TextField label="New password" type="password" value={next} error={nextError} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" />
      {status && <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
      <button type="submit" className="button primary" disabled={busy}>Change password</button>
    </form>
  );
}
