import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Every test starts at the app's root address (the router reads window.location).
  window.history.replaceState(null, '', '/');
});
