/** The server's limit on message text (docs/api.md), and how the composer explains it. */
export const MAX_MESSAGE_LENGTH = 4000;
/** From here on, the composer counts down to the limit. */
export const LIMIT_WARNING_FROM = MAX_MESSAGE_LENGTH - 200;

const count = (n: number) => n.toLocaleString('en-US');

/** Why a long message cannot be sent, said before and after the limit is reached. */
export function lengthNotice(length: number): string | null {
  if (length > MAX_MESSAGE_LENGTH) {
    const over = length - MAX_MESSAGE_LENGTH;
    return `Too long to send: ${count(length)} characters, the limit is ${count(MAX_MESSAGE_LENGTH)}. Remove ${count(over)} to send it.`;
  }
  if (length > LIMIT_WARNING_FROM) return `${count(MAX_MESSAGE_LENGTH - length)} characters left.`;
  return null;
}
