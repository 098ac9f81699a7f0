/** A countdown's number, kept out of the live region so a screen reader is not read one a second. */
export function Ticking({ text }: { text: string }) {
  return <span aria-live="off">{text}</span>;
}
