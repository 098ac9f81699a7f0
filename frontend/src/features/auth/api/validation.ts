/** Client-side checks mirroring the server's limits (docs/api.md); the server stays the judge. */
export const USERNAME_RE = /^[A-Za-z0-9_.-]{3,32}$/;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateUsername(v: string): string | null {
  if (!v) return 'Choose a username.';
  if (v.length < 3 || v.length > 32) return 'Username must be 3 to 32 characters.';
  if (!USERNAME_RE.test(v)) return 'Use only letters, digits, and _ . -';
  return null;
}

export function validateEmail(v: string): string | null {
  if (!v) return 'Enter your email.';
  if (!EMAIL_RE.test(v)) return 'Enter a valid email address.';
  return null;
}

export function validatePassword(v: string): string | null {
  if (!v) return 'Enter a password.';
  if (v.length < 8) return 'Password must be at least 8 characters.';
  if (v.length > 128) return 'Password must be at most 128 characters.';
  return null;
}

export function validateLogin(v: string): string | null {
  return v.trim() ? null : 'Enter your username or email.';
}
