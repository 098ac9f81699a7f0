import { Modal } from '../../../components/Modal';
import type { Attachment } from '../../../lib/types';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl';

/** The full image in a dialog (Escape or Close ends it), with a link to save it. */
export function ImageViewer({ attachment, onClose }: { attachment: Attachment; onClose: () => void }) {
  const { url, failed } = useAttachmentUrl(attachment.id, false);
  return (
    <Modal title={attachment.name} onClose={onClose} testId="image-viewer">
      <div className="image-viewer">
        {url && <img src={url} alt={attachment.name} data-testid="image-viewer-image" />}
        {!url && !failed && <p role="status">Loading image…</p>}
        {failed && <p role="alert">The image could not be loaded.</p>}
        {url && (
          <a className="link-button" href={url} download={attachment.name}>
            Download
          </a>
        )}
      </div>
    </Modal>
  );
}
