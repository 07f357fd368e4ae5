/**
 * The independent check set of the understanding: `messages.jsonl` next to this file.
 *
 * @remarks
 * Written apart from the training data, by someone other than its author and before any
 * tuning, in the voices of issue 12. It is never trained or tuned on: nothing under
 * `services/` reads it, only `npm run nlu:check` (measure) and `checkset.test.ts` (integrity).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Category, EmergencyKind, Intent } from '../../../services/nlu';

/** Path of the check set. */
export const CHECKSET_FILE = join(__dirname, 'messages.jsonl');

/** The voices a message of the check set is written in. */
export const VOICES = [
  'elderly',
  'sms',
  'typos',
  'dictation',
  'non_native',
  'situation',
  'question_offer',
  'double',
  'english',
  'ordinary_answers',
] as const;
/** See {@link VOICES}. */
export type Voice = (typeof VOICES)[number];

/** One message of the check set with its expected labels. */
export interface CheckMessage {
  readonly text: string;
  readonly voice: Voice;
  readonly intent: Intent;
  /** The category when the intent is `offer` or `need`, `null` otherwise. */
  readonly category: Category | null;
  /** The kind when the message is an emergency, `null` otherwise. */
  readonly emergency: EmergencyKind | null;
}

/** Reads the check set as written; the labels are checked by `checkset.test.ts`, not here. */
export function readCheckset(file = CHECKSET_FILE): CheckMessage[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as CheckMessage);
}
