import { Icon } from '../../../components/Icon';
import { formatSize } from '../utils/formatSize';
import { percent, type Upload } from '../utils/uploads';

/** The files about to be sent, above the message box: progress while uploading, why one failed. */
export function UploadTray({ uploads, onRemove }: { uploads: Upload[]; onRemove: (key: string) => void }) {
  if (uploads.length === 0) return null;
  return (
    <ul className="upload-tray" aria-label="Attached files" data-testid="upload-tray">
      {uploads.map((u) => (
        <li key={u.key} className={`upload ${u.status}`} data-testid="upload" data-status={u.status}>
          <span className="upload-name" title={u.name}>{u.name}</span>
          <span className="upload-size">{formatSize(u.size)}</span>
          {u.status === 'uploading' && (
            <progress className="upload-progress" max={100} value={percent(u)} aria-label={`Uploading ${u.name}`} data-testid="upload-progress" />
          )}
          {u.status === 'done' && <span className="upload-done" aria-label="Uploaded">✓</span>}
          {u.status === 'failed' && (
            <span className="upload-error" role="alert" data-testid="upload-error">
              {u.name}: {u.error}
            </span>
          )}
          <button
            type="button"
            className="icon-button upload-remove"
            aria-label={u.status === 'uploading' ? `Cancel upload of ${u.name}` : `Remove ${u.name}`}
            onClick={() => onRemove(u.key)}
            data-testid="upload-remove"
          >
            <Icon name="close" size={16} />
          </button>
        </li>
      ))}
    </ul>
  );
}
