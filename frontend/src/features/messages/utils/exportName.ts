/** How long the chat-name part of an export's file name may get (in characters). */
const MAX_NAME = 60;

/**
 * The file name for an export, after the chat and the day: `Weekend-trip-2026-11-25.txt`.
 * Whatever the chat is called, the name is safe on every common file system: no path
 * separators, reserved or control characters, no leading dot, bounded length.
 */
export function exportFileName(chatTitle: string, format: string, on: Date = new Date()): string {
  const cleaned = chatTitle
    .normalize('NFKC')
    // eslint-disable-next-line no-control-regex -- control characters are what a file name must not hold
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]+/g, ' ')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.\-_]+|[.\-_]+$/g, '');
  const name = [...cleaned].slice(0, MAX_NAME).join('').replace(/[.\-_]+$/, '') || 'chat';
  const day = `${on.getFullYear()}-${String(on.getMonth() + 1).padStart(2, '0')}-${String(on.getDate()).padStart(2, '0')}`;
  return `${name}-${day}.${format}`;
}
