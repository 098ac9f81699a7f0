import { describe, expect, it, vi } from 'vitest';
import type { Message } from '../../../lib/types';
import { fetchSince, hasGap } from './gaps';

const msg = (seq: number): Message => ({ id: `m${seq}`, chatId: 'c1', seq, senderId: 'u2', text: `t${seq}`, sentAt: '2026-11-25T10:00:00Z', deleted: false });

describe('hasGap', () => {
  it('is false for the next message and for duplicates, true when one is skipped', () => {
    expect(hasGap(4, 5)).toBe(false);
    expect(hasGap(4, 4)).toBe(false);
    expect(hasGap(4, 3)).toBe(false);
    expect(hasGap(4, 6)).toBe(true);
    expect(hasGap(0, 2)).toBe(true);
  });
});

describe('fetchSince', () => {
  it('pages through afterSeq until a short page', async () => {
    const all = Array.from({ length: 7 }, (_, i) => msg(i + 1));
    const fetchAfter = vi.fn(async (after: number, limit: number) => all.filter((m) => m.seq > after).slice(0, limit));
    const got = await fetchSince(fetchAfter, 2, 2);
    expect(got.map((m) => m.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(fetchAfter.mock.calls.map((c) => c[0])).toEqual([2, 4, 6]);
  });

  it('stops on a server that keeps answering the same page', async () => {
    const fetchAfter = vi.fn(async () => [msg(1), msg(2)]);
    const got = await fetchSince(fetchAfter, 0, 2);
    expect(got.map((m) => m.seq)).toEqual([1, 2]);
    expect(fetchAfter).toHaveBeenCalledTimes(2);
  });
});
