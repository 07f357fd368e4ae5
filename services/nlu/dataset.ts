/**
 * Training examples: reading the reviewable JSON-lines files and splitting them.
 *
 * @remarks
 * Each line of `data/*.jsonl` is `{"text": "...", "label": "..."}`. Reading fails loudly
 * (with the file and line number) on a malformed line or an unknown label, so that a
 * bad edit to the data is caught by the tests rather than silently dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodedError, ErrorCode } from '../errors';

/** One labelled sentence. */
export interface Example<L extends string = string> {
  readonly text: string;
  readonly label: L;
}

/** Directory of the data files. */
export const DATA_DIR = join(__dirname, 'data');
/** Path of the intent examples. */
export const INTENTS_FILE = join(DATA_DIR, 'intents.jsonl');
/** Path of the category examples. */
export const CATEGORIES_FILE = join(DATA_DIR, 'categories.jsonl');
/**
 * Path of the check set: realistic messages written apart from the training data (and
 * before the current model), each `{"text", "intent", "category"?}`; never trained on.
 */
export const CHECK_FILE = join(DATA_DIR, 'check.jsonl');

/** Parses JSON-lines examples, checking every label against `labels`. */
export function parseExamples<L extends string>(
  content: string,
  labels: readonly L[],
  source = 'examples',
): Example<L>[] {
  const known = new Set<string>(labels);
  const examples: Example<L>[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch (cause) {
      throw new CodedError(ErrorCode.PayloadInvalid, `${where}: not JSON`, { cause });
    }
    const record = parsed as { text?: unknown; label?: unknown };
    if (typeof record.text !== 'string' || typeof record.label !== 'string' || !known.has(record.label)) {
      throw new CodedError(
        ErrorCode.PayloadInvalid,
        `${where}: expected {"text": string, "label": known label}`,
      );
    }
    examples.push({ text: record.text, label: record.label as L });
  });
  return examples;
}

/** Reads and validates one data file. */
export function readExamples<L extends string>(file: string, labels: readonly L[]): Example<L>[] {
  return parseExamples(readFileSync(file, 'utf8'), labels, file);
}

/** The check set split into intent examples and the category examples it has. */
export interface CheckSet<I extends string, C extends string> {
  readonly intents: Example<I>[];
  readonly categories: Example<C>[];
}

/** Reads {@link CHECK_FILE} (or another file of the same shape), checking every label. */
export function readCheckSet<I extends string, C extends string>(
  intentLabels: readonly I[],
  categoryLabels: readonly C[],
  file = CHECK_FILE,
): CheckSet<I, C> {
  const lines = readFileSync(file, 'utf8').split('\n');
  const records = lines.map((line) => {
    if (line.trim() === '') return '';
    const { category, intent, text } = JSON.parse(line) as Record<string, unknown>;
    return {
      intent: JSON.stringify({ text, label: intent }),
      category: category === undefined ? '' : JSON.stringify({ text, label: category }),
    };
  });
  return {
    intents: parseExamples(records.map((r) => (r === '' ? '' : r.intent)).join('\n'), intentLabels, file),
    categories: parseExamples(
      records.map((r) => (r === '' ? '' : r.category)).join('\n'),
      categoryLabels,
      file,
    ),
  };
}

/** Training files written by voice: `data/train-<voice>.jsonl`. */
export const VOICE_FILE_PATTERN = /^train-[a-z-]+\.jsonl$/;

/** The paths of the voice files, in name order. */
export function voiceFiles(dir = DATA_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => VOICE_FILE_PATTERN.test(name))
    .sort()
    .map((name) => join(dir, name));
}

/** One line of a voice file: an intent, its category when it has one, and its voice. */
export interface TaggedExample<I extends string, C extends string> {
  readonly text: string;
  readonly intent: I;
  readonly category?: C;
  /** How it is written: `elderly`, `sms`, `typos`, `english`... (free tag, for review). */
  readonly voice: string;
}

/**
 * Parses a voice file (`{"text", "intent", "category"?, "voice"}` per line), checking the
 * labels; a category is required on `offer` and `need` lines and refused elsewhere.
 */
