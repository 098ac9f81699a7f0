import { useCallback, useRef, type Dispatch, type RefObject } from 'react';
import type { MessengerState } from '../lib/messenger';
import { GAP_PAGE_SIZE, messagesApi, PAGE_SIZE } from '../features/messages/api/messagesApi';
import { fetchSince } from '../features/messages/utils/gaps';
import { firstSeq, lastSeq } from '../features/messages/utils/messageList';
import type { MessengerAction } from './messengerState';

/** Loads a chat's history: the latest page, the gap after what we hold, and older pages on scroll. */
export function useHistory(dispatch: Dispatch<MessengerAction>, stateRef: RefObject<MessengerState>) {
  const filling = useRef(new Map<string, boolean>());
  const loadingOlder = useRef(new Set<string>());

  const loadLatest = useCallback(async (chatId: string) => {
    const messages = await messagesApi.latest(chatId, PAGE_SIZE);
    dispatch({ type: 'messages.loaded', chatId, messages, page: 'latest', pageSize: PAGE_SIZE });
  }, [dispatch]);

  /** Fetches everything after the last seq we hold for a chat; coalesces concurrent requests. */
  const fillGap = useCallback(async (chatId: string) => {
    if (filling.current.has(chatId)) {
      filling.current.set(chatId, true);
      return;
    }
    filling.current.set(chatId, false);
    try {
      do {
        filling.current.set(chatId, false);
        const list = stateRef.current.messages[chatId];
        if (!list?.loaded) {
          await loadLatest(chatId);
        } else {
          const missing = await fetchSince((after, limit) => messagesApi.after(chatId, after, limit), lastSeq(list.items), GAP_PAGE_SIZE);
          if (missing.length) dispatch({ type: 'messages.loaded', chatId, messages: missing, page: 'after', pageSize: GAP_PAGE_SIZE });
        }
      } while (filling.current.get(chatId));
    } catch {
      /* retried at the next event or reconnect */
    } finally {
      filling.current.delete(chatId);
    }
  }, [dispatch, stateRef, loadLatest]);

  const loadOlder = useCallback(async (chatId: string) => {
    const list = stateRef.current.messages[chatId];
    if (!list?.loaded || !list.hasMore || loadingOlder.current.has(chatId)) return;
    const first = firstSeq(list.items);
    if (first === null || first <= 1) return;
    loadingOlder.current.add(chatId);
    try {
      const messages = await messagesApi.before(chatId, first, PAGE_SIZE);
      dispatch({ type: 'messages.loaded', chatId, messages, page: 'older', pageSize: PAGE_SIZE });
    } finally {
      loadingOlder.current.delete(chatId);
    }
  }, [dispatch, stateRef]);

  /**
   * Loads older pages until the message with `seq` is held or history ends (a quote's original
   * further back than what is loaded). Pages by its own cursor: the state only shows a page
   * after the next render, and asking again from the old first seq would fetch the same page.
   */
  const loadBackTo = useCallback(async (chatId: string, seq: number) => {
    const list = stateRef.current.messages[chatId];
    let cursor = list?.loaded && list.hasMore ? firstSeq(list.items) : null;
    while (cursor !== null && cursor > seq && cursor > 1) {
      const messages = await messagesApi.before(chatId, cursor, GAP_PAGE_SIZE);
      dispatch({ type: 'messages.loaded', chatId, messages, page: 'older', pageSize: GAP_PAGE_SIZE });
      cursor = messages.length >= GAP_PAGE_SIZE ? Math.min(...messages.map((m) => m.seq)) : null;
    }
  }, [dispatch, stateRef]);

  return { loadLatest, fillGap, loadOlder, loadBackTo };
}
