import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import type { LocalMessage, SystemLine } from '../../../lib/types';
import { MessageList } from './MessageList';

const message = (seq: number, senderId: string, sentAt: string): LocalMessage => ({
  id: `m${seq}`,
  clientMessageId: null,
  chatId: 'c1',
  seq,
  senderId,
  text: `message ${seq}`,
  sentAt,
  deleted: false,
  editedAt: null,
  replyTo: null,
  reactions: [],
  mentions: [],
  attachments: [],
  status: 'sent',
});
const users = { u1: { id: 'u1', username: 'ann', avatarUrl: null }, u2: { id: 'u2', username: 'bob', avatarUrl: null } };
const left: SystemLine = { id: 'l1', chatId: 'c1', kind: 'left', text: 'cat left the group', at: '2026-11-25T10:00:30Z', afterSeq: 2 };

function renderList(systemLines: SystemLine[] = [left]) {
  const noop = () => undefined;
  return render(
    <MessageList
      items={[message(1, 'u2', '2026-11-24T10:00:00Z'), message(2, 'u2', '2026-11-25T10:00:00Z'), message(3, 'u2', '2026-11-25T10:00:40Z')]}
      systemLines={systemLines}
      myId="u1"
      users={users}
      hasMore={false}
      showTimes
      showNames
      readSeq={0}
      onLoadOlder={async () => undefined}
      onEdit={noop}
      onDelete={noop}
      onRetry={noop}
      onDiscard={noop}
    />,
  );
}

describe('MessageList', () => {
  it('shows a system line after the message it followed, as a muted list item that restarts the sender’s run', () => {
    renderList();
    const rows = [...screen.getByTestId('message-list').children].map((li) => li.getAttribute('data-testid'));
    expect(rows).toEqual(['day-separator', 'message', 'day-separator', 'message', 'system-line', 'message']);
    expect(screen.getByTestId('system-line').className).toBe('system-line');
    // Message 3 follows message 2 within the run's pause, but the line between them breaks it.
    const third = screen.getAllByTestId('message')[2];
    expect(third.className).toContain('first');
  });

  it('holds only list items, so axe finds nothing serious (day separators were role=separator)', async () => {
    const { container } = renderList();
    expect(await seriousViolations(container)).toEqual([]);
  });
});
