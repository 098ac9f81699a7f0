import { useEffect, useState } from 'react';
import { attachmentsApi } from '../api/attachmentsApi';

/**
 * A blob: URL for an attachment (or its thumbnail): an <img src> cannot send the bearer token,
 * so the bytes are fetched with it. The URL is revoked when the element goes away.
 */
export function useAttachmentUrl(id: string, thumbnail: boolean) {
  const [found, setFound] = useState<{ key: string; url: string | null; failed: boolean } | null>(null);
  const key = `${id}/${thumbnail}`;
  useEffect(() => {
    const controller = new AbortController();
    let url: string | null = null;
    attachmentsApi
      .blob(id, thumbnail, controller.signal)
      .then((blob) => {
        url = URL.createObjectURL(blob);
        setFound({ key, url, failed: false });
      })
      .catch(() => {
        if (!controller.signal.aborted) setFound({ key, url: null, failed: true });
      });
    return () => {
      controller.abort();
      if (url) URL.revokeObjectURL(url);
    };
  }, [id, thumbnail, key]);
  const current = found?.key === key ? found : null;
  return { url: current?.url ?? null, failed: current?.failed ?? false };
}
