import type { Reaction } from '../../../lib/types';
import { hasReacted, reactionLabel } from '../utils/reactions';

/**
 * The chips under a bubble, one per emoji with its count. A chip is pressed when we reacted with
 * it; clicking toggles our reaction. Its label and tooltip name who reacted ("👍 2: ann, bob").
 */
export function Reactions({ reactions, myId, nameOf, onToggle }: {
  reactions: Reaction[];
  myId: string | null;
  nameOf: (userId: string) => string;
  onToggle: (emoji: string, add: boolean) => void;
}) {
  if (reactions.length === 0) return null;
  return (
    <div className="reactions" role="group" aria-label="Reactions" data-testid="reactions">
      {reactions.map((r) => {
        const mine = hasReacted(reactions, r.emoji, myId);
        const label = reactionLabel(r, nameOf);
        return (
          <button
            key={r.emoji}
            type="button"
            className={mine ? 'reaction-chip mine' : 'reaction-chip'}
            aria-pressed={mine}
            aria-label={label}
            title={label}
            onClick={() => onToggle(r.emoji, !mine)}
            data-testid="reaction-chip"
            data-emoji={r.emoji}
          >
            <span aria-hidden="true">{r.emoji}</span> <span className="reaction-count" aria-hidden="true">{r.count}</span>
          </button>
        );
      })}
    </div>
  );
}
