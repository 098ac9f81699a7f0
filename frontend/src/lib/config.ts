/**
 * Start-up configuration. The client talks to the gateway that served it (same origin), so the
 * only knobs are an optional API base for development and the WebSocket path. Checked once at
 * start-up: a broken configuration shows a clear message instead of a half-working app.
 */
export interface AppConfig {
  /** Prefix for every API call: '' means same origin ("/api/..."). */
  apiBase: string;
  /** Absolute ws(s):// URL of the real-time endpoint. */
  wsUrl: string;
}

export class ConfigError extends Error {}

export function resolveConfig(
  env: Record<string, string | undefined>,
  location: { protocol: string; host: string },
): AppConfig {
  const apiBase = (env.VITE_CARRIER_API_BASE ?? '').replace(/\/+$/, '');
  if (apiBase && !/^https?:\/\/[^/]+/.test(apiBase)) {
    throw new ConfigError(`VITE_CARRIER_API_BASE must be an http(s) URL, got "${apiBase}"`);
  }
  if (location.protocol !== 'http:' && location.protocol !== 'https:') {
    throw new ConfigError(`Carrier must be served over http(s), not ${location.protocol}`);
  }
  const origin = apiBase ? new URL(apiBase) : null;
  const secure = (origin ? origin.protocol : location.protocol) === 'https:';
  const host = origin ? origin.host : location.host;
  const wsUrl = `${secure ? 'wss' : 'ws'}://${host}/api/ws`;
  if (typeof WebSocket === 'undefined') throw new ConfigError('This browser has no WebSocket support');
  return { apiBase, wsUrl };
}

let current: AppConfig | null = null;

export function loadConfig(): AppConfig {
  current = resolveConfig(import.meta.env, window.location);
  return current;
}

export function config(): AppConfig {
  if (!current) current = loadConfig();
  return current;
}
