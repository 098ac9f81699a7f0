import { useState } from 'react';
import { useSession } from '../hooks/useSession';
import { LoginForm } from './LoginForm';
import { SignupForm } from './SignupForm';

/** The front page: log in or create an account. */
export function Landing() {
  const { notice } = useSession();
  const [mode, setMode] = useState<'login' | 'signup'>('login');
  return (
    <main className="landing" data-testid="landing">
      <section className="landing-hero">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">✉</span> Carrier
        </div>
        <h1>Conversations that arrive.</h1>
        <p>Direct and group chats in real time, on any screen.</p>
      </section>
      <section className="landing-card">
        <div className="tabs" role="tablist" aria-label="Account">
          <button type="button" role="tab" aria-selected={mode === 'login'} className={mode === 'login' ? 'tab active' : 'tab'} onClick={() => setMode('login')}>
            Log in
          </button>
          <button type="button" role="tab" aria-selected={mode === 'signup'} className={mode === 'signup' ? 'tab active' : 'tab'} onClick={() => setMode('signup')}>
            Sign up
          </button>
        </div>
        {notice && <p className="notice" role="status">{notice}</p>}
        {mode === 'login' ? <LoginForm /> : <SignupForm />}
      </section>
    </main>
  );
}
