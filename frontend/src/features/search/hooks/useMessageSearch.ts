import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage } from '../../../lib/api';
import { searchApi, type SearchOrder, type SearchResult } from '../api/searchApi';

export const SEARCH_DEBOUNCE_MS = 300;

interface Found {
  /** What these results answer (query, chat, order), so an answer to an older query never shows. */
  key: string;
  results: SearchResult[];
  next: string | null;
  error: string | null;
  loading: boolean;
}

/**
 * Searches messages as the user types: one request once typing pauses (300 ms), the newest
 * answer only; `loadMore` fetches the page after the last one (`before` = its `next`).
 */
export function useMessageSearch(query: string, chatId: string | null, order: SearchOrder) {
  const q = query.trim();
  const key = JSON.stringify([q, chatId, order]);
  const [found, setFound] = useState<Found | null>(null);
  const current = useRef(key);
  current.current = key;

  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const t = setTimeout(() => {
      setFound({ key, results: [], next: null, error: null, loading: true });
      searchApi
        .search({ q, chatId, order }, controller.signal)
        .then((page) => setFound({ key, results: page.results, next: page.next, error: null, loading: false }))
        .catch((e: unknown) => {
          if (!controller.signal.aborted) setFound({ key, results: [], next: null, error: errorMessage(e), loading: false });
        });
    }, SEARCH_DEBOUNCE_MS);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [q, chatId, order, key]);

  const shown = q && found?.key === key ? found : null;

  const loadMore = useCallback(() => {
    if (!shown?.next || shown.loading) return;
    const before = shown.next;
    setFound({ ...shown, loading: true, error: null });
    searchApi
      .search({ q, chatId, order, before })
      .then((page) => {
        if (current.current === key) setFound({ ...shown, results: [...shown.results, ...page.results], next: page.next, loading: false });
      })
      .catch((e: unknown) => {
        if (current.current === key) setFound({ ...shown, loading: false, error: errorMessage(e) });
      });
  }, [shown, q, chatId, order, key]);

  return {
    /** Whether a query is typed (results, or a search under way, belong to it). */
    active: !!q,
    results: shown?.results ?? [],
    hasMore: !!shown?.next,
    loading: !!q && (!shown || shown.loading),
    /** Whether an answer has come for this query (so "No messages match" may show). */
    answered: !!shown && !shown.loading,
    error: shown?.error ?? null,
    loadMore,
  };
}
