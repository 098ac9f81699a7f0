import type { Attachment } from '../../../lib/types';

/** Images the browser shows inline; the server makes their thumbnails. */
export function isImage(a: Pick<Attachment, 'type'>): boolean {
  return a.type.startsWith('image/');
}

/**
 * Whether the server made a thumbnail: only for the images it could decode, which it gives a
 * size (a WebP, say, has none and is a download card).
 */
export function hasThumbnail(a: Pick<Attachment, 'type' | 'width' | 'height'>): boolean {
  return isImage(a) && a.width != null && a.height != null;
}

/** A short label for a download card's type badge: "PDF", "ZIP", "TXT", else "FILE". */
export function typeLabel(a: Pick<Attachment, 'type' | 'name'>): string {
  if (a.type === 'application/pdf') return 'PDF';
  const ext = /\.([a-z0-9]{1,5})$/i.exec(a.name)?.[1];
  return ext ? ext.toUpperCase() : 'FILE';
}

/**
 * What a message says in one line when it has no text (the chat list, a notification): the
 * file's name with a clip, "Photo" for one image, or how many files.
 */
export function attachmentSummary(attachments: Pick<Attachment, 'type' | 'name'>[]): string {
  if (attachments.length === 0) return '';
  if (attachments.every(isImage)) return attachments.length === 1 ? 'Photo' : `${attachments.length} photos`;
  return attachments.length === 1 ? `📎 ${attachments[0].name}` : `📎 ${attachments.length} files`;
}
