import type { Attachment } from '../../../lib/types';
import { hasThumbnail } from '../utils/kinds';
import { FileCard } from './FileCard';
import { ImageThumb } from './ImageThumb';

/** The files of a message: images as thumbnails, everything else as download cards. */
export function MessageAttachments({ attachments }: { attachments: Attachment[] }) {
  if (attachments.length === 0) return null;
  return (
    <ul className="message-attachments" data-testid="message-attachments">
      {attachments.map((a) => (
        <li key={a.id}>{hasThumbnail(a) ? <ImageThumb attachment={a} /> : <FileCard attachment={a} />}</li>
      ))}
    </ul>
  );
}
