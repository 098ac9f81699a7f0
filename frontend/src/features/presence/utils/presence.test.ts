import { describe, expect, it } from 'vitest';
import { chunks, formatLastSeen, presenceLabel, presenceReducer, type PresenceMap } from './presence';

const NOW = new Date('2026-12-05T12:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe('presenceReducer', () => {
  it('keeps the latest word per person from lists and frames', () => {
    let state: PresenceMap = {};
    state = presenceReducer(state, {
      type: 'presence.loaded',
      list: [
        { userId: 'a', online: true, lastSeenAt: ago(0) },
        { userId: 'b', online: false, lastSeenAt: null },
      ],
    });
    state = presenceReducer(state, { type: 'presence.changed', presence: { userId: 'a', online: false, lastSeenAt: ago(1000) } });
    expect(state.a).toEqual({ userId: 'a', online: false, lastSeenAt: ago(1000) });
    expect(state.b.online).toBe(false);
  });

  it('returns the same state when nothing changed, so nothing re-renders', () => {
    const state: PresenceMap = { a: { userId: 'a', online: true, lastSeenAt: null } };
    expect(presenceReducer(state, { type: 'presence.changed', presence: { userId: 'a', online: true, lastSeenAt: null } })).toBe(state);
    expect(presenceReducer(state, { type: 'presence.loaded', list: [] })).toBe(state);
  });
});

describe('formatLastSeen', () => {
  it('reads as a person would say it', () => {
    expect(formatLastSeen(ago(20_000), NOW)).toBe('last seen just now');
    expect(formatLastSeen(ago(5 * 60_000 + 10_000), NOW)).toBe('last seen 5 min ago');
    expect(formatLastSeen(ago(3 * 3_600_000), NOW)).toBe('last seen 3 h ago');
    expect(formatLastSeen(ago(30 * 3_600_000), NOW)).toBe('last seen yesterday');
    expect(formatLastSeen(ago(10 * 86_400_000), NOW)).toMatch(/^last seen on /);
  });

  it('never says a time in the future or an invalid one', () => {
    expect(formatLastSeen(new Date(NOW.getTime() + 5000).toISOString(), NOW)).toBe('last seen just now');
    expect(formatLastSeen('not a time', NOW)).toBe('offline');
  });
});

describe('presenceLabel', () => {
  it('says online, last seen, or nothing for a hidden or unknown person', () => {
    expect(presenceLabel({ userId: 'a', online: true, lastSeenAt: ago(0) }, NOW)).toBe('online');
    expect(presenceLabel({ userId: 'a', online: false, lastSeenAt: ago(120_000) }, NOW)).toBe('last seen 2 min ago');
    expect(presenceLabel({ userId: 'a', online: false, lastSeenAt: null }, NOW)).toBeNull();
    expect(presenceLabel(undefined, NOW)).toBeNull();
  });
});

describe('chunks', () => {
  it('splits ids into calls of at most 100', () => {
    const ids = Array.from({ length: 230 }, (_, i) => `id${i}`);
    expect(chunks(ids).map((c) => c.length)).toEqual([100, 100, 30]);
    expect(chunks([])).toEqual([]);
  });
});
