import { useState } from 'react';
import { errorMessage } from '../../../lib/api';
import type { Attachment } from '../../../lib/types';
import { attachmentsApi } from '../api/attachmentsApi';
import { formatSize } from '../utils/formatSize';
import { typeLabel } from '../utils/kinds';

/** Saves a blob under a file name (an <a download> cannot send the bearer token itself). */
function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked after the browser has taken the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file in a message that is not an image: its name, size and type; a click downloads it. */
export function FileCard({ attachment }: { attachment: Attachment }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      save(await attachmentsApi.blob(attachment.id), attachment.name);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const size = formatSize(attachment.size);
  return (
    <div className="file-card-wrap">
      <button type="button" className="file-card" onClick={download} disabled={busy} aria-label={`Download ${attachment.name}, ${size}`} data-testid="attachment-file">
        <span className="file-card-type" aria-hidden="true">{typeLabel(attachment)}</span>
        <span className="file-card-text">
          <span className="file-card-name" data-testid="attachment-name">{attachment.name}</span>
          <span className="file-card-size" data-testid="attachment-size">{busy ? 'Downloading…' : size}</span>
        </span>
      </button>
      {error && <span className="upload-error" role="alert">{error}</span>}
    </div>
  );
}
