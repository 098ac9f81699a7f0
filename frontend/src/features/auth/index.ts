// What other features may use from auth: the session, and the rules for names, emails and
// passwords (the profile forms check the same ones as sign-up).
export { useSession } from './hooks/useSession';
export { validateEmail, validatePassword, validateUsername } from './api/validation';
