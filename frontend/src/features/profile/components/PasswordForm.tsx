import { useRef, useState, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField';
import { errorMessage, isProblem } from '../../../lib/api';
import { validatePassword } from '../../auth';
import { profileApi } from '../api/profileApi';

/**
 * Changes the password. A wrong current password (403 `wrong-password`) is an inline error on
 * that field; the session goes on (only a 401 ends it).
 */
export function PasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [currentError, setCurrentError] = useState<string | null>(null);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextError = next ? validatePassword(next) : null;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setStatus(null);
    if (!current) {
      setCurrentError('Enter your current password.');
      currentRef.current?.focus();
      return;
    }
    const err = validatePassword(next);
    if (err) return setStatus({ ok: false, text: err });
    setBusy(true);
    setCurrentError(null);
    try {
      await profileApi.changePassword(current, next);
      setCurrent('');
      setNext('');
      setStatus({ ok: true, text: 'Password changed. Your other sessions were logged out.' });
    } catch (e2) {
      if (isProblem(e2, 'wrong-password')) {
        setCurrentError(e2.detail || 'That is not your current password.');
        currentRef.current?.select();
        currentRef.current?.focus();
      } else {
        setStatus({ ok: false, text: errorMessage(e2) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="profile-section" aria-label="Change password" data-testid="password-form">
      <h3>Password</h3>
      <TextField
        ref={currentRef}
        label="Current password"
        type="password"
        value={current}
        error={currentError}
        onChange={(e) => {
          setCurrent(e.target.value);
          setCurrentError(null);
        }}
        autoComplete="current-password"
        data-testid="current-password"
      />
      <TextField label="New password" type="password" value={next} error={nextError} onChange={(e) => setNext(e.target.value)} autoComplete="new-password" data-testid="new-password" />
      {status && <p className={status.ok ? 'form-ok' : 'form-error'} role={status.ok ? 'status' : 'alert'}>{status.text}</p>}
      <button type="submit" className="button primary" aria-disabled={busy || undefined} data-testid="password-submit">Change password</button>
    </form>
  );
}
