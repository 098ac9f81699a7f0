import { useState } from 'react';
import type { Attachment } from '../../../lib/types';
import { useAttachmentUrl } from '../hooks/useAttachmentUrl';
import { thumbSize } from '../utils/thumbSize';
import { ImageViewer } from './ImageViewer';

/** An image in a message: the server's thumbnail, in a box of the image's shape (the list does not jump when it loads). */
export function ImageThumb({ attachment }: { attachment: Attachment }) {
  const { url, failed } = useAttachmentUrl(attachment.id, true);
  const [open, setOpen] = useState(false);
  const size = thumbSize(attachment.width, attachment.height);
  return (
    <>
      <button
        type="button"
        className="attachment-thumb"
        style={{ width: size.width, height: size.height }}
        aria-label={`Open image ${attachment.name}`}
        onClick={() => setOpen(true)}
        data-testid="attachment-image"
      >
        {url && <img src={url} alt={attachment.name} width={size.width} height={size.height} data-testid="attachment-thumbnail" />}
        {failed && <span className="attachment-thumb-failed">Image unavailable</span>}
      </button>
      {open && <ImageViewer attachment={attachment} onClose={() => setOpen(false)} />}
    </>
  );
}
