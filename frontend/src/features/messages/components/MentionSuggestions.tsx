import { Avatar } from '../../../components/Avatar';
import type { Member } from '../../../lib/types';

/**
 * The members an `@` in the composer can name, as a listbox the textarea drives (its
 * aria-activedescendant names the active option); a click picks one without taking the focus.
 */
export function MentionSuggestions({ id, options, active, optionId, onPick }: {
  id: string;
  options: Member[];
  active: number;
  optionId: (index: number) => string;
  onPick: (member: Member) => void;
}) {
  return (
    <ul className="mention-suggestions" role="listbox" id={id} aria-label="Mention someone" data-testid="mention-suggestions">
      {options.map((m, i) => (
        <li
          key={m.id}
          id={optionId(i)}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'mention-option active' : 'mention-option'}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => onPick(m)}
          data-testid="mention-option"
          data-user-id={m.id}
        >
          <Avatar name={m.username} url={m.avatarUrl} size={24} />
          <span>@{m.username}</span>
        </li>
      ))}
    </ul>
  );
}
