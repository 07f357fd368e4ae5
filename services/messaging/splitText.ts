/**
 * Splitting of a long text into Messenger-sized chunks at natural boundaries: the one rule
 * used by the Messenger edge (`bot/messenger/outgoing.ts`) and by dialogs that send a long
 * text in parts ("Mes données").
 */
import { MESSENGER_LIMITS } from '../graph/message-types';

/**
 * Splits `text` into chunks of at most `maxLength` UTF-16 units (by default Messenger's
 * 2,000), cutting at the last paragraph break, else line break, else sentence end, else
 * space that leaves a chunk at least half full; a hard cut (never inside a surrogate pair)
 * only when there is none. Chunks are trimmed and empty ones dropped.
 */
export function splitText(text: string, maxLength: number = MESSENGER_LIMITS.textLength): string[] {
  if (maxLength < 2) throw new RangeError('maxLength must be at least 2');
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > maxLength) {
    const cut = findCut(rest, maxLength);
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk !== '') chunks.push(chunk);
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') chunks.push(rest);
  return chunks;
}

/** Preferred cut points, best first; `keepMatch` keeps the matched text in the first chunk. */
const BOUNDARIES = [
  { pattern: /\n\s*\n/g, keepMatch: false },
  { pattern: /\n/g, keepMatch: false },
  { pattern: /[.!?…](?=\s)/g, keepMatch: true },
  { pattern: /\s/g, keepMatch: false },
] as const;

function findCut(text: string, maxLength: number): number {
  const window = text.slice(0, maxLength + 1);
  const floor = Math.floor(maxLength / 2);
  for (const { pattern, keepMatch } of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(pattern)) {
      const end = match.index + (keepMatch ? match[0].length : 0);
      if (end <= maxLength && end >= floor) best = end;
    }
    if (best > 0) return best;
  }
  const code = text.charCodeAt(maxLength - 1);
  const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
  return isHighSurrogate ? maxLength - 1 : maxLength;
}
