import { formatClock } from '../../../lib/time';
import type { SystemLine } from '../../../lib/types';

/** "cat was added to the group": a centred, muted line between messages. */
export function SystemLineItem({ line }: { line: SystemLine }) {
  return (
    <li className="system-line" data-testid="system-line" data-kind={line.kind}>
      <span>{line.text}</span> <time dateTime={line.at}>{formatClock(line.at)}</time>
    </li>
  );
}
