import { dayKey } from '../../../lib/time';

/** A longer pause than this between two messages of one sender starts a new group. */
export const RUN_GAP_MS = 5 * 60_000;

export interface GroupPlace {
  /** First of a run by one sender: shows the name and the avatar. */
  firstInRun: boolean;
  /** Last of the run's messages sent in one minute: shows the time, once for all of them. */
  showTime: boolean;
}

interface Groupable {
  senderId: string;
  sentAt: string;
}

const minute = (iso: string) => Math.floor(new Date(iso).getTime() / 60_000);

function continuesRun(prev: Groupable, m: Groupable): boolean {
  if (prev.senderId !== m.senderId || dayKey(prev.sentAt) !== dayKey(m.sentAt)) return false;
  return new Date(m.sentAt).getTime() - new Date(prev.sentAt).getTime() <= RUN_GAP_MS;
}

/**
 * Groups consecutive messages of one sender (same day, no pause over {@link RUN_GAP_MS}): the name
 * shows once per run, the time once per minute of it, on its last message.
 */
export function groupPlaces(items: readonly Groupable[]): GroupPlace[] {
  return items.map((m, i) => {
    const prev = items[i - 1];
    const next = items[i + 1];
    const firstInRun = !prev || !continuesRun(prev, m);
    const showTime = !next || !continuesRun(m, next) || minute(next.sentAt) !== minute(m.sentAt);
    return { firstInRun, showTime };
  });
}
