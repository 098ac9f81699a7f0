import type { Attachment } from '../../../lib/types';
import { MAX_ATTACHMENT_BYTES, TOO_LARGE_TEXT } from './limits';

/** One file in the composer: uploading (with its progress), uploaded, or refused with a reason. */
export interface Upload {
  /** Local key, stable while the file is in the composer. */
  key: string;
  name: string;
  size: number;
  /** The type the browser declared ('' when it knows none). */
  type: string;
  /** Bytes sent so far, 0..size. */
  sent: number;
  status: 'uploading' | 'done' | 'failed';
  /** The server's attachment once uploaded. */
  attachment: Attachment | null;
  error: string | null;
}

export type UploadAction =
  | { type: 'added'; upload: Upload }
  | { type: 'progress'; key: string; sent: number }
  | { type: 'uploaded'; key: string; attachment: Attachment }
  | { type: 'failed'; key: string; error: string }
  | { type: 'removed'; key: string }
  | { type: 'cleared' };

/** A new upload for a file: refused at once when it is over the limit (it is never sent). */
export function newUpload(key: string, file: { name: string; size: number; type: string }): Upload {
  const tooLarge = file.size > MAX_ATTACHMENT_BYTES;
  const empty = file.size === 0;
  return {
    key,
    name: file.name || 'file',
    size: file.size,
    type: file.type,
    sent: 0,
    status: tooLarge || empty ? 'failed' : 'uploading',
    attachment: null,
    error: tooLarge ? TOO_LARGE_TEXT : empty ? 'the file is empty' : null,
  };
}

function update(list: Upload[], key: string, change: (u: Upload) => Upload): Upload[] {
  return list.map((u) => (u.key === key ? change(u) : u));
}

export function uploadsReducer(list: Upload[], action: UploadAction): Upload[] {
  switch (action.type) {
    case 'added':
      return [...list, action.upload];
    case 'progress':
      // A late progress event never moves a finished upload back.
      return update(list, action.key, (u) => (u.status === 'uploading' ? { ...u, sent: Math.min(u.size, Math.max(u.sent, action.sent)) } : u));
    case 'uploaded':
      return update(list, action.key, (u) => (u.status === 'uploading' ? { ...u, status: 'done', sent: u.size, attachment: action.attachment } : u));
    case 'failed':
      return update(list, action.key, (u) => (u.status === 'uploading' ? { ...u, status: 'failed', error: action.error } : u));
    case 'removed':
      return list.filter((u) => u.key !== action.key);
    case 'cleared':
      return [];
  }
}

/** The uploaded attachments, in the order the files were added. */
export function readyAttachments(list: Upload[]): Attachment[] {
  return list.flatMap((u) => (u.status === 'done' && u.attachment ? [u.attachment] : []));
}

/** Whether any file is still on its way (sending waits for it). */
export function uploading(list: Upload[]): boolean {
  return list.some((u) => u.status === 'uploading');
}

/** Progress as a whole percentage for the bar. */
export function percent(u: Upload): number {
  return u.size > 0 ? Math.round((u.sent / u.size) * 100) : 0;
}

/** What the user reads when the server refused an upload. */
export function uploadErrorText(status: number, detail: string | null): string {
  if (status === 413) return TOO_LARGE_TEXT;
  if (status === 415) return detail || 'this type of file cannot be sent';
  if (status === 0) return 'cannot reach the server, check your connection';
  return detail || `upload failed (${status})`;
}
