/**
 * Classifies JSON lines from standard input: `npm run --silent nlu < messages.jsonl`.
 *
 * Each input line is `{"text": "..."}`; each output line, in the same order, is
 * `{"text","intent","category","confidence"}` where `category` is `none` unless the intent
 * is `offer` or `need`, and `confidence` is the intent confidence. A malformed line gives
 * `{"error": "..."}` and processing goes on; blank lines are skipped. Only those lines are
 * written to stdout.
 */
import { createInterface } from 'node:readline';
import { Nlu } from '../services/nlu';

function classifyLine(nlu: Nlu, line: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return { error: 'invalid JSON' };
  }
  const text = (parsed as { text?: unknown } | null)?.text;
  if (typeof text !== 'string') return { error: 'expected an object with a string "text"' };
  const understanding = nlu.understand(text);
  return {
    text,
    intent: understanding.intent,
    category: understanding.category,
    confidence: Number(understanding.intentConfidence.toFixed(4)),
  };
}

async function main(): Promise<void> {
  const nlu = Nlu.load();
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() === '') continue;
    process.stdout.write(`${JSON.stringify(classifyLine(nlu, line))}\n`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : 'nlu failed');
  process.exitCode = 1;
});
