import { useCallback, useEffect, useReducer, useRef } from 'react';
import type { Attachment } from '../../../lib/types';
import { attachmentsApi, UploadError } from '../api/attachmentsApi';
import { MAX_ATTACHMENTS_PER_MESSAGE } from '../utils/limits';
import { newUpload, readyAttachments, uploading, uploadsReducer } from '../utils/uploads';

let nextKey = 0;

/**
 * The files of the message being written in one chat: each uploads as soon as it is added (with
 * progress), can be removed (cancelling its upload), and `take` hands the uploaded attachments to
 * the message being sent and empties the list. Leaving the chat cancels what is still uploading.
 */
export function useUploads(chatId: string) {
  const [uploads, dispatch] = useReducer(uploadsReducer, []);
  const running = useRef(new Map<string, () => void>());
  const countRef = useRef(0);
  countRef.current = uploads.length;

  useEffect(() => {
    const handles = running.current;
    return () => {
      handles.forEach((abort) => abort());
      handles.clear();
    };
  }, []);

  const add = useCallback((files: File[]) => {
    for (const file of files) {
      const key = `upload-${++nextKey}`;
      const upload = newUpload(key, file);
      if (countRef.current >= MAX_ATTACHMENTS_PER_MESSAGE) {
        dispatch({ type: 'added', upload: { ...upload, status: 'failed', error: `at most ${MAX_ATTACHMENTS_PER_MESSAGE} files in one message` } });
        continue;
      }
      countRef.current++;
      dispatch({ type: 'added', upload });
      if (upload.status !== 'uploading') continue;
      const handle = attachmentsApi.upload(chatId, file, (sent) => dispatch({ type: 'progress', key, sent }));
      running.current.set(key, handle.abort);
      handle.done
        .then((attachment) => dispatch({ type: 'uploaded', key, attachment }))
        .catch((e: unknown) => {
          if (e instanceof UploadError) dispatch({ type: 'failed', key, error: e.message });
          else if ((e as Error)?.name !== 'AbortError') dispatch({ type: 'failed', key, error: String(e) });
        })
        .finally(() => running.current.delete(key));
    }
  }, [chatId]);

  const remove = useCallback((key: string) => {
    running.current.get(key)?.();
    running.current.delete(key);
    dispatch({ type: 'removed', key });
  }, []);

  const take = useCallback((): Attachment[] => {
    const ready = readyAttachments(uploads);
    dispatch({ type: 'cleared' });
    return ready;
  }, [uploads]);

  return { uploads, add, remove, take, ready: readyAttachments(uploads).length, busy: uploading(uploads) };
}
