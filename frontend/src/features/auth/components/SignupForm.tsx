import { useState, type ChangeEvent, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import { validateEmail, validatePassword, validateUsername } from '../api/validation';
import { useSession } from '../hooks/useSession';

export function SignupForm() {
  const { signup } = useSession();
  const [values, setValues] = useState({ username: '', email: '', password: '' });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = {
    username: validateUsername(values.username),
    email: validateEmail(values.email),
    password: validatePassword(values.password),
  };
  type Key = keyof typeof errors;
  const show = (k: Key) => (touched[k] ? errors[k] : null);
  const field = (k: Key) => ({
    name: k,
    value: values[k],
    error: show(k),
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues({ ...values, [k]: e.target.value }),
    onBlur: () => setTouched({ ...touched, [k]: true }),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ username: true, email: true, password: true });
    if (errors.username || errors.email || errors.password) return;
    setBusy(true);
    setError(null);
    try {
      await signup(values.username, values.email.trim(), values.password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-label="Sign up" data-testid="signup-form">
      <TextField label="Username" autoComplete="username" {...field('username')} />
      <TextField label="Email" type="email" autoComplete="email" {...field('email')} />
      <TextField label="Password" type="password" autoComplete="new-password" {...field('password')} />
      {error && <p className="form-error" role="alert" data-testid="auth-error">{error}</p>}
      <button className="button primary wide" type="submit" disabled={busy}>
        {busy ? 'Creating account…' : 'Create account'}
      </button>
    </form>
  );
}
