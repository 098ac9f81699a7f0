/**
 * One mention in a message (issue 18): `@` and the member's current name, lit up more strongly
 * when it names the reader. Named for a screen reader ("mention of bob", "mentions you").
 */
export function MentionText({ userId, name, me }: { userId: string; name: string; me: boolean }) {
  const label = me ? 'mentions you' : `mention of ${name}`;
  return (
    <span className={me ? 'mention mention-me' : 'mention'} role="img" aria-label={label} title={me ? `Mentions you (@${name})` : `@${name}`} data-testid="mention" data-user-id={userId}>
      @{name}
    </span>
  );
}
