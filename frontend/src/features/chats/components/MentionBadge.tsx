/** "@ 2" beside a chat's unread count: how many unread messages mention the reader (issue 18). */
export function MentionBadge({ count }: { count: number }) {
  if (count <= 0) return null;
  return (
    <span className="badge mention-badge" aria-label={count === 1 ? '1 mention' : `${count} mentions`} title={count === 1 ? '1 unread message mentions you' : `${count} unread messages mention you`} data-testid="mention-badge">
      @ {count > 99 ? '99+' : count}
    </span>
  );
}