export function parseTagged<I extends string, C extends string>(
  content: string,
  intents: readonly I[],
  categories: readonly C[],
  source = 'examples',
): TaggedExample<I, C>[] {
  const knownIntents = new Set<string>(intents);
  const knownCategories = new Set<string>(categories);
  const tagged: TaggedExample<I, C>[] = [];
  content.split('\n').forEach((line, index) => {
    if (line.trim() === '') return;
    const where = `${source}:${index + 1}`;
    let record: Record<string, unknown>;
    try {
      record = JSON.parse(line) as Record<string, unknown>;
    } catch (cause) {
      throw new CodedError(ErrorCode.PayloadInvalid, `${where}: not JSON`, { cause });
    }
    const { text, intent, category, voice } = record;
    const withCategory = intent === 'offer' || intent === 'need';
    if (
      typeof text !== 'string' ||
      typeof voice !== 'string' ||
      typeof intent !== 'string' ||
      !knownIntents.has(intent) ||
      (withCategory ? typeof category !== 'string' || !knownCategories.has(category) : category !== undefined)
    ) {
      throw new CodedError(
        ErrorCode.PayloadInvalid,
        `${where}: expected {"text", "intent", "category" on offer/need lines, "voice"} with known labels`,
      );
    }
    tagged.push({
      text,
      intent: intent as I,
      ...(withCategory ? { category: category as C } : {}),
      voice,
    });
  });
  return tagged;
}

/** Every line of every voice file. */
export function readTagged<I extends string, C extends string>(
  intents: readonly I[],
  categories: readonly C[],
  dir = DATA_DIR,
): TaggedExample<I, C>[] {
  return voiceFiles(dir).flatMap((file) =>
    parseTagged(readFileSync(file, 'utf8'), intents, categories, file),
  );
}

/**
 * Voices whose misspellings are deliberate: their words train the classifiers but are not
 * correction targets, or "imprimmer" would stay as written instead of becoming "imprimer".
 */
export const MISSPELT_VOICES: readonly string[] = ['typos'];

/** All the training data: the two label files followed by the voice files. */
export interface TrainingData<I extends string, C extends string> {
  readonly intents: Example<I>[];
  readonly categories: Example<C>[];
  /** Texts of the lines in a {@link MISSPELT_VOICES} voice, left out of the typo vocabulary. */
  readonly misspelt: ReadonlySet<string>;
}

/** Reads {@link INTENTS_FILE}, {@link CATEGORIES_FILE} and the voice files, checking every label. */
export function readTrainingData<I extends string, C extends string>(
  intents: readonly I[],
  categories: readonly C[],
): TrainingData<I, C> {
  const tagged = readTagged(intents, categories);
  return {
    intents: [
      ...readExamples(INTENTS_FILE, intents),
      ...tagged.map((line) => ({ text: line.text, label: line.intent })),
    ],
    categories: [
      ...readExamples(CATEGORIES_FILE, categories),
      ...tagged.flatMap((line) => (line.category ? [{ text: line.text, label: line.category }] : [])),
    ],
    misspelt: new Set(tagged.filter((line) => MISSPELT_VOICES.includes(line.voice)).map((line) => line.text)),
  };
}

/** A deterministic train / held-out partition. */
export interface Split<L extends string> {
  readonly train: Example<L>[];
  readonly heldOut: Example<L>[];
}

/**
 * Holds out every `every`-th example of each label (the 5th, 10th, ... by default), in
 * file order, so the split is stable, stratified, and reproducible by reviewers.
 */
export function holdOutSplit<L extends string>(examples: readonly Example<L>[], every = 5): Split<L> {
  const seen = new Map<string, number>();
  const train: Example<L>[] = [];
  const heldOut: Example<L>[] = [];
  for (const example of examples) {
    const rank = (seen.get(example.label) ?? 0) + 1;
    seen.set(example.label, rank);
    (rank % every === 0 ? heldOut : train).push(example);
  }
  return { train, heldOut };
}
