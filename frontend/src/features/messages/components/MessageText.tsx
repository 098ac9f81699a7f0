import type { ReactNode } from 'react';
import { MARKERS, parseMarkup, type MarkupNode } from '../../../lib/markup';
import type { MentionSpan } from '../utils/mentions';
import { MentionText } from './MentionText';

/** How mentions show in a text: where they are, whose name each is now, and who is reading. */
export interface MentionView {
  spans: MentionSpan[];
  /** A member's current name; undefined (someone who left) shows the name as written. */
  nameOf: (userId: string) => string | undefined;
  myId: string | null;
}

/** A plain run of text at `[at, at + text.length)` of the original, with the mentions inside it as chips. */
function withMentions(text: string, at: number, key: string, mentions: MentionView | undefined): ReactNode[] {
  const inside = mentions?.spans.filter((s) => s.start >= at && s.end <= at + text.length) ?? [];
  if (!mentions || inside.length === 0) return [text];
  const out: ReactNode[] = [];
  let from = at;
  for (const s of inside) {
    if (s.start > from) out.push(text.slice(from - at, s.start - at));
    const name = mentions.nameOf(s.userId) ?? text.slice(s.start + 1 - at, s.end - at);
    out.push(<MentionText key={`${key}@${s.start}`} userId={s.userId} name={name} me={s.userId === mentions.myId} />);
    from = s.end;
  }
  if (from < at + text.length) out.push(text.slice(from - at));
  return out;
}

/**
 * Renders the markup tree. Each plain run is an exact slice of the original text and each styled
 * node drops its markers on both sides, so walking the tree recovers every run's offset: that is
 * where the mention spans (found on the original text, as the server reads it) fall.
 */
function render(nodes: MarkupNode[], keyPrefix: string, at: number, mentions?: MentionView): { out: ReactNode[]; end: number } {
  const out: ReactNode[] = [];
  let pos = at;
  nodes.forEach((n, i) => {
    const key = `${keyPrefix}.${i}`;
    if (typeof n === 'string') {
      out.push(...withMentions(n, pos, key, mentions));
      pos += n.length;
      return;
    }
    const marker = MARKERS[n.style].length;
    const inner = render(n.children, key, pos + marker, mentions);
    pos = inner.end + marker;
    if (n.style === 'bold') out.push(<strong key={key}>{inner.out}</strong>);
    else if (n.style === 'italic') out.push(<em key={key}>{inner.out}</em>);
    else out.push(<u key={key}>{inner.out}</u>);
  });
  return { out, end: pos };
}

/** Message text with light markup and mentions, rendered as React elements (never as HTML). */
export function MessageText({ text, mentions }: { text: string; mentions?: MentionView }) {
  return <span className="message-text">{render(parseMarkup(text), 'm', 0, mentions).out}</span>;
}
