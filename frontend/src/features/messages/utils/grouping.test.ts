import { describe, expect, it } from 'vitest';
import { groupPlaces } from './grouping';

const at = (senderId: string, time: string) => ({ senderId, sentAt: `2026-11-25T${time}Z` });

describe('groupPlaces', () => {
  it('shows the name once per run of one sender, and the time once per minute, on its last message', () => {
    const places = groupPlaces([at('bob', '10:00:01'), at('bob', '10:00:20'), at('bob', '10:00:59'), at('bob', '10:01:10'), at('ann', '10:01:30')]);
    expect(places.map((p) => p.firstInRun)).toEqual([true, false, false, false, true]);
    expect(places.map((p) => p.showTime)).toEqual([false, false, true, true, true]);
  });

  it('starts a new run when the sender changes and comes back', () => {
    const places = groupPlaces([at('bob', '10:00:01'), at('ann', '10:00:02'), at('bob', '10:00:03')]);
    expect(places).toEqual([
      { firstInRun: true, showTime: true },
      { firstInRun: true, showTime: true },
      { firstInRun: true, showTime: true },
    ]);
  });

  it('starts a new run after a pause of more than five minutes', () => {
    const places = groupPlaces([at('bob', '10:00:00'), at('bob', '10:04:59'), at('bob', '10:10:00')]);
    expect(places.map((p) => p.firstInRun)).toEqual([true, false, true]);
  });

  it('starts a new run on a new day', () => {
    const places = groupPlaces([{ senderId: 'bob', sentAt: '2026-11-25T12:00:00Z' }, { senderId: 'bob', sentAt: '2026-11-28T12:00:30Z' }]);
    expect(places.map((p) => p.firstInRun)).toEqual([true, true]);
  });
});
