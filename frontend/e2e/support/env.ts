/** Where the stack runs and which browser drives it (override with env vars). */
export const CARRIER_URL = (process.env.CARRIER_URL ?? 'http://localhost:8080').replace(/\/+$/, '');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const RESULTS_DIR = new URL('../../test-results/', import.meta.url).pathname;
export const HEADLESS = process.env.E2E_HEADED !== '1';
