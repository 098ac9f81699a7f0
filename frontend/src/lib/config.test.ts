import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from './config';

describe('resolveConfig', () => {
  it('uses the page origin: relative API, ws:// or wss:// WebSocket on the same host', () => {
    expect(resolveConfig({}, { protocol: 'http:', host: 'localhost:8080' })).toEqual({ apiBase: '', wsUrl: 'ws://localhost:8080/api/ws' });
    expect(resolveConfig({}, { protocol: 'https:', host: 'chat.example' }).wsUrl).toBe('wss://chat.example/api/ws');
  });

  it('follows an explicit API base', () => {
    expect(resolveConfig({ VITE_CARRIER_API_BASE: 'https://api.example/' }, { protocol: 'http:', host: 'localhost:5173' })).toEqual({
      apiBase: 'https://api.example',
      wsUrl: 'wss://api.example/api/ws',
    });
  });

  it('refuses a malformed API base at start-up', () => {
    expect(() => resolveConfig({ VITE_CARRIER_API_BASE: 'api.example' }, { protocol: 'http:', host: 'x' })).toThrow(ConfigError);
  });
});
