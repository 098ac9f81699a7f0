import { useState, type FormEvent } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { Modal } from '../../../components/Modal';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import { parseRecipients } from '../api/parseRecipients';
import { useChatRoute } from '../../../lib/useChatRoute';

/** One username/email starts a direct chat; two or more start a named group. */
export function NewChatDialog({ onClose }: { onClose: () => void }) {
  const { createChat } = useMessenger();
  const { goToChat } = useChatRoute();
  const [recipients, setRecipients] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const members = parseRecipients(recipients);
  const isGroup = members.length >= 2;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (members.length === 0) return setError('Enter at least one username or email.');
    if (isGroup && !name.trim()) return setError('Give the group a name.');
    setBusy(true);
    setError(null);
    try {
      const chatId = await createChat(members, isGroup ? name.trim() : undefined);
      onClose();
      goToChat(chatId);
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal title="New chat" onClose={onClose} testId="new-chat-dialog">
      <form onSubmit={submit} noValidate>
        <TextField
          label="Usernames or emails"
          placeholder="alice, bob@example.com"
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          data-testid="new-chat-members"
          autoComplete="off"
        />
        <p className="hint">{members.length <= 1 ? 'One person starts a direct chat; separate several with commas for a group.' : `Group with ${members.length} others.`}</p>
        {isGroup && <TextField label="Group name" value={name} onChange={(e) => setName(e.target.value)} data-testid="new-chat-name" maxLength={100} />}
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" aria-disabled={busy || undefined} data-testid="new-chat-submit">
            {isGroup ? 'Create group' : 'Start chat'}
          </button>
        </div>
      </form>
    </Modal>
  );
}
