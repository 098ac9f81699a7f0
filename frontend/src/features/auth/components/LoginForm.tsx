import { useState, type FormEvent } from 'react';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import { validateLogin } from '../api/validation';
import { useSession } from '../hooks/useSession';

export function LoginForm() {
  const { login } = useSession();
  const [values, setValues] = useState({ login: '', password: '' });
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errors = { login: validateLogin(values.login), password: values.password ? null : 'Enter your password.' };
  const show = (k: keyof typeof errors) => (touched[k] ? errors[k] : null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTouched({ login: true, password: true });
    if (errors.login || errors.password) return;
    setBusy(true);
    setError(null);
    try {
      await login(values.login, values.password);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form className="auth-form" onSubmit={submit} noValidate aria-label="Log in" data-testid="login-form">
      <TextField
        label="Username or email"
        name="login"
        autoComplete="username"
        value={values.login}
        error={show('login')}
        onChange={(e) => setValues({ ...values, login: e.target.value })}
        onBlur={() => setTouched({ ...touched, login: true })}
      />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="current-password"
        value={values.password}
        error={show('password')}
        onChange={(e) => setValues({ ...values, password: e.target.value })}
        onBlur={() => setTouched({ ...touched, password: true })}
      />
      {error && <p className="form-error" role="alert" data-testid="auth-error">{error}</p>}
      <button className="button primary wide" type="submit" disabled={busy}>
        {busy ? 'Logging in…' : 'Log in'}
      </button>
    </form>
  );
}

