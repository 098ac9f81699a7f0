import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// The first render of a file (module loading, jsdom) can pass 1 s on a busy 2-core machine.
configure({ asyncUtilTimeout: 3000 });

afterEach(() => {
  cleanup();
  localStorage.clear();
  // Every test starts at the app's root address (the router reads window.location).
  window.history.replaceState(null, '', '/');
});
