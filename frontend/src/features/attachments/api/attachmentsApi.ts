import { config } from '../../../lib/config';
import { ApiError, tokenStore } from '../../../lib/api';
import type { Attachment } from '../../../lib/types';
import { uploadErrorText } from '../utils/uploads';

const enc = encodeURIComponent;

/** An upload that was refused (or could not be sent); `message` is what the user reads. */
export class UploadError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'UploadError';
  }
}

export interface UploadHandle {
  done: Promise<Attachment>;
  /** Stops the upload; `done` then rejects with an AbortError. */
  abort: () => void;
}

function problemDetail(xhr: XMLHttpRequest): string | null {
  try {
    const body = JSON.parse(xhr.responseText) as { detail?: unknown };
    return typeof body.detail === 'string' && body.detail ? body.detail : null;
  } catch {
    return null;
  }
}

export const attachmentsApi = {
  /**
   * Uploads a file's bytes to a chat. XMLHttpRequest rather than fetch: only it reports upload
   * progress. It sends the same bearer token as every other call.
   */
  upload(chatId: string, file: Blob & { name: string }, onProgress: (sent: number) => void): UploadHandle {
    const xhr = new XMLHttpRequest();
    const done = new Promise<Attachment>((resolve, reject) => {
      xhr.open('POST', `${config().apiBase}/api/chats/${enc(chatId)}/attachments?name=${enc(file.name)}`);
      const token = tokenStore.get();
      if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
      xhr.setRequestHeader('Accept', 'application/json, application/problem+json');
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onload = () => {
        if (xhr.status === 201) {
          try {
            resolve((JSON.parse(xhr.responseText) as { attachment: Attachment }).attachment);
          } catch {
            reject(new UploadError(xhr.status, 'the server answered something unexpected'));
          }
        } else {
          reject(new UploadError(xhr.status, uploadErrorText(xhr.status, problemDetail(xhr))));
        }
      };
      xhr.onerror = () => reject(new UploadError(0, uploadErrorText(0, null)));
      xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
      xhr.send(file);
    });
    return { done, abort: () => xhr.abort() };
  },

  /** The bytes of an attachment (`thumbnail` for an image's small copy), fetched with the token. */
  async blob(id: string, thumbnail = false, signal?: AbortSignal): Promise<Blob> {
    const token = tokenStore.get();
    // Any type is welcome (an image, a PDF): a JSON-only Accept could be answered 406.
    const res = await fetch(`${config().apiBase}/api/attachments/${enc(id)}${thumbnail ? '/thumbnail' : ''}`, {
      headers: token ? { Authorization: `Bearer ${token}` } : {},
      signal,
    });
    if (!res.ok) throw new ApiError(res.status, res.statusText, res.status === 404 ? 'The file is not available.' : `Could not load the file (${res.status}).`, null);
    return res.blob();
  },
};
