import { useState, type FormEvent } from 'react';
import { useMessenger } from '../../../lib/messenger';
import { Modal } from '../../../components/Modal';
import { TextField } from '../../../components/TextField';
import { errorMessage } from '../../../lib/api';
import { parseRecipients } from '../api/parseRecipients';

export function AddMembersDialog({ chatId, onClose }: { chatId: string; onClose: () => void }) {
  const { addMembers } = useMessenger();
  const [recipients, setRecipients] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const members = parseRecipients(recipients);
    if (members.length === 0) return setError('Enter at least one username or email.');
    setBusy(true);
    setError(null);
    try {
      await addMembers(chatId, members);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <Modal title="Add members" onClose={onClose} testId="add-members-dialog">
      <form onSubmit={submit} noValidate>
        <TextField label="Usernames or emails" value={recipients} onChange={(e) => setRecipients(e.target.value)} data-testid="add-members-input" autoComplete="off" />
        {error && <p className="form-error" role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" className="button secondary" onClick={onClose}>Cancel</button>
          <button type="submit" className="button primary" aria-disabled={busy || undefined} data-testid="add-members-submit">Add</button>
        </div>
      </form>
    </Modal>
  );
}
