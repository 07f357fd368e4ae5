/**
 * Long texts cut at line breaks into Messenger-sized messages.
 */

/** Messenger's limit for one text message. */
export const MAX_TEXT_LENGTH = 2000;

/** `text` in parts of at most `max` characters, cut between lines when possible. */
export function splitText(text: string, max = MAX_TEXT_LENGTH): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let start = 0; start < Math.max(line.length, 1); start += max) {
      const piece = line.slice(start, start + max);
      const joined = current === '' ? piece : `${current}\n${piece}`;
      if (joined.length <= max) {
        current = joined;
      } else {
        parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== '' || parts.length === 0) parts.push(current);
  return parts;
}
