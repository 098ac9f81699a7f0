import { highlightParts } from '../utils/highlight';

/** A found message's text with the matched ranges in `<mark>`: React text nodes, never HTML. */
export function HighlightedText({ text, ranges }: { text: string; ranges: [number, number][] }) {
  return (
    <>
      {highlightParts(text, ranges).map((p, i) => (p.match ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
