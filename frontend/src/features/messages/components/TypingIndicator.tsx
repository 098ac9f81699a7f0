/** "alice is typing…" for the people typing in the open chat. */
export function TypingIndicator({ names }: { names: string[] }) {
  let text = '';
  if (names.length === 1) text = `${names[0]} is typing…`;
  else if (names.length === 2) text = `${names[0]} and ${names[1]} are typing…`;
  else if (names.length > 2) text = 'Several people are typing…';
  return (
    <div className="typing" aria-live="polite" data-testid="typing-indicator">
      {text && (
        <>
          <span className="typing-dots" aria-hidden="true"><i /><i /><i /></span> {text}
        </>
      )}
    </div>
  );
}
