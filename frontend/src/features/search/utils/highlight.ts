export interface TextPart {
  text: string;
  match: boolean;
}

/**
 * Splits a message's text at the server's `[start, end)` UTF-16 ranges. Ranges are sorted,
 * clamped to the text and merged where they overlap; an edge that would fall inside a surrogate
 * pair (an emoji) is widened to take the whole character, so no half emoji ever shows.
 */
export function highlightParts(text: string, ranges: readonly (readonly [number, number])[]): TextPart[] {
  const isLow = (i: number) => i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) && /[\uD800-\uDBFF]/.test(text[i - 1]);
  const spans = ranges
    .map(([a, b]) => [Math.max(0, Math.min(a, text.length)), Math.max(0, Math.min(b, text.length))] as [number, number])
    .map(([a, b]) => [isLow(a) ? a - 1 : a, isLow(b) ? b + 1 : b] as [number, number])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const parts: TextPart[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) parts.push({ text: text.slice(at, a), match: false });
    parts.push({ text: text.slice(a, b), match: true });
    at = b;
  }
  if (at < text.length) parts.push({ text: text.slice(at), match: false });
  return parts;
}
