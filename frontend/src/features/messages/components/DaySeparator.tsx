import { formatDay } from '../../../lib/time';

/**
 * "Today", "Yesterday", a date: an item of the message list like any other (a list may only hold
 * list items, so no separator role; axe's `list` rule).
 */
export function DaySeparator({ iso }: { iso: string }) {
  return (
    <li className="day-separator" data-testid="day-separator">
      <span>{formatDay(iso)}</span>
    </li>
  );
}
