import { describe, expect, it } from 'vitest';
import { connectionNotice, OFFLINE_AFTER_MS } from './connectionNotice';

const notice = (status: Parameters<typeof connectionNotice>[0]['status'], browserOnline = true, downForMs = 0) =>
  connectionNotice({ status, browserOnline, downForMs });

describe('connectionNotice', () => {
  it('says nothing while live, or while the first socket is still opening', () => {
    expect(notice('online')).toBe('none');
    expect(notice('connecting')).toBe('none');
  });

  it('shows a short drop as reconnecting, and a long one as offline', () => {
    expect(notice('reconnecting', true, 1_000)).toBe('reconnecting');
    expect(notice('reconnecting', true, OFFLINE_AFTER_MS)).toBe('offline-socket');
    expect(notice('connecting', true, OFFLINE_AFTER_MS + 1)).toBe('offline-socket');
  });

  it('puts the browser being offline first, even before the socket notices', () => {
    expect(notice('online', false)).toBe('offline-browser');
    expect(notice('reconnecting', false, 0)).toBe('offline-browser');
    expect(notice('refused', false)).toBe('offline-browser');
  });

  it('tells a refused socket apart from a reconnect', () => {
    expect(notice('refused', true, 60_000)).toBe('refused');
  });

  it('says nothing once the session is over', () => {
    expect(notice('stopped', false)).toBe('none');
  });
});
