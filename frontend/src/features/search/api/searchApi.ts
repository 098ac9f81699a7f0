import { api } from '../../../lib/api';
import type { ChatType, Message } from '../../../lib/types';

export type SearchOrder = 'newest' | 'best';

/** One found message: its chat (a direct chat's name is null) and the matched `[start, end)` UTF-16 ranges of its text. */
export interface SearchResult {
  message: Message;
  chat: { id: string; type: ChatType; name: string | null };
  highlights: [number, number][];
}

export interface SearchPage {
  results: SearchResult[];
  /** The cursor of the following page (passed as `before`); null on the last. */
  next: string | null;
}

export interface SearchParams {
  q: string;
  chatId?: string | null;
  order?: SearchOrder;
  before?: string | null;
  limit?: number;
}

export const SEARCH_PAGE_SIZE = 20;
export const SEARCH_MAX_LENGTH = 200;

export const searchApi = {
  search: ({ q, chatId, order = 'newest', before, limit = SEARCH_PAGE_SIZE }: SearchParams, signal?: AbortSignal) =>
    api.get<SearchPage>('/api/search', {
      query: { q, chatId: chatId ?? undefined, order, before: before ?? undefined, limit },
      signal,
    }),
};
