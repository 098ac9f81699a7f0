import { formatDay } from '../../../lib/time';

export function DaySeparator({ iso }: { iso: string }) {
  return (
    <li className="day-separator" role="separator" aria-label={formatDay(iso)} data-testid="day-separator">
      <span>{formatDay(iso)}</span>
    </li>
  );
}
