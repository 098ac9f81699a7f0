import type { MarkupStyle } from '../../../lib/markup';
import { LIMIT_WARNING_FROM, MAX_MESSAGE_LENGTH } from '../utils/messageLength';

/** The composer's formatting buttons, and the length counter once a text nears the limit. */
export function ComposerToolbar({ onStyle, length }: { onStyle: (style: MarkupStyle) => void; length: number }) {
  const tool = (style: MarkupStyle, label: string, glyph: string, shortcut: string) => (
    <button
      type="button"
      className={`tool tool-${style}`}
      aria-label={label}
      title={`${label} (${shortcut})`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => onStyle(style)}
    >
      {glyph}
    </button>
  );
  return (
    <div className="composer-toolbar" role="toolbar" aria-label="Formatting">
      {tool('bold', 'Bold', 'B', 'Ctrl+B')}
      {tool('italic', 'Italic', 'I', 'Ctrl+I')}
      {tool('underline', 'Underline', 'U', 'Ctrl+U')}
      {length > LIMIT_WARNING_FROM && (
        <span className={length > MAX_MESSAGE_LENGTH ? 'counter over' : 'counter'} aria-hidden="true">
          {length}/{MAX_MESSAGE_LENGTH}
        </span>
      )}
    </div>
  );
}
