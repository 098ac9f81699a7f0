import type { ReactNode } from 'react';
import { parseMarkup, type MarkupNode } from '../../../lib/markup';

function render(nodes: MarkupNode[], keyPrefix: string): ReactNode[] {
  return nodes.map((n, i) => {
    const key = `${keyPrefix}.${i}`;
    if (typeof n === 'string') return n;
    const children = render(n.children, key);
    if (n.style === 'bold') return <strong key={key}>{children}</strong>;
    if (n.style === 'italic') return <em key={key}>{children}</em>;
    return <u key={key}>{children}</u>;
  });
}

/** Message text with light markup, rendered as React elements (never as HTML). */
export function MessageText({ text }: { text: string }) {
  return <span className="message-text">{render(parseMarkup(text), 'm')}</span>;
}
