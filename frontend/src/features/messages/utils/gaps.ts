import type { Message } from '../../../lib/types';

/** A message whose seq is more than last+1 means we missed some: fill from `last`. */
export function hasGap(lastSeenSeq: number, incomingSeq: number): boolean {
  return incomingSeq > lastSeenSeq + 1;
}

/**
 * Fetches everything after `afterSeq`, page by page, until a short page says we are caught up.
 * Bounded, so a misbehaving server cannot keep us looping.
 */
export async function fetchSince(
  fetchAfter: (afterSeq: number, limit: number) => Promise<Message[]>,
  afterSeq: number,
  pageSize: number,
  maxPages = 20,
): Promise<Message[]> {
  const all: Message[] = [];
  let cursor = afterSeq;
  for (let page = 0; page < maxPages; page++) {
    const batch = await fetchAfter(cursor, pageSize);
    const fresh = batch.filter((m) => m.seq > cursor);
    all.push(...fresh);
    if (batch.length < pageSize || fresh.length === 0) break;
    cursor = Math.max(...fresh.map((m) => m.seq));
  }
  return all;
}
