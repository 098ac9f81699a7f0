/**
 * Light markup stored in message text: **bold**, _italic_, __underline__.
 * Parsed into a tree that React renders as elements; text is never interpreted as HTML.
 */
export type MarkupStyle = 'bold' | 'italic' | 'underline';
export type MarkupNode = string | { style: MarkupStyle; children: MarkupNode[] };

export const MARKERS: Record<MarkupStyle, string> = { bold: '**', italic: '_', underline: '__' };

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** Which marker (if any) opens at position i: longest first, so "__" beats "_". */
function markerAt(text: string, i: number): MarkupStyle | null {
  if (text.startsWith('**', i)) return 'bold';
  if (text.startsWith('__', i)) return 'underline';
  if (text[i] === '_') return 'italic';
  return null;
}

/** Underscore markers only count at word boundaries, so snake_case_names stay plain. */
function canOpen(text: string, i: number, style: MarkupStyle): boolean {
  const len = MARKERS[style].length;
  const next = text[i + len];
  if (!next || /\s/.test(next)) return false;
  if (style !== 'bold' && isWordChar(text[i - 1])) return false;
  return true;
}

function canClose(text: string, i: number, style: MarkupStyle): boolean {
  const len = MARKERS[style].length;
  const prev = text[i - 1];
  if (!prev || /\s/.test(prev)) return false;
  if (style !== 'bold' && isWordChar(text[i + len])) return false;
  if (style === 'italic' && (text[i + 1] === '_' || text[i - 1] === '_')) return false;
  return true;
}

function findClose(text: string, from: number, style: MarkupStyle): number {
  const marker = MARKERS[style];
  let i = from;
  while (i < text.length) {
    const j = text.indexOf(marker, i);
    if (j < 0) return -1;
    if (canClose(text, j, style)) {
      // Skip over a nested span of another style so its markers don't close ours.
      return j;
    }
    i = j + 1;
  }
  return -1;
}

export function parseMarkup(text: string, depth = 0): MarkupNode[] {
  const out: MarkupNode[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const style = depth < 8 ? markerAt(text, i) : null;
    if (style && canOpen(text, i, style)) {
      const len = MARKERS[style].length;
      const close = findClose(text, i + len, style);
      if (close > i + len) {
        if (plain) out.push(plain);
        plain = '';
        out.push({ style, children: parseMarkup(text.slice(i + len, close), depth + 1) });
        i = close + len;
        continue;
      }
    }
    if (style) {
      const len = MARKERS[style].length;
      plain += text.slice(i, i + len);
      i += len;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) out.push(plain);
  return out;
}

/** The text without markers (for previews in the chat list). */
export function plainText(text: string): string {
  const walk = (nodes: MarkupNode[]): string => nodes.map((n) => (typeof n === 'string' ? n : walk(n.children))).join('');
  return walk(parseMarkup(text));
}

export interface Selection {
  value: string;
  start: number;
  end: number;
}

/** Wraps the selection in a marker (or inserts an empty pair with the caret between them). */
export function wrapSelection(sel: Selection, style: MarkupStyle): Selection {
  const marker = MARKERS[style];
  const { value, start, end } = sel;
  const before = value.slice(0, start);
  const selected = value.slice(start, end);
  const after = value.slice(end);
  // Already wrapped exactly in this marker: unwrap (toggle).
  if (selected && before.endsWith(marker) && after.startsWith(marker) && !(style === 'italic' && (before.endsWith('__') || after.startsWith('__')))) {
    return {
      value: before.slice(0, -marker.length) + selected + after.slice(marker.length),
      start: start - marker.length,
      end: end - marker.length,
    };
  }
  // Keep surrounding spaces outside the markers ("**word** " not "**word **").
  const lead = selected.length - selected.trimStart().length;
  const trail = selected.length - selected.trimEnd().length;
  const core = selected.trim();
  if (!core) {
    return { value: before + selected + marker + marker + after, start: end + marker.length, end: end + marker.length };
  }
  const s = start + lead;
  const wrapped = selected.slice(0, lead) + marker + core + marker + selected.slice(selected.length - trail);
  return { value: before + wrapped + after, start: s + marker.length, end: s + marker.length + core.length };
}
